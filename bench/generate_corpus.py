"""Generate a deterministic corpus of synthetic NSP profile text exports (for benchmarks).

    .venv/bin/python bench/generate_corpus.py 3000 /tmp/nsp-corpus [--seed 1] [--check]

Every file is written in the format of the seed exports in fixtures/nsp/ (tab-separated
tables, 'Typ JP / ID' page-break blocks inside tables and lists, repeated table headers)
and parses with nsp.parser. The data is invented but shared the way the real NSP shares
it, so that an import exercises the shared catalogues:

- one competence catalogue (thousands of professional skill and knowledge codes, the
  general skills b01-b08, the 21 digital and 16 soft competences): a code always has the
  same name;
- ~400 CZ-ISCO groups with 5-digit subgroups: a code always has the same name;
- wage tables keyed by (ISCO group, year): the figures are a function of the code and the
  year only, so every profile that prints a table prints the same figures;
- fields with subfields, education fields (RVP and KKOV), health restrictions, the 22
  work-condition factors of the seeds.

The same N and seed give byte-identical files; the first N files of a larger corpus are
the files of the smaller one. The data is synthetic: it must never reach users, so the
generator refuses to write into fixtures/.
"""

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from nsp import vocabulary as vocab  # noqa: E402

FIXTURES = ROOT / "fixtures"
SCHEMA = ROOT / "nsp" / "nsp-profile.schema.json"
FIRST_ID = 200000
DEFAULT_SEED = 1
YEARS = (2019, 2020, 2021, 2022, 2023, 2024)

# --- shared vocabulary (invented, Czech) --------------------------------------------------

# (field, subfields, domains in the genitive: "Technik <domain>", "v oblasti <domain>")
FIELDS = (
    (
        "Management",
        ("nezařazeno do odborného podsměru", "řízení organizací", "projektové řízení"),
        (
            "zákaznických služeb",
            "obchodního úseku",
            "výrobního úseku",
            "provozu",
            "projektového týmu",
            "řízení kvality",
            "rozvoje podniku",
        ),
    ),
    (
        "Obchod a marketing",
        ("zákaznický servis", "prodej", "marketing a komunikace", "nákup"),
        (
            "zákaznického servisu",
            "prodeje",
            "nákupu",
            "marketingové komunikace",
            "kontaktního centra",
            "obchodní sítě",
            "reklamací",
            "průzkumu trhu",
        ),
    ),
    (
        "Ekonomika a administrativa",
        ("účetnictví", "finance", "administrativa", "personalistika"),
        (
            "účetnictví",
            "mzdové agendy",
            "finančního řízení",
            "controllingu",
            "daňové evidence",
            "personální agendy",
            "spisové služby",
            "pojišťovnictví",
        ),
    ),
    (
        "Informační technologie",
        ("vývoj softwaru", "správa systémů", "bezpečnost informací"),
        (
            "informačních systémů",
            "počítačových sítí",
            "databázových systémů",
            "kybernetické bezpečnosti",
            "webových aplikací",
            "datové analytiky",
            "cloudových služeb",
            "uživatelské podpory",
        ),
    ),
    (
        "Strojírenství a strojírenská výroba",
        ("obrábění", "montáž", "svařování", "údržba strojů"),
        (
            "obrábění kovů",
            "strojní montáže",
            "svařování",
            "údržby strojů",
            "technologie tváření",
            "slévárenské výroby",
            "nástrojárny",
            "hydraulických systémů",
        ),
    ),
    (
        "Elektrotechnika a energetika",
        ("elektroinstalace", "energetika", "slaboproud"),
        (
            "elektrických instalací",
            "rozvodných sítí",
            "obnovitelných zdrojů",
            "slaboproudých zařízení",
            "měřicí techniky",
            "elektrických strojů",
            "jaderné energetiky",
        ),
    ),
    (
        "Stavebnictví",
        ("pozemní stavby", "inženýrské stavby", "dokončovací práce"),
        (
            "pozemních staveb",
            "dopravních staveb",
            "stavební výroby",
            "tepelných izolací",
            "stavebního dozoru",
            "vodohospodářských staveb",
            "zednických prací",
        ),
    ),
    (
        "Doprava a logistika",
        ("silniční doprava", "železniční doprava", "letecká doprava", "logistika"),
        (
            "silniční dopravy",
            "železniční dopravy",
            "letového provozu",
            "skladového hospodářství",
            "zasilatelství",
            "městské hromadné dopravy",
            "vodní dopravy",
        ),
    ),
    (
        "Zemědělství a lesnictví",
        ("rostlinná výroba", "živočišná výroba", "lesnictví"),
        (
            "rostlinné výroby",
            "chovu hospodářských zvířat",
            "lesního hospodářství",
            "zahradnictví",
            "rybářství",
            "zemědělské techniky",
            "veterinární péče",
        ),
    ),
    (
        "Potravinářství",
        ("zpracování masa", "pekárenství", "mlékárenství"),
        (
            "zpracování masa",
            "pekárenské výroby",
            "mlékárenské výroby",
            "cukrářské výroby",
            "nápojového průmyslu",
            "kontroly potravin",
        ),
    ),
    (
        "Zdravotnictví",
        ("ošetřovatelství", "lékařské obory", "nelékařské obory"),
        (
            "ošetřovatelské péče",
            "intenzivní péče",
            "zdravotnické záchranné služby",
            "fyzioterapie",
            "radiologie",
            "laboratorní diagnostiky",
            "farmacie",
            "dentální hygieny",
        ),
    ),
    (
        "Sociální služby",
        ("přímá péče", "sociální práce"),
        (
            "sociální péče",
            "pobytových služeb",
            "terénní sociální práce",
            "sociálně-právní ochrany dětí",
            "pečovatelské služby",
            "sociální rehabilitace",
        ),
    ),
    (
        "Vzdělávání a výchova",
        ("předškolní vzdělávání", "regionální školství", "vysoké školství", "další vzdělávání"),
        (
            "předškolní výchovy",
            "základního vzdělávání",
            "odborného výcviku",
            "speciální pedagogiky",
            "volnočasových aktivit",
            "dalšího vzdělávání dospělých",
        ),
    ),
    (
        "Kultura a umění",
        ("hudba", "výtvarné umění", "divadlo a film", "muzea a knihovny"),
        (
            "hudebního provozu",
            "divadelní produkce",
            "filmové tvorby",
            "muzejních sbírek",
            "knihovnických služeb",
            "restaurování památek",
            "užitého umění",
        ),
    ),
    (
        "Cestovní ruch, gastronomie a hotelnictví",
        ("gastronomie", "hotelnictví", "cestovní ruch"),
        (
            "gastronomického provozu",
            "hotelového provozu",
            "cestovní kanceláře",
            "průvodcovských služeb",
            "lázeňských služeb",
            "společného stravování",
        ),
    ),
    (
        "Chemie",
        ("chemická výroba", "farmaceutická výroba", "gumárenství a plastikářství"),
        (
            "chemické výroby",
            "farmaceutické výroby",
            "zpracování plastů",
            "gumárenské výroby",
            "chemické laboratoře",
            "úpravy vody",
        ),
    ),
    (
        "Hornictví a těžba",
        ("hlubinná těžba", "povrchová těžba"),
        (
            "hlubinné těžby",
            "povrchové těžby",
            "úpravy nerostných surovin",
            "vrtných prací",
            "důlního měřictví",
        ),
    ),
    (
        "Textil a oděvnictví",
        ("textilní výroba", "oděvní výroba", "kožedělná výroba"),
        (
            "textilní výroby",
            "oděvní výroby",
            "kožedělné výroby",
            "obuvnické výroby",
            "úpravy textilií",
        ),
    ),
    (
        "Zpracování dřeva",
        ("truhlářství", "dřevařská výroba"),
        (
            "truhlářské výroby",
            "pilařské výroby",
            "výroby nábytku",
            "čalounictví",
            "dřevostaveb",
        ),
    ),
    (
        "Polygrafie, média a komunikace",
        ("polygrafie", "média", "telekomunikace"),
        (
            "tiskové výroby",
            "knihařské výroby",
            "zpravodajství",
            "vydavatelské činnosti",
            "telekomunikačních služeb",
            "rozhlasového vysílání",
        ),
    ),
    (
        "Ochrana a bezpečnost",
        ("ozbrojené složky", "požární ochrana", "soukromá bezpečnost"),
        (
            "požární ochrany",
            "ostrahy objektů",
            "krizového řízení",
            "bezpečnosti práce",
            "ochrany obyvatelstva",
            "letecké bezpečnosti",
        ),
    ),
    (
        "Právo",
        ("advokacie", "justice", "notářství"),
        (
            "advokátní praxe",
            "soudní agendy",
            "notářské činnosti",
            "exekuční činnosti",
            "vymáhání pohledávek",
        ),
    ),
    (
        "Věda a výzkum",
        ("přírodní vědy", "technické vědy", "společenské vědy"),
        (
            "aplikovaného výzkumu",
            "biotechnologií",
            "materiálového výzkumu",
            "sociologického výzkumu",
            "statistického zpracování dat",
            "transferu technologií",
        ),
    ),
    (
        "Osobní a provozní služby",
        ("péče o tělo", "úklidové služby", "opravy a údržba"),
        (
            "kadeřnických služeb",
            "kosmetických služeb",
            "úklidových služeb",
            "čištění oděvů",
            "pohřebnictví",
            "správy budov",
        ),
    ),
    (
        "Veřejná správa a samospráva",
        ("státní správa", "samospráva"),
        (
            "státní správy",
            "územní samosprávy",
            "daňové správy",
            "katastru nemovitostí",
            "sociálního zabezpečení",
            "stavebního řízení",
        ),
    ),
    (
        "Ekologie a životní prostředí",
        ("ochrana přírody", "odpadové hospodářství"),
        (
            "ochrany přírody",
            "odpadového hospodářství",
            "ochrany ovzduší",
            "vodního hospodářství",
            "ekologické výchovy",
        ),
    ),
)
# A two-digit group per field for RVP / KKOV codes (invented, unique).
FIELD_GROUPS = (62, 66, 63, 18, 23, 26, 36, 37, 41, 29, 53, 75, 74, 82, 65, 28, 21, 31, 33, 34)
FIELD_GROUPS += (39, 68, 16, 69, 61, 17)

