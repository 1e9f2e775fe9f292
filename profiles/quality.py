"""The data check: what in the stored profiles an editor should look at.

NSP exports carry slips (alternative names fused into the qualification level, a parent
named as no profile is, wages left years behind), and the portal shows every one of them
to everyone. `findings()` lists them, computed from the data each time it is asked (a
fixed number of queries, whatever the number of profiles), never stored: a fix in the
admin shows at once. The admin's "Kontrola dat" page, its CSV and the import's report
all read this one list.

Messages are English templates (the command line, the tests) that the admin translates,
like the importer's (nsp.messages).
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import F, Max, Q
from django.utils import timezone

from nsp import vocabulary as vocab
from nsp.messages import Message
from nsp.messages import gettext_noop as _
from occupations import models as m
from portal.czech import fold
from wages.models import OccupationWageTable


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # English; the admin translates it
    description: str


VOCABULARY = Kind(
    "vocabulary",
    _("value outside its vocabulary"),
    _(
        "A qualification level or a work-condition factor that is not one of the NSP's. The "
        "pages show the value it begins with; the rest is left for an editor."
    ),
)
UNKNOWN_NAME = Kind(
    "unknown-name",
    _("name that matches no profile"),
    _("A parent or related occupation whose name is the title of no profile in the portal."),
)
WAGES = Kind(
    "wages",
    _("missing or old wages"),
    _("A profile without wages, or whose newest wages are older than the limit."),
)
DUPLICATE_TITLE = Kind(
    "duplicate-title",
    _("the same title on two profiles"),
    _("Two profiles have one title (case and diacritics aside)."),
)
ISCO_NAME = Kind(
    "isco-name",
    _("CZ-ISCO group named differently"),
    _(
        "A profile names a CZ-ISCO group otherwise than the portal, which keeps the name of "
        "the last file imported."
    ),
)
ALTERNATIVE_NAME = Kind(
    "alternative-name",
    _("alternative name equal to the title or listed twice"),
    _("An alternative name that repeats the title or another alternative name."),
)
KINDS = (VOCABULARY, UNKNOWN_NAME, WAGES, DUPLICATE_TITLE, ISCO_NAME, ALTERNATIVE_NAME)
KIND_BY_KEY = {kind.key: kind for kind in KINDS}


@dataclass(frozen=True)
class Part:
    """A part of a profile and where the admin's change form edits it."""

    label: str  # English; the admin translates it
    anchor: str  # the element of the change form: an inline's group or a field


QUALIFICATION = Part(_("qualification level"), "qualification_links-group")
WORK_CONDITIONS = Part(_("work conditions"), "work_condition_loads-group")
PARENT = Part(_("parent occupation"), "id_parent_name")
RELATED = Part(_("related occupations"), "related-group")
WAGE_TABLES = Part(_("wages"), "wage_links-group")
TITLE = Part(_("title"), "id_title")
ISCO = Part(_("CZ-ISCO"), "isco_links-group")
ALTERNATIVE_NAMES = Part(_("alternative names"), "alternative_names-group")


@dataclass(frozen=True)
class Finding:
    kind: Kind
    occupation_id: int
    nsp_id: int
    title: str
    part: Part
    text: str  # the offending text, as stored
    detail: Message

    def __str__(self):
        return f"{self.nsp_id} {self.title}: {self.part.label}: {self.text!r}: {self.detail}"


@dataclass(frozen=True)
class _Profile:
    pk: int
    nsp_id: int
    title: str
    folded: str
    sort_key: str


def findings(year=None, max_wage_age=None):
    """Every finding of the stored profiles, by kind, then by title in Czech order.

    Wages are old when `year` (this year) is more than `max_wage_age` years (the setting
    WAGES_MAX_AGE_YEARS) after their year."""
    year = timezone.localdate().year if year is None else year
    max_wage_age = wage_age_limit() if max_wage_age is None else max_wage_age
    profiles = {
        pk: _Profile(pk, nsp_id, title, fold(title), sort_key)
        for pk, nsp_id, title, sort_key in m.Occupation.objects.values_list(
            "pk", "nsp_id", "title", "title_sort_key"
        )
    }
    found = [
        *_outside_vocabularies(),
        *_unknown_names(profiles),
        *_missing_or_old_wages(profiles, year, max_wage_age),
        *_duplicate_titles(profiles),
        *_isco_names(),
        *_alternative_names(profiles),
    ]
    order = {kind: index for index, kind in enumerate(KINDS)}
    listed = [
        Finding(kind, pk, profiles[pk].nsp_id, profiles[pk].title, part, text, detail)
        for kind, pk, part, text, detail in found
    ]
    return sorted(
        listed,
        key=lambda f: (order[f.kind], profiles[f.occupation_id].sort_key, f.nsp_id),
    )


def wage_age_limit():
    """Years after which wages are old (DJANGO_WAGES_MAX_AGE_YEARS)."""
    return settings.WAGES_MAX_AGE_YEARS


def newest_old_wage_year(year=None):
    """The newest year whose wages are old this year."""
    year = timezone.localdate().year if year is None else year
    return year - wage_age_limit() - 1


def counts(found):
    """[(kind, number of findings)] of every kind, in the order of KINDS."""
    numbers = defaultdict(int)
    for finding in found:
        numbers[finding.kind] += 1
    return [(kind, numbers[kind]) for kind in KINDS]


# --- the kinds: each yields (kind, occupation pk, part, text, detail) ---------------------


