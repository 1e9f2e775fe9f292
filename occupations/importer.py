"""Import NSP profile exports: parse everything, then write all of it or nothing.

The one service behind `import_nsp`, the admin upload and `build_fixtures`:

    profiles = parse_paths(paths)            # or parse_sources(uploads); writes nothing
    report = import_profiles(profiles)       # one transaction

Each profile ends up exactly as its file says: its own rows (activities, links…) are
replaced when the document differs from what is stored, shared rows (ISCO groups,
competences, wage tables…) are created or updated, and shared rows that nothing refers
to any more are deleted. Importing the same files again changes nothing.
"""

import gc
import logging
from collections import defaultdict
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.db import connection, transaction
from django.utils import timezone

from competences.models import Competence, OccupationCompetence
from nsp import vocabulary as vocab
from nsp.messages import Message
from nsp.messages import gettext_noop as _
from nsp.parser import ParseError, parse_profile, profile_paths
from occupations import models as m
from occupations.czech import fold, sort_key
from occupations.documents import profile_documents
from wages.models import OccupationWageTable, Region, WageFigure, WageTable

logger = logging.getLogger(__name__)

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
CHUNK = 500  # rows per IN (...) list, well below every database's parameter limit


@dataclass
class Problem:
    """What is wrong with one input, and where."""

    source: str
    line: int
    message: Message

    def __str__(self):
        return f"{self.source}:{self.line}: {self.message}"

    def translate(self, gettext):
        return f"{self.source}:{self.line}: {self.message.translate(gettext)}"


class ImportFailed(Exception):
    """Some inputs are bad: one Problem each, in input order."""

    def __init__(self, problems):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems

    @property
    def errors(self):
        """'SOURCE:LINE: reason' lines, as the commands print them."""
        return [str(problem) for problem in self.problems]


@dataclass
class ParsedProfile:
    source: str  # a path or an uploaded file's name, for messages
    document: dict


@dataclass
class FileResult:
    source: str
    nsp_id: int
    title: str
    status: str


@dataclass
class ImportReport:
    results: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    dry_run: bool = False

    def count(self, status):
        return sum(result.status == status for result in self.results)

    @property
    def changed(self):
        return any(result.status != UNCHANGED for result in self.results)

    def summary(self):
        if not self.changed:
            verb = "would change" if self.dry_run else "changed"
            return (
                f"{len(self.results)} profiles read; nothing {verb}: "
                "the database already matches the files."
            )
        verb = "would be" if self.dry_run else "were"
        return (
            f"{len(self.results)} profiles read: {self.count(CREATED)} {verb} created, "
            f"{self.count(UPDATED)} {verb} updated, {self.count(UNCHANGED)} unchanged."
        )


# --- parsing ----------------------------------------------------------------------------


def parse_paths(paths, progress=None):
    """Read and parse the files named (folders: their *.txt files, in name order)."""
    sources, errors = [], []
    for path in paths:
        if Path(path).is_dir() and not any(Path(path).glob("*.txt")):
            errors.append(Problem(str(path), 1, Message(_("the folder has no *.txt files"))))
    for path in profile_paths(paths):
        try:
            sources.append((str(path), path.read_bytes()))
        except OSError as error:
            sources.append((str(path), error))
    return _parse(sources, errors, progress)


def profile_count(paths):
    return sum(1 for _ in profile_paths(paths))


def parse_sources(sources, progress=None):
    """Parse (name, bytes) pairs, e.g. uploaded files."""
    return _parse(list(sources), [], progress)