QUALIFICATIONS = vocab.QUALIFICATION_LEVELS.values
# The education level letter (RVP / KKOV) that prepares for each qualification.
QUALIFICATION_LETTERS = ("E", "E", "H", "H", "M", "L", "N", "R", "T", "V")
LEVEL_NAMES = {
    "E": "Nižší střední vzdělání",
    "H": "Střední vzdělání s výučním listem",
    "M": "Střední vzdělání s maturitní zkouškou (bez vyučení)",
    "L": "Střední vzdělání s výučním listem i maturitní zkouškou",
    "N": "Vyšší odborné vzdělání",
    "R": "Bakalářský studijní program",
    "T": "Magisterský studijní program",
    "V": "Doktorský studijní program",
}

# (role, CZ-ISCO major group, (lowest, highest) index into QUALIFICATIONS, adjectives ok)
ROLES = (
    ("Ředitel", 1, (7, 9), False),
    ("Manažer", 1, (6, 8), True),
    ("Vedoucí", 1, (4, 8), False),
    ("Specialista", 2, (7, 8), True),
    ("Analytik", 2, (7, 8), True),
    ("Inženýr", 2, (7, 9), True),
    ("Projektant", 2, (6, 8), True),
    ("Konzultant", 2, (6, 8), True),
    ("Auditor", 2, (7, 8), True),
    ("Metodik", 2, (7, 8), True),
    ("Technik", 3, (4, 7), True),
    ("Inspektor", 3, (4, 7), True),
    ("Koordinátor", 3, (4, 7), True),
    ("Kontrolor", 3, (4, 6), True),
    ("Dispečer", 3, (4, 6), True),
    ("Lektor", 3, (4, 8), True),
    ("Plánovač", 3, (4, 7), True),
    ("Referent", 4, (4, 6), True),
    ("Asistent", 4, (4, 7), True),
    ("Správce", 4, (3, 6), True),
    ("Pracovník", 5, (1, 5), True),
    ("Poradce", 5, (4, 7), True),
    ("Instruktor", 5, (3, 6), True),
    ("Mistr", 7, (3, 6), False),
    ("Mechanik", 7, (3, 5), True),
    ("Montér", 7, (2, 5), True),
    ("Opravář", 7, (2, 5), True),
    ("Operátor", 8, (2, 5), True),
    ("Strojník", 8, (2, 4), True),
    ("Pomocný pracovník", 9, (0, 2), False),
)
ADJECTIVES = (
    "Samostatný",
    "Hlavní",
    "Odborný",
    "Technický",
    "Provozní",
    "Regionální",
    "Vrchní",
    "Senior",
)
QUALIFIERS = (
    "v mezinárodním prostředí",
    "ve veřejném sektoru",
    "pro malé a střední podniky",
    "v průmyslovém podniku",
    "pro zahraniční klienty",
    "v distribuční síti",
    "ve směnném provozu",
    "v nemocničním zařízení",
    "pro velkoodběratele",
    "pro export",
    "ve výzkumném ústavu",
    "pro státní správu",
    "na regionálním pracovišti",
    "v centrále společnosti",
    "pro digitální služby",
    "pro energetický sektor",
    "v automobilovém průmyslu",
    "v letecké dopravě",
    "ve stavebním podniku",
    "v potravinářském provozu",
    "pro obnovitelné zdroje",
    "pro kulturní instituce",
    "v lázeňství",
    "pro bankovní sektor",
)
ENGLISH_NAMES = (
    "Key Account Manager",
    "Customer Service Manager",
    "Project Manager",
    "Business Analyst",
    "Team Leader",
    "Field Service Technician",
    "Quality Engineer",
    "Data Analyst",
    "Office Manager",
    "Supply Chain Specialist",
)

