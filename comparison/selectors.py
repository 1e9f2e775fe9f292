"""Side-by-side comparison of 2 to 4 occupations for career counsellors: what the page
and its CSV show, built from the profiles' sections in a fixed number of queries."""

from dataclasses import dataclass, field

from competences.models import Category
from competences.selectors import competence_sections
from nsp import vocabulary as vocab
from nsp.vocabulary import REGIONS
from occupations.collecting import compare_url
from occupations.models import Occupation
from occupations.selectors import work_conditions
from profiles.selectors import profiles_with_sections
from wages.charts import marker_path
from wages.selectors import occupation_national_rows, occupation_wage_tables


def known_occupations(nsp_ids):
    """The profiles among `nsp_ids` that are in the portal, in the given order."""
    found = Occupation.objects.filter(nsp_id__in=nsp_ids).only("nsp_id", "title", "slug")
    by_id = {occupation.nsp_id: occupation for occupation in found}
    return [by_id[nsp_id] for nsp_id in nsp_ids if nsp_id in by_id]


# --- the comparison ----------------------------------------------------------------------


@dataclass
class Compared:
    occupation: object
    letter: str  # A, B, C, D: how charts and tables tell the occupations apart
    series: int
    wages: object  # WageTableView of the first regional table, or None
    national: list
    conditions: dict  # factor name -> levels
    competences: dict  # (category, code) -> OccupationCompetence
    education_best: list
    education_suitable: list
    qualification_levels: list
    sphere: str
    remove_url: str
    particular: list = field(default_factory=list)  # [(category label, [its links])]

    @property
    def marker(self):
        """The series' chart marker, drawn at the centre of a 14 × 14 legend icon."""
        return marker_path(self.series, 7, 7)

    @property
    def national_median(self):
        """The national median of the compared table, in the compared sphere."""
        return self.wages.national.get(self.sphere) if self.wages else None

    @property
    def national_figures(self):
        """{(ISCO code, year): {sphere: median}} of every national median the page shows
        for this profile: its compared table's, then its 'celkem' rows."""
        tables = [t for t in (self.wages,) if t and t.has_national] + self.national
        return {(t.isco_group.code, t.year): t.national for t in tables}

    @property
    def national_medians(self):
        """(year, ISCO code, median in the sphere) of every national row of the profile."""
        return [
            (row.year, row.isco_group.code, row.national.get(self.sphere)) for row in self.national
        ]


@dataclass
class ConditionRow:
    name: str
    levels: list  # per compared occupation: list of levels or None
    compared: list = field(default_factory=list, repr=False)

    @property
    def differs(self):
        return len({tuple(levels or ()) for levels in self.levels}) > 1

    @property
    def cells(self):
        """(Compared, levels) pairs: each occupation's letter labels its levels on a phone."""
        return list(zip(self.compared, self.levels, strict=True))


@dataclass
class CompetenceRow:
    competence: object
    links: list  # per compared occupation: OccupationCompetence or None
    compared: list = field(default_factory=list, repr=False)

    @property
    def cells(self):
        """(Compared, link) pairs, as ConditionRow.cells."""
        return list(zip(self.compared, self.links, strict=True))


@dataclass
class Comparison:
    compared: list
    sphere: str
    regions: list = field(default_factory=list)  # (region, [figure or None per occupation])
    conditions: list = field(default_factory=list)
    shared_competences: list = field(default_factory=list)  # (category label, [CompetenceRow])

    @property
    def years(self):
        return sorted({c.wages.year for c in self.compared if c.wages})

    @property
    def mixed_years(self):
        return len(self.years) > 1

    def national_rows(self):
        """(ISCO code, year, [{sphere: median} or None per occupation]) for every national
        median of the compared profiles, one row per ISCO group and year."""
        figures = [c.national_figures for c in self.compared]
        keys = []
        for of_one in figures:
            keys.extend(key for key in of_one if key not in keys)
        return [(code, year, [f.get((code, year)) for f in figures]) for code, year in keys]

    @property
    def region_rows(self):
        """(region, [(Compared, figure or None)]): the wage table's rows, each figure with
        the occupation it belongs to, whose letter labels it on a phone."""
        return [
            (region, list(zip(self.compared, figures, strict=True)))
            for region, figures in self.regions
        ]

    def series_rows(self):
        """For the range chart: per occupation, (region, figure) in REGIONS order."""
        return [
            [(region, figures[index]) for region, figures in self.regions]
            for index in range(len(self.compared))
        ]


# What the comparison puts side by side (profiles.sections keys); it reads no other section.
COMPARED_SECTIONS = ("qualification_levels", "wages", "work_conditions", "education", "competences")


def build_comparison(nsp_ids, sphere):
    """The comparison of the given profiles (in the given order); unknown ids are left out
    and returned separately."""
    profiles = profiles_with_sections(keys=COMPARED_SECTIONS).filter(nsp_id__in=nsp_ids)
    found = {o.nsp_id: o for o in profiles}
    unknown = [nsp_id for nsp_id in nsp_ids if nsp_id not in found]
    compared = []
    for index, nsp_id in enumerate(n for n in nsp_ids if n in found):
        occupation = found[nsp_id]
        tables = occupation_wage_tables(occupation)
        education = list(occupation.education_links.all())
        compared.append(
            Compared(
                occupation=occupation,
                letter="ABCD"[index],
                series=index,
                wages=tables[0] if tables else None,
                national=occupation_national_rows(occupation),
                conditions={c.factor.name: c.levels for c in work_conditions(occupation)},
                competences={
                    (link.competence.category, link.competence.code): link
                    for section in competence_sections(occupation)
                    for link in section.links
                },
                education_best=[e for e in education if e.tier == vocab.BEST],
                education_suitable=[e for e in education if e.tier == vocab.SUITABLE],
                qualification_levels=[q.level for q in occupation.qualification_links.all()],
                sphere=sphere,
                remove_url=compare_url([n for n in nsp_ids if n != nsp_id and n in found], sphere),
            )
        )
    comparison = Comparison(compared, sphere)
    comparison.regions = [
        (
            region,
            [c.wages.rows[index].figure(sphere) if c.wages else None for c in compared],
        )
        for index, region in enumerate(REGIONS)
    ]
    comparison.conditions = _condition_rows(compared)
    comparison.shared_competences = _competence_rows(compared)
    return comparison, unknown


def _condition_rows(compared):
    names = []
    for c in compared:
        names.extend(name for name in c.conditions if name not in names)
    return [
        ConditionRow(name, [c.conditions.get(name) for c in compared], compared) for name in names
    ]


def _grouped(items):
    """[(category label, items)] for items with a `.competence`, in category order."""
    labels = dict(Category.choices)
    groups = []
    for item in items:
        label = labels[item.competence.category]
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(item)
    return groups


def _competence_rows(compared):
    """The competences all compared occupations need, as rows; and on each Compared, the
    ones only some of them need."""
    order = [category.key for category in vocab.COMPETENCE_CATEGORIES]
    keys = []
    for c in compared:
        keys.extend(key for key in c.competences if key not in keys)
    keys.sort(key=lambda key: order.index(key[0]))
    shared = []
    for key in keys:
        links = [c.competences.get(key) for c in compared]
        if all(links):
            shared.append(CompetenceRow(links[0].competence, links, compared))
    shared_keys = {(row.competence.category, row.competence.code) for row in shared}
    for c in compared:
        c.particular = _grouped(
            c.competences[key] for key in keys if key in c.competences and key not in shared_keys
        )
    return _grouped(shared)
