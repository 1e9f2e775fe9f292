"""Occupations (jednotky práce) and the classifications they share.

An occupation row holds what is its own (title, description, activities…); what several
profiles share (fields, ISCO groups, work-condition factors, education fields, health
restrictions) is one row referenced by links that keep each profile's source order in a
`position` column. Wages live in `wages`, competences in `competences`.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nsp import vocabulary as vocab
from occupations.czech import fold, sort_key


class NaturalKeyManager(models.Manager):
    """`get_by_natural_key()` from the model's `natural_key_fields`, so fixtures load into
    any database without relying on primary keys."""

    def get_by_natural_key(self, *key):
        return self.get(**dict(zip(self.model.natural_key_fields, key, strict=True)))


class Field(models.Model):
    """Odborný směr."""

    name = models.CharField(_("název"), max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)

    natural_key_fields = ("name",)
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("odborný směr")
        verbose_name_plural = _("odborné směry")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class Subfield(models.Model):
    """Odborný podsměr, within one field (the same name may recur under several fields)."""

    field = models.ForeignKey(Field, models.CASCADE, related_name="subfields")
    name = models.CharField(_("název"), max_length=200)

    natural_key_fields = ("field__name", "name")
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("odborný podsměr")
        verbose_name_plural = _("odborné podsměry")
        ordering = ["field__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["field", "name"],
                name="subfield_unique_in_field",
                violation_error_message=_("Tento odborný směr už podsměr s tímto názvem má."),
            )
        ]

    def __str__(self):
        return f"{self.field} › {self.name}"

    def natural_key(self):
        return (self.field.name, self.name)

    natural_key.dependencies = ["occupations.field"]


class QualificationLevel(models.Model):
    """Kvalifikační úroveň, e.g. 'Střední vzdělání s maturitní zkouškou'."""

    name = models.CharField(_("název"), max_length=500, unique=True)

    natural_key_fields = ("name",)
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("kvalifikační úroveň")
        verbose_name_plural = _("kvalifikační úrovně")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class IscoGroup(models.Model):
    """A CZ-ISCO group (1 to 5 digits). Wages belong to the group, not to an occupation."""

    code = models.CharField(_("kód"), max_length=5, unique=True)
    name = models.CharField(_("název"), max_length=300)

    natural_key_fields = ("code",)
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("skupina CZ-ISCO")
        verbose_name_plural = _("skupiny CZ-ISCO")
        ordering = ["code"]
        constraints = [
            models.CheckConstraint(
                condition=Q(code__regex=r"^[0-9]{1,5}$"),
                name="isco_code_is_1_to_5_digits",
                violation_error_message=_("Kód CZ-ISCO tvoří 1 až 5 číslic, např. 4222."),
            )
        ]

    def __str__(self):
        return f"{self.code} {self.name}"

    def get_absolute_url(self):
        return reverse("occupations:isco", args=[self.code])

    def natural_key(self):
        return (self.code,)


class WorkConditionFactor(models.Model):
    """A row of 'Pracovní podmínky', e.g. 'Zátěž hlukem'."""

    name = models.CharField(_("název"), max_length=300, unique=True)

    natural_key_fields = ("name",)
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("faktor pracovních podmínek")
        verbose_name_plural = _("faktory pracovních podmínek")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class EducationField(models.Model):
    """A school field (obor) of the RVP or KKOV classification.

    Keyed by type, code and name together: the export uses placeholder codes such as
    'xx-xx-M/xx' for several differently named fields.
    """

    class Type(models.TextChoices):
        RVP = "RVP", "RVP"
        KKOV = "KKOV", "KKOV"

    type = models.CharField(_("typ"), max_length=10, choices=Type.choices)
    code = models.CharField(_("kód"), max_length=20)
    name = models.CharField(_("název"), max_length=500)

    natural_key_fields = ("type", "code", "name")
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("obor vzdělání")
        verbose_name_plural = _("obory vzdělání")
        ordering = ["type", "code", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["type", "code", "name"],
                name="education_field_unique",
                violation_error_message=_("Obor s tímto typem, kódem a názvem už v číselníku je."),
            ),
            models.CheckConstraint(
                condition=Q(type__in=["RVP", "KKOV"]),
                name="education_field_type_valid",
                violation_error_message=_("Typ oboru musí být RVP, nebo KKOV."),
            ),
        ]
        indexes = [models.Index(fields=["code"])]

    def __str__(self):
        return f"{self.type} {self.code} {self.name}"

    def natural_key(self):
        return (self.type, self.code, self.name)


class HealthRestriction(models.Model):
    """An illness that limits the work ('Onemocnění omezující výkon povolání')."""

    name = models.CharField(_("název"), max_length=300, unique=True)

    natural_key_fields = ("name",)
    objects = NaturalKeyManager()

    class Meta:
        verbose_name = _("zdravotní omezení")
        verbose_name_plural = _("zdravotní omezení")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def natural_key(self):
        return (self.name,)


class OccupationQuerySet(models.QuerySet):
    def with_profile(self):
        """Everything a profile page or document shows, in a fixed number of queries."""
        from competences.models import OccupationCompetence
        from wages.models import OccupationWageTable, WageFigure

        return self.select_related("field", "subfield", "parent").prefetch_related(
            "alternative_names",
            models.Prefetch(
                "qualification_links",
                queryset=OccupationQualification.objects.select_related("level"),
            ),
            models.Prefetch("related", queryset=RelatedOccupation.objects.select_related("target")),
            "activities",
            models.Prefetch("isco_links", queryset=OccupationIsco.objects.select_related("group")),
            "esco_links",
            models.Prefetch(
                "work_condition_loads",
                queryset=WorkConditionLoad.objects.select_related("factor"),
            ),
            models.Prefetch(
                "education_links", queryset=OccupationEducation.objects.select_related("field")
            ),
            models.Prefetch(
                "competence_links",
                queryset=OccupationCompetence.objects.select_related("competence"),
            ),
            models.Prefetch(
                "health_links",
                queryset=OccupationHealthRestriction.objects.select_related("restriction"),
            ),
            models.Prefetch(
                "wage_links",
                queryset=OccupationWageTable.objects.select_related("table__isco_group"),
            ),
            models.Prefetch(
                "wage_links__table__figures",
                queryset=WageFigure.objects.select_related("region"),
            ),
        )

    def search(self, query):
        """Occupations whose title or alternative names contain every word of `query`,
        ignoring case and diacritics; title matches first."""
        words = fold(query).split()
        if not words:
            return self
        matches, in_title = self, Q()
        for word in words:
            in_title &= Q(search_title__contains=word)
            matches = matches.filter(
                Q(search_title__contains=word) | Q(search_names__contains=word)
            )
        return matches.annotate(
            title_match=models.Case(
                models.When(in_title, then=models.Value(0)),
                default=models.Value(1),
                output_field=models.IntegerField(),
            )
        ).order_by("title_match", "title_sort_key", "nsp_id")

    def czech_order(self):
        return self.order_by("title_sort_key", "nsp_id")


class Occupation(models.Model):
    """One NSP work unit: an occupation (povolání) or a specialization (specializace)."""

    class Kind(models.TextChoices):
        OCCUPATION = vocab.OCCUPATION, _("povolání")
        SPECIALIZATION = vocab.SPECIALIZATION, _("specializace")

    nsp_id = models.PositiveIntegerField(
        _("NSP ID"),
        unique=True,
        # PostgreSQL's integer ends there; SQLite would store more.
        validators=[
            MaxValueValidator(vocab.MAX_NSP_ID, message=_("NSP ID je nejvýš %(limit_value)s."))
        ],
        error_messages={"unique": _("Povolání s tímto NSP ID už v portálu je.")},
    )
    kind = models.CharField(_("druh"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("název"), max_length=300)
    slug = models.SlugField(
        max_length=300,
        unique=True,
        help_text=_("Adresa profilu. Stará adresa po změně dál přesměrovává na novou."),
    )
    description = models.TextField(_("popis"), blank=True)
    field = models.ForeignKey(
        Field,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="occupations",
        verbose_name=_("odborný směr"),
    )
    subfield = models.ForeignKey(
        Subfield,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="occupations",
        verbose_name=_("odborný podsměr"),
    )
    regulated = models.BooleanField(_("regulovaná jednotka práce"), null=True, blank=True)
    parent_name = models.CharField(
        _("nadřazené povolání (jak je v NSP)"), max_length=300, blank=True
    )
    parent = models.ForeignKey(
        "self",
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("nadřazené povolání"),
    )
    qualification_levels = models.ManyToManyField(
        QualificationLevel, through="OccupationQualification", related_name="occupations"
    )
    isco_groups = models.ManyToManyField(
        IscoGroup, through="OccupationIsco", related_name="occupations"
    )
    health_restrictions = models.ManyToManyField(
        HealthRestriction, through="OccupationHealthRestriction", related_name="occupations"
    )

    # Derived from title and alternative names by refresh_search_fields(); see czech.py.
    search_title = models.CharField(max_length=300, editable=False, default="")
    search_names = models.TextField(editable=False, default="")
    title_sort_key = models.CharField(max_length=3000, editable=False, default="")

    # Not auto_now: fixtures (raw saves) leave it out and get the default instead.
    updated_at = models.DateTimeField(_("změněno"), default=timezone.now, editable=False)

    natural_key_fields = ("nsp_id",)
    objects = NaturalKeyManager.from_queryset(OccupationQuerySet)()

    class Meta:
        verbose_name = _("povolání")
        verbose_name_plural = _("povolání")
        ordering = ["title_sort_key", "nsp_id"]
        permissions = [("import_nsp", _("Může importovat exporty NSP"))]
        indexes = [
            models.Index(fields=["title_sort_key", "nsp_id"]),
            models.Index(fields=["kind"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=vocab.KINDS),
                name="occupation_kind_valid",
                violation_error_message=_("Druh musí být povolání, nebo specializace."),
            ),
            models.CheckConstraint(
                condition=Q(nsp_id__gte=1),
                name="occupation_nsp_id_positive",
                violation_error_message=_("NSP ID je kladné celé číslo (1 a víc)."),
            ),
            models.CheckConstraint(
                condition=~Q(title=""),
                name="occupation_title_not_empty",
                violation_error_message=_("Název nesmí být prázdný."),
            ),
            models.CheckConstraint(
                condition=~Q(slug=""),
                name="occupation_slug_not_empty",
                violation_error_message=_("Adresa profilu nesmí být prázdná."),
            ),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            taken = set(
                Occupation.objects.exclude(pk=self.pk).values_list("slug", flat=True)
            ) | set(SlugRedirect.objects.values_list("old_slug", flat=True))
            self.slug = free_slug(self.title, taken)
        self.refresh_search_fields()
        self.updated_at = timezone.now()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("occupations:detail", args=[self.slug])

    def clean(self):
        errors = {}
        if self.subfield_id and self.subfield.field_id != self.field_id:
            errors["subfield"] = _("Podsměr „%(name)s“ nepatří do zvoleného odborného směru.") % {
                "name": self.subfield.name
            }
        # Another profile's old address keeps redirecting to it; its own may come back.
        redirect = (
            SlugRedirect.objects.filter(old_slug=self.slug)
            .exclude(occupation_id=self.pk)
            .select_related("occupation")
            .first()
        )
        if redirect is not None:
            errors["slug"] = _(
                "Adresa „%(slug)s“ je stará adresa profilu „%(title)s“ a přesměrovává na něj. "
                "Zvolte jinou."
            ) % {"slug": self.slug, "title": redirect.occupation.title}
        if errors:
            raise ValidationError(errors)

    def natural_key(self):
        return (self.nsp_id,)

    def refresh_search_fields(self, alternative_names=None):
        """Recompute the folded search text and the Czech sort key.

        `alternative_names` saves a query when the caller already has them."""
        if alternative_names is None:
            alternative_names = [a.name for a in self.alternative_names.all()] if self.pk else []
        self.search_title = fold(self.title)
        self.search_names = " | ".join(fold(name) for name in alternative_names)
        self.title_sort_key = sort_key(self.title)


def nsp_id_from(value):
    """The NSP id a query parameter names, or None. ASCII digits only: '²'.isdigit() is
    true, but int() refuses it."""
    value = str(value).strip()
    if value.isascii() and value.isdigit() and len(value) <= len(str(vocab.MAX_NSP_ID)):
        number = int(value)
        if 1 <= number <= vocab.MAX_NSP_ID:
            return number
    return None


def free_slug(title, taken):
    """A slug from the title, with -2, -3… when `taken` has it already."""
    base = slugify(title)[:280] or "povolani"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class SlugRedirect(models.Model):
    """An address a profile had before an editor changed its slug; it redirects."""

    old_slug = models.SlugField(max_length=300, unique=True)
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="old_slugs")

    class Meta:
        verbose_name = _("stará adresa")
        verbose_name_plural = _("staré adresy")

    def __str__(self):
        return f"{self.old_slug} → {self.occupation.slug}"


# The message of the unique (occupation, position) constraints of a profile's rows.
POSITION_TAKEN = _("Toto pořadí už má jiný řádek profilu; zvolte jiné číslo.")


class OccupationPart(models.Model):
    """A row that belongs to one occupation and keeps its place in the source order."""

    occupation = models.ForeignKey(Occupation, models.CASCADE)
    position = models.PositiveSmallIntegerField(_("pořadí"), default=0)

    objects = NaturalKeyManager()

    class Meta:
        abstract = True
        ordering = ["occupation", "position"]

    def natural_key(self):
        return self.occupation.natural_key() + tuple(
            self._natural_key_value(name) for name in self.natural_key_fields[1:]
        )

    def _natural_key_value(self, name):
        value = self
        for part in name.split("__"):
            value = getattr(value, part)
        return value


class AlternativeName(OccupationPart):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="alternative_names")
    name = models.CharField(_("název"), max_length=300)

    natural_key_fields = ("occupation__nsp_id", "position")

    class Meta(OccupationPart.Meta):
        verbose_name = _("alternativní název")
        verbose_name_plural = _("alternativní názvy")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "position"],
                name="alternative_name_position_unique",
                violation_error_message=POSITION_TAKEN,
            )
        ]

    def __str__(self):
        return self.name


class RelatedOccupation(OccupationPart):
    """'Příbuzné specializace' / 'Příbuzná povolání': the name as written, linked to the
    profile of that name when the portal has it."""

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="related")
    name = models.CharField(_("název"), max_length=300)
    target = models.ForeignKey(
        Occupation,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="related_from",
        verbose_name=_("profil"),
    )

    natural_key_fields = ("occupation__nsp_id", "position")

    class Meta(OccupationPart.Meta):
        verbose_name = _("příbuzné povolání")
        verbose_name_plural = _("příbuzná povolání")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "position"],
                name="related_position_unique",
                violation_error_message=POSITION_TAKEN,
            )
        ]

    def __str__(self):
        return self.name


class Activity(OccupationPart):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="activities")
    text = models.TextField(_("činnost"))

    natural_key_fields = ("occupation__nsp_id", "position")

    class Meta(OccupationPart.Meta):
        verbose_name = _("pracovní činnost")
        verbose_name_plural = _("pracovní činnosti")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "position"],
                name="activity_position_unique",
                violation_error_message=POSITION_TAKEN,
            )
        ]

    def __str__(self):
        return self.text


class OccupationQualification(OccupationPart):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="qualification_links")
    level = models.ForeignKey(
        QualificationLevel,
        models.PROTECT,
        related_name="occupation_links",
        verbose_name=_("kvalifikační úroveň"),
    )

    natural_key_fields = ("occupation__nsp_id", "level__name")

    class Meta(OccupationPart.Meta):
        verbose_name = _("kvalifikační úroveň povolání")
        verbose_name_plural = _("kvalifikační úrovně povolání")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "level"],
                name="qualification_unique_per_occupation",
                violation_error_message=_("Tuto kvalifikační úroveň už povolání má."),
            )
        ]

    def __str__(self):
        return str(self.level)


class OccupationIsco(OccupationPart):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="isco_links")
    group = models.ForeignKey(
        IscoGroup, models.PROTECT, related_name="occupation_links", verbose_name=_("CZ-ISCO")
    )

    natural_key_fields = ("occupation__nsp_id", "group__code")

    class Meta(OccupationPart.Meta):
        verbose_name = _("CZ-ISCO povolání")
        verbose_name_plural = _("CZ-ISCO povolání")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "group"],
                name="isco_unique_per_occupation",
                violation_error_message=_("Tuto skupinu CZ-ISCO už povolání má."),
            )
        ]

    def __str__(self):
        return str(self.group)


class EscoLink(OccupationPart):
    """A link to the ESCO classification, with ESCO's own name for the group."""

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="esco_links")
    code = models.CharField(_("kód"), max_length=20)
    name = models.CharField(_("název v ESCO"), max_length=300)
    url = models.URLField(_("adresa v ESCO"), max_length=500)

    natural_key_fields = ("occupation__nsp_id", "position")

    class Meta(OccupationPart.Meta):
        verbose_name = _("odkaz do ESCO")
        verbose_name_plural = _("odkazy do ESCO")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "position"],
                name="esco_position_unique",
                violation_error_message=POSITION_TAKEN,
            )
        ]

    def __str__(self):
        return f"{self.code} {self.name}"


