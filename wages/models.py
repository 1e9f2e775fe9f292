"""Gross monthly wages by CZ-ISCO group, year, region and sphere.

Wages belong to the ISCO group: two occupations in one group share one `WageTable`.
A table holds the regional figures (D1 / median / D9 per region and sphere) and the
national medians (figures with no region). `OccupationWageTable` records which tables a
profile shows, in its order, as regional and as national figures.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from nsp import vocabulary as vocab
from occupations.models import IscoGroup, Occupation, OccupationPart, once_per_occupation
from portal.models import NaturalKeyModel, VersionedModel, unique


class Sphere(models.TextChoices):
    BUSINESS = vocab.BUSINESS, _("mzdová sféra")
    PUBLIC = vocab.PUBLIC, _("platová sféra")


class Region(NaturalKeyModel):
    """One of the 14 regions (kraje); shipped by a data migration."""

    name = models.CharField(_("název"), max_length=100, unique=True)
    short_name = models.CharField(_("krátký název"), max_length=50)
    slug = models.SlugField(max_length=50, unique=True)
    nuts3 = models.CharField(_("NUTS 3"), max_length=5, unique=True)
    iso_3166_2 = models.CharField(_("ISO 3166-2"), max_length=5, unique=True)

    natural_key_fields = ("slug",)

    class Meta:
        verbose_name = _("kraj")
        verbose_name_plural = _("kraje")
        ordering = ["nuts3"]

    def __str__(self):
        return self.name


class WageTable(VersionedModel):
    """The wages of one ISCO group in one year."""

    isco_group = models.ForeignKey(
        IscoGroup, models.PROTECT, related_name="wage_tables", verbose_name=_("CZ-ISCO")
    )
    year = models.PositiveSmallIntegerField(_("rok"))

    class Meta:
        verbose_name = _("mzdová tabulka")
        verbose_name_plural = _("mzdové tabulky")
        ordering = ["isco_group__code", "-year"]
        constraints = [
            unique(
                "isco_group",
                "year",
                name="wage_table_unique",
                message=_("Tabulka této skupiny CZ-ISCO pro tento rok už je."),
            ),
            models.CheckConstraint(
                condition=Q(year__gte=vocab.WAGE_YEARS.start)
                & Q(year__lte=vocab.WAGE_YEARS.stop - 1),
                name="wage_table_year_plausible",
                violation_error_message=format_lazy(
                    _("Rok musí být od {first} do {last}."),
                    first=vocab.WAGE_YEARS.start,
                    last=vocab.WAGE_YEARS.stop - 1,
                ),
            ),
        ]

    def __str__(self):
        return f"{self.isco_group.code} ({self.year})"

    def get_absolute_url(self):
        return reverse("occupations:isco", args=[self.isco_group.code])


def _ordered(lower, upper):
    return (
        Q(**{f"{lower}__isnull": True})
        | Q(**{f"{upper}__isnull": True})
        | Q(**{f"{lower}__lte": F(upper)})
    )


class WageFigure(VersionedModel):
    """D1 (low), median and D9 (high) in CZK for a region and sphere; a figure without a
    region is the national median. Missing figures are NULL, never 0."""

    table = models.ForeignKey(WageTable, models.CASCADE, related_name="figures")
    region = models.ForeignKey(
        Region,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="wage_figures",
        verbose_name=_("kraj"),
        help_text=_("Prázdné = medián za celou ČR."),
    )
    sphere = models.CharField(_("sféra"), max_length=10, choices=Sphere.choices)
    low = models.PositiveIntegerField(_("od (1. decil)"), null=True, blank=True)
    median = models.PositiveIntegerField(_("medián"), null=True, blank=True)
    high = models.PositiveIntegerField(_("do (9. decil)"), null=True, blank=True)

    class Meta:
        verbose_name = _("mzda")
        verbose_name_plural = _("mzdy")
        ordering = ["table", "region__nuts3", "sphere"]
        constraints = [
            unique(
                "table",
                "region",
                "sphere",
                name="wage_figure_unique_regional",
                condition=Q(region__isnull=False),
                message=_("Údaj pro tento kraj a sféru už tabulka má."),
            ),
            unique(
                "table",
                "sphere",
                name="wage_figure_unique_national",
                condition=Q(region__isnull=True),
                message=_("Medián za celou ČR pro tuto sféru už tabulka má."),
            ),
            models.CheckConstraint(
                condition=Q(sphere__in=vocab.SPHERES),
                name="wage_figure_sphere_valid",
                violation_error_message=_("Sféra musí být mzdová, nebo platová."),
            ),
            models.CheckConstraint(
                condition=_ordered("low", "median")
                & _ordered("median", "high")
                & _ordered("low", "high"),
                name="wage_figure_low_median_high_ordered",
                violation_error_message=_("Musí platit: od ≤ medián ≤ do."),
            ),
            models.CheckConstraint(
                condition=Q(region__isnull=False) | (Q(low__isnull=True) & Q(high__isnull=True)),
                name="wage_figure_national_is_median_only",
                violation_error_message=_("Za celou ČR se uvádí jen medián."),
            ),
        ]
        indexes = [models.Index(fields=["region", "sphere", "median"])]

    def __str__(self):
        where = self.region or _("ČR celkem")
        return f"{self.table} {where} {self.get_sphere_display()}: {self.median}"

    def clean(self):
        """The same rules as the database constraints, with a message on the field."""
        errors = {}
        if self.region_id is None and (self.low is not None or self.high is not None):
            errors["low" if self.low is not None else "high"] = _(
                "Za celou ČR se uvádí jen medián; od a do nechte prázdné."
            )
        pairs = (("low", "median"), ("median", "high"), ("low", "high"))
        for lower, upper in pairs:
            low, high = getattr(self, lower), getattr(self, upper)
            if low is not None and high is not None and low > high and upper not in errors:
                labels = {"low": _("od"), "median": _("medián"), "high": _("do")}
                errors[upper] = _(
                    "%(upper)s (%(high)s) nesmí být menší než %(lower)s (%(low)s)."
                ) % {
                    "upper": labels[upper].capitalize(),
                    "lower": labels[lower],
                    "high": high,
                    "low": low,
                }
        if errors:
            raise ValidationError(errors)

    @property
    def is_empty(self):
        return self.low is None and self.median is None and self.high is None


class OccupationWageTable(OccupationPart):
    """A wage table a profile shows, as regional figures or as national medians."""

    class Scope(models.TextChoices):
        REGIONAL = "regional", _("podle krajů")
        NATIONAL = "national", _("ČR celkem")

    occupation = models.ForeignKey(Occupation, models.CASCADE, related_name="wage_links")
    table = models.ForeignKey(
        WageTable,
        models.CASCADE,
        related_name="occupation_links",
        verbose_name=_("mzdová tabulka"),
    )
    scope = models.CharField(_("rozsah"), max_length=10, choices=Scope.choices)
    # The group's name as this profile writes it above the table; it may differ from the
    # name in the CZ-ISCO list (kept so that the profile's document comes back unchanged).
    isco_name = models.CharField(_("název skupiny v profilu"), max_length=300, blank=True)

    class Meta(OccupationPart.Meta):
        verbose_name = _("mzdová tabulka povolání")
        verbose_name_plural = _("mzdové tabulky povolání")
        ordering = ["occupation", "scope", "position"]
        indexes = [
            # An occupation's first table of a scope, read in the index alone: the list sorts
            # and filters thousands of profiles by the median of that table (median_subquery).
            models.Index(
                fields=["occupation", "scope", "position", "table"], name="wage_link_first_table"
            ),
        ]
        constraints = [
            once_per_occupation(
                "table",
                "scope",
                message=_("Tuto mzdovou tabulku už povolání v tomto rozsahu má."),
            ),
            models.CheckConstraint(
                condition=Q(scope__in=["regional", "national"]),
                name="wage_link_scope_valid",
                violation_error_message=_("Rozsah musí být podle krajů, nebo ČR celkem."),
            ),
        ]

    def __str__(self):
        return f"{self.occupation}: {self.table} ({self.get_scope_display()})"
