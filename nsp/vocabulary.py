"""The fixed vocabulary of NSP profiles: one place for each code and scale.

The parser reads exports with it and the Django apps build their choices and database
constraints from it, so a scale or a region is never written down twice. Pure Python on
purpose: the parser must not import Django.
"""

from dataclasses import dataclass
from functools import cached_property

OCCUPATION = "occupation"
SPECIALIZATION = "specialization"
KINDS = (OCCUPATION, SPECIALIZATION)

# How the export writes the work-unit type: as an enum or as a word.
WORK_UNIT_TYPES = {
    "WorkUnitTypeEnum.1": OCCUPATION,
    "WorkUnitTypeEnum.2": SPECIALIZATION,
    "Povolání": OCCUPATION,
    "Specializace": SPECIALIZATION,
}

# Numbers the database stores in 32-bit integer columns.
MAX_NSP_ID = 2**31 - 1
MAX_AMOUNT = 2**31 - 1  # CZK a month: far above any real wage, but a hard limit
# Years a wage table may be for.
WAGE_YEARS = range(1990, 2101)

BUSINESS = "business"  # "Mzdová sféra": employers paying wages (mzda)
PUBLIC = "public"  # "Platová sféra": public employers paying salaries (plat)
SPHERES = (BUSINESS, PUBLIC)

BEST = "best"  # "Nejvhodnější školní přípravu poskytují obory"
SUITABLE = "suitable"  # "Vhodnou školní přípravu poskytují také obory"
TIERS = (BEST, SUITABLE)

# Education field types: the export writes RVP as such and KKOV as an enum.
EDUCATION_TYPES = {"RVP": "RVP", "KKOVTypeEnum.1": "KKOV", "KKOV": "KKOV"}
# What the document and the database store: each type once.
EDUCATION_TYPE_CODES = tuple(dict.fromkeys(EDUCATION_TYPES.values()))

WORK_CONDITION_LEVELS = (1, 2, 3, 4)
# A factor at level 1 "does not occur or is minimal"; from 2 up the work carries it.
FIRST_BURDENING_LEVEL = 2


@dataclass(frozen=True)
class WorkConditionLevel:
    level: int
    title: str
    description: str


# The legend every profile prints under its work-condition table (NSP text, Czech).
WORK_CONDITION_LEGEND = (
    WorkConditionLevel(
        1,
        "Stupeň zátěže (minimální zdravotní riziko)",
        "Faktor se při výkonu práce nevyskytuje nebo je zátěž faktorem minimální, vliv faktoru "
        "je ze zdravotního hlediska nevýznamný.",
    ),
    WorkConditionLevel(
        2,
        "Stupeň zátěže (únosná míra zdravotního rizika)",
        "Ze zdravotního hlediska je míra zátěže faktorem únosná, nepřekračuje limity stanovené "
        "předpisy, vliv faktoru je akceptovatelný pro zdravého člověka.",
    ),
    WorkConditionLevel(
        3,
        "Stupeň zátěže (významná míra zdravotního rizika)",
        "Úroveň zátěže překračuje stanovené limitní hodnoty expozice (zátěže), na pracovištích "
        "je nutná realizace náhradních technických a organizačních opatření, nelze vyloučit "
        "negativní vliv na zdraví pracovníků.",
    ),
    WorkConditionLevel(
        4,
        "Stupeň zátěže (vysoká míra zdravotního rizika)",
        "Úroveň zátěže vysoce překračuje stanovené limitní hodnoty expozice, na pracovištích "
        "musí být dodržován soubor preventivních opatření, častěji dochází k poškození zdraví.",
    ),
)

HEALTH_DISCLAIMER = (
    "Přesné posouzení zdravotního stavu s následným doporučením nebo nedoporučením výkonu "
    "tohoto povolání je možné pouze po konzultaci s lékařem."
)


@dataclass(frozen=True)
class CompetenceCategory:
    key: str
    heading: str  # the section heading in the export
    scale_min: int
    scale_max: int
    has_suitability: bool  # whether the section has the "Vhodnost" column
    levels_url: str  # the NSP annex describing each level

    @property
    def scale(self):
        return range(self.scale_min, self.scale_max + 1)


COMPETENCE_CATEGORIES = (
    CompetenceCategory(
        "professional_skill",
        "Odborné dovednosti",
        1,
        8,
        True,
        "https://nsp.cz/downloads/Priloha_c2_manualu.pdf",
    ),
    CompetenceCategory(
        "professional_knowledge",
        "Odborné znalosti",
        1,
        8,
        True,
        "https://nsp.cz/downloads/Priloha_c2_manualu.pdf",
    ),
    CompetenceCategory(
        "general_skill",
        "Obecné dovednosti",
        0,
        3,
        False,
        "https://nsp.cz/downloads/Priloha_c10_manualu.pdf",
    ),
    CompetenceCategory(
        "digital",
        "Digitální kompetence",
        1,
        4,
        False,
        "https://nsp.cz/downloads/Priloha_c15_manualu.pdf",
    ),
    CompetenceCategory(
        "soft",
        "Měkké kompetence",
        0,
        5,
        False,
        "https://nsp.cz/downloads/Priloha_c9_manualu.pdf",
    ),
)
COMPETENCE_CATEGORY_BY_KEY = {category.key: category for category in COMPETENCE_CATEGORIES}

# CompetenceSuitabilityEnum.N: the seeds mark nearly every competence 2 and a director's
# "základy sociologie" and "projektový management" 1, i.e. 2 = essential, 1 = suitable.
ESSENTIAL = 2
SUITABLE_COMPETENCE = 1


@dataclass(frozen=True)
class Region:
    nuts3: str
    iso_3166_2: str
    name: str  # as the NSP wage tables write it
    short_name: str
    slug: str