class WorkConditionLoad(OccupationPart):
    """One level (1–4) marked for a factor; a factor marked at two levels has two rows."""

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="work_condition_loads")
    factor = models.ForeignKey(
        WorkConditionFactor, models.PROTECT, related_name="loads", verbose_name=_("faktor")
    )
    level = models.PositiveSmallIntegerField(
        _("stupeň zátěže"), choices=[(level, str(level)) for level in vocab.WORK_CONDITION_LEVELS]
    )

    natural_key_fields = ("occupation__nsp_id", "factor__name", "level")

    class Meta(OccupationPart.Meta):
        ordering = ["occupation", "position", "level"]
        verbose_name = _("zátěž v pracovních podmínkách")
        verbose_name_plural = _("pracovní podmínky")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "factor", "level"],
                name="work_condition_level_unique",
                violation_error_message=_("Tento stupeň je u faktoru už zaškrtnutý."),
            ),
            models.CheckConstraint(
                condition=Q(level__gte=min(vocab.WORK_CONDITION_LEVELS))
                & Q(level__lte=max(vocab.WORK_CONDITION_LEVELS)),
                name="work_condition_level_1_to_4",
                violation_error_message=_("Stupeň zátěže musí být 1 až 4."),
            ),
        ]
        indexes = [models.Index(fields=["factor", "level"])]

    def __str__(self):
        return f"{self.factor}: {self.level}"