ACTIONS = (
    "Koordinace",
    "Kontrola",
    "Příprava",
    "Zpracování",
    "Řízení",
    "Zajišťování",
    "Analýza",
    "Sledování",
    "Evidence",
    "Obsluha",
    "Údržba",
    "Plánování",
    "Organizace",
    "Poskytování",
    "Vedení",
    "Vyhodnocování",
    "Navrhování",
    "Provádění",
    "Posuzování",
    "Tvorba",
    "Ověřování",
    "Zadávání",
    "Optimalizace",
    "Aktualizace",
)
OBJECTS = (
    "dokumentace",
    "provozních dat",
    "zákaznických požadavků",
    "pracovních postupů",
    "technických podkladů",
    "rozpočtu",
    "smluvních vztahů",
    "kvality výstupů",
    "strojů a zařízení",
    "bezpečnostních opatření",
    "reklamací",
    "harmonogramu prací",
    "informačních systémů",
    "vzorků a měření",
    "objednávek",
    "odborné dokumentace",
    "materiálových zásob",
    "statistických výkazů",
    "provozních předpisů",
    "školení zaměstnanců",
    "nápravných opatření",
    "zakázek",
    "cenových nabídek",
    "interních směrnic",
    "technologických postupů",
    "revizí a zkoušek",
    "hlášení a protokolů",
    "dodavatelských vztahů",
)
COMPLEMENTS = (
    "v oblasti {domain}",
    "v rámci {domain}",
    "na úseku {domain}",
    "při zajišťování {domain}",
    "podle platných předpisů",
    "včetně vedení evidence",
    "ve spolupráci s ostatními útvary",
    "s využitím informačních technologií",
    "v souladu s normami a standardy",
)
EXTENSIONS = (
    ", včetně zpracování podkladů pro vedení organizace",
    " a navrhování opatření ke zlepšení",
    ", včetně komunikace s dodavateli a odběrateli",
    " s ohledem na hospodárnost a bezpečnost provozu",
    " a vedení související evidence v informačním systému",
)
KNOWLEDGE_TEMPLATES = (
    "zásady {domain}",
    "legislativa v oblasti {domain}",
    "technologie {domain}",
    "normy a předpisy v oblasti {domain}",
    "ekonomika {domain}",
    "organizace {domain}",
    "bezpečnost práce v oblasti {domain}",
    "terminologie {domain}",
    "materiály a prostředky {domain}",
    "metody hodnocení {domain}",
    "informační systémy {domain}",
    "historie a vývoj {domain}",
    "kvalita a kontrola {domain}",
)
GENERAL_KNOWLEDGE = (
    "pracovní stres",
    "obchodní právo",
    "projektový management",
    "management kvality",
    "personální management",
    "finanční plánování",
    "základy sociologie",
    "psychologie prodeje",
    "strategické řízení organizace",
    "procesní řízení",
    "základy ekonomie",
    "pracovní právo",
    "ochrana osobních údajů",
    "první pomoc",
    "obchodní angličtina",
    "kybernetická bezpečnost v organizaci",
    "statistika",
    "účetnictví podnikatelů",
    "komunikace se zákazníkem",
    "krizová komunikace",
)
VERBS = (
    "zajišťuje",
    "koordinuje",
    "organizuje",
    "řídí",
    "kontroluje",
    "připravuje",
    "vyhodnocuje",
    "odpovídá za",
    "vykonává odborné práce související s",
)
DESCRIPTION_OBJECTS = (
    "činnosti",
    "provoz",
    "přípravu podkladů",
    "komunikaci se zákazníky",
    "evidenci a zpracování dat",
    "dodržování technologických postupů",
    "kvalitu výstupů",
    "plánování kapacit",
    "realizaci projektů",
    "údržbu zařízení",
    "správu dokumentace",
)
DESCRIPTION_TAILS = (
    ", a to v souladu s platnými předpisy",
    " s cílem zajistit plynulý chod provozu",
    ", přičemž spolupracuje s dalšími útvary organizace",
    " a podílí se na zlepšování pracovních postupů",
    " s důrazem na bezpečnost a ochranu zdraví při práci",
    "",
)

GENERAL_SKILLS = (
    ("b01", "Počítačová způsobilost"),
    ("b02", "Způsobilost k řízení osobního automobilu"),
    ("b03", "Numerická způsobilost"),
    ("b04", "Ekonomické povědomí"),
    ("b05", "Právní povědomí"),
    ("b06", "Jazyková způsobilost v češtině"),
    ("b07", "Jazyková způsobilost v angličtině"),
    ("b08", "Jazyková způsobilost v dalším cizím jazyce"),
)
DIGITAL = (
    ("1.1", "Prohlížení, vyhledávání a filtrování dat, informací a digitálního obsahu"),
    ("1.2", "Hodnocení dat, informací a digitálního obsahu"),
    ("1.3", "Správa dat, informací a digitálního obsahu"),
    ("2.1", "Interakce prostřednictvím digitálních technologií"),
    ("2.2", "Sdílení prostřednictvím digitálních technologií"),
    ("2.3", "Spolupráce prostřednictvím digitálních technologií"),
    ("2.4", "Netiketa"),
    ("2.5", "Správa digitální identity"),
    ("2.6", "Občanská angažovanost prostřednictvím digitálních technologií"),
    ("3.1", "Tvorba digitálního obsahu"),
    ("3.2", "Integrace a přepracování digitálního obsahu"),
    ("3.3", "Autorská práva a licence"),
    ("3.4", "Programování"),
    ("4.1", "Ochrana zařízení"),
    ("4.2", "Ochrana osobních dat a soukromí"),
    ("4.3", "Ochrana zdraví a duševní pohody"),
    ("4.4", "Ochrana životního prostředí"),
    ("5.1", "Řešení technických problémů"),
    ("5.2", "Identifikace potřeb a výběr vhodných technologií"),
    ("5.3", "Kreativní využívání digitálních technologií"),
    ("5.4", "Identifikace nedostatků v digitálních kompetencích"),
)
SOFT = (
    ("1.1", "Kompetence k celoživotnímu učení"),
    ("1.2", "Kompetence k flexibilitě"),
    ("1.3", "Kompetence k sebeřízení"),
    ("1.4", "Kompetence ke zvládání stresu a zátěže"),
    ("2.1", "Kompetence k efektivní komunikaci"),
    ("2.2", "Kompetence ke kooperaci"),
    ("2.3", "Kompetence k orientaci na zákazníka a uspokojování zákaznických potřeb"),
    ("2.4", "Kompetence k ovlivňování a rozvíjení ostatních"),
    ("2.5", "Kompetence k řešení konfliktů"),
    ("2.6", "Kompetence k vedení lidí"),
    ("3.1", "Kompetence k analytickému myšlení"),
    ("3.3", "Kompetence k objevování a orientaci v informacích"),
    ("4.1", "Kompetence k aktivnímu přístupu"),
    ("4.2", "Kompetence k plánování a organizování práce"),
    ("4.4", "Kompetence k řešení problémů"),
    ("4.5", "Kompetence k samostatnosti"),
    ("4.6", "Kompetence k výkonnosti"),
)
HEALTH_RESTRICTIONS = (
    "Duševní poruchy",
    "Poruchy chování",
    "Závažná psychosomatická onemocnění",
    "Poruchy vidění",
    "Poruchy sluchu",
    "Onemocnění pohybového aparátu",
    "Nemoci páteře",
    "Alergická onemocnění",
    "Kožní onemocnění",
    "Onemocnění dýchacích cest",
    "Nemoci srdce a cév",
    "Epilepsie",
    "Poruchy rovnováhy",
    "Diabetes mellitus",
    "Nemoci ledvin",
    "Infekční onemocnění",
    "Závislost na návykových látkách",
    "Poruchy vědomí",
    "Onkologická onemocnění",
    "Chronická onemocnění dolních končetin",
    "Poruchy řeči",
)
WORK_CONDITIONS = vocab.WORK_CONDITION_FACTORS.values
ISCO_TEMPLATES = {
    1: "Řídící pracovníci v oblasti {domain}",
    2: "Specialisté v oblasti {domain}",
    3: "Technici a odborní pracovníci v oblasti {domain}",
    4: "Úředníci v oblasti {domain}",
    5: "Pracovníci ve službách v oblasti {domain}",
    6: "Kvalifikovaní pracovníci v oblasti {domain}",
    7: "Řemeslníci a opraváři v oblasti {domain}",
    8: "Obsluha strojů a zařízení v oblasti {domain}",
    9: "Pomocní pracovníci v oblasti {domain}",
}
ESCO_PREFIXES = {
    "Řídící pracovníci": "Vedoucí a řídicí pracovníci",
    "Specialisté": "Odborní specialisté",
    "Technici a odborní pracovníci": "Technici a odborníci",
    "Úředníci": "Administrativní pracovníci",
}
# Base monthly median (CZK, 2023) by CZ-ISCO major group.
MAJOR_WAGES = {
    1: (60000, 115000),
    2: (45000, 78000),
    3: (36000, 54000),
    4: (29000, 40000),
    5: (25000, 36000),
    6: (25000, 33000),
    7: (30000, 43000),
    8: (31000, 41000),
    9: (21000, 28000),
}

