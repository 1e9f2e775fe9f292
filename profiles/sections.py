"""The sections of a profile, each declared once.

A section is a list in the profile document (nsp-profile.schema.json) stored as rows of
one part model (occupations.models.OccupationPart), often pointing at a shared catalogue
entry. Its declaration below is all that the rest of the code knows of it:

- the importer (importer.py) upserts its catalogue and writes its rows from a document;
- the document rebuild (documents.py, the API) reads the rows back into the same list;
- the profile page's prefetch (selectors.py) fetches its rows with their catalogue entry;
- the admin (admin.py) shows its rows as an inline of the profile.

Adding a section is its model plus one declaration in SECTIONS (docs/ARCHITECTURE.md).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import Prefetch
from django.forms import Textarea

from competences.models import Competence, OccupationCompetence
from nsp import vocabulary as vocab
from occupations import models as m
from portal.czech import fold
from wages.models import OccupationWageTable, WageFigure, WageTable
from wages.selectors import wage_prefetches

# --- shared catalogues -------------------------------------------------------------------


@dataclass(frozen=True)
class Catalogue:
    """Shared rows that sections refer to: the import creates or updates them from the
    documents and deletes those that nothing refers to any more."""

    model: type
    key: tuple  # the columns that identify an entry
    # {key tuple: {column: value}} of the entries the documents name; a later document
    # wins for the values. None: the importer writes them itself (the wage tables, with
    # their figures).
    entries: Callable[[list], dict] | None
    # Reverse relations that, all empty, make an entry an orphan.
    unused: tuple
    # The import warns when a document renames a stored entry.
    warn_renames: bool = False
    # The NSP's closed list of names (nsp.vocabulary): a text that begins with one of them
    # names that entry, and the row keeps the text as written (its `text` column).
    vocabulary: vocab.Vocabulary | None = None

    def entry_name(self, text):
        """The name of the entry a document's text stands for."""
        return self.vocabulary.entry(text) if self.vocabulary else text

    def as_written(self, text):
        """What a row keeps of the text beside its entry: nothing when it is the name."""
        return "" if self.entry_name(text) == text else text


def _named(section_key, vocabulary=None):
    """Entries named by a list of strings in the documents (through the vocabulary)."""
    name = vocabulary.entry if vocabulary else str
    return lambda documents: {(name(text),): {} for d in documents for text in d[section_key]}


def _factors(documents):
    name = vocab.WORK_CONDITION_FACTORS.entry
    return {(name(w["name"]),): {} for d in documents for w in d["work_conditions"]}


def _isco_entries(documents):
    """The groups of the CZ-ISCO lists and of the wage tables. A wage table's heading
    names its group only when no CZ-ISCO list does."""
    names = {}
    for d in documents:
        for table in d["wages"] + d["national_wages"]:
            names.setdefault((table["isco_code"],), table["isco_name"])
        for item in d["isco"]:
            names[(item["code"],)] = item["name"]
    return {key: {"name": name} for key, name in names.items()}


QUALIFICATION_LEVELS = Catalogue(
    m.QualificationLevel,
    ("name",),
    _named("qualification_levels", vocab.QUALIFICATION_LEVELS),
    ("occupation_links",),
    vocabulary=vocab.QUALIFICATION_LEVELS,
)
ISCO_GROUPS = Catalogue(
    m.IscoGroup,
    ("code",),
    _isco_entries,
    ("occupation_links", "wage_tables"),
    warn_renames=True,
)
WORK_CONDITION_FACTORS = Catalogue(
    m.WorkConditionFactor,
    ("name",),
    _factors,
    ("loads",),
    vocabulary=vocab.WORK_CONDITION_FACTORS,
)
HEALTH_RESTRICTIONS = Catalogue(
    m.HealthRestriction, ("name",), _named("health_restrictions"), ("occupation_links",)
)
EDUCATION_FIELDS = Catalogue(
    m.EducationField,
    ("type", "code", "name"),
    lambda documents: {
        (e["type"], e["code"], e["name"]): {} for d in documents for e in d["education"]
    },
    ("occupation_links",),
)
COMPETENCES = Catalogue(
    Competence,
    ("category", "code"),
    lambda documents: {
        (c["category"], c["code"]): {"name": c["name"], "search_name": fold(c["name"])}
        for d in documents
        for c in d["competences"]
    },
    ("occupation_links",),
    warn_renames=True,
)
WAGE_TABLES = Catalogue(WageTable, ("isco_group_id", "year"), None, ("occupation_links",))

