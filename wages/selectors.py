"""Wage figures arranged for reading: every region gets a row, missing figures stay None.

The 14 regions come from the vocabulary (the same list the data migration ships), so a
table always has all of them in NUTS order without another query.
"""

from dataclasses import dataclass, field

from django.db.models import FilteredRelation, OuterRef, Prefetch, Q, Subquery
from django.urls import reverse

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
    # Ordered by what the pages read, not by the models' default orders, which join the
    # profiles (links) and the groups and regions (figures) to sort by them.
    links = OccupationWageTable.objects.select_related("table__isco_group")
    return [
        Prefetch(through, queryset=links.order_by("scope", "position")),
        Prefetch(
            f"{through}__table__figures",
            queryset=WageFigure.objects.select_related("region").order_by(),  # table_view()
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


def first_table_medians(region=None, sphere=vocab.BUSINESS):
    """{occupation pk: median} of every profile with wage tables: what median_subquery()
    gives each, None where its first table has no median there. One query whatever the
    number of profiles: sorting thousands by median, or keeping those above a wage, the
    database would look the median up for each of them, and twice (to filter and to sort)."""
    scope = OccupationWageTable.Scope.REGIONAL if region else OccupationWageTable.Scope.NATIONAL
    # region None: the national figures (an exact None is IS NULL, as in a filter).
    condition = Q(table__figures__sphere=sphere, table__figures__region=region)
    links = (
        OccupationWageTable.objects.filter(scope=scope)
        .annotate(figure=FilteredRelation("table__figures", condition=condition))
        .order_by()
        .values_list("occupation_id", "position", "figure__median")
    )
    first = {}  # occupation pk -> (position, median)
    for occupation, position, median in links:
        if occupation not in first or position < first[occupation][0]:
            first[occupation] = (position, median)
    return {occupation: median for occupation, (_, median) in first.items()}


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
    # No order: the indexes make the figure unique, and the default one joins three tables.
    return Subquery(figure.order_by().values("median")[:1])


@dataclass
class RankedGroup:
    """An ISCO group in the explorer's ranking: its newest wage table with a median in the
    region and sphere, or, when no year has one, its newest table and no figure ("bez
    údajů"). Plain values: a ranking has a thousand groups and thousands of occupations."""

    table_id: int
    code: str
    name: str
    url: str
    year: int
    low: int | None
    median: int | None
    high: int | None
    occupations: list = field(default_factory=list)  # (nsp_id, title), by with_occupations()

    # The ranking names the first few; the group's page lists them all.
    LISTED = 6

    @property
    def listed(self):
        return self.occupations[: self.LISTED]

    @property
    def more(self):
        return max(0, len(self.occupations) - self.LISTED)

    @property
    def figure(self):
        return None if self.median is None and self.low is None else self


def ranked_groups(region, sphere):
    """The ISCO groups with figures of the kind asked for (regional, or national when
    `region` is None), by median in `region` and `sphere`; the groups with no median there
    follow in code order, so that none silently disappears. Without their occupations:
    with_occupations() adds them to the groups shown."""
    tables = (
        # A semi-join, not EXISTS per table: the database reads the figures' index once.
        WageTable.objects.filter(
            pk__in=WageFigure.objects.filter(region__isnull=region is None).values("table")
        )
        .order_by("-year")
        .values_list("pk", "isco_group_id", "year", "isco_group__code", "isco_group__name")
    )
    figures = {
        table_id: (low, median, high)
        for table_id, low, median, high in WageFigure.objects.filter(
            region=region, sphere=sphere, median__isnull=False
        )
        .order_by()  # the figures' default order joins three tables for nothing here
        .values_list("table_id", "low", "median", "high")
    }
    chosen = {}  # ISCO group id -> (table, figures): the newest year with a median
    for table in tables:
        current = chosen.get(table[1])
        if current is None or (current[1] is None and table[0] in figures):
            chosen[table[1]] = (table, figures.get(table[0]))
    # One reverse() for the thousand links to the groups' pages.
    url = reverse("occupations:isco", args=["00000"])
    groups = [
        RankedGroup(
            table_id, code, name, url.replace("00000", code), year, *(amounts or (None,) * 3)
        )
        for (table_id, _group, year, code, name), amounts in chosen.values()
    ]
    return sorted(
        groups, key=lambda group: (group.median is None, -(group.median or 0), group.code)
    )


GROUPS_BY_KEY = 200  # more groups than this, and with_occupations() reads every link


def with_occupations(groups, region):
    """`groups` (RankedGroups of ranked_groups(..., `region`)), each with the occupations
    its table's figures are given for, in Czech order: one query."""
    by_table = {group.table_id: group for group in groups}
    links = OccupationWageTable.objects.filter(scope="national" if region is None else "regional")
    if len(by_table) <= GROUPS_BY_KEY:  # a page of the ranking; the whole is read whole
        links = links.filter(table__in=by_table)
    for table_id, nsp_id, title in links.order_by("occupation__title_sort_key").values_list(
        "table_id", "occupation__nsp_id", "occupation__title"
    ):
        if table_id in by_table:
            by_table[table_id].occupations.append((nsp_id, title))
    return groups