WAGE_HEADER = ("Kraj\tMzdová sféra\t\t\tPlatová sféra\t\t", "\tOd\tMedián\tDo\tOd\tMedián\tDo")
NATIONAL_HEADERS = (
    (
        "CZ-ISCO\tNázev podskupiny v ESCO\tMedián za ČR celkem\t",
        "\t\tMzdová sféra\tPlatová sféra",
    ),
    ("Medián za ČR celkem", "", "CZ-ISCO\t\tMzdová sféra\tPlatová sféra"),
)
ESCO_HEADER = "Kód podskupiny\tNázev podskupiny v ESCO\tURL - podskupiny v ESCO"
CONDITIONS_HEADER = "Název\t1\t2\t3\t4"
EDUCATION_HEADER = "Typ\tNázev\tKód"
BEST_HEADING = "Nejvhodnější školní přípravu poskytují obory:"
SUITABLE_HEADING = "Vhodnou školní přípravu poskytují také obory:"


# --- the shared catalogue -----------------------------------------------------------------


class Catalogue:
    """Everything profiles share, built once from the seed. Lists only, never sets, so
    that the output does not depend on PYTHONHASHSEED."""

    def __init__(self, seed):
        rng = random.Random(f"nsp-corpus-catalogue:{seed}")
        self.fields = [(name, subs, domains) for name, subs, domains in FIELDS]
        self.domain_field = {d: i for i, (_, _, ds) in enumerate(FIELDS) for d in ds}
        self.domains = [d for _, _, ds in FIELDS for d in ds]
        self._competences(rng)
        self._isco(rng)
        self._education(rng)

    def _competences(self, rng):
        """Professional skills and knowledge, grouped in areas ('h13'), one area per
        domain plus a few areas every field uses."""
        letters = "abcdefghijklmn"
        codes = [f"{letter}{number:02d}" for letter in letters for number in range(10, 60)]
        rng.shuffle(codes)
        self.area_of_domain = {}
        self.skills = {}  # area -> [(code, name)]
        self.knowledge = {}
        for domain in [*self.domains, None, None, None, None, None, None]:
            area = codes.pop()
            if domain is not None:
                self.area_of_domain[domain] = area
            numbers = rng.sample(range(1000, 6000), rng.randint(24, 40))
            skills = []
            for number in numbers:
                code = f"{area}.{rng.choice('ABCDZ')}.{number:04d}"
                skills.append((code, self._skill_name(rng, domain)))
            self.skills[area] = skills
            knowledge, number = [], 0
            for _ in range(rng.randint(12, 24)):
                number += rng.randint(1, 3)
                if domain is None or rng.random() < 0.15:
                    name = rng.choice(GENERAL_KNOWLEDGE)
                else:
                    name = rng.choice(KNOWLEDGE_TEMPLATES).format(domain=domain)
                knowledge.append((f"{area}._.{number:04d}", name))
            self.knowledge[area] = knowledge
        self.common_areas = [a for a in self.skills if a not in self.area_of_domain.values()]

    def _skill_name(self, rng, domain):
        words = [rng.choice(ACTIONS), rng.choice(OBJECTS)]
        complement = rng.choice(COMPLEMENTS)
        if "{domain}" in complement:
            if domain is None:
                complement = rng.choice(COMPLEMENTS[4:])
            else:
                complement = complement.format(domain=domain)
        words.append(complement)
        name = " ".join(words)
        if rng.random() < 0.3:
            name += rng.choice(EXTENSIONS)
        return name

    def _isco(self, rng):
        """~400 four-digit groups, each tied to a domain and a major group, with one to
        three five-digit subgroups."""
        pairs = [(d, major) for d in self.domains for major in range(1, 10)]
        rng.shuffle(pairs)
        taken = [str(major) for major in range(10)]
        self.isco_names = {}
        self.isco_groups = {}  # (domain, major) -> code
        self.subgroups = {}  # code -> [subgroup codes]
        self.esco_names = {}
        for domain, major in pairs[:400]:
            while True:
                code = f"{major}{rng.randint(1, 9)}{rng.randint(1, 9)}{rng.randint(0, 9)}"
                if code not in taken:
                    break
            taken.append(code)
            name = ISCO_TEMPLATES[major].format(domain=domain)
            self.isco_names[code] = name
            self.isco_groups[(domain, major)] = code
            esco = name
            for old, new in ESCO_PREFIXES.items():
                if esco.startswith(old):
                    esco = new + esco[len(old) :]
            self.esco_names[code] = esco
            subgroups = []
            field = self.fields[self.domain_field[domain]]
            for digit in sorted(rng.sample(range(10), rng.randint(1, 3))):
                sub = f"{code}{digit}"
                if digit == 0:
                    self.isco_names[sub] = name
                else:
                    other = rng.choice(field[2])
                    self.isco_names[sub] = ISCO_TEMPLATES[major].format(domain=other) + (
                        f" – {rng.choice(QUALIFIERS)}"
                    )
                subgroups.append(sub)
            self.subgroups[code] = subgroups
        self.groups_by_domain = {}
        self.groups_by_field = {}
        for (domain, _), code in self.isco_groups.items():
            self.groups_by_domain.setdefault(domain, []).append(code)
            self.groups_by_field.setdefault(self.domain_field[domain], []).append(code)
        for codes in (*self.groups_by_domain.values(), *self.groups_by_field.values()):
            codes.sort()

    def _education(self, rng):
        """RVP (63-41-M/01) and KKOV (6341M) fields per subfield, plus KKOV groups."""
        self.education = {}  # field index -> [(type, name, code, letter)]
        for index, (name, subfields, _) in enumerate(self.fields):
            group = FIELD_GROUPS[index]
            rows = []
            for position, subfield in enumerate(subfields):
                if subfield.startswith("nezařazeno"):
                    continue
                number = 41 + position * 7 + rng.randint(0, 5)
                for letter in rng.sample("HML", 1):
                    rvp_name = subfield[0].upper() + subfield[1:]
                    if rng.random() < 0.3:
                        rvp_name += f" – {rng.choice(('provoz', 'služby', 'technika'))}"
                    code = f"{group}-{number:02d}-{letter}/{rng.randint(1, 3):02d}"
                    rows.append(("RVP", rvp_name, code, letter))
                for letter in rng.sample("HMLNRTV", rng.randint(2, 3)):
                    kkov_name = f"{LEVEL_NAMES[letter]} v oboru {subfield}"
                    rows.append(
                        ("KKOVTypeEnum.1", kkov_name, f"{group}{number:02d}{letter}", letter)
                    )
            for letter in "MT":
                group_name = f"{LEVEL_NAMES[letter]} ve skupině oborů {name.lower()}"
                rows.append(("KKOVTypeEnum.1", group_name, f"{group}xx{letter}", letter))
            self.education[index] = rows
        self.generic_education = [
            ("RVP", "Střední vzdělání s maturitní zkouškou (bez vyučení)", "xx-xx-M/xx", "M"),
            ("RVP", "Střední vzdělání s výučním listem", "xx-xx-H/xx", "H"),
            ("RVP", "Základní vzdělání", "xx-xx-C/xx", "E"),
        ]

    def count(self):
        return {
            "professional skills": sum(map(len, self.skills.values())),
            "professional knowledge": sum(map(len, self.knowledge.values())),
            "ISCO groups": len([c for c in self.isco_names if len(c) == 4]),
            "ISCO subgroups": len([c for c in self.isco_names if len(c) == 5]),
            "education fields": sum(map(len, self.education.values()))
            + len(self.generic_education),
        }


