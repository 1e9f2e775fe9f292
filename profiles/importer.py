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
from django.db.models import F

from careers.services import recompute_careers
from nsp import vocabulary as vocab
from nsp.messages import Message
from nsp.messages import gettext_noop as _
from nsp.parser import ParseError, parse_profile, profile_paths
from occupations import models as m
from portal.bulk import insert_rows
from portal.models import DataVersion
from profiles import quality
from profiles.documents import profile_documents
from profiles.sections import CATALOGUES, ISCO_GROUPS, SECTIONS, WAGE_TABLES
from search import engine
from wages.models import Region, WageFigure

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
    # What the data check finds in the imported profiles (profiles/quality.py); they never
    # stop an import.
    findings: list = field(default_factory=list)
    dry_run: bool = False

    def count(self, status):
        return sum(result.status == status for result in self.results)

    def finding_counts(self):
        """[(kind, number)] of the kinds found, in the order of quality.KINDS."""
        return [(kind, number) for kind, number in quality.counts(self.findings) if number]

    def findings_with_sources(self):
        """(file, finding) of every finding."""
        sources = {result.nsp_id: result.source for result in self.results}
        return [(sources[finding.nsp_id], finding) for finding in self.findings]

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
        DataVersion.lock()
        with DataVersion.bumped_once():
            _Writer(report).write(profiles)
            if report.changed and not dry_run:
                # Similar occupations and "Co umím" read what every profile requires.
                recompute_careers()
        imported = {profile.document["nsp_id"] for profile in profiles}
        report.findings = [f for f in quality.findings() if f.nsp_id in imported]
        if dry_run:
            transaction.set_rollback(True)
        elif report.changed:
            # Readers load the new data's index instead of building it.
            engine.rebuild()
    return report


def chunks(items, size=CHUNK):
    items = list(items)
    for start in range(0, len(items), size):
        yield items[start : start + size]


# What the importer writes of an occupation's own row (prepare() sets the derived ones).
_OCCUPATION_FIELDS = [
    "kind",
    "title",
    "description",
    "field",
    "subfield",
    "regulated",
    "parent_name",
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
    """The documents, each stating shared rows (wage tables, competence names) as
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
        for batch in chunks(nsp_ids):
            for section in SECTIONS:
                if section.catalogue is not None:
                    candidates[section.catalogue.model].update(
                        section.model.objects.filter(occupation__nsp_id__in=batch).values_list(
                            f"{section.link}_id", flat=True
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
        self.ids = {}  # {catalogue: {key: pk}}
        for catalogue in CATALOGUES:
            if catalogue is WAGE_TABLES:
                self.write_wage_tables(documents)
            else:
                self.ids[catalogue] = _upsert(
                    catalogue.model,
                    catalogue.key,
                    catalogue.entries(documents),
                    report=self.report if catalogue.warn_renames else None,
                )

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
        groups = self.ids[ISCO_GROUPS]
        table_ids = _upsert(
            WAGE_TABLES.model, WAGE_TABLES.key, {(groups[(c,)], y): {} for c, y in keys}
        )
        tables = self.ids[WAGE_TABLES] = {(c, y): table_ids[(groups[(c,)], y)] for c, y in keys}

        stored = defaultdict(dict)
        for batch in chunks(tables.values()):
            for f in WageFigure.objects.filter(table_id__in=batch):
                stored[f.table_id][(f.region_id, f.sphere)] = (f.low, f.median, f.high)
        replaced = {True: [], False: []}  # regional scope? -> table ids to rewrite
        new_rows = []
        for wanted, regional_scope in ((regional, True), (national, False)):
            for key, rows in wanted.items():
                table_id = tables[key]
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
        taken = m.Occupation.objects.taken_slugs()
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
            # The slug is set once; later title changes keep the address stable.
            occupation.prepare(taken_slugs=taken)
            (created if occupation.pk is None else updated).append(occupation)
        m.Occupation.objects.bulk_create(created, batch_size=CHUNK)
        m.Occupation.objects.bulk_update(updated, _OCCUPATION_FIELDS, batch_size=CHUNK)
        return {o.nsp_id: o.pk for o in created + updated}

    def write_parts(self, documents, occupations):
        """Replace each changed profile's own rows: delete them, insert the file's."""
        ids = list(occupations.values())
        for batch in chunks(ids):
            for section in SECTIONS:
                section.model.objects.filter(occupation_id__in=batch).delete()
        for section in SECTIONS:
            rows = [
                (occupations[d["nsp_id"]], *row)
                for d in documents
                for row in section.rows(d, self.ids)
            ]
            insert_rows(section.model, ("occupation", "position", *section.columns), rows)
            if section.own_name:
                # A profile's name for a CZ-ISCO group is kept only where it differs.
                column, shared = section.own_name
                for batch in chunks(ids):
                    section.model.objects.filter(
                        occupation_id__in=batch, **{column: F(shared)}
                    ).update(**{column: ""})

    def delete_orphans(self):
        """Delete shared rows the updated profiles used before and nothing uses now: a
        catalogue before those it refers to (a wage table before its ISCO group)."""
        unused = [(c.model, c.unused) for c in reversed(CATALOGUES)] + [
            (m.Subfield, ("occupations",)),
            (m.Field, ("occupations", "subfields")),
        ]
        for model, relations in unused:
            ids = self.orphan_candidates.get(model, set()) - {None}
            for batch in chunks(ids):
                model.objects.filter(pk__in=batch, **dict.fromkeys(relations)).delete()


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


def _own_limits(document):
    """(what, value, model field) of the texts of the occupation's own row."""
    field = m.Occupation._meta.get_field
    yield "title", document["title"], field("title")
    yield "Odborný směr", document["field"] or "", m.Field._meta.get_field("name")
    yield "Odborný podsměr", document["subfield"] or "", m.Subfield._meta.get_field("name")
    yield "Nadřazené povolání", document["parent"] or "", field("parent_name")


def too_long(document):
    """What in the document is longer than its database column allows, or None."""
    texts = [_own_limits(document)] + [section.too_long(document) for section in SECTIONS]
    for what, value, model_field in (text for of_one in texts for text in of_one):
        if model_field.max_length is not None and len(value) > model_field.max_length:
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
