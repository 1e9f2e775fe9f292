"""Wage figures arranged for reading: every region gets a row, missing figures stay None.

The 14 regions come from the vocabulary (the same list the data migration ships), so a
table always has all of them in NUTS order without another query.
"""

from dataclasses import dataclass, field

from django.db.models import Exists, OuterRef, Prefetch, Subquery

from nsp import vocabulary as vocab
from nsp.vocabulary import REGIONS
from occupations.models import Occupation
from wages.models import OccupationWageTable, Sphere, WageFigure, WageTable


@dataclass
class RegionRow:
    region: vocab.Region
    business: object = None  # WageFigure or None ("bez údajů")
    public: object = None

    def figure(self, sphere):
        return self.business if sphere == vocab.BUSINESS else self.public


@dataclass
class SphereTable:
    """A wage table's figures in one sphere: what its range chart and its map show, so that
    the table next to them says the same."""

    year: int
    isco_group: object
    sphere: str
    rows: list  # (region, WageFigure or None) in REGIONS order

    @property
    def sphere_label(self):
        return Sphere(self.sphere).label

    @property
    def has_figures(self):
        return any(figure is not None for _, figure in self.rows)


@dataclass
class WageTableView:
    """One wage table (ISCO group + year) with a row for each of the 14 regions."""

    table: object
    rows: list
    national: dict = field(default_factory=dict)  # sphere -> median or None

    def __post_init__(self):
        self.year, self.isco_group = self.table.year, self.table.isco_group

    @property
    def spheres(self):
        """The spheres with a figure in some region: the table's column groups."""
        return [
            sphere
            for sphere in vocab.SPHERES
            if any(row.figure(sphere) is not None for row in self.rows)
        ]

    @property
    def has_national(self):
        return any(median is not None for median in self.national.values())

    def in_sphere(self, sphere):
        rows = [(row.region, row.figure(sphere)) for row in self.rows]
        return SphereTable(self.year, self.isco_group, sphere, rows)


def table_view(table):
    """A WageTableView of a table whose figures (with regions) are prefetched."""
    by_nuts = {}
    national = {}
    for figure in table.figures.all():
        if figure.region_id is None:
            national[figure.sphere] = figure.median
        elif not figure.is_empty:
            by_nuts.setdefault(figure.region.nuts3, {})[figure.sphere] = figure
    rows = [
        RegionRow(
            region,
            by_nuts.get(region.nuts3, {}).get(vocab.BUSINESS),
            by_nuts.get(region.nuts3, {}).get(vocab.PUBLIC),
        )
        for region in REGIONS
    ]
    return WageTableView(table, rows, national)


def wage_prefetches(through="wage_links"):
    """Prefetch a profile's wage tables with their figures and regions, through its
    `wage_links` (or a relation ending there)."""
    return [
        Prefetch(through, queryset=OccupationWageTable.objects.select_related("table__isco_group")),
        Prefetch(
            f"{through}__table__figures", queryset=WageFigure.objects.select_related("region")
        ),
    ]


def occupations_with_wages():
    return Occupation.objects.prefetch_related(*wage_prefetches())


def occupation_wage_tables(occupation):
    """The regional tables a profile shows, in its order, with their national medians.

    Expects the wage tables prefetched (wage_prefetches())."""
    return [
        table_view(link.table) for link in occupation.wage_links.all() if link.scope == "regional"
    ]


def occupation_national_rows(occupation):
    """The profile's 'Hrubé měsíční mzdy v roce … celkem' rows: (table, {sphere: median})."""
    return [
        table_view(link.table) for link in occupation.wage_links.all() if link.scope == "national"
    ]


def median_subquery(region=None, sphere=vocab.BUSINESS, occupation="pk"):
    """The median in `region` (None: the national median) and `sphere` of an occupation's
    first wage table (the one its profile shows first), for annotating occupations: the
    one whose key is the annotated row's field `occupation` (a name), or the one of that
    key (a number).

    Two nested lookups, each on a unique index, so the database finds the figure of each
    occupation directly instead of joining every table's figures."""
    if isinstance(occupation, str):
        occupation = OuterRef(OuterRef(occupation))
    first_table = (
        OccupationWageTable.objects.filter(
            occupation=occupation, scope="regional" if region else "national"
        )
        .order_by("position")
        .values("table_id")[:1]
    )
    figure = WageFigure.objects.filter(
        table_id=Subquery(first_table),
        sphere=sphere,
        **({"region": region} if region else {"region__isnull": True}),
    )
    return Subquery(figure.values("median")[:1])


@dataclass
class RankedGroup:
    """An ISCO group in the explorer's ranking: its newest wage table with a median in the
    region and sphere, or, when no year has one, its newest table and no figure."""

    table: object
    figure: object  # the WageFigure (low / median / high), or None: "bez údajů"
    occupations: list

    @property
    def isco_group(self):
        return self.table.isco_group

    @property
    def median(self):
        return self.figure.median if self.figure else None

    @property
    def low(self):
        return self.figure.low if self.figure else None

    @property
    def high(self):
        return self.figure.high if self.figure else None


def ranked_groups(region, sphere):
    """The ISCO groups with figures of the kind asked for (regional, or national when
    `region` is None), by median in `region` and `sphere`; the groups with no median there
    follow in code order, so that none silently disappears."""
    tables = (
        WageTable.objects.filter(
            Exists(WageFigure.objects.filter(table=OuterRef("pk"), region__isnull=region is None))
        )
        .select_related("isco_group")
        .order_by("-year")
    )
    figures = {
        figure.table_id: figure
        for figure in WageFigure.objects.filter(region=region, sphere=sphere, median__isnull=False)
    }
    chosen = {}  # ISCO group id -> (table, figure): the newest year with a median
    for table in tables:
        current = chosen.get(table.isco_group_id)
        if current is None or (current[1] is None and table.pk in figures):
            chosen[table.isco_group_id] = (table, figures.get(table.pk))
    occupations = {}
    for link in (
        OccupationWageTable.objects.filter(
            table__in=[table.pk for table, _ in chosen.values()],
            scope="national" if region is None else "regional",
        )
        .select_related("occupation")
        .order_by("occupation__title_sort_key")
    ):
        occupations.setdefault(link.table_id, []).append(link.occupation)
    groups = [
        RankedGroup(table, figure, occupations.get(table.pk, []))
        for table, figure in chosen.values()
    ]
    return sorted(
        groups,
        key=lambda group: (group.median is None, -(group.median or 0), group.isco_group.code),
    )
