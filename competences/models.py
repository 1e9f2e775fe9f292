"""The competence catalogue and the level each occupation requires.

A competence is identified by its category and code: the same code in two profiles is
the same competence, but soft and digital competences reuse short codes such as '2.1'
for different things, so the code alone is not a key.
"""

from functools import cache, lru_cache
from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Q
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from nsp import vocabulary as vocab
from occupations.models import Occupation, OccupationPart, once_per_occupation
from portal.czech import fold
from portal.models import NaturalKeyManager, VersionedModel, VersionedQuerySet, unique


class Category(models.TextChoices):
    PROFESSIONAL_SKILL = "professional_skill", _("Odborné dovednosti")
    PROFESSIONAL_KNOWLEDGE = "professional_knowledge", _("Odborné znalosti")
    GENERAL_SKILL = "general_skill", _("Obecné dovednosti")
    DIGITAL = "digital", _("Digitální kompetence")
    SOFT = "soft", _("Měkké kompetence")


# Public addresses of the categories: /kompetence/<slug>/<code>/.
CATEGORY_SLUGS = {
    Category.PROFESSIONAL_SKILL: "odborne-dovednosti",
    Category.PROFESSIONAL_KNOWLEDGE: "odborne-znalosti",
    Category.GENERAL_SKILL: "obecne-dovednosti",
    Category.DIGITAL: "digitalni",
    Category.SOFT: "mekke",
}


def competence_url(category, code):
    """The public address of a competence, as reverse() gives it. A page of career moves
    links a thousand requirements and reverse() costs 25 µs each, so the address of each
    category is reversed once per language and prefix and the code put in, quoted as
    reverse() quotes what the `str` converter takes."""
    if "/" in code or not code:  # reverse() refuses it
        return reverse("competences:detail", args=[CATEGORY_SLUGS[category], code])
    head = _category_url(
        CATEGORY_SLUGS[category], get_language(), get_script_prefix(), get_urlconf()
    )
    return head + quote(code, safe=_CODE_SAFE) + "/"


def competence_urls():
    """competence_url() for the many competences of one page: the language and the
    categories' addresses looked up once, each competence's address made once."""
    language, script_prefix, urlconf = get_language(), get_script_prefix(), get_urlconf()
    heads = {
        category: _category_url(slug, language, script_prefix, urlconf)
        for category, slug in CATEGORY_SLUGS.items()
    }

    @cache
    def url(category, code):
        if "/" in code or not code:
            return competence_url(category, code)
        return heads[category] + quote(code, safe=_CODE_SAFE) + "/"

    return url


_CODE_SAFE = RFC3986_SUBDELIMS + "/~:@"  # what reverse() leaves unquoted in a path


@lru_cache(maxsize=64)
def _category_url(slug, language, script_prefix, urlconf):
    return reverse("competences:detail", args=[slug, "0"]).removesuffix("0/")


CATEGORY_BY_SLUG = {slug: category for category, slug in CATEGORY_SLUGS.items()}


class Suitability(models.IntegerChoices):
    ESSENTIAL = vocab.ESSENTIAL, _("nezbytná")
    SUITABLE = vocab.SUITABLE_COMPETENCE, _("vhodná")


MAX_NAMED_OCCUPATIONS = 5  # in a message; the rest are "a další"


class CompetenceQuerySet(VersionedQuerySet):
    def matching(self, query):
        """Competences whose code is `query` or whose name contains all its words."""
        words = fold(query).split()
        if not words:
            return self
        by_name = Q()
        for word in words:
            by_name &= Q(search_name__contains=word)
        return self.filter(Q(code__iexact=query.strip()) | by_name)