# --- wages: a function of (code, year) only -----------------------------------------------


def _base_median(code, year):
    """The median a CZ-ISCO group or subgroup pays nationally in `year`."""
    rng = random.Random(f"nsp-wage-base:{code[:4]}")
    low, high = MAJOR_WAGES.get(int(code[0]), (25000, 40000))
    base = rng.uniform(low, high)
    if len(code) == 5:
        base *= random.Random(f"nsp-wage-base:{code}").uniform(0.85, 1.15)
    return base * 1.06 ** (year - 2023)


def _public_heavy(code):
    """Groups whose employers are mostly public (schools, hospitals, offices)."""
    return random.Random(f"nsp-wage-public:{code[:4]}").random() < 0.15


def regional_wages(code, year):
    """[(region name, business (low, median, high) or None, public ... or None)]: the
    same list for the same (code, year), whoever asks."""
    rng = random.Random(f"nsp-wage-regional:{code}:{year}")
    base = _base_median(code, year)
    absent = 0.0 if rng.random() < 0.6 else rng.uniform(0.05, 0.3)
    missing = rng.uniform(0.0, 0.15)
    public = rng.uniform(0.6, 0.95) if _public_heavy(code) else rng.uniform(0.0, 0.12)
    rows = []
    for region in vocab.REGIONS:
        factor = 1.25 if region.nuts3 == "CZ010" else rng.uniform(0.86, 1.05)
        if region.nuts3 != "CZ010" and rng.random() < absent:
            continue
        business = None if rng.random() < missing else _triple(rng, base * factor)
        public_range = _triple(rng, base * factor * 0.92) if rng.random() < public else None
        rows.append((region.name, business, public_range))
    return rows


def _triple(rng, median):
    median = round(median * rng.uniform(0.9, 1.1))
    low = round(median * rng.uniform(0.52, 0.82))
    high = round(median * rng.uniform(1.3, 2.4))
    return low, median, high


def national_wages(code, year):
    """(business median, public median), each None when the NSP prints '-'."""
    rng = random.Random(f"nsp-wage-national:{code}:{year}")
    base = _base_median(code, year)
    business = None if rng.random() < 0.03 else round(base * rng.uniform(0.96, 1.04))
    share = 0.9 if _public_heavy(code) else 0.35
    public = round(base * rng.uniform(0.8, 1.05)) if rng.random() < share else None
    return business, public


def amount(value, nbsp):
    if value is None:
        return "-"
    text = f"{value:,}".replace(",", "\u00a0" if nbsp else " ")
    return f"{text} Kč"


# --- one profile --------------------------------------------------------------------------


class _Lines:
    """The lines of a profile, with the places where a page break may fall: before the
    next line, repeating `header` after the break block."""

    def __init__(self):
        self.lines = []
        self.slots = []  # (index of the line the break goes before, lines repeated after)
        self.competences = []  # (index of its line, category key, code, level, suitability)

    def add(self, *lines):
        self.lines.extend(lines)

    def slot(self, header=()):
        self.slots.append((len(self.lines), tuple(header)))

    def table(self, header, rows, repeat=None):
        """`header` lines, then `rows`, with a break slot between any two rows."""
        self.add(*header)
        for position, row in enumerate(rows):
            if position:
                self.slot(header if repeat is None else repeat)
            self.add(row)


class _State:
    """What the profiles generated so far leave for the next ones (titles to refer to)."""

    def __init__(self):
        self.titles = set()
        self.occupations = []  # (title, field index)
        self.children = {}  # parent title -> [specialization titles]


