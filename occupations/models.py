"""Occupations (jednotky práce) and the classifications they share.

An occupation row holds what is its own (title, description, activities…); what several
profiles share (fields, ISCO groups, work-condition factors, education fields, health
restrictions) is one row referenced by links that keep each profile's source order in a
`position` column. Wages live in `wages`, competences in `competences`.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from nsp import vocabulary as vocab
from portal.czech import sort_key
from portal.models import NamedEntry, NaturalKeyManager, VersionedModel, VersionedQuerySet, unique


class Field(NamedEntry):
    """Odborný směr."""

    name = models.CharField(_("název"), max_length=200, unique=True)
    slug = models.SlugField(max_length=200, unique=True)

    class Meta(NamedEntry.Meta):
        verbose_name = _("odborný směr")
        verbose_name_plural = _("odborné směry")


class Subfield(VersionedModel):
    """Odborný podsměr, within one field (the same name may recur under several fields)."""

    field = models.ForeignKey(Field, models.CASCADE, related_name="subfields")
    name = models.CharField(_("název"), max_length=200)

    class Meta:
        verbose_name = _("odborný podsměr")
        verbose_name_plural = _("odborné podsměry")
        ordering = ["field__name", "name"]
        constraints = [
            unique(
                "field",
                "name",
                name="subfield_unique_in_field",
                message=_("Tento odborný směr už podsměr s tímto názvem má."),
            )
        ]

    def __str__(self):
        return f"{self.field} › {self.name}"


class QualificationLevel(NamedEntry):
    """Kvalifikační úroveň, e.g. 'Střední vzdělání s maturitní zkouškou'."""

    name = models.CharField(_("název"), max_length=500, unique=True)

    class Meta(NamedEntry.Meta):
        verbose_name = _("kvalifikační úroveň")
        verbose_name_plural = _("kvalifikační úrovně")


class IscoGroup(VersionedModel):
    """A CZ-ISCO group (1 to 5 digits). Wages belong to the group, not to an occupation."""

    code = models.CharField(_("kód"), max_length=5, unique=True)
    name = models.CharField(_("název"), max_length=300)

    natural_key_fields = ("code",)

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


class WorkConditionFactor(NamedEntry):
    """A row of 'Pracovní podmínky', e.g. 'Zátěž hlukem'."""

    class Meta(NamedEntry.Meta):
        verbose_name = _("faktor pracovních podmínek")
        verbose_name_plural = _("faktory pracovních podmínek")


class EducationField(VersionedModel):
    """A school field (obor) of the RVP or KKOV classification.

    Keyed by type, code and name together: the export uses placeholder codes such as
    'xx-xx-M/xx' for several differently named fields.
    """

    type = models.CharField(
        _("typ"), max_length=10, choices=[(code, code) for code in vocab.EDUCATION_TYPE_CODES]
    )
    code = models.CharField(_("kód"), max_length=20)
    name = models.CharField(_("název"), max_length=500)

    class Meta:
        verbose_name = _("obor vzdělání")
        verbose_name_plural = _("obory vzdělání")
        ordering = ["type", "code", "name"]
        constraints = [
            unique(
                "type",
                "code",
                "name",
                name="education_field_unique",
                message=_("Obor s tímto typem, kódem a názvem už v číselníku je."),
            ),
            models.CheckConstraint(
                condition=Q(type__in=list(vocab.EDUCATION_TYPE_CODES)),
                name="education_field_type_valid",
                violation_error_message=_("Typ oboru musí být RVP, nebo KKOV."),
            ),
        ]
        indexes = [models.Index(fields=["code"])]

    def __str__(self):
        return f"{self.type} {self.code} {self.name}"


class HealthRestriction(NamedEntry):
    """An illness that limits the work ('Onemocnění omezující výkon povolání')."""

    class Meta(NamedEntry.Meta):
        verbose_name = _("zdravotní omezení")
        verbose_name_plural = _("zdravotní omezení")


class OccupationQuerySet(VersionedQuerySet):
    def czech_order(self):
        return self.order_by("title_sort_key", "nsp_id")

    def taken_slugs(self):
        """Every address in use or redirecting to a profile: a new profile takes none."""
        return set(self.values_list("slug", flat=True)) | set(
            SlugRedirect.objects.values_list("old_slug", flat=True)
        )


class Occupation(VersionedModel):
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

    # The title's Czech alphabetical order (portal/czech.py), set by prepare().
    title_sort_key = models.CharField(max_length=3000, editable=False, default="")

    # Not auto_now: fixtures (raw saves) leave it out and get the default instead.
    updated_at = models.DateTimeField(_("změněno"), default=timezone.now, editable=False)

    natural_key_fields = ("nsp_id",)
    objects = NaturalKeyManager.from_queryset(OccupationQuerySet)()

    class Meta:
        verbose_name = _("povolání")
        verbose_name_plural = _("povolání")
        ordering = ["title_sort_key", "nsp_id"]
        permissions = [
            ("import_nsp", _("Může importovat exporty NSP")),
            ("check_data", _("Může prohlížet kontrolu dat")),
        ]
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
        """The one way a profile's own row is written: a new profile gets a free address,
        an address that changes keeps redirecting, the sort key follows the title, and the
        data version moves (VersionedModel: the search index and the cached pages follow
        it). The importer writes thousands at once: it calls prepare() on each and bumps
        the version once."""
        with transaction.atomic():
            stored_slug = None
            if not self._state.adding:
                stored = Occupation.objects.filter(pk=self.pk).values_list("slug", flat=True)
                stored_slug = stored.first()
            taken = None if self.slug else Occupation.objects.exclude(pk=self.pk).taken_slugs()
            self.prepare(taken_slugs=taken)
            super().save(*args, **kwargs)
            if stored_slug and stored_slug != self.slug:
                self.keep_address(stored_slug)

    def prepare(self, taken_slugs=None):
        """Set what every write of a profile derives: its address when it has none yet
        (free of `taken_slugs`, which it joins), the Czech sort key and the time of the
        change."""
        if not self.slug:
            self.slug = free_slug(self.title, taken_slugs)
            taken_slugs.add(self.slug)
        self.title_sort_key = sort_key(self.title)
        self.updated_at = timezone.now()

    def keep_address(self, old_slug):
        """The old address redirects here; the one it has now no longer redirects."""
        SlugRedirect.objects.filter(old_slug=self.slug, occupation=self).delete()
        SlugRedirect.objects.update_or_create(old_slug=old_slug, defaults={"occupation": self})

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


class SlugRedirect(VersionedModel):
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


def once_per_occupation(*fields, message):
    """The constraint of a part that names each catalogue entry once per profile."""
    return unique(
        "occupation",
        *fields,
        name="%(app_label)s_%(class)s_once_per_occupation",
        message=message,
    )


class OccupationPart(VersionedModel):
    """A row that belongs to one occupation and keeps its place in the source order.

    Subclasses redeclare `occupation` with their related name. A part is unique by its
    position unless its Meta says otherwise (`once_per_occupation`)."""

    occupation = models.ForeignKey(Occupation, models.CASCADE)
    position = models.PositiveSmallIntegerField(_("pořadí"), default=0)

    class Meta:
        abstract = True
        ordering = ["occupation", "position"]
        constraints = [
            unique(
                "occupation",
                "position",
                name="%(app_label)s_%(class)s_position_unique",
                message=POSITION_TAKEN,
            )
        ]


def entry(model, verbose_name, related_name="occupation_links"):
    """A part's link to the catalogue entry it names; an entry in use cannot be deleted."""
    return models.ForeignKey(
        model, models.PROTECT, related_name=related_name, verbose_name=verbose_name
    )