class Competence(VersionedModel):
    category = models.CharField(_("kategorie"), max_length=30, choices=Category.choices)
    code = models.CharField(_("kód"), max_length=30)
    name = models.CharField(_("název"), max_length=500)
    search_name = models.CharField(max_length=500, editable=False, default="")

    objects = NaturalKeyManager.from_queryset(CompetenceQuerySet)()

    class Meta:
        verbose_name = _("kompetence")
        verbose_name_plural = _("kompetence")
        ordering = ["category", "code"]
        constraints = [
            unique(
                "category",
                "code",
                name="competence_unique_code",
                message=_("Kompetence s tímto kódem už v kategorii je."),
            ),
            models.CheckConstraint(
                condition=Q(category__in=list(vocab.COMPETENCE_CATEGORY_BY_KEY)),
                name="competence_category_valid",
                violation_error_message=_("Neznámá kategorie kompetence."),
            ),
        ]
        indexes = [models.Index(fields=["code"])]

    def __str__(self):
        return f"{self.code} {self.name}"

    def save(self, *args, **kwargs):
        self.search_name = fold(self.name)
        with transaction.atomic():
            super().save(*args, **kwargs)
            # The links keep a copy of the category for the CHECK on their level's scale;
            # a category change carries it along (clean() has checked the levels fit).
            self.occupation_links.exclude(category=self.category).update(category=self.category)

    def get_absolute_url(self):
        return competence_url(self.category, self.code)

    def clean(self):
        """A new category must hold, on its scale, every level the profiles require."""
        if self.pk is None or self.category not in vocab.COMPETENCE_CATEGORY_BY_KEY:
            return
        category = vocab.COMPETENCE_CATEGORY_BY_KEY[self.category]
        off_scale = self.occupation_links.exclude(level__in=category.scale)
        levels = sorted(set(off_scale.values_list("level", flat=True)))
        if not levels:
            return
        titles = list(
            off_scale.order_by("occupation__title_sort_key").values_list(
                "occupation__title", flat=True
            )[: MAX_NAMED_OCCUPATIONS + 1]
        )
        occupations = ", ".join(titles[:MAX_NAMED_OCCUPATIONS])
        if len(titles) > MAX_NAMED_OCCUPATIONS:
            occupations += " " + _("a další")
        raise ValidationError(
            {
                "category": _(
                    "%(category)s mají stupnici %(low)s–%(high)s, ale tuto kompetenci "
                    "profily vyžadují na úrovni %(levels)s (%(occupations)s)."
                )
                % {
                    "category": self.get_category_display(),
                    "low": category.scale_min,
                    "high": category.scale_max,
                    "levels": ", ".join(map(str, levels)),
                    "occupations": occupations,
                }
            }
        )

    @property
    def scale(self):
        return vocab.COMPETENCE_CATEGORY_BY_KEY[self.category].scale


def _level_within_scale():
    """The level must lie on its category's scale (1–8, 0–3, 1–4 or 0–5)."""
    condition = Q()
    for category in vocab.COMPETENCE_CATEGORIES:
        condition |= Q(
            category=category.key,
            level__gte=category.scale_min,
            level__lte=category.scale_max,
        )
    return condition


class OccupationCompetence(OccupationPart):
    """The level (and, for professional competences, the suitability) an occupation
    requires of a competence."""

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="competence_links")
    competence = models.ForeignKey(
        Competence,
        models.PROTECT,
        related_name="occupation_links",
        verbose_name=_("kompetence"),
    )
    # A copy of competence.category: a CHECK constraint can only see its own row, and
    # the scale a level must lie on depends on the category. save() keeps it in step.
    category = models.CharField(
        _("kategorie"), max_length=30, choices=Category.choices, editable=False
    )
    level = models.PositiveSmallIntegerField(_("úroveň"))
    suitability = models.PositiveSmallIntegerField(
        _("vhodnost"), choices=Suitability.choices, null=True, blank=True
    )

    class Meta(OccupationPart.Meta):
        verbose_name = _("požadovaná kompetence")
        verbose_name_plural = _("požadované kompetence")
        constraints = [
            once_per_occupation("competence", message=_("Tuto kompetenci už povolání má.")),
            models.CheckConstraint(
                condition=_level_within_scale(),
                name="competence_level_within_scale",
                violation_error_message=_(
                    "Úroveň musí ležet na stupnici kategorie: odborné 1–8, obecné 0–3, "
                    "digitální 1–4, měkké 0–5."
                ),
            ),
            models.CheckConstraint(
                condition=Q(suitability__isnull=True) | Q(suitability__gte=1),
                name="competence_suitability_positive",
                violation_error_message=_("Vhodnost musí být nezbytná, nebo vhodná."),
            ),
        ]
        indexes = [
            # The links of a competence at a level and up, read in the index alone: "Co
            # umím" sums them for every profile (a general skill is on each of them).
            models.Index(
                fields=["competence", "level", "occupation", "category", "suitability"],
                name="competence_link_coverage",
            )
        ]

    def __str__(self):
        return f"{self.competence} ({self.level})"

    def save(self, *args, **kwargs):
        self.category = self.competence.category
        super().save(*args, **kwargs)

    def clean(self):
        if self.competence_id is None:
            return
        self.category = self.competence.category
        scale = vocab.COMPETENCE_CATEGORY_BY_KEY[self.category]
        if self.level is not None and self.level not in scale.scale:
            raise ValidationError(
                {
                    "level": _(
                        "Úroveň %(level)s je mimo stupnici %(low)s–%(high)s kategorie "
                        "„%(category)s“."
                    )
                    % {
                        "level": self.level,
                        "low": scale.scale_min,
                        "high": scale.scale_max,
                        "category": self.competence.get_category_display(),
                    }
                }
            )