# In the order the import writes them (ISCO groups before the wage tables of a group); the
# orphans go in the reverse order.
CATALOGUES = (
    QUALIFICATION_LEVELS,
    ISCO_GROUPS,
    WORK_CONDITION_FACTORS,
    HEALTH_RESTRICTIONS,
    EDUCATION_FIELDS,
    COMPETENCES,
    WAGE_TABLES,
)


# --- sections ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Section:
    """One list of the document as rows of `model`.

    The base class stores a list of strings in one column; subclasses say otherwise by
    overriding `rows` (document -> rows) and `read` (rows -> document)."""

    key: str  # the document's key
    model: type  # the OccupationPart subclass holding the rows
    columns: tuple  # what a row stores after (occupation, position), in write order
    fields: tuple = ()  # what the document rebuild reads (values_list); default: columns
    catalogue: Catalogue | None = None  # the shared entries the rows point at
    link: str | None = None  # the foreign key to the catalogue
    order: tuple = ("position",)
    select: tuple = ()  # select_related for the profile page; default: the link
    # Column limits the import checks first: (what, document values, model field).
    limits: tuple = ()
    # (column, lookup): a row keeps a name of its own in `column` only where it differs
    # from the shared entry's (`lookup`); the import clears the others.
    own_name: tuple | None = None
    inline: dict = field(default_factory=dict)  # ModelAdmin options of its admin inline

    @property
    def related_name(self):
        return self.model._meta.get_field("occupation").remote_field.related_name

    @property
    def inline_options(self):
        """The admin inline's options: an entry is picked by searching the catalogue."""
        linked = {"autocomplete_fields": [self.link]} if self.link else {}
        return linked | self.inline

    @property
    def read_fields(self):
        return self.fields or self.columns

    def rows(self, document, ids):
        """(position, *columns) of each row; `ids` maps a catalogue's keys to primary
        keys: ids[catalogue][key]."""
        return ((position, value) for position, value in enumerate(document[self.key]))

    def read(self, rows):
        """{document key: value} from the rows of one profile (lists of read_fields
        values, a bare value when there is one field)."""
        return {self.key: list(rows)}

    def read_all(self, rows_by_occupation):
        """{occupation id: {document key: value}} for many profiles at once."""
        return {pk: self.read(rows) for pk, rows in rows_by_occupation.items()}

    def empty(self):
        return self.read([])

    def prefetch(self):
        # In the section's own order: the default one sorts by the occupation, a join to
        # the profiles for nothing (the rows are fetched for a few of them).
        rows = self.model.objects.order_by(*self.order)
        select = self.select or ((self.link,) if self.link else ())
        if select:  # select_related() with no fields would follow every foreign key
            rows = rows.select_related(*select)
        return [Prefetch(self.related_name, queryset=rows)]

    def too_long(self, document):
        """(what, value, model field) of each stored text of the document: the declared
        `limits`, or else the section's own text columns."""
        for what, values, (model, name) in self.limits:
            model_field = model._meta.get_field(name)
            for value in values(document):
                yield what, value, model_field
        if not self.limits:
            for _position, *values in self.rows(document, _KEYS_AS_IDS):
                for column, value in zip(self.columns, values, strict=True):
                    model_field = self.model._meta.get_field(column)
                    if isinstance(value, str) and not model_field.is_relation:
                        yield self.key, value, model_field