class ProfileGenerator:
    def __init__(self, catalogue, seed):
        self.catalogue = catalogue
        self.seed = seed
        self.state = _State()

    # -- names

    def _role(self, rng, major=None):
        roles = [r for r in ROLES if major is None or r[1] == major] or list(ROLES)
        return rng.choice(roles)

    def _name(self, rng, role, domain, qualifier=False):
        name = f"{role[0]} {domain}"
        if role[3] and rng.random() < 0.25:
            name = f"{rng.choice(ADJECTIVES)} {name[0].lower()}{name[1:]}"
        if qualifier:
            name = f"{name} {rng.choice(QUALIFIERS)}"
        return name

    def _unique(self, make):
        name = make()
        for _ in range(40):
            if name not in self.state.titles:
                break
            name = make()
        return name

    def _count(self, rng, low, high):
        """A list length between low and high, scaled by the profile's richness."""
        middle = (low + high) / 2 * self.richness
        return max(low, min(high, round(rng.uniform(middle * 0.7, middle * 1.3))))

    # -- the profile

    def profile(self, index):
        """The text of profile number `index` (0-based): its lines and its id."""
        rng = random.Random(f"nsp-corpus-profile:{self.seed}:{index}")
        cat, state = self.catalogue, self.state
        nsp_id = FIRST_ID + index
        occupation = index == 0 or rng.random() < 0.4
        parent = parent_role = None
        if not occupation and state.occupations and rng.random() < 0.85:
            parent, field_index, parent_role = rng.choice(state.occupations)
        elif not occupation and rng.random() < 0.5:
            field_index = rng.randrange(len(cat.fields))
            parent = self._name(rng, self._role(rng), rng.choice(cat.fields[field_index][2]))
        else:
            field_index = rng.randrange(len(cat.fields))
        domains = cat.fields[field_index][2]
        domain = rng.choice(domains)
        role = self._role(rng)
        if parent_role is not None and rng.random() < 0.8:
            role = parent_role  # "Technik X" -> "Technik X pro export"
        self.richness = rng.uniform(0.35, 1.7)  # how long the lists are
        in_corpus_parent = parent is not None and parent in state.titles
        if occupation:
            title = self._unique(lambda: self._name(rng, role, rng.choice(domains)))
        elif in_corpus_parent and rng.random() < 0.012:
            title = parent  # NSP has specializations named like their occupation
        elif in_corpus_parent and rng.random() < 0.6:
            title = self._unique(lambda: f"{parent} {rng.choice(QUALIFIERS)}")
        else:
            title = self._unique(lambda: self._name(rng, role, rng.choice(domains), True))
        state.titles.add(title)
        if occupation:
            state.occupations.append((title, field_index, role))
        elif parent is not None:
            state.children.setdefault(parent, []).append(title)

        out = _Lines()
        bullet = rng.choice(("- ", "- ", "- ", "- ", "- ", "- ", "• ", "•"))
        nbsp = rng.random() < 0.15
        out.add("", "", title, "")
        self._description(rng, out, title, domain)
        levels = self._labels(rng, out, occupation, field_index, parent, title, role)
        self._activities(rng, out, bullet, domain, domains)
        groups = self._isco(rng, out, bullet, domain, role, field_index)
        self._wages(rng, out, groups, nbsp)
        self._conditions(rng, out, bullet)
        self._education(rng, out, field_index, levels)
        self._competences(rng, out, domain, domains, levels)
        self._health(rng, out, bullet)
        kind = "WorkUnitTypeEnum.1" if occupation else "WorkUnitTypeEnum.2"
        self.last = (out, kind, title)  # what a twin is made from
        return _with_page_breaks(rng, out, kind, nsp_id)

    def twin(self, original, index, number):
        """A near-twin of a profile: the same text and requirements as `original` (its
        `last`), another title and id, and three competences other: a professional skill
        swapped for another of its area, a knowledge item one level off, a soft (or
        digital) competence one level off."""
        out, kind, title = original
        rng = random.Random(f"nsp-corpus-twin:{self.seed}:{number}")
        lines = list(out.lines)
        lines[2] = f"{title} – varianta {number + 1}"
        assert out.lines[2] == title
        rows = out.competences
        held = {code for _, _, code, _, _ in rows}
        skills = [row for row in rows if row[1] == "professional_skill"]
        line, _, code, level, suitability = rng.choice(skills)
        area = code.split(".")[0]
        pool = [c for c in self.catalogue.skills.get(area, []) if c[0] not in held] or [
            c for pool in self.catalogue.skills.values() for c in pool if c[0] not in held
        ]
        new_code, new_name = rng.choice(pool)
        lines[line] = competence_row(new_code, new_name, level, suitability)
        for category in ("professional_knowledge", "soft"):
            candidates = [row for row in rows if row[1] == category] or [
                row for row in rows if row[1] == "digital"
            ]
            line, _, code, level, suitability = rng.choice(candidates)
            scale = vocab.COMPETENCE_CATEGORY_BY_KEY[candidates[0][1]]
            other = level + 1 if level < scale.scale_max else level - 1
            name = lines[line].split("\t")[1]
            lines[line] = competence_row(code, name, other, suitability)
        copy = _Lines()
        copy.lines, copy.slots = lines, out.slots
        return _with_page_breaks(rng, copy, kind, FIRST_ID + index)

    def _description(self, rng, out, title, domain):
        for paragraph in range(1 if self.richness < 1.2 else rng.choice((1, 2, 2))):
            sentences = []
            for number in range(rng.randint(1, 3)):
                subject = title if number == 0 and paragraph == 0 else "Pracovník"
                if number > 0:
                    subject = rng.choice(("Dále", "Rovněž", "Zároveň", "Také"))
                sentence = (
                    f"{subject} {rng.choice(VERBS)} {rng.choice(DESCRIPTION_OBJECTS)} "
                    f"v oblasti {domain}{rng.choice(DESCRIPTION_TAILS)}."
                )
                sentences.append(sentence)
            out.add(" ".join(sentences), "")

    def _labels(self, rng, out, occupation, field_index, parent, title, role):
        cat, state = self.catalogue, self.state
        field_name, subfields, domains = cat.fields[field_index]
        low, high = role[2]
        first = rng.randint(low, high)
        levels = list(range(first, min(first + rng.randint(1, 3), high + 1)))
        lines = [f"Odborný směr:\t{field_name}", f"Odborný podsměr:\t{rng.choice(subfields)}"]
        lines.append(
            "Kvalifikační úroveň:\t" + "; ".join(QUALIFICATIONS[level] for level in levels)
        )
        if rng.random() < 0.55:
            names = []
            for _ in range(rng.randint(1, 5)):
                if rng.random() < 0.1:
                    names.append(rng.choice(ENGLISH_NAMES))
                else:
                    names.append(self._name(rng, self._role(rng, role[1]), rng.choice(domains)))
            names = [n for n in dict.fromkeys(names) if n != title]
            if names:
                lines.append("Alternativní názvy:\t" + ", ".join(names))
        if parent is None and occupation and rng.random() < 0.05 and state.occupations[:-1]:
            parent = rng.choice(state.occupations[:-1])[0]
        if parent is not None:
            label = "Nadřízené povolání" if rng.random() < 0.2 else "Nadřazené povolání"
            lines.append(f"{label}:\t{parent}")
        related = self._related(rng, occupation, field_index, parent, title)
        if related:
            label = "Příbuzná povolání" if occupation else "Příbuzné specializace"
            if not occupation and rng.random() < 0.05:
                label = "Příbuzná povolání"
            if len(related) > 2 and rng.random() < 0.05:
                # Both labels in one profile: the parser joins them into one list.
                other = (
                    "Příbuzná povolání" if label != "Příbuzná povolání" else "Příbuzné specializace"
                )
                lines.append(f"{label}:\t{', '.join(related[:2])}")
                lines.append(f"{other}:\t{', '.join(related[2:])}")
            else:
                lines.append(f"{label}:\t{', '.join(related)}")
        lines.append(f"Regulovaná jednotka práce:\t{'Ano' if rng.random() < 0.12 else 'Ne'}")
        out.add(*lines, "")
        return levels

    def _related(self, rng, occupation, field_index, parent, title):
        state, cat = self.state, self.catalogue
        if rng.random() < (0.45 if occupation else 0.4):
            return []
        if occupation:
            pool = [t for t, f, _ in state.occupations if f == field_index and t != title]
        else:
            pool = [t for t in state.children.get(parent, []) if t != title]
        names = rng.sample(pool, min(len(pool), rng.randint(1, 4)))
        while len(names) < 1 or rng.random() < 0.2:
            domains = cat.fields[field_index][2]
            names.append(self._name(rng, self._role(rng), rng.choice(domains), not occupation))
        return [n for n in dict.fromkeys(names) if n != title]

    def _activities(self, rng, out, bullet, domain, domains):
        out.add("Pracovní činnosti", "")
        rows = []
        for _ in range(self._count(rng, 3, 18)):
            complement = rng.choice(COMPLEMENTS)
            complement = complement.format(domain=rng.choice((domain, *domains)))
            text = f"{rng.choice(ACTIONS)} {rng.choice(OBJECTS)} {complement}"
            if rng.random() < 0.25:
                text += rng.choice(EXTENSIONS)
            rows.append(f"{bullet}{text}.")
        out.table((), list(dict.fromkeys(rows)))
        out.add("")

    def _isco(self, rng, out, bullet, domain, role, field_index):
        """The CZ-ISCO list: subgroup(s) first, then the group(s). Returns the groups."""
        cat = self.catalogue
        code = cat.isco_groups.get((domain, role[1]))
        if code is None:
            pool = cat.groups_by_domain.get(domain) or cat.groups_by_field[field_index]
            code = rng.choice(pool)
        groups = [code]
        if rng.random() < 0.12:
            other = rng.choice(cat.groups_by_field[field_index])
            if other != code:
                groups.append(other)
        items = []
        for group in groups:
            subgroups = cat.subgroups[group]
            for sub in rng.sample(subgroups, rng.randint(1, min(2, len(subgroups)))):
                items.append(sub)
        items += groups
        out.add("CZ-ISCO", "")
        out.table((), [f"{bullet}{c} - {cat.isco_names[c]}" for c in items])
        out.add("")
        return [
            (group, [s for s in items if s.startswith(group) and s != group]) for group in groups
        ]

    def _wages(self, rng, out, groups, nbsp):
        cat = self.catalogue
        year = rng.choices(YEARS, weights=(1, 2, 2, 3, 5, 4))[0]
        tables = [(groups[0][0], year)]
        if len(groups) > 1:
            tables.append((groups[1][0], year))
        elif rng.random() < 0.1 and year > YEARS[0]:
            tables.append((groups[0][0], year - 1))
        shared_heading = len(tables) > 1 and tables[1][1] == year and rng.random() < 0.3
        for position, (code, table_year) in enumerate(tables):
            if position == 0 or not shared_heading:
                out.add(f"Hrubé měsíční mzdy podle krajů v roce {table_year}", "")
            group_line = f"{cat.isco_names[code]} (CZ-ISCO {code})"
            out.add(group_line, "")
            rows = []
            for region, business, public in regional_wages(code, table_year):
                cells = [region]
                for values in (business, public):
                    cells += [amount(v, nbsp) for v in values] if values else ["-"] * 3
                rows.append("\t".join(cells))
            repeat = (group_line, "", *WAGE_HEADER) if rng.random() < 0.15 else WAGE_HEADER
            out.table(WAGE_HEADER, rows, repeat)
            out.add("")
        if rng.random() < 0.9:
            header = rng.choice(NATIONAL_HEADERS)
            out.add(f"Hrubé měsíční mzdy v roce {year} celkem", "")
            rows = []
            for group, subgroups in groups:
                for code in [group, *subgroups][: rng.choice((1, 2, 3))]:
                    business, public = national_wages(code, year)
                    name = cat.isco_names[code]
                    rows.append(f"{code}\t{name}\t{amount(business, nbsp)}\t{amount(public, nbsp)}")
            out.table(header, rows)
            out.add("")
        if rng.random() < 0.9:
            out.add("ESCO", "")
            rows = [
                f"{g}\t{cat.esco_names[g]}\thttp://data.europa.eu/esco/isco/C{g}" for g, _ in groups
            ]
            out.table((ESCO_HEADER,), rows)
            out.add("")

    def _conditions(self, rng, out, bullet):
        burdened = rng.sample(WORK_CONDITIONS, rng.randint(1, 6))
        rows_first, rows_rest = [], []
        for name in WORK_CONDITIONS:
            if name in burdened:
                level = rng.choice((2, 2, 2, 3, 3, 4))
                levels = [level - 1, level] if rng.random() < 0.3 else [level]
                rows_first.append((name, levels))
            else:
                rows_rest.append((name, [1]))
        rows = []
        for name, levels in rows_first + rows_rest:
            marks = ["x" if level in levels else "" for level in vocab.WORK_CONDITION_LEVELS]
            rows.append("\t".join([name, *marks]))
        out.add("Pracovní podmínky", "")
        out.table((CONDITIONS_HEADER,), rows)
        out.add("", "Legenda:", "")
        stars = rng.random() < 0.5
        for position, entry in enumerate(vocab.WORK_CONDITION_LEGEND):
            if position:
                out.slot()
            title = f"*{entry.title}*" if stars else entry.title
            out.add(f"{bullet}{entry.level}. {title}", entry.description)
        out.add("")

    def _education(self, rng, out, field_index, levels):
        cat = self.catalogue
        letters = {QUALIFICATION_LETTERS[level] for level in levels}
        own = cat.education[field_index]
        matching = [row for row in own if row[3] in letters] or own
        best = rng.sample(matching, min(len(matching), rng.randint(1, 3)))
        if rng.random() < 0.15:
            generic = [row for row in cat.generic_education if row[3] in letters]
            best += generic[:1]
        other_field = rng.randrange(len(cat.fields))
        pool = [row for row in dict.fromkeys(own + cat.education[other_field]) if row not in best]
        suitable = (
            [] if rng.random() < 0.2 else rng.sample(pool, min(len(pool), self._count(rng, 1, 10)))
        )
        out.add("Kvalifikace k výkonu povolání", "", "Školní vzdělání", "")
        for heading, rows in ((BEST_HEADING, best), (SUITABLE_HEADING, suitable)):
            if not rows:
                continue
            blocks = [rows]
            if heading == SUITABLE_HEADING and len(rows) > 2 and rng.random() < 0.2:
                cut = rng.randint(1, len(rows) - 1)  # the seeds repeat this heading
                blocks = [rows[:cut], rows[cut:]]
            for block in blocks:
                out.add(heading, "")
                text = ["\t".join(row[:3]) for row in block]
                repeat = (heading, "", EDUCATION_HEADER) if rng.random() < 0.3 else None
                out.table((EDUCATION_HEADER,), text, repeat)
                out.add("")

    def _competences(self, rng, out, domain, domains, levels):
        cat = self.catalogue
        base = max(1, min(8, 1 + levels[-1] - (1 if levels[-1] > 5 else 0)))
        areas = [cat.area_of_domain[domain]]
        for other in rng.sample(domains, min(len(domains), rng.randint(0, 2))):
            areas.append(cat.area_of_domain[other])
        areas += rng.sample(cat.common_areas, rng.randint(1, 2))
        areas = list(dict.fromkeys(areas))
        skills = _pick(rng, [cat.skills[a] for a in areas], self._count(rng, 3, 20))
        knowledge = _pick(rng, [cat.knowledge[a] for a in areas], self._count(rng, 2, 14))
        general = rng.sample(GENERAL_SKILLS, rng.randint(5, 8))
        general.sort()
        digital = rng.sample(DIGITAL, self._count(rng, 1, 21))
        soft = rng.sample(SOFT, self._count(rng, 2, 13))
        out.add("Kompetenční požadavky", "")
        categories = vocab.COMPETENCE_CATEGORY_BY_KEY
        sections = (
            (categories["professional_skill"], skills),
            (categories["professional_knowledge"], knowledge),
            (categories["general_skill"], general),
            (categories["digital"], digital),
            (categories["soft"], soft),
        )
        for category, items in sections:
            rows, facts = [], []
            for code, name in items:
                if category.has_suitability:
                    level = (
                        base if rng.random() < 0.75 else max(1, min(8, base + rng.choice((-1, 1))))
                    )
                    suitability = 1 if rng.random() < 0.08 else 2
                else:
                    level, suitability = rng.randint(category.scale_min, category.scale_max), None
                rows.append(competence_row(code, name, level, suitability))
                facts.append((category.key, code, level, suitability))
            scale = f"Úroveň {category.scale_min}-{category.scale_max}"
            header = f"Kód\tNázev\t{scale}" + ("\tVhodnost" if category.has_suitability else "")
            blocks = [rows]
            if len(rows) > 4 and rng.random() < 0.1:
                cut = rng.randint(1, len(rows) - 1)  # the seeds repeat a section like this
                blocks = [rows[:cut], rows[cut:]]
            for block in blocks:
                out.add(category.heading, "")
                repeat = (header,) if rng.random() < 0.8 else (category.heading, "", header)
                first = len(out.lines) + 1  # below the header
                out.table((header,), block, repeat)
                for offset in range(len(block)):
                    out.competences.append((first + offset, *facts.pop(0)))
                out.add("")
            out.add(f"Popisy úrovní naleznete zde: {category.levels_url}", "")

    def _health(self, rng, out, bullet):
        restrictions = rng.sample(HEALTH_RESTRICTIONS, self._count(rng, 1, 6))
        out.add("Zdravotní podmínky", "", "Onemocnění omezující výkon povolání", "")
        out.table((), [f"{bullet}{name}" for name in restrictions])
        out.add("", vocab.HEALTH_DISCLAIMER)