# The 14 regions (kraje) in the order of their NUTS 3 codes, which is the order of the
# NSP wage tables.
REGIONS = (
    Region("CZ010", "CZ-10", "Hlavní město Praha", "Praha", "praha"),
    Region("CZ020", "CZ-20", "Středočeský kraj", "Středočeský", "stredocesky"),
    Region("CZ031", "CZ-31", "Jihočeský kraj", "Jihočeský", "jihocesky"),
    Region("CZ032", "CZ-32", "Plzeňský kraj", "Plzeňský", "plzensky"),
    Region("CZ041", "CZ-41", "Karlovarský kraj", "Karlovarský", "karlovarsky"),
    Region("CZ042", "CZ-42", "Ústecký kraj", "Ústecký", "ustecky"),
    Region("CZ051", "CZ-51", "Liberecký kraj", "Liberecký", "liberecky"),
    Region("CZ052", "CZ-52", "Královéhradecký kraj", "Královéhradecký", "kralovehradecky"),
    Region("CZ053", "CZ-53", "Pardubický kraj", "Pardubický", "pardubicky"),
    Region("CZ063", "CZ-63", "Kraj Vysočina", "Vysočina", "vysocina"),
    Region("CZ064", "CZ-64", "Jihomoravský kraj", "Jihomoravský", "jihomoravsky"),
    Region("CZ071", "CZ-71", "Olomoucký kraj", "Olomoucký", "olomoucky"),
    Region("CZ072", "CZ-72", "Zlínský kraj", "Zlínský", "zlinsky"),
    Region("CZ080", "CZ-80", "Moravskoslezský kraj", "Moravskoslezský", "moravskoslezsky"),
)
REGION_BY_NAME = {region.name: region for region in REGIONS}


@dataclass(frozen=True)
class Match:
    """What a value of a closed vocabulary stands for.

    `known` is the vocabulary's value the text begins with (None when it begins with
    none); `rest` is what follows it, or the whole text when nothing is known."""

    value: str
    known: str | None
    rest: str

    @property
    def exact(self):
        return self.value == self.known


@dataclass(frozen=True)
class Vocabulary:
    """A closed list of values the NSP writes in one place of a profile.

    The export is not always clean: a value may carry other text after it ("Magisterský
    studijní program Ředitel centra…", alternative names fused into the level), or
    differ in case. match() maps a text to the value it begins with; the profile
    document keeps the text as written, and what follows is for an editor to look at."""

    label: str  # where the profile prints it, as the export writes the heading or label
    values: tuple

    def __contains__(self, value):
        return value in self._set

    def __iter__(self):
        return iter(self.values)

    def __len__(self):
        return len(self.values)

    @cached_property
    def _set(self):
        return frozenset(self.values)

    @cached_property
    def _longest_first(self):
        return sorted(((v.casefold(), v) for v in self.values), key=lambda p: -len(p[0]))

    def match(self, text):
        """The value `text` is or begins with, ignoring case; the longest one that ends
        at a word's end ("Střední vzdělání s výučním listem i maturitní zkouškou" is not
        "Střední vzdělání" with a rest)."""
        if text in self._set:
            return Match(text, text, "")
        folded = text.casefold()
        for candidate, value in self._longest_first:
            if folded.startswith(candidate):
                following = folded[len(candidate) : len(candidate) + 1]
                if not following.isalnum():
                    return Match(text, value, text[len(candidate) :].strip())
        return Match(text, None, text)

    def entry(self, text):
        """The value a text stands for: the one it begins with, else the text itself."""
        return self.match(text).known or text

    def index(self, value):
        """The place of a value in the vocabulary's own order, for sorting (unknown last)."""
        try:
            return self.values.index(value)
        except ValueError:
            return len(self.values)


# "Kvalifikační úroveň": the levels of education a work unit asks for, from the lowest.
QUALIFICATION_LEVELS = Vocabulary(
    "Kvalifikační úroveň",
    (
        "Základní vzdělání",
        "Nižší střední vzdělání",
        "Střední vzdělání",
        "Střední vzdělání s výučním listem",
        "Střední vzdělání s maturitní zkouškou",
        "Střední vzdělání s výučním listem i maturitní zkouškou",
        "Vyšší odborné vzdělání",
        "Bakalářský studijní program",
        "Magisterský studijní program",
        "Doktorský studijní program",
    ),
)

# "Pracovní podmínky": the 22 factors every profile rates, in the order of the seed
# 000's table (a profile lists the factors it burdens first).
WORK_CONDITION_FACTORS = Vocabulary(
    "Pracovní podmínky",
    (
        "Zátěž hlukem",
        "Zraková zátěž",
        "Duševní zátěž",
        "Zátěž teplem",
        "Zátěž chladem",
        "Zátěž vibracemi",
        "Zátěž prachem",
        "Zátěž chemickými látkami",
        "Zátěž invazivními alergeny",
        "Zátěž biologickými činiteli způsobujícími onemocnění",
        "Zátěž ionizujícím zářením",
        "Zátěž neionizujícím zářením a elektromagnetickým polem včetně laserů",
        "Celková fyzická zátěž",
        "Zátěž trupu a páteře s převahou statické práce (manipulace s břemeny)",
        "Lokální zátěž - zátěž malých svalových skupin",
        "Lokální zátěž jemné motoriky",
        "Zátěž prací v omezeném nebo uzavřeném prostoru",
        "Zátěž prací v nevhodných pracovních polohách",
        "Práce ve výškách",
        "Zvýšené riziko úrazu pracovníka",
        "Zvýšené riziko obecného ohrožení",
        "Pracovní doba, směnnost",
    ),
)