class OccupationEducation(OccupationPart):
    class Tier(models.TextChoices):
        BEST = vocab.BEST, _("nejvhodnější příprava")
        SUITABLE = vocab.SUITABLE, _("vhodná příprava")

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="education_links")
    field = models.ForeignKey(
        EducationField,
        models.PROTECT,
        related_name="occupation_links",
        verbose_name=_("obor vzdělání"),
    )
    tier = models.CharField(_("vhodnost"), max_length=10, choices=Tier.choices)

    natural_key_fields = ("occupation__nsp_id", "field__type", "field__code", "field__name")

    class Meta(OccupationPart.Meta):
        verbose_name = _("školní příprava")
        verbose_name_plural = _("školní příprava")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "field"],
                name="education_unique_per_occupation",
                violation_error_message=_("Tento obor vzdělání už povolání má."),
            ),
            models.CheckConstraint(
                condition=Q(tier__in=vocab.TIERS),
                name="education_tier_valid",
                violation_error_message=_(
                    "Vhodnost musí být nejvhodnější příprava, nebo vhodná příprava."
                ),
            ),
        ]

    def __str__(self):
        return str(self.field)


class OccupationHealthRestriction(OccupationPart):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="health_links")
    restriction = models.ForeignKey(
        HealthRestriction,
        models.PROTECT,
        related_name="occupation_links",
        verbose_name=_("zdravotní omezení"),
    )

    natural_key_fields = ("occupation__nsp_id", "restriction__name")

    class Meta(OccupationPart.Meta):
        verbose_name = _("zdravotní omezení povolání")
        verbose_name_plural = _("zdravotní omezení povolání")
        constraints = [
            models.UniqueConstraint(
                fields=["occupation", "restriction"],
                name="health_unique_per_occupation",
                violation_error_message=_("Toto zdravotní omezení už povolání má."),
            )
        ]

    def __str__(self):
        return str(self.restriction)