@contextmanager
def collector_paused():
    """Pause the cyclic garbage collector for a batch.

    A batch keeps millions of small objects alive until it ends (the documents, then the
    rows written from them); the collector would walk all of them again and again and find
    nothing to free: a third of the time of a 3,000-profile import."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _parse(sources, errors, progress):
    """Parse every source; ImportFailed lists every bad one, in order."""
    profiles = []
    with collector_paused():
        for index, (source, data) in enumerate(sources, start=1):
            try:
                if isinstance(data, OSError):
                    raise ParseError(
                        1, _("cannot read the file: %(reason)s"), reason=data.strerror or data
                    )
                document = parse_profile(data)
                if message := too_long(document):
                    raise ParseError(1, message.template, **message.params)
                profiles.append(ParsedProfile(source, document))
            except ParseError as error:
                errors.append(Problem(source, error.line, error.message))
            except Exception as error:  # a parser bug must still not end in a traceback
                logger.exception("Unexpected error while parsing %s", source)
                errors.append(
                    Problem(
                        source,
                        1,
                        Message(_("unexpected error while parsing (%(error)s)"), error=repr(error)),
                    )
                )
            if progress:
                progress(index, len(sources))
    seen = {}
    for profile in profiles:
        nsp_id = profile.document["nsp_id"]
        if nsp_id in seen:
            errors.append(
                Problem(
                    profile.source,
                    1,
                    Message(
                        _("NSP id %(id)s is already in %(other)s"), id=nsp_id, other=seen[nsp_id]
                    ),
                )
            )
        seen.setdefault(nsp_id, profile.source)
    if errors:
        raise ImportFailed(errors)
    return profiles


def import_paths(paths, dry_run=False, progress=None):
    return import_profiles(parse_paths(paths, progress=progress), dry_run=dry_run)


# --- writing ----------------------------------------------------------------------------


def import_profiles(profiles, dry_run=False):
    """Write the parsed profiles in one transaction; with dry_run, roll it back."""
    report = ImportReport(dry_run=dry_run)
    with collector_paused(), transaction.atomic():
        # Lock the version row first: a second import waits here until this one ends.
        m.DataVersion.lock()
        writer = _Writer(report)
        writer.write(profiles)
        if report.changed:
            m.DataVersion.bump()
        if dry_run:
            transaction.set_rollback(True)
    return report


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# The columns of each profile's own rows after (occupation, position).
PART_COLUMNS = {
    m.AlternativeName: ("name",),
    m.RelatedOccupation: ("name",),
    m.Activity: ("text",),
    m.OccupationQualification: ("level",),
    m.OccupationIsco: ("group",),
    m.EscoLink: ("code", "name", "url"),
    m.WorkConditionLoad: ("factor", "level"),
    m.OccupationEducation: ("field", "tier"),
    m.OccupationHealthRestriction: ("restriction",),
    OccupationCompetence: ("competence", "category", "level", "suitability"),
    OccupationWageTable: ("table", "scope", "isco_name"),
}

_OCCUPATION_FIELDS = [
    "kind",
    "title",
    "description",
    "field",
    "subfield",
    "regulated",
    "parent_name",
    "search_title",
    "search_names",
    "title_sort_key",
    "updated_at",
]


_CONFLICTS = {
    "wages": _(
        "Wage table CZ-ISCO %(key)s differs between %(first)s and %(last)s; the figures of "
        "%(last)s are stored for both."
    ),
    "national_wages": _(
        "National medians for CZ-ISCO %(key)s differ between %(first)s and %(last)s; those of "
        "%(last)s are stored for both."
    ),
    "isco": _(
        "CZ-ISCO %(key)s is named differently in %(first)s and %(last)s; the name in %(last)s "
        "is stored for both."
    ),
    "competences": _(
        "Competence %(key)s is named differently in %(first)s and %(last)s; the name in "
        "%(last)s is stored for both."
    ),
}


def _shared_facts(document):
    """(section, key, value) of what the document says about rows it shares with others."""
    for table in document["wages"]:
        yield "wages", (table["isco_code"], table["year"]), table["regions"]
    for row in document["national_wages"]:
        medians = (row["business_median"], row["public_median"])
        yield "national_wages", (row["isco_code"], row["year"]), medians
    for item in document["isco"]:
        yield "isco", item["code"], item["name"]
    for competence in document["competences"]:
        yield "competences", (competence["category"], competence["code"]), competence["name"]


def _described(section, key):
    """How a conflict message names the shared row."""
    if section in ("wages", "national_wages"):
        code, year = key
        return f"{code} ({year})"
    if section == "competences":
        category, code = key
        return f"{code} ({vocab.COMPETENCE_CATEGORY_BY_KEY[category].heading})"
    return key


def agreed_documents(profiles, report):
    """The documents, each stating shared rows (wage tables, ISCO and competence names) as
    the whole import stores them: when files disagree, the last one wins for all of them.

    Comparing these with what is stored keeps a re-import of the same files from finding
    a change every time (otherwise each run would write the other file's figures back).
    Every disagreement is a warning, on every run, until the files agree."""
    documents = [in_region_order(profile.document) for profile in profiles]
    final, first_source, disagree = {}, {}, False
    for profile, document in zip(profiles, documents, strict=True):
        for section, key, value in _shared_facts(document):
            known = final.get((section, key))
            if known is not None and known[0] != value:
                disagree = True
                report.warnings.append(
                    Message(
                        _CONFLICTS[section],
                        key=_described(section, key),
                        first=first_source[(section, key)],
                        last=profile.source,
                    )
                )
            first_source.setdefault((section, key), profile.source)
            final[(section, key)] = (value, profile.source)
    if not disagree:
        return documents
    return [_with_shared_facts(document, final) for document in documents]


def _with_shared_facts(document, final):
    def agreed(section, key):
        return final[(section, key)][0]

    return {
        **document,
        "wages": [
            {**t, "regions": agreed("wages", (t["isco_code"], t["year"]))}
            for t in document["wages"]
        ],
        "national_wages": [
            {
                **row,
                **dict(
                    zip(
                        ("business_median", "public_median"),
                        agreed("national_wages", (row["isco_code"], row["year"])),
                        strict=True,
                    )
                ),
            }
            for row in document["national_wages"]
        ],
        "isco": [{**i, "name": agreed("isco", i["code"])} for i in document["isco"]],
        "competences": [
            {**c, "name": agreed("competences", (c["category"], c["code"]))}
            for c in document["competences"]
        ],
    }


class _Writer:
    def __init__(self, report):
        self.report = report

    def write(self, profiles):
        documents = agreed_documents(profiles, self.report)
        existing = self.existing_documents([d["nsp_id"] for d in documents])
        changed = []
        for profile, document in zip(profiles, documents, strict=True):
            stored = existing.get(document["nsp_id"])
            if stored is None:
                status = CREATED
            elif stored == document:
                status = UNCHANGED
            else:
                status = UPDATED
            self.report.results.append(
                FileResult(profile.source, document["nsp_id"], document["title"], status)
            )
            if status != UNCHANGED:
                changed.append(document)
        if not changed:
            return
        updated_ids = [d["nsp_id"] for d in changed if d["nsp_id"] in existing]
        self.orphan_candidates = self.shared_rows_of(updated_ids)
        self.write_catalogues(changed)
        occupations = self.write_occupations(changed)
        self.write_parts(changed, occupations)
        self.delete_orphans()
        link_related_profiles()

    # -- reading what is stored

    def existing_documents(self, nsp_ids):
        documents = {}
        for batch in chunks(nsp_ids):
            for document in profile_documents(
                m.Occupation.objects.filter(nsp_id__in=batch)
            ).values():
                documents[document["nsp_id"]] = document
        return documents

    def shared_rows_of(self, nsp_ids):
        """Shared rows the updated profiles refer to now: after the rewrite, those that
        nothing refers to any more are deleted."""
        candidates = defaultdict(set)
        links = [
            (m.OccupationQualification, "level", m.QualificationLevel),
            (m.OccupationIsco, "group", m.IscoGroup),
            (m.WorkConditionLoad, "factor", m.WorkConditionFactor),
            (m.OccupationEducation, "field", m.EducationField),
            (m.OccupationHealthRestriction, "restriction", m.HealthRestriction),
            (OccupationCompetence, "competence", Competence),
            (OccupationWageTable, "table", WageTable),
        ]
        for batch in chunks(nsp_ids):
            for link_model, name, target in links:
                candidates[target].update(
                    link_model.objects.filter(occupation__nsp_id__in=batch).values_list(
                        f"{name}_id", flat=True
                    )
                )
            for field_id, subfield_id in m.Occupation.objects.filter(nsp_id__in=batch).values_list(
                "field_id", "subfield_id"
            ):
                candidates[m.Field].add(field_id)
                candidates[m.Subfield].add(subfield_id)
        return candidates

    # -- shared rows

    def write_catalogues(self, documents):
        self.fields = _upsert(
            m.Field,
            ("name",),
            {(d["field"],): {} for d in documents if d["field"]},
            new=self.new_field_slug,
        )
        self.subfields = _upsert(
            m.Subfield,
            ("field_id", "name"),
            {
                (self.fields[(d["field"],)], d["subfield"]): {}
                for d in documents
                if d["field"] and d["subfield"]
            },
        )
        self.levels = _upsert(
            m.QualificationLevel,
            ("name",),
            {(name,): {} for d in documents for name in d["qualification_levels"]},
        )
        isco_names = {}
        for d in documents:
            for table in d["wages"] + d["national_wages"]:
                isco_names.setdefault((table["isco_code"],), table["isco_name"])
            for item in d["isco"]:
                isco_names[(item["code"],)] = item["name"]
        self.isco = _upsert(
            m.IscoGroup,
            ("code",),
            {key: {"name": name} for key, name in isco_names.items()},
            report=self.report,
        )
        self.factors = _upsert(
            m.WorkConditionFactor,
            ("name",),
            {(row["name"],): {} for d in documents for row in d["work_conditions"]},
        )
        self.restrictions = _upsert(
            m.HealthRestriction,
            ("name",),
            {(name,): {} for d in documents for name in d["health_restrictions"]},
        )
        self.education_fields = _upsert(
            m.EducationField,
            ("type", "code", "name"),
            {(e["type"], e["code"], e["name"]): {} for d in documents for e in d["education"]},
        )
        names = {(c["category"], c["code"]): c["name"] for d in documents for c in d["competences"]}
        self.competences = _upsert(
            Competence,
            ("category", "code"),
            {key: {"name": name, "search_name": fold(name)} for key, name in names.items()},
            report=self.report,
        )
        self.write_wage_tables(documents)

    def new_field_slug(self, key):
        if not hasattr(self, "field_slugs"):
            self.field_slugs = set(m.Field.objects.values_list("slug", flat=True))
        slug = m.free_slug(key[0], self.field_slugs)
        self.field_slugs.add(slug)
        return {"slug": slug}

    def write_wage_tables(self, documents):
        regions = {r.name: r.pk for r in Region.objects.all()}
        regional, national = {}, {}
        for d in documents:
            for table in d["wages"]:
                rows = {}
                for row in table["regions"]:
                    for sphere in vocab.SPHERES:
                        values = row[sphere] or {"low": None, "median": None, "high": None}
                        rows[(regions[row["region"]], sphere)] = (
                            values["low"],
                            values["median"],
                            values["high"],
                        )
                regional[(table["isco_code"], table["year"])] = rows
            for row in d["national_wages"]:
                rows = {
                    (None, vocab.BUSINESS): (None, row["business_median"], None),
                    (None, vocab.PUBLIC): (None, row["public_median"], None),
                }
                national[(row["isco_code"], row["year"])] = rows

        keys = list(dict.fromkeys([*regional, *national]))  # document order: stable pks
        table_ids = _upsert(
            WageTable, ("isco_group_id", "year"), {(self.isco[(c,)], y): {} for c, y in keys}
        )
        self.tables = {(c, y): table_ids[(self.isco[(c,)], y)] for c, y in keys}

        stored = defaultdict(dict)
        for batch in chunks(self.tables.values()):
            for f in WageFigure.objects.filter(table_id__in=batch):
                stored[f.table_id][(f.region_id, f.sphere)] = (f.low, f.median, f.high)
        replaced = {True: [], False: []}  # regional scope? -> table ids to rewrite
        new_rows = []
        for wanted, regional_scope in ((regional, True), (national, False)):
            for key, rows in wanted.items():
                table_id = self.tables[key]
                current = {
                    k: v
                    for k, v in stored[table_id].items()
                    if (k[0] is not None) == regional_scope
                }
                if current == rows:
                    continue
                if current:
                    replaced[regional_scope].append(table_id)
                new_rows.extend(
                    (table_id, region_id, sphere, low, median, high)
                    for (region_id, sphere), (low, median, high) in rows.items()
                )
        for regional_scope, table_ids in replaced.items():
            for batch in chunks(table_ids):
                WageFigure.objects.filter(
                    table_id__in=batch, region__isnull=not regional_scope
                ).delete()
        insert_rows(WageFigure, ("table", "region", "sphere", "low", "median", "high"), new_rows)

    # -- occupations and their own rows

    def write_occupations(self, documents):
        stored = {}
        for batch in chunks([d["nsp_id"] for d in documents]):
            stored.update((o.nsp_id, o) for o in m.Occupation.objects.filter(nsp_id__in=batch))
        taken = set(m.Occupation.objects.values_list("slug", flat=True)) | set(
            m.SlugRedirect.objects.values_list("old_slug", flat=True)
        )
        created, updated = [], []
        for d in documents:
            occupation = stored.get(d["nsp_id"]) or m.Occupation(nsp_id=d["nsp_id"])
            occupation.kind = d["kind"]
            occupation.title = d["title"]
            occupation.description = d["description"]
            field_id = self.fields.get((d["field"],))
            occupation.field_id = field_id
            occupation.subfield_id = self.subfields.get((field_id, d["subfield"]))
            occupation.regulated = d["regulated"]
            occupation.parent_name = d["parent"] or ""
            occupation.search_title = fold(d["title"])
            occupation.search_names = " | ".join(fold(n) for n in d["alternative_names"])
            occupation.title_sort_key = sort_key(d["title"])
            if occupation.pk is None:
                # The slug is set once; later title changes keep the address stable.
                occupation.slug = m.free_slug(d["title"], taken)
                taken.add(occupation.slug)
                created.append(occupation)
            else:
                updated.append(occupation)
        now = timezone.now()
        for occupation in created + updated:
            occupation.updated_at = now
        m.Occupation.objects.bulk_create(created, batch_size=CHUNK)
        m.Occupation.objects.bulk_update(updated, _OCCUPATION_FIELDS, batch_size=CHUNK)
        return {o.nsp_id: o.pk for o in created + updated}

    def write_parts(self, documents, occupations):
        """Replace each changed profile's own rows: delete them, insert the file's."""
        ids = list(occupations.values())
        for batch in chunks(ids):
            for model in PART_COLUMNS:
                model.objects.filter(occupation_id__in=batch).delete()
        rows = defaultdict(list)
        for d in documents:
            self.collect_parts(d, occupations[d["nsp_id"]], rows)
        for model, columns in PART_COLUMNS.items():
            insert_rows(model, ("occupation", "position", *columns), rows[model])

    def collect_parts(self, d, pk, rows):
        """Append the rows of one document, as tuples in PART_COLUMNS order."""

        def add(model, values):
            rows[model].extend((pk, position, *row) for position, row in enumerate(values))

        add(m.AlternativeName, ((name,) for name in d["alternative_names"]))
        add(m.RelatedOccupation, ((name,) for name in d["related"]))
        add(m.Activity, ((text,) for text in d["activities"]))
        add(
            m.OccupationQualification,
            ((self.levels[(name,)],) for name in d["qualification_levels"]),
        )
        add(m.OccupationIsco, ((self.isco[(i["code"],)],) for i in d["isco"]))
        add(m.EscoLink, ((e["code"], e["name"], e["url"]) for e in d["esco"]))
        rows[m.WorkConditionLoad].extend(
            (pk, position, self.factors[(row["name"],)], level)
            for position, row in enumerate(d["work_conditions"])
            for level in row["levels"]
        )
        add(
            m.OccupationEducation,
            (
                (self.education_fields[(e["type"], e["code"], e["name"])], e["tier"])
                for e in d["education"]
            ),
        )
        add(
            m.OccupationHealthRestriction,
            ((self.restrictions[(name,)],) for name in d["health_restrictions"]),
        )
        add(
            OccupationCompetence,
            (
                (
                    self.competences[(c["category"], c["code"])],
                    c["category"],
                    c["level"],
                    c["suitability"],
                )
                for c in d["competences"]
            ),
        )
        add(
            OccupationWageTable,
            (
                (self.tables[(t["isco_code"], t["year"])], "regional", t["isco_name"])
                for t in d["wages"]
            ),
        )
        rows[OccupationWageTable].extend(
            (pk, position, self.tables[(t["isco_code"], t["year"])], "national", t["isco_name"])
            for position, t in enumerate(d["national_wages"])
        )

    def delete_orphans(self):
        """Delete shared rows the updated profiles used before and nothing uses now."""
        # Wage tables first: a table's ISCO group may become unused with it.
        unused = (
            (WageTable, {"occupation_links": None}),
            (m.IscoGroup, {"occupation_links": None, "wage_tables": None}),
            (m.QualificationLevel, {"occupation_links": None}),
            (m.WorkConditionFactor, {"loads": None}),
            (m.EducationField, {"occupation_links": None}),
            (m.HealthRestriction, {"occupation_links": None}),
            (Competence, {"occupation_links": None}),
            (m.Subfield, {"occupations": None}),
            (m.Field, {"occupations": None, "subfields": None}),
        )
        for model, nothing_refers in unused:
            ids = self.orphan_candidates.get(model, set()) - {None}
            for batch in chunks(ids):
                model.objects.filter(pk__in=batch, **nothing_refers).delete()


def link_related_profiles():
    """Point parent and related names at the profiles of that title, where there are."""
    by_title = {}
    for pk, title, kind in m.Occupation.objects.order_by("nsp_id").values_list(
        "pk", "title", "kind"
    ):
        # A title may name an occupation and a specialization: prefer the occupation.
        known = by_title.get(title)
        if known is None or (kind == vocab.OCCUPATION and known[1] != vocab.OCCUPATION):
            by_title[title] = (pk, kind)

    def target(name, own_pk):
        found = by_title.get(name)
        return found[0] if found and found[0] != own_pk else None

    parents = [
        (wanted, pk)
        for pk, parent_name, parent_id in m.Occupation.objects.values_list(
            "pk", "parent_name", "parent_id"
        )
        if parent_id != (wanted := target(parent_name, pk) if parent_name else None)
    ]
    update_rows(m.Occupation, "parent", parents)
    related = [
        (wanted, pk)
        for pk, name, target_id, occupation_id in m.RelatedOccupation.objects.values_list(
            "pk", "name", "target_id", "occupation_id"
        )
        if target_id != (wanted := target(name, occupation_id))
    ]
    update_rows(m.RelatedOccupation, "target", related)


# --- helpers ----------------------------------------------------------------------------


def _limits():
    """(what, values of a document, the model field that stores them)."""
    field = lambda model, name: model._meta.get_field(name)  # noqa: E731
    return (
        ("title", lambda d: [d["title"]], field(m.Occupation, "title")),
        ("Odborný směr", lambda d: [d["field"] or ""], field(m.Field, "name")),
        ("Odborný podsměr", lambda d: [d["subfield"] or ""], field(m.Subfield, "name")),
        ("Kvalifikační úroveň", lambda d: d["qualification_levels"],
         field(m.QualificationLevel, "name")),
        ("Alternativní názvy", lambda d: d["alternative_names"], field(m.AlternativeName, "name")),
        ("Nadřazené povolání", lambda d: [d["parent"] or ""], field(m.Occupation, "parent_name")),
        ("Příbuzná povolání", lambda d: d["related"], field(m.RelatedOccupation, "name")),
        ("CZ-ISCO", lambda d: [i["name"] for i in d["isco"]], field(m.IscoGroup, "name")),
        ("wage table", lambda d: [t["isco_name"] for t in d["wages"] + d["national_wages"]],
         field(OccupationWageTable, "isco_name")),
        ("ESCO code", lambda d: [e["code"] for e in d["esco"]], field(m.EscoLink, "code")),
        ("ESCO", lambda d: [e["name"] for e in d["esco"]], field(m.EscoLink, "name")),
        ("ESCO URL", lambda d: [e["url"] for e in d["esco"]], field(m.EscoLink, "url")),
        ("Pracovní podmínky", lambda d: [w["name"] for w in d["work_conditions"]],
         field(m.WorkConditionFactor, "name")),
        ("education code", lambda d: [e["code"] for e in d["education"]],
         field(m.EducationField, "code")),
        ("Školní vzdělání", lambda d: [e["name"] for e in d["education"]],
         field(m.EducationField, "name")),
        ("competence code", lambda d: [c["code"] for c in d["competences"]],
         field(Competence, "code")),
        ("competence", lambda d: [c["name"] for c in d["competences"]], field(Competence, "name")),
        ("Onemocnění", lambda d: d["health_restrictions"], field(m.HealthRestriction, "name")),
    )  # fmt: skip


def too_long(document):
    """What in the document is longer than its database column allows, or None."""
    for what, values, model_field in _limits():
        for value in values(document):
            if len(value) > model_field.max_length:
                return Message(
                    _("%(what)s: %(value)r… is longer than %(limit)s characters"),
                    what=what,
                    value=value[:40],
                    limit=model_field.max_length,
                )
    return None


def in_region_order(document):
    """The document with each wage table's regions in NUTS order, the order they are
    stored and given back in (exports list them so; this keeps re-imports of an export
    that does not from reporting a change every time)."""
    order = {region.name: index for index, region in enumerate(vocab.REGIONS)}
    if all(
        [order[r["region"]] for r in table["regions"]]
        == sorted(order[r["region"]] for r in table["regions"])
        for table in document["wages"]
    ):
        return document
    return {
        **document,
        "wages": [
            {**table, "regions": sorted(table["regions"], key=lambda r: order[r["region"]])}
            for table in document["wages"]
        ],
    }


def insert_rows(model, fields, rows, batch=5000):
    """INSERT plain tuples: for the hundreds of thousands of rows of a full export, model
    instances cost more than the database does. PostgreSQL takes them by COPY: row by row
    INSERTs, even pipelined, cost it a round of parsing and planning each (3,000 profiles:
    ~35 s instead of ~2 s)."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    table = quote(meta.db_table)
    columns = ", ".join(quote(meta.get_field(name).column) for name in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The driver's own cursor: Django's wrapper has no COPY, so map its errors here.
            with (
                connection.wrap_database_errors,
                cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(fields))
        sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"
        for start in range(0, len(rows), batch):
            cursor.executemany(sql, rows[start : start + batch])


def update_rows(model, field, rows):
    """Set one column of many rows from (value, pk) pairs, in one prepared statement:
    bulk_update() builds a CASE expression per row, which costs seconds for thousands."""
    if not rows:
        return
    meta = model._meta
    quote = connection.ops.quote_name
    sql = (
        f"UPDATE {quote(meta.db_table)} SET {quote(meta.get_field(field).column)} = %s "
        f"WHERE {quote(meta.pk.column)} = %s"
    )
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def _upsert(model, key_fields, wanted, new=None, report=None):
    """Make sure `model` has a row for each key of `wanted` ({key tuple: values}) with
    those values; return {key tuple: pk}. `new(key)` gives extra values for new rows."""
    existing = {
        tuple(getattr(row, name) for name in key_fields): row for row in model.objects.all()
    }
    missing, changed, value_names = [], [], set()
    for key, values in wanted.items():
        row = existing.get(key)
        if row is None:
            row = model(**dict(zip(key_fields, key, strict=True)), **values)
            for name, value in (new(key) if new else {}).items():
                setattr(row, name, value)
            missing.append(row)
            existing[key] = row
            continue
        differs = {name: value for name, value in values.items() if getattr(row, name) != value}
        if differs:
            if report is not None and "name" in differs:
                report.warnings.append(
                    Message(
                        _("%(what)s %(key)s: name changed from %(old)r to %(new)r."),
                        what=model.__name__,
                        key=" ".join(map(str, key)),
                        old=row.name,
                        new=values["name"],
                    )
                )
            for name, value in differs.items():
                setattr(row, name, value)
            value_names.update(differs)
            changed.append(row)
    model.objects.bulk_create(missing, batch_size=CHUNK)
    if changed:
        model.objects.bulk_update(changed, sorted(value_names), batch_size=CHUNK)
    return {key: existing[key].pk for key in wanted}