class _KeysAsIds(dict):
    """rows() before anything is stored: each catalogue entry stands for itself."""

    def __missing__(self, catalogue):
        return _Itself()


class _Itself(dict):
    def __missing__(self, key):
        return key


_KEYS_AS_IDS = _KeysAsIds()


@dataclass(frozen=True)
class Records(Section):
    """A list of objects whose keys are the columns."""

    def rows(self, document, ids):
        return (
            (position, *(item[column] for column in self.columns))
            for position, item in enumerate(document[self.key])
        )

    def read(self, rows):
        return {self.key: [dict(zip(self.columns, row, strict=True)) for row in rows]}


@dataclass(frozen=True)
class Entries(Section):
    """A list of names of catalogue entries keyed by their name; `label` is what the
    import's messages call the section."""

    label: str = ""

    def too_long(self, document):
        name = self.catalogue.model._meta.get_field("name")
        return ((self.label, value, name) for value in document[self.key])

    def rows(self, document, ids):
        entries = ids[self.catalogue]
        return ((position, entries[(name,)]) for position, name in enumerate(document[self.key]))


# The text as the export wrote it may be long (names fused into a level): all of it shows.
AS_WRITTEN_INLINE = {
    "formfield_overrides": {models.CharField: {"widget": Textarea(attrs={"rows": 3, "cols": 60})}}
}


@dataclass(frozen=True)
class VocabularyEntries(Entries):
    """Names of a closed vocabulary's entries: a row links the entry its text begins with
    and keeps the text as written where it is not exactly the entry's name."""

    def rows(self, document, ids):
        entries, catalogue = ids[self.catalogue], self.catalogue
        for position, text in enumerate(document[self.key]):
            yield position, entries[(catalogue.entry_name(text),)], catalogue.as_written(text)

    def read(self, rows):
        return {self.key: [text or name for name, text in rows]}


def entries(key, model, link, catalogue, label):
    """The section of a list of names of `catalogue`'s entries, linked through `link`."""
    if catalogue.vocabulary is None:
        return Entries(
            key,
            model,
            (link,),
            fields=(f"{link}__name",),
            catalogue=catalogue,
            link=link,
            label=label,
        )
    return VocabularyEntries(
        key,
        model,
        (link, "text"),
        fields=(f"{link}__name", "text"),
        catalogue=catalogue,
        link=link,
        label=label,
        inline=AS_WRITTEN_INLINE,
    )


@dataclass(frozen=True)
class IscoSection(Section):
    """The CZ-ISCO list: the groups, each with the profile's own name for it where that is
    not the group's (two exports may name a group differently; the portal keeps one)."""

    def rows(self, document, ids):
        groups = ids[ISCO_GROUPS]
        for position, item in enumerate(document["isco"]):
            yield position, groups[(item["code"],)], item["name"]

    def read(self, rows):
        return {self.key: [{"code": code, "name": name or group} for code, name, group in rows]}


@dataclass(frozen=True)
class WorkConditionSection(Section):
    """A factor marked at several levels is one entry with several levels, and one row
    per level at the same position. A row names the vocabulary's factor its text begins
    with and keeps the text as written where it is not exactly that name."""

    def rows(self, document, ids):
        factors = ids[WORK_CONDITION_FACTORS]
        catalogue = WORK_CONDITION_FACTORS
        for position, row in enumerate(document["work_conditions"]):
            factor = factors[(catalogue.entry_name(row["name"]),)]
            for level in row["levels"]:
                yield position, factor, catalogue.as_written(row["name"]), level

    def read(self, rows):
        conditions, last = [], None
        for position, name, text, level in rows:
            if position == last:
                conditions[-1]["levels"].append(level)
            else:
                conditions.append({"name": text or name, "levels": [level]})
            last = position
        return {self.key: conditions}