class DataVersion(models.Model):
    """A single row counting changes to the catalogue.

    Every import and every admin change bumps it; cached pages and ETags are keyed on it,
    so they never outlive the data. Imports lock it, so two imports cannot interleave.

    A data migration creates the row, but `manage.py flush` deletes it: current() creates
    it again when it is missing, with a new changed_at, so no copy stored under an older
    row can be mistaken for it.
    """

    ROW = 1

    number = models.PositiveBigIntegerField(default=1)
    changed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("verze dat")
        verbose_name_plural = _("verze dat")

    def __str__(self):
        return f"{self.number} ({self.changed_at:%Y-%m-%d %H:%M})"

    @classmethod
    def current(cls):
        """The row, created if it is missing."""
        version, _created = cls.objects.get_or_create(pk=cls.ROW)
        return version

    @classmethod
    def lock(cls):
        """The row, locked until the transaction ends: a second import waits here."""
        locked = cls.objects.select_for_update()
        try:
            return locked.get(pk=cls.ROW)
        except cls.DoesNotExist:
            cls.current()
            return locked.get(pk=cls.ROW)

    @classmethod
    def bump(cls):
        """Mark the catalogue changed: cached pages and ETags of older versions expire."""
        changed = cls.objects.filter(pk=cls.ROW).update(
            number=models.F("number") + 1, changed_at=timezone.now()
        )
        if not changed:
            cls.current()


class PendingImport(models.Model):
    """Files an editor uploaded in the admin, kept between the preview and the confirmation
    (in the database, so any app server can finish the import)."""

    token = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, models.CASCADE)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("připravený import")
        verbose_name_plural = _("připravené importy")

    def __str__(self):
        return f"{self.user} {self.created_at:%Y-%m-%d %H:%M}"


class PendingImportFile(models.Model):
    pending = models.ForeignKey(PendingImport, models.CASCADE, related_name="files")
    position = models.PositiveIntegerField()
    name = models.CharField(max_length=500)
    content = models.BinaryField()

    class Meta:
        ordering = ["pending", "position"]

    def __str__(self):
        return self.name