def competence_row(code, name, level, suitability=None):
    """A row of a competence table; suitability only in the professional ones."""
    if suitability is None:
        return f"{code}\t{name}\t{level}"
    return f"{code}\t{name}\t{level}\tCompetenceSuitabilityEnum.{suitability}"


def _pick(rng, pools, count):
    """`count` distinct items, most from the first pool."""
    picked = []
    for _ in range(count * 3):
        pool = pools[0] if rng.random() < 0.6 or len(pools) == 1 else rng.choice(pools[1:])
        item = rng.choice(pool)
        if item not in picked:
            picked.append(item)
        if len(picked) == count:
            break
    return picked


def _with_page_breaks(rng, out, kind, nsp_id):
    """The lines with page-break blocks at page-length intervals (at least one)."""
    chosen, page, last = [], rng.randint(40, 75), 0
    for slot in out.slots:
        if slot[0] - last >= page:
            chosen.append(slot)
            last, page = slot[0], rng.randint(45, 75)
    if not chosen:
        chosen.append(rng.choice(out.slots))
    lines, start = [], 0
    for index, header in chosen:
        lines += out.lines[start:index]
        form = rng.choice(("pair", "pair", "split", "tabs"))
        before = [""] if rng.random() < 0.9 else []
        if form == "pair":
            block = [*before, "Typ JP\tID", f"{kind}\t{nsp_id}", ""]
        elif form == "split":
            block = [*before, kind, "", str(nsp_id), ""]
        else:
            block = [*before, "Typ JP\tID\t\t\t", f"{kind}\t{nsp_id}\t\t\t"]
        lines += block
        if header and rng.random() < 0.85:
            lines += header
        start = index
    lines += out.lines[start:]
    return lines


