"""What the career pages and their API are asked for, read from the query string.

Every problem is a message that names the bad input; what is right still counts. The
pages show the messages, the API answers 400 with them.

    /co-umim/?kompetence=<category>:<code>[:<level>]&…[&vzdelani=<code>][&kraj=<slug>]
             [&sfera=business|public][&hledat=<text>]
"""

from dataclasses import dataclass, field

from django.db.models import Q
from django.utils.translation import gettext as _

from careers import features as f
from careers.selectors import Pick
from competences.models import Competence
from nsp import vocabulary as vocab
from portal.czech import sort_key
from wages.forms import SearchTextField
from wages.models import Sphere

MAX_PICKS = 30
COMPETENCE_PARAM, EDUCATION_PARAM, REGION_PARAM, SPHERE_PARAM, SEARCH_PARAM = (
    "kompetence",
    "vzdelani",
    "kraj",
    "sfera",
    "hledat",
)
REGION_BY_SLUG = {region.slug: region for region in vocab.REGIONS}
SHOWN = 40  # characters of a bad value repeated in a message


def _shown(value):
    value = value.strip()
    return value if len(value) <= SHOWN else value[:SHOWN] + "…"


@dataclass
class Place:
    """Where medians are read: a region (None: the whole country) and a sphere."""

    region: vocab.Region | None = None
    sphere: str = vocab.BUSINESS
    problems: list = field(default_factory=list)

    @property
    def region_slug(self):
        return self.region.slug if self.region else ""

    @property
    def label(self):
        """'Hlavní město Praha, mzdová sféra'."""
        where = self.region.name if self.region else _("celá ČR")
        return f"{where}, {Sphere(self.sphere).label}"


def read_place(query):
    """The region and sphere of `kraj` and `sfera`; an unknown one is a problem and the
    default (the whole country, the business sphere) is used."""
    place = Place()
    slug = query.get(REGION_PARAM, "").strip()
    if slug:
        place.region = REGION_BY_SLUG.get(slug)
        if place.region is None:
            place.problems.append(
                _("Kraj „%(value)s“ neznáme; mzdy jsou za celou ČR.") % {"value": _shown(slug)}
            )
    sphere = query.get(SPHERE_PARAM, "").strip()
    if sphere:
        if sphere in vocab.SPHERES:
            place.sphere = sphere
        else:
            place.problems.append(
                _("Sféra „%(value)s“ není mzdová (business), ani platová (public).")
                % {"value": _shown(sphere)}
            )
    return place


def place_choices():
    """The region and sphere selectors' options: the whole country, then the regions in
    Czech order."""
    return {
        "regions": sorted(vocab.REGIONS, key=lambda region: sort_key(region.name)),
        "spheres": Sphere.choices,
        "region_param": REGION_PARAM,
        "sphere_param": SPHERE_PARAM,
    }


@dataclass
class MatchQuery:
    picks: list = field(default_factory=list)  # Pick, in the order given
    education: f.EducationCode | None = None
    education_text: str = ""
    place: Place = field(default_factory=Place)
    search: str = ""
    problems: list = field(default_factory=list)
    refused: bool = False  # more than MAX_PICKS: nothing is ranked

    @property
    def all_problems(self):
        return self.problems + self.place.problems

    @property
    def asks(self):
        """Whether there is anything to rank by."""
        return not self.refused and bool(self.picks or self.education)

    def have(self):
        """{key: level or None} of the picks."""
        return {pick.key: pick.level for pick in self.picks}


def _parse_pick(value):
    """(category, code, level or None), or a problem message."""
    parts = value.strip().split(":")
    if len(parts) not in (2, 3) or not all(part.strip() for part in parts):
        return _(
            "„%(value)s“ není kompetence ve tvaru kategorie:kód nebo kategorie:kód:úroveň "
            "(např. soft:2.1:3)."
        ) % {"value": _shown(value)}
    category, code = parts[0].strip(), parts[1].strip()
    scale = vocab.COMPETENCE_CATEGORY_BY_KEY.get(category)
    if scale is None:
        return _("„%(value)s“: kategorie „%(category)s“ neexistuje; jsou %(known)s.") % {
            "value": _shown(value),
            "category": _shown(category),
            "known": ", ".join(vocab.COMPETENCE_CATEGORY_BY_KEY),
        }
    level = None
    if len(parts) == 3:
        text = parts[2].strip()
        number = text.isascii() and text.isdigit() and len(text) <= 2
        if not number or int(text) not in scale.scale:
            return _(
                "„%(value)s“: úroveň „%(level)s“ je mimo stupnici %(low)s–%(high)s této kategorie."
            ) % {
                "value": _shown(value),
                "level": _shown(text),
                "low": scale.scale_min,
                "high": scale.scale_max,
            }
        level = int(text)
    return category, code, level


def read_match_query(query):
    """A MatchQuery from a QueryDict: the picks that exist, each problem a message."""
    match = MatchQuery(place=read_place(query))
    match.search = SearchTextField().clean(query.get(SEARCH_PARAM, ""))
    wanted, seen = [], set()
    for value in query.getlist(COMPETENCE_PARAM):
        if not value.strip():
            continue  # "odebrat" in the page's form
        parsed = _parse_pick(value)
        if isinstance(parsed, str):
            match.problems.append(parsed)
            continue
        if parsed[:2] not in seen:
            seen.add(parsed[:2])
            wanted.append(parsed)
    if len(wanted) > MAX_PICKS:
        match.refused = True
        match.problems.append(
            _(
                "Vybrat lze nejvýše %(max)s kompetencí, zadáno je %(count)s. Ponechali jsme "
                "prvních %(max)s; povolání ukážeme, až výběr potvrdíte."
            )
            % {"max": MAX_PICKS, "count": len(wanted)}
        )
        wanted = wanted[:MAX_PICKS]
    match.picks = _existing(wanted, match.problems)
    text = query.get(EDUCATION_PARAM, "").strip()
    if text:
        match.education_text = text[:SHOWN]
        code = f.education_code(text)
        if code is None or code.group is None:
            match.problems.append(
                _(
                    "„%(value)s“ není kód oboru vzdělání podle RVP (např. 63-41-M/01) ani "
                    "KKOV (např. 6341M)."
                )
                % {"value": _shown(text)}
            )
        else:
            match.education = code
    return match


def _existing(wanted, problems):
    """The Picks of the competences of the catalogue, in the order wanted; a problem for
    each the catalogue does not have."""
    if not wanted:
        return []
    condition = Q()
    for category, code, _level in wanted:
        condition |= Q(category=category, code=code)
    known = {
        (category, code): (pk, name)
        for pk, category, code, name in Competence.objects.filter(condition).values_list(
            "pk", "category", "code", "name"
        )
    }
    picks = []
    for category, code, level in wanted:
        if (category, code) not in known:
            problems.append(
                _("Kompetenci „%(value)s“ katalog nemá.") % {"value": _shown(f"{category}:{code}")}
            )
            continue
        pk, name = known[(category, code)]
        picks.append(Pick(category, code, name, pk, level))
    return picks