@dataclass(frozen=True)
class EducationSection(Section):
    def rows(self, document, ids):
        fields = ids[EDUCATION_FIELDS]
        return (
            (position, fields[(e["type"], e["code"], e["name"])], e["tier"])
            for position, e in enumerate(document["education"])
        )

    def read(self, rows):
        return {
            self.key: [
                {"tier": tier, "type": kind, "name": name, "code": code}
                for tier, kind, name, code in rows
            ]
        }


@dataclass(frozen=True)
class CompetenceSection(Section):
    def rows(self, document, ids):
        competences = ids[COMPETENCES]
        for position, c in enumerate(document["competences"]):
            competence = competences[(c["category"], c["code"])]
            yield position, competence, c["category"], c["level"], c["suitability"]

    def read(self, rows):
        keys = ("category", "code", "name", "level", "suitability")
        return {self.key: [dict(zip(keys, row, strict=True)) for row in rows]}


REGIONAL, NATIONAL = OccupationWageTable.Scope.REGIONAL, OccupationWageTable.Scope.NATIONAL


@dataclass(frozen=True)
class WageSection(Section):
    """Two lists of the document, the regional tables and the national medians, as links
    to shared wage tables (figures of an ISCO group and year) with their scope."""

    def rows(self, document, ids):
        tables = ids[WAGE_TABLES]
        for scope, key in ((REGIONAL, "wages"), (NATIONAL, "national_wages")):
            for position, t in enumerate(document[key]):
                yield position, tables[(t["isco_code"], t["year"])], scope, t["isco_name"]

    def read_all(self, rows_by_occupation):
        figures = _figures({row[1] for rows in rows_by_occupation.values() for row in rows})
        return {pk: self._read(rows, figures) for pk, rows in rows_by_occupation.items()}

    def empty(self):
        return self._read([], {})

    def _read(self, rows, tables):
        wages, national = [], []
        for scope, table_id, name, year, code, group_name in rows:
            table = tables[table_id]
            if scope == REGIONAL:
                wages.append(
                    {
                        "year": year,
                        "isco_code": code,
                        "isco_name": name or group_name,
                        "regions": table["regions"],
                    }
                )
            else:
                national.append(
                    {
                        "year": year,
                        "isco_code": code,
                        "isco_name": name or group_name,
                        "business_median": table["national"].get(vocab.BUSINESS),
                        "public_median": table["national"].get(vocab.PUBLIC),
                    }
                )
        return {"wages": wages, "national_wages": national}

    def prefetch(self):
        return wage_prefetches(self.related_name)


def _range(low, median, high):
    if low is None and median is None and high is None:
        return None
    return {"low": low, "median": median, "high": high}


def _figures(table_ids):
    """{table id: {'regions': [...document rows in NUTS order], 'national': {sphere: median}}}"""
    tables = {table_id: {"regions": {}, "national": {}} for table_id in table_ids}
    figures = WageFigure.objects.filter(table_id__in=table_ids).values_list(
        "table_id", "region__nuts3", "region__name", "sphere", "low", "median", "high"
    )
    for table_id, nuts3, region, sphere, low, median, high in figures:
        table = tables[table_id]
        if nuts3 is None:
            table["national"][sphere] = median
        else:
            table["regions"].setdefault((nuts3, region), {})[sphere] = _range(low, median, high)
    for table in tables.values():
        table["regions"] = [
            {
                "region": region,
                "business": spheres.get(vocab.BUSINESS),
                "public": spheres.get(vocab.PUBLIC),
            }
            for (_nuts3, region), spheres in sorted(table["regions"].items())
        ]
    return tables


def _values(key, item_key=None):
    """The strings of a document list, or of one key of its objects."""
    if item_key is None:
        return lambda d: d[key]
    return lambda d: [item[item_key] for item in d[key]]