def render(rng, lines):
    """The bytes of a file: UTF-8, LF or CRLF, sometimes a BOM or a final newline."""
    newline = "\r\n" if rng.random() < 0.1 else "\n"
    text = newline.join(lines)
    if rng.random() < 0.3:
        text += newline
    if rng.random() < 0.05:
        text = "\ufeff" + text
    return text.encode("utf-8")


# --- the corpus ---------------------------------------------------------------------------


class CorpusError(Exception):
    """The corpus cannot be written where asked."""


def refuse_fixtures(outdir):
    """Synthetic profiles must never reach users: no writing into fixtures/."""
    target = Path(outdir).resolve()
    fixtures = FIXTURES.resolve()
    if target == fixtures or fixtures in target.parents:
        raise CorpusError(
            f"refusing to write synthetic profiles into {fixtures}: choose another OUTDIR"
        )


def file_name(index, count):
    return f"{index:0{max(5, len(str(count - 1)))}d}.txt"


TWINS_FILE = "twins.json"


def twin_originals(count, twins):
    """The indexes of the profiles that get a twin: spread evenly over the others."""
    ordinary = count - twins
    return [number * ordinary // twins for number in range(twins)]


def generate_corpus(count, outdir, seed=DEFAULT_SEED, force=False, twins=0):
    """Write `count` profiles to OUTDIR/NNNNN.txt; return their paths. With `twins`, the
    last `twins` files are near-twins of earlier profiles (ProfileGenerator.twin), and
    OUTDIR/twins.json lists the pairs' NSP ids."""
    refuse_fixtures(outdir)
    if twins < 0 or 2 * twins > count:
        raise CorpusError(f"--twins must be from 0 to half of N ({count // 2}), not {twins}")
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    existing = sorted(outdir.glob("*.txt"))
    if existing:
        if not force:
            raise CorpusError(
                f"{outdir} already holds {len(existing)} *.txt files; use an empty folder or "
                "--force to replace them"
            )
        for path in existing:
            path.unlink()
    (outdir / TWINS_FILE).unlink(missing_ok=True)
    generator = ProfileGenerator(Catalogue(seed), seed)
    paths, originals, sources = [], twin_originals(count, twins), {}

    def write(index, lines):
        path = outdir / file_name(index, count)
        path.write_bytes(render(random.Random(f"nsp-corpus-render:{seed}:{index}"), lines))
        paths.append(path)

    for index in range(count - twins):
        write(index, generator.profile(index))
        if index in originals:
            sources[index] = generator.last
    pairs = []
    for number, original in enumerate(originals):
        index = count - twins + number
        write(index, generator.twin(sources[original], index, number))
        pairs.append([FIRST_ID + original, FIRST_ID + index])
    if twins:
        (outdir / TWINS_FILE).write_text(json.dumps(pairs) + "\n", encoding="utf-8")
    return paths


def check_corpus(paths):
    """Parse and validate every file and check that what profiles share agrees.
    Returns (documents, failures)."""
    from nsp.parser import ParseError, parse_file

    try:
        import jsonschema
    except ImportError:  # the dev extra is not installed: parse only
        validator = None
    else:
        validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text("utf-8")))
    documents, failures = [], []
    for path in paths:
        try:
            document = parse_file(path)
        except ParseError as error:
            failures.append(f"{path}:{error.line}: {error.reason}")
            continue
        if validator is not None:
            for error in validator.iter_errors(document):
                failures.append(f"{path}: schema: {error.message}")
        documents.append(document)
    failures += consistency_failures(documents)
    if validator is None:
        failures.append("jsonschema is not installed: documents were not validated")
    return documents, failures


def consistency_failures(documents):
    """What the corpus promises: shared codes and tables agree across files."""
    failures, seen = [], {}

    def agree(kind, key, value, nsp_id):
        known = seen.setdefault((kind, key), (value, nsp_id))
        if known[0] != value:
            failures.append(f"{kind} {key}: {value!r} in {nsp_id}, {known[0]!r} in {known[1]}")

    ids = Counter(d["nsp_id"] for d in documents)
    failures += [f"NSP id {i} in {n} files" for i, n in ids.items() if n > 1]
    for d in documents:
        for c in d["competences"]:
            agree("competence", (c["category"], c["code"]), c["name"], d["nsp_id"])
        for item in d["isco"]:
            agree("ISCO", item["code"], item["name"], d["nsp_id"])
        for table in d["wages"]:
            agree("ISCO", table["isco_code"], table["isco_name"], d["nsp_id"])
            key = (table["isco_code"], table["year"])
            agree("wage table", key, table["regions"], d["nsp_id"])
        for row in d["national_wages"]:
            agree("ISCO", row["isco_code"], row["isco_name"], d["nsp_id"])
            key = (row["isco_code"], row["year"])
            value = (row["business_median"], row["public_median"])
            agree("national wages", key, value, d["nsp_id"])
        for row in d["education"]:
            agree("education field", (row["type"], row["code"]), row["name"], d["nsp_id"])
    return failures


def main(argv=None):
    parser = argparse.ArgumentParser(
        description=(
            "Write N synthetic NSP profile text exports (the format of fixtures/nsp/*.txt) "
            "to OUTDIR/NNNNN.txt, for benchmarks. Deterministic: the same N and --seed give "
            "the same bytes. Refuses to write into fixtures/: the data is invented."
        ),
    )
    parser.add_argument("count", metavar="N", type=int, help="number of profiles to write")
    parser.add_argument("outdir", metavar="OUTDIR", type=Path, help="folder to write them to")
    parser.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        help=f"seed of the catalogue and the profiles (default {DEFAULT_SEED})",
    )
    parser.add_argument(
        "--check",
        action="store_true",
        help="parse every file written, validate it against nsp-profile.schema.json and "
        "check that shared codes and wage tables agree; exit 1 on any failure",
    )
    parser.add_argument(
        "--force", action="store_true", help="delete the *.txt files OUTDIR already holds"
    )
    parser.add_argument(
        "--twins",
        type=int,
        default=0,
        metavar="T",
        help="make the last T of the N profiles near-twins of earlier ones (the same "
        "requirements but for three competences) and list the pairs in OUTDIR/twins.json",
    )
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("N must be at least 1")
    started = time.perf_counter()
    try:
        paths = generate_corpus(
            args.count, args.outdir, seed=args.seed, force=args.force, twins=args.twins
        )
    except CorpusError as error:
        parser.exit(2, f"{parser.prog}: error: {error}\n")
    elapsed = time.perf_counter() - started
    sizes = [path.stat().st_size for path in paths]
    print(
        f"wrote {len(paths)} profiles to {args.outdir} in {elapsed:.1f} s: "
        f"{sum(sizes) / 1e6:.1f} MB, {min(sizes) / 1000:.1f}-{max(sizes) / 1000:.1f} kB "
        f"per file, {sum(sizes) / len(sizes) / 1000:.1f} kB on average"
    )
    if args.check:
        documents, failures = check_corpus(paths)
        for failure in failures[:50]:
            print(failure, file=sys.stderr)
        if len(failures) > 50:
            print(f"... and {len(failures) - 50} more", file=sys.stderr)
        titles = Counter(d["title"] for d in documents)
        duplicates = sum(n - 1 for n in titles.values() if n > 1)
        print(
            f"check: {len(documents)} of {len(paths)} files parse; "
            f"{len(failures)} failures; {duplicates} duplicate titles"
        )
        return 1 if failures else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