class EntryLink(OccupationPart):
    """A part that names an entry of a shared catalogue (a level, an ISCO group…) through
    its one foreign key besides the occupation, and reads as that entry."""

    class Meta(OccupationPart.Meta):
        abstract = True

    def __str__(self):
        [link] = [
            field
            for field in self._meta.concrete_fields
            if field.is_relation and field.name != "occupation"
        ]
        return str(getattr(self, link.name))


class AlternativeName(OccupationPart):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="alternative_names")
    name = models.CharField(_("název"), max_length=300)

    class Meta(OccupationPart.Meta):
        verbose_name = _("alternativní název")
        verbose_name_plural = _("alternativní názvy")

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

    class Meta(OccupationPart.Meta):
        verbose_name = _("příbuzné povolání")
        verbose_name_plural = _("příbuzná povolání")

    def __str__(self):
        return self.name


class Activity(OccupationPart):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="activities")
    text = models.TextField(_("činnost"))

    class Meta(OccupationPart.Meta):
        verbose_name = _("pracovní činnost")
        verbose_name_plural = _("pracovní činnosti")

    def __str__(self):
        return self.text


def as_written(max_length, what):
    """The text of the export where it is not exactly the catalogue entry a row names (an
    NSP level with more text after it): the profile document keeps it, the pages show the
    entry, and the data check lists it for an editor."""
    return models.CharField(
        _("text v NSP"),
        max_length=max_length,
        blank=True,
        help_text=what,
    )