# In the order the admin shows them.
SECTIONS = (
    Section(
        "alternative_names",
        m.AlternativeName,
        ("name",),
        limits=(("Alternativní názvy", _values("alternative_names"), (m.AlternativeName, "name")),),
    ),
    entries(
        "qualification_levels",
        m.OccupationQualification,
        "level",
        QUALIFICATION_LEVELS,
        "Kvalifikační úroveň",
    ),
    Section(
        "related",
        m.RelatedOccupation,
        ("name",),
        select=("target",),
        limits=(("Příbuzná povolání", _values("related"), (m.RelatedOccupation, "name")),),
        inline={"autocomplete_fields": ["target"], "fk_name": "occupation"},
    ),
    Section("activities", m.Activity, ("text",)),
    IscoSection(
        "isco",
        m.OccupationIsco,
        ("group", "name"),
        fields=("group__code", "name", "group__name"),
        catalogue=ISCO_GROUPS,
        link="group",
        own_name=("name", "group__name"),
        limits=(("CZ-ISCO", _values("isco", "name"), (m.IscoGroup, "name")),),
    ),
    Records(
        "esco",
        m.EscoLink,
        ("code", "name", "url"),
        limits=(
            ("ESCO code", _values("esco", "code"), (m.EscoLink, "code")),
            ("ESCO", _values("esco", "name"), (m.EscoLink, "name")),
            ("ESCO URL", _values("esco", "url"), (m.EscoLink, "url")),
        ),
        inline={"formfield_overrides": {models.URLField: {"assume_scheme": "https"}}},
    ),
    WageSection(
        "wages",
        OccupationWageTable,
        ("table", "scope", "isco_name"),
        fields=(
            "scope",
            "table_id",
            "isco_name",
            "table__year",
            "table__isco_group__code",
            "table__isco_group__name",
        ),
        catalogue=WAGE_TABLES,
        link="table",
        order=("scope", "position"),
        select=("table__isco_group",),
        own_name=("isco_name", "table__isco_group__name"),
        limits=(
            (
                "wage table",
                lambda d: [t["isco_name"] for t in d["wages"] + d["national_wages"]],
                (OccupationWageTable, "isco_name"),
            ),
        ),
        inline={"ordering": ["scope", "position"]},
    ),
    WorkConditionSection(
        "work_conditions",
        m.WorkConditionLoad,
        ("factor", "text", "level"),
        fields=("position", "factor__name", "text", "level"),
        catalogue=WORK_CONDITION_FACTORS,
        link="factor",
        order=("position", "level"),
        limits=(
            (
                "Pracovní podmínky",
                _values("work_conditions", "name"),
                (m.WorkConditionFactor, "name"),
            ),
        ),
        inline={"ordering": ["position", "level"], **AS_WRITTEN_INLINE},
    ),
    EducationSection(
        "education",
        m.OccupationEducation,
        ("field", "tier"),
        fields=("tier", "field__type", "field__name", "field__code"),
        catalogue=EDUCATION_FIELDS,
        link="field",
        limits=(
            ("education code", _values("education", "code"), (m.EducationField, "code")),
            ("Školní vzdělání", _values("education", "name"), (m.EducationField, "name")),
        ),
    ),
    CompetenceSection(
        "competences",
        OccupationCompetence,
        ("competence", "category", "level", "suitability"),
        fields=(
            "competence__category",
            "competence__code",
            "competence__name",
            "level",
            "suitability",
        ),
        catalogue=COMPETENCES,
        link="competence",
        limits=(
            ("competence code", _values("competences", "code"), (Competence, "code")),
            ("competence", _values("competences", "name"), (Competence, "name")),
        ),
        inline={"fields": ["position", "competence", "level", "suitability"]},
    ),
    entries(
        "health_restrictions",
        m.OccupationHealthRestriction,
        "restriction",
        HEALTH_RESTRICTIONS,
        "Onemocnění",
    ),
)