def _vocabulary_detail(match, unknown):
    if match.known is None:
        return unknown
    if match.rest:
        return Message(
            _("begins with %(known)r, which the pages show; left over: %(rest)r"),
            known=match.known,
            rest=match.rest,
        )
    return Message(_("written otherwise than %(known)r"), known=match.known)


def _outside_vocabularies():
    """Rows whose text is not exactly a value of the vocabulary (their entry's name)."""
    levels = (
        m.OccupationQualification.objects.filter(
            ~Q(text="") | ~Q(level__name__in=vocab.QUALIFICATION_LEVELS.values)
        )
        .order_by("occupation_id", "position")
        .values_list("occupation_id", "level__name", "text")
    )
    for pk, name, text in levels:
        written = text or name
        detail = _vocabulary_detail(
            vocab.QUALIFICATION_LEVELS.match(written),
            Message(_("not a qualification level of the NSP")),
        )
        yield VOCABULARY, pk, QUALIFICATION, written, detail
    factors = (
        m.WorkConditionLoad.objects.filter(
            ~Q(text="") | ~Q(factor__name__in=vocab.WORK_CONDITION_FACTORS.values)
        )
        .order_by("occupation_id", "position")
        .values_list("occupation_id", "position", "factor__name", "text")
        .distinct()  # a factor marked at two levels is two rows
    )
    for pk, _position, name, text in factors:
        written = text or name
        detail = _vocabulary_detail(
            vocab.WORK_CONDITION_FACTORS.match(written),
            Message(_("not a work-condition factor of the NSP")),
        )
        yield VOCABULARY, pk, WORK_CONDITIONS, written, detail


def _unknown_names(profiles):
    """Parent and related names linked to no profile (the import links exact titles)."""
    titles = {profile.folded: profile.title for profile in profiles.values()}

    def detail(pk, name):
        folded = fold(name)
        if folded == profiles[pk].folded:
            return Message(_("names this profile itself"))
        if folded in titles:
            return Message(
                _("no profile of this title; did you mean %(title)r?"), title=titles[folded]
            )
        return Message(_("no profile of this title in the portal"))

    parents = m.Occupation.objects.filter(parent__isnull=True).exclude(parent_name="")
    for pk, name in parents.values_list("pk", "parent_name"):
        yield UNKNOWN_NAME, pk, PARENT, name, detail(pk, name)
    related = m.RelatedOccupation.objects.filter(target__isnull=True).order_by(
        "occupation_id", "position"
    )
    for pk, name in related.values_list("occupation_id", "name"):
        yield UNKNOWN_NAME, pk, RELATED, name, detail(pk, name)


def _missing_or_old_wages(profiles, year, max_age):
    newest = dict(
        OccupationWageTable.objects.order_by()
        .values("occupation_id")
        .annotate(newest=Max("table__year"))
        .values_list("occupation_id", "newest")
    )
    for pk in profiles:
        wage_year = newest.get(pk)
        if wage_year is None:
            yield WAGES, pk, WAGE_TABLES, "", Message(_("no wages"))
        elif year - wage_year > max_age:
            yield (
                WAGES,
                pk,
                WAGE_TABLES,
                str(wage_year),
                Message(
                    _("the newest wages are of %(year)s (old: %(old)s and earlier)"),
                    year=wage_year,
                    old=year - max_age - 1,
                ),
            )


def _duplicate_titles(profiles):
    by_title = defaultdict(list)
    for profile in profiles.values():
        by_title[profile.folded].append(profile)
    for same in by_title.values():
        for profile in same:
            for other in same:
                if other is not profile:
                    yield (
                        DUPLICATE_TITLE,
                        profile.pk,
                        TITLE,
                        profile.title,
                        Message(_("also the title of NSP %(id)s"), id=other.nsp_id),
                    )


def _isco_names():
    """A profile's own name for a group, where it is not the group's (the import keeps
    it only then; an editor may have typed the group's name)."""
    differing = (
        (
            ISCO,
            m.OccupationIsco.objects.exclude(name="").exclude(name=F("group__name")),
            ("name", "group__code", "group__name"),
        ),
        (
            WAGE_TABLES,
            OccupationWageTable.objects.exclude(isco_name="").exclude(
                isco_name=F("table__isco_group__name")
            ),
            ("isco_name", "table__isco_group__code", "table__isco_group__name"),
        ),
    )
    seen = set()
    for part, rows, fields in differing:
        for pk, name, code, group_name in rows.order_by("occupation_id", "position").values_list(
            "occupation_id", *fields
        ):
            if (pk, code, name) in seen:
                continue  # the CZ-ISCO list and the wage tables say the same
            seen.add((pk, code, name))
            yield (
                ISCO_NAME,
                pk,
                part,
                f"{code} {name}",
                Message(
                    _("the portal names CZ-ISCO %(code)s %(name)r"), code=code, name=group_name
                ),
            )


def _alternative_names(profiles):
    seen = {}
    names = m.AlternativeName.objects.order_by("occupation_id", "position")
    for pk, name in names.values_list("occupation_id", "name"):
        folded = fold(name)
        if folded == profiles[pk].folded:
            yield ALTERNATIVE_NAME, pk, ALTERNATIVE_NAMES, name, Message(_("the same as the title"))
        elif (pk, folded) in seen:
            yield (
                ALTERNATIVE_NAME,
                pk,
                ALTERNATIVE_NAMES,
                name,
                Message(_("listed twice (also as %(other)r)"), other=seen[(pk, folded)]),
            )
        seen.setdefault((pk, folded), name)