class WrittenAs:
    """A row naming an entry of an NSP vocabulary (`vocabulary`, through the foreign key
    `entry_field`) that may keep the export's text (`text`): the text must begin with the
    entry's name, or the page would show one thing and the profile document another."""

    vocabulary = None
    entry_field = None

    def clean(self):
        super().clean()
        entry = getattr(self, self.entry_field) if getattr(self, f"{self.entry_field}_id") else None
        if self.text and entry is not None and self.vocabulary.entry(self.text) != entry.name:
            raise ValidationError(
                {
                    "text": _(
                        "Text „%(text)s“ nezačíná názvem „%(name)s“. Zvolte tu položku, kterou "
                        "text začíná, nebo text smažte."
                    )
                    % {"text": self.text, "name": entry.name}
                }
            )


class OccupationQualification(WrittenAs, EntryLink):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="qualification_links")
    level = entry(QualificationLevel, _("kvalifikační úroveň"))
    text = as_written(
        500,
        _(
            "Jak úroveň zapsala NSP, když to není přesně její název (např. s připojeným "
            "dalším textem). Prázdné: přesně název úrovně."
        ),
    )

    vocabulary, entry_field = vocab.QUALIFICATION_LEVELS, "level"

    class Meta(EntryLink.Meta):
        verbose_name = _("kvalifikační úroveň povolání")
        verbose_name_plural = _("kvalifikační úrovně povolání")
        constraints = [
            once_per_occupation(
                "level", "text", message=_("Tuto kvalifikační úroveň už povolání má.")
            )
        ]


class OccupationIsco(EntryLink):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="isco_links")
    group = entry(IscoGroup, _("CZ-ISCO"))
    name = models.CharField(
        _("název v profilu"),
        max_length=300,
        blank=True,
        help_text=_(
            "Jak skupinu nazývá export tohoto profilu, když jinak než portál. Prázdné: "
            "název skupiny."
        ),
    )

    class Meta(EntryLink.Meta):
        verbose_name = _("CZ-ISCO povolání")
        verbose_name_plural = _("CZ-ISCO povolání")
        constraints = [
            once_per_occupation("group", message=_("Tuto skupinu CZ-ISCO už povolání má."))
        ]


class EscoLink(OccupationPart):
    """A link to the ESCO classification, with ESCO's own name for the group."""

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="esco_links")
    code = models.CharField(_("kód"), max_length=20)
    name = models.CharField(_("název v ESCO"), max_length=300)
    url = models.URLField(_("adresa v ESCO"), max_length=500)

    class Meta(OccupationPart.Meta):
        verbose_name = _("odkaz do ESCO")
        verbose_name_plural = _("odkazy do ESCO")

    def __str__(self):
        return f"{self.code} {self.name}"


class WorkConditionLoad(WrittenAs, OccupationPart):
    """One level (1–4) marked for a factor; a factor marked at two levels has two rows."""

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="work_condition_loads")
    factor = models.ForeignKey(
        WorkConditionFactor, models.PROTECT, related_name="loads", verbose_name=_("faktor")
    )
    text = as_written(
        300,
        _("Jak faktor zapsala NSP, když to není přesně jeho název. Prázdné: přesně název faktoru."),
    )
    level = models.PositiveSmallIntegerField(
        _("stupeň zátěže"), choices=[(level, str(level)) for level in vocab.WORK_CONDITION_LEVELS]
    )

    vocabulary, entry_field = vocab.WORK_CONDITION_FACTORS, "factor"

    class Meta(OccupationPart.Meta):
        ordering = ["occupation", "position", "level"]
        verbose_name = _("zátěž v pracovních podmínkách")
        verbose_name_plural = _("pracovní podmínky")
        constraints = [
            once_per_occupation(
                "factor", "text", "level", message=_("Tento stupeň je u faktoru už zaškrtnutý.")
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


class OccupationEducation(EntryLink):
    class Tier(models.TextChoices):
        BEST = vocab.BEST, _("nejvhodnější příprava")
        SUITABLE = vocab.SUITABLE, _("vhodná příprava")

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="education_links")
    field = entry(EducationField, _("obor vzdělání"))
    tier = models.CharField(_("vhodnost"), max_length=10, choices=Tier.choices)

    class Meta(EntryLink.Meta):
        verbose_name = _("školní příprava")
        verbose_name_plural = _("školní příprava")
        constraints = [
            once_per_occupation("field", message=_("Tento obor vzdělání už povolání má.")),
            models.CheckConstraint(
                condition=Q(tier__in=vocab.TIERS),
                name="education_tier_valid",
                violation_error_message=_(
                    "Vhodnost musí být nejvhodnější příprava, nebo vhodná příprava."
                ),
            ),
        ]


class OccupationHealthRestriction(EntryLink):
    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="health_links")
    restriction = entry(HealthRestriction, _("zdravotní omezení"))

    class Meta(EntryLink.Meta):
        verbose_name = _("zdravotní omezení povolání")
        verbose_name_plural = _("zdravotní omezení povolání")
        constraints = [
            once_per_occupation("restriction", message=_("Toto zdravotní omezení už povolání má."))
        ]
