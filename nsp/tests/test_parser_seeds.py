"""Independent checks of the parser against the two seed exports.

Every expected value below was read by hand from the seed text files in fixtures/nsp/
(tabs made visible), following the descriptions of nsp/nsp-profile.schema.json. None of
it was produced by running the parser. One test per section per seed, so that a failure
names the section and the seed.
"""

import gc
import json
from functools import cache
from pathlib import Path

import jsonschema
import pytest

from nsp.parser import parse_file, parse_profile

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "nsp"
SCHEMA_PATH = ROOT / "nsp" / "nsp-profile.schema.json"

SEED_000 = "000_361cb8b8ad03747c.txt"
SEED_001 = "001_4016ebdf744176cf.txt"
SEEDS = [SEED_000, SEED_001]


def rng(low, median, high):
    """A wage range {low, median, high} in CZK."""
    return {"low": low, "median": median, "high": high}


def region(name, business, public=None):
    return {"region": name, "business": business, "public": public}


def comp(category, code, name, level, suitability=None):
    return {
        "category": category,
        "code": code,
        "name": name,
        "level": level,
        "suitability": suitability,
    }


def cond(name, *levels):
    return {"name": name, "levels": list(levels)}


def edu(tier, type_, name, code):
    return {"tier": tier, "type": type_, "name": name, "code": code}


# =========================================================================================
# Seed 000: "Pracovník distančního zákaznického servisu" (WorkUnitTypeEnum.2, 102742)
# =========================================================================================

PS, PK, GS, DG, SO = (
    "professional_skill",
    "professional_knowledge",
    "general_skill",
    "digital",
    "soft",
)

EXPECTED_000 = {
    "nsp_id": 102742,
    "kind": "specialization",
    "title": "Pracovník distančního zákaznického servisu",
    "description": (
        "Pracovník distančního zákaznického servisu vyřizuje telefonicky, elektronickou "
        "poštou, přes sociální média, apod., složité požadavky nebo stížnosti zákazníků, "
        "s cílem maximalizování zisku pro poskytovatele produktu, udržení jejich dlouhodobé "
        "věrnosti značce a uspokojení zákaznických potřeb."
    ),
    "field": "Obchod a marketing",
    "subfield": "zákaznický servis",
    "qualification_levels": [
        "Střední vzdělání s maturitní zkouškou",
        "Střední vzdělání s výučním listem i maturitní zkouškou",
    ],
    "alternative_names": [],
    "parent": "Specialista služeb zákazníkům",
    "related": [
        "Manažer call centra",
        "Školitel operátorů zákaznické linky",
        "Operátor zákaznické linky",
    ],
    "regulated": False,
    "activities": [
        "Identifikace potřeb a požadavků zákazníka.",
        "Ověření zákaznické historie.",
        "Řešení obdržené požadavku či reklamace.",
        "Příprava a odeslání odpovědí klientům v písemné a elektronické formě.",
        "Seznámení se se změnami v pracovních postupech, v portfoliu nabízených produktů "
        "a jejich parametrech, a dalších.",
        "Aplikace změn v denních pracovních aktivitách.",
        "Předání informací o změnách kolegům formou strukturované komunikace.",
        "Zadávání dat do informačních systémů.",
        "Výkaznictví za období (např. poskytnuté služby, důvody stížností, počty různých "
        "typů zákaznických požadavků, čas stravených na různých dílčích aktivitách, atd.).",
        "Analýza vykazovaných dat za období (např. dopočítání ukazatelů).",
        "Formulace zpětné vazby na základě analýzy dat.",
        "Nabídka doplňkového produktu.",
        "Zaškolení dalších osob v oddělení zákaznického servisu.",
    ],
    "isco": [
        {"code": "42220", "name": "Pracovníci v zákaznických kontaktních centrech"},
        {"code": "4222", "name": "Pracovníci v zákaznických kontaktních centrech"},
    ],
    # One table, split by the page break after "Kraj Vysočina" (lines 51-52 of the file).
    "wages": [
        {
            "year": 2023,
            "isco_code": "4222",
            "isco_name": "Pracovníci v zákaznických kontaktních centrech",
            "regions": [
                region("Hlavní město Praha", rng(30761, 42292, 63781)),
                region("Středočeský kraj", rng(28823, 38373, 53360)),
                region("Jihočeský kraj", rng(28806, 36021, 52332)),
                region("Plzeňský kraj", rng(34478, 50359, 62941)),
                region("Ústecký kraj", rng(26200, 34785, 48194)),
                region("Liberecký kraj", rng(23460, 30285, 45291)),
                region("Královéhradecký kraj", rng(24730, 33616, 46176)),
                region("Pardubický kraj", rng(26121, 34077, 43178)),
                region("Kraj Vysočina", rng(26880, 36266, 54022)),
                # --- page break ---
                region("Jihomoravský kraj", rng(24796, 35578, 55441)),
                region("Zlínský kraj", rng(22658, 32050, 51175)),
                region("Moravskoslezský kraj", rng(25114, 32731, 46120)),
            ],
        }
    ],
    "national_wages": [
        {
            "year": 2023,
            "isco_code": "4222",
            "isco_name": "Pracovníci v zákaznických kontaktních centrech",
            "business_median": 37027,
            "public_median": 35778,
        }
    ],
    "esco": [
        {
            "code": "4222",
            "name": "Pracovníci v zákaznických kontaktních centrech",
            "url": "http://data.europa.eu/esco/isco/C4222",
        }
    ],
    "work_conditions": [
        cond("Zátěž hlukem", 2),
        cond("Zraková zátěž", 1, 2),
        cond("Duševní zátěž", 2),
        cond("Zátěž teplem", 1),
        cond("Zátěž chladem", 1),
        cond("Zátěž vibracemi", 1),
        cond("Zátěž prachem", 1),
        cond("Zátěž chemickými látkami", 1),
        cond("Zátěž invazivními alergeny", 1),
        cond("Zátěž biologickými činiteli způsobujícími onemocnění", 1),
        cond("Zátěž ionizujícím zářením", 1),
        cond("Zátěž neionizujícím zářením a elektromagnetickým polem včetně laserů", 1),
        cond("Celková fyzická zátěž", 1),
        cond("Zátěž trupu a páteře s převahou statické práce (manipulace s břemeny)", 1),
        # --- page break (WorkUnitTypeEnum.2 / 102742 on separate lines) ---
        cond("Lokální zátěž - zátěž malých svalových skupin", 1),
        cond("Lokální zátěž jemné motoriky", 1),
        cond("Zátěž prací v omezeném nebo uzavřeném prostoru", 1),
        cond("Zátěž prací v nevhodných pracovních polohách", 1),
        cond("Práce ve výškách", 1),
        cond("Zvýšené riziko úrazu pracovníka", 1),
        cond("Zvýšené riziko obecného ohrožení", 1),
        cond("Pracovní doba, směnnost", 1),
    ],
    "education": [
        edu("best", "RVP", "Střední vzdělání s maturitní zkouškou (bez vyučení)", "xx-xx-M/xx"),
        edu(
            "best",
            "KKOV",
            "Střední vzdělání s maturitní zkouškou (bez vyučení) v oboru ekonomika a podnikání",
            "6341M",
        ),
        edu(
            "best",
            "KKOV",
            "Střední vzdělání s maturitní zkouškou (bez vyučení) v oboru ekonomika odvětví (oborů)",
            "6443M",
        ),
        edu(
            "suitable",
            "KKOV",
            "Střední vzdělání s maturitní zkouškou (bez vyučení) ve skupině oborů obchod",
            "66xxM",
        ),
        edu(
            "suitable",
            "KKOV",
            "Střední vzdělání s maturitní zkouškou (bez vyučení) ve skupině oborů ekonomika "
            "a administrativa",
            "63xxM",
        ),
        edu(
            "suitable",
            "KKOV",
            "Střední vzdělání s maturitní zkouškou (bez vyučení) ve skupině oborů podnikání "
            "v oborech, odvětví",
            "64xxM",
        ),
    ],
    "competences": [
        # Odborné dovednosti (Úroveň 1-8, Vhodnost)
        comp(
            PS,
            "h13.C.1221",
            "Telefonické poskytování informací o výrobcích a službách společnosti, včetně "
            "poskytování okamžité podpory zákazníkům při řešení problémů se zakoupeným zbožím "
            "či službami",
            4,
            2,
        ),
        comp(
            PS,
            "h13.C.3231",
            "Aktivní prodej produktů a služeb přidělené skupině zákazníků, informování "
            "o nabídce produktů a služeb",
            4,
            2,
        ),
        comp(PS, "h13.D.5241", "Vyhodnocování a provádění rozborů příčin reklamací", 4, 2),
        comp(
            PS,
            "h13.C.2131",
            "Řešení stížností zákazníků, které nebyly vyřešeny standardními postupy",
            4,
            2,
        ),
        comp(PS, "h11.C.2231", "Komunikace se zákazníkem a péče o zákazníka", 4, 2),
        comp(
            PS,
            "i31.D.1033",
            "Zpracování dat a vyhledávání informací v kontaktním centru",
            4,
            2,
        ),
        comp(
            PS,
            "h14.D.1024",
            "Orientace v úloze zákaznického servisu v organizační struktuře firmy",
            4,
            2,
        ),
        comp(
            PS,
            "h14.C.1005",
            "Poskytování distančního zákaznického servisu v anglickém jazyce na minimální "
            "úrovni (B2)",
            4,
            2,
        ),
        comp(
            PS,
            "h12.D.3911",
            "Vyhodnocování, analýza, reporting, prezentace výsledků z oblasti zákaznického "
            "servisu a předání zpětné vazby",
            4,
            2,
        ),
        comp(PS, "h14.C.1007", "Zaškolení další osoby v kontaktním centru", 4, 2),
        comp(PS, "i31.B.4004", "Obsluha komunikační techniky v kontaktním centru", 4, 2),
        comp(
            PS,
            "h13.D.1024",
            "Vedení písemné a elektronické komunikace v kontaktním centru",
            4,
            2,
        ),
        comp(
            PS,
            "h14.D.1031",
            "Vyřízení požadavku včetně reklamace zákazníka po telefonu se zahrnutím širších "
            "souvislostí",
            4,
            2,
        ),
        comp(
            PS,
            "h14.D.1030",
            "Poskytování distančního zákaznického servisu v dalším jazyce na minimální úrovni B2",
            4,
            2,
        ),
        # Odborné znalosti (Úroveň 1-8, Vhodnost)
        comp(PK, "h13._.0022", "zásady prodeje po telefonu", 4, 2),
        comp(PK, "l24._.0004", "pracovní stres", 4, 2),
        comp(PK, "h13._.0024", "postupy při reklamacích, práva spotřebitele", 4, 2),
        comp(PK, "h11._.0023", "klientela a potenciální klientela, péče o ni", 4, 2),
        comp(PK, "i41._.0016", "obchodní právo", 3, 2),
        # Obecné dovednosti (Úroveň 0-3, no Vhodnost column)
        comp(GS, "b01", "Počítačová způsobilost", 2),
        comp(GS, "b03", "Numerická způsobilost", 2),
        comp(GS, "b04", "Ekonomické povědomí", 1),
        comp(GS, "b05", "Právní povědomí", 2),
        comp(GS, "b06", "Jazyková způsobilost v češtině", 3),
        comp(GS, "b07", "Jazyková způsobilost v angličtině", 3),
        comp(GS, "b08", "Jazyková způsobilost v dalším cizím jazyce", 2),
        # (no Digitální kompetence section in this seed)
        # Měkké kompetence (Úroveň 0-5, no Vhodnost column)
        comp(SO, "2.1", "Kompetence k efektivní komunikaci", 3),
        comp(SO, "1.2", "Kompetence k flexibilitě", 3),
        comp(
            SO,
            "2.3",
            "Kompetence k orientaci na zákazníka a uspokojování zákaznických potřeb",
            4,
        ),
        comp(SO, "4.4", "Kompetence k řešení problémů", 3),
        comp(SO, "3.3", "Kompetence k objevování a orientaci v informacích", 2),
    ],
    "health_restrictions": [
        "Duševní poruchy",
        "Poruchy chování",
        "Závažná psychosomatická onemocnění",
    ],
}

# =========================================================================================
# Seed 001: "Ředitel zákaznických služeb" (WorkUnitTypeEnum.1, 103332)
# =========================================================================================

EXPECTED_001 = {
    "nsp_id": 103332,
    "kind": "occupation",
    "title": "Ředitel zákaznických služeb",
    "description": (
        "Ředitel zákaznických služeb komplexně vede a řídí organizační celek, který se zabývá "
        "řízenou obousměrnou komunikací se zákazníky a zpracováním souvisejících informací."
    ),
    "field": "Management",
    "subfield": "nezařazeno do odborného podsměru",
    # The source line holds no ';' at all (and ends with a comma): one item, kept as written.
    "qualification_levels": [
        "Magisterský studijní program Ředitel centra zákaznické podpory, Manažer pro "
        "zákaznickou podporu, Manažer pro kontakt ze zákazníky,"
    ],
    "alternative_names": [
        "Ředitel kontaktního centra",
        "Customer Service Manager",
        "Ředitel centra zákaznických služeb",
        "Ředitel zákaznického servisu",
        "Ředitel vnitřního prodeje",
    ],
    "parent": None,
    "related": [],
    "regulated": False,
    "activities": [
        "Vytváření, průběžná aktualizace, realizace a vyhodnocení koncepce rozvoje úseku "
        "zákaznických služeb.",
        "Monitorování, analýza a optimalizace procesů zákaznických služeb a souvisejících "
        "firemních procesů.",
        "Definování nových vstupů a výstupů provozního systému, včetně spolupráce na tvorbě "
        "interních databází pro potřeby společnosti.",
        "Sledování a vyhodnocování spokojenosti zákazníků, návrh a realizace nápravných "
        "opatření ve spolupráci s příslušnými organizačními útvary organizace.",
        "Zabezpečení a rozvoj osobní, telefonické a elektronické komunikace s klienty společnosti.",
        "Koordinace činností týkajících se vyřizování stížností a reklamací zákazníků "
        "a poskytování technických a cenových informací.",
        "Udržování a rozvoj vztahů s klíčovými zákazníky.",
        "Spolupráce s příslušnými organizačními útvary společnosti v oblasti vývoje "
        "provozního informačního systému a jeho podpůrných aplikací.",
        "Nastavení systému adaptace pracovníků zákaznických center.",
        "Reprezentování organizace na jednáních se stávajícími i potenciálními zákazníky, "
        "stálými obchodními partnery a dalšími subjekty.",
        "Vedení, motivace, hodnocení a kontrola výkonu podřízených pracovníků v rámci "
        "svěřeného celku organizace.",
    ],
    "isco": [
        {"code": "12214", "name": "Řídící pracovníci servisních služeb a reklamací"},
        {
            "code": "1221",
            "name": "Řídící pracovníci v oblasti obchodu, marketingu a v příbuzných oblastech",
        },
    ],
    # One table, split by the page break after "Pardubický kraj" (lines 48-50 of the file).
    "wages": [
        {
            "year": 2020,
            "isco_code": "1221",
            "isco_name": "Řídící pracovníci v oblasti obchodu, marketingu a v příbuzných oblastech",
            "regions": [
                region(
                    "Hlavní město Praha",
                    rng(39220, 98245, 238519),
                    rng(44443, 63784, 96507),
                ),
                region("Středočeský kraj", rng(17877, 70153, 169141)),
                region("Jihočeský kraj", rng(30071, 67750, 138249)),
                region("Plzeňský kraj", rng(45474, 78506, 136007)),
                region("Karlovarský kraj", rng(38901, 66693, 105250)),
                region("Ústecký kraj", rng(35903, 58691, 148034)),
                region("Liberecký kraj", rng(30431, 68044, 136167)),
                region("Královéhradecký kraj", rng(34912, 61710, 119331)),
                region("Pardubický kraj", rng(34425, 64187, 148146)),
                # --- page break ---
                region("Kraj Vysočina", rng(27380, 69465, 164372)),
                region("Jihomoravský kraj", rng(33846, 74546, 172220)),
                region("Olomoucký kraj", rng(34385, 64726, 134956)),
                region("Zlínský kraj", rng(33173, 61448, 124110)),
                region("Moravskoslezský kraj", rng(31985, 71551, 136120)),
            ],
        }
    ],
    "national_wages": [
        {
            "year": 2020,
            "isco_code": "1221",
            "isco_name": "Řídící pracovníci v oblasti obchodu, marketingu a v příbuzných oblastech",
            "business_median": 74546,
            "public_median": 58351,
        },
        {
            "year": 2020,
            "isco_code": "12214",
            "isco_name": "Řídící pracovníci servisních služeb a reklamací",
            "business_median": 61032,
            "public_median": None,
        },
    ],
    "esco": [
        {
            "code": "1221",
            "name": "Vedoucí a řídicí pracovníci v oblasti prodeje a marketingu",
            "url": "http://data.europa.eu/esco/isco/C1221",
        }
    ],
    "work_conditions": [
        cond("Zraková zátěž", 2),
        cond("Celková fyzická zátěž", 1, 2),
        cond("Duševní zátěž", 2),
        cond("Zátěž teplem", 1),
        cond("Zátěž chladem", 1),
        cond("Zátěž hlukem", 1),
        cond("Zátěž vibracemi", 1),
        cond("Zátěž prachem", 1),
        cond("Zátěž chemickými látkami", 1),
        cond("Zátěž invazivními alergeny", 1),
        # --- page break ("Typ JP ID" / "WorkUnitTypeEnum.1 103332", header repeated) ---
        cond("Zátěž biologickými činiteli způsobujícími onemocnění", 1),
        cond("Zátěž ionizujícím zářením", 1),
        cond("Zátěž neionizujícím zářením a elektromagnetickým polem včetně laserů", 1),
        cond("Zátěž trupu a páteře s převahou statické práce (manipulace s břemeny)", 1),
        cond("Lokální zátěž - zátěž malých svalových skupin", 1),
        cond("Lokální zátěž jemné motoriky", 1),
        cond("Zátěž prací v omezeném nebo uzavřeném prostoru", 1),
        cond("Zátěž prací v nevhodných pracovních polohách", 1),
        cond("Práce ve výškách", 1),
        cond("Zvýšené riziko úrazu pracovníka", 1),
        cond("Zvýšené riziko obecného ohrožení", 1),
        cond("Pracovní doba, směnnost", 1),
    ],
    "education": [
        edu(
            "best",
            "KKOV",
            "Magisterský studijní program v oboru ekonomika a management",
            "6208T",
        ),
        # first "Vhodnou školní přípravu poskytují také obory:"
        edu("suitable", "KKOV", "Magisterský studijní program v oboru sociologie", "6703T"),
        # second "Vhodnou školní přípravu poskytují také obory:"
        edu("suitable", "KKOV", "Magisterský studijní program v oboru psychologie", "7701T"),
        edu(
            "suitable",
            "KKOV",
            "Magisterský studijní program v oboru sociální politika a sociální práce",
            "6731T",
        ),
        edu(
            "suitable",
            "KKOV",
            "Magisterský studijní program v oboru teoretické právní vědy",
            "6801T",
        ),
        edu(
            "suitable",
            "KKOV",
            "Magisterský studijní program v oboru právo a právní věda",
            "6805T",
        ),
        edu(
            "suitable",
            "KKOV",
            "Bakalářský studijní program v oboru ekonomika a management",
            "6208R",
        ),
        edu("suitable", "KKOV", "Magisterský studijní program ve skupině oborů ekonomie", "62xxT"),
    ],
    "competences": [
        # Odborné dovednosti (Úroveň 1-8, Vhodnost)
        comp(
            PS,
            "h14.Z.2121",
            "Koordinování příprav a tvorby metodických postupů a směrnic, včetně návrhů "
            "na změny a úpravy zákaznického servisu",
            7,
            2,
        ),
        comp(
            PS,
            "h14.Z.2934",
            "Koordinace vyřizování stížností a reklamací zákazníků, poskytování technických "
            "a cenových informací v rámci řízení činnosti zákaznického servisu",
            7,
            2,
        ),
        comp(
            PS,
            "h11.D.3070",
            "Posouzení a schválení pravidelných podkladů o spokojenosti zákazníků "
            "s činnostmi zákaznického servisu",
            7,
            2,
        ),
        comp(PS, "i31.Z.2051", "Řízení dokumentace", 7, 2),
        comp(
            PS,
            "h13.D.2241",
            "Vypracovávání návrhů a dílčích opatření k zamezení vzniku reklamací",
            7,
            2,
        ),
        comp(
            PS,
            "i51.C.5131",
            "Reprezentace zájmů organizace v rámci udržování a rozvíjení dobrých vztahů "
            "se strategickými partnery",
            7,
            2,
        ),
        comp(PS, "i51.Z.1006", "Organizace práce, řízení a motivace zaměstnanců", 7, 2),
        comp(
            PS,
            "i51.D.3222",
            "Kontrola a hodnocení kvality a výsledků práce podřízených pracovníků",
            7,
            2,
        ),
        comp(PS, "i32.D.2027", "Vytváření finančního plánu útvaru", 7, 2),
        comp(
            PS,
            "h25.D.3100",
            "Posuzování a hodnocení efektivnosti hospodaření a výkonnosti svěřeného úseku",
            7,
            2,
        ),
        # Odborné znalosti (Úroveň 1-8, Vhodnost)
        comp(PK, "h13._.0020", "psychologie prodeje", 7, 2),
        comp(PK, "h11._.0009", "řízení vztahů se zákazníky - CRM", 7, 2),
        comp(PK, "h13._.0024", "postupy při reklamacích, práva spotřebitele", 7, 2),
        comp(PK, "i53._.0001", "procesní řízení", 7, 2),
        comp(PK, "i54._.0023", "management kvality", 7, 2),
        comp(
            PK,
            "i41._.0021",
            "komerční právo, smluvně-závazkové vztahy, obchodní společnosti, obchodní zákoník",
            7,
            2,
        ),
        comp(PK, "i51._.0014", "management pro top manažery", 7, 2),
        comp(PK, "i51._.0021", "personální management", 7, 2),
        comp(PK, "i32._.0021", "finanční plánování", 7, 2),
        comp(PK, "i51._.0005", "strategické řízení organizace", 7, 2),
        comp(PK, "j32._.0001", "základy sociologie", 7, 1),
        comp(PK, "i51._.0024", "projektový management", 7, 1),
        # Obecné dovednosti (Úroveň 0-3)
        comp(GS, "b01", "Počítačová způsobilost", 2),
        comp(GS, "b02", "Způsobilost k řízení osobního automobilu", 2),
        comp(GS, "b03", "Numerická způsobilost", 2),
        comp(GS, "b04", "Ekonomické povědomí", 2),
        comp(GS, "b05", "Právní povědomí", 2),
        comp(GS, "b06", "Jazyková způsobilost v češtině", 3),
        comp(GS, "b07", "Jazyková způsobilost v angličtině", 2),
        # Digitální kompetence (Úroveň 1-4), first heading
        comp(
            DG,
            "1.1",
            "Prohlížení, vyhledávání a filtrování dat, informací a digitálního obsahu",
            3,
        ),
        # Digitální kompetence, second heading: same list
        comp(DG, "5.3", "Kreativní využívání digitálních technologií", 3),
        comp(DG, "5.2", "Identifikace potřeb a výběr vhodných technologií", 1),
        comp(DG, "5.1", "Řešení technických problémů", 2),
        comp(DG, "4.4", "Ochrana životního prostředí", 2),
        comp(DG, "4.3", "Ochrana zdraví a duševní pohody", 2),
        comp(DG, "4.2", "Ochrana osobních dat a soukromí", 2),
        comp(DG, "4.1", "Ochrana zařízení", 2),
        comp(DG, "3.3", "Autorská práva a licence", 3),
        comp(DG, "3.2", "Integrace a přepracování digitálního obsahu", 3),
        comp(DG, "3.1", "Tvorba digitálního obsahu", 3),
        comp(DG, "2.4", "Netiketa", 3),
        comp(DG, "2.3", "Spolupráce prostřednictvím digitálních technologií", 3),
        comp(DG, "2.2", "Sdílení prostřednictvím digitálních technologií", 3),
        comp(DG, "2.1", "Interakce prostřednictvím digitálních technologií", 3),
        comp(DG, "1.3", "Správa dat, informací a digitálního obsahu", 3),
        comp(DG, "1.2", "Hodnocení dat, informací a digitálního obsahu", 3),
        comp(DG, "5.4", "Identifikace nedostatků v digitálních kompetencích", 2),
        # Měkké kompetence (Úroveň 0-5), first heading
        comp(SO, "2.1", "Kompetence k efektivní komunikaci", 4),
        comp(SO, "2.6", "Kompetence k vedení lidí", 5),
        comp(SO, "3.3", "Kompetence k objevování a orientaci v informacích", 4),
        comp(SO, "1.4", "Kompetence ke zvládání stresu a zátěže", 5),
        comp(SO, "4.1", "Kompetence k aktivnímu přístupu", 5),
        comp(SO, "4.2", "Kompetence k plánování a organizování práce", 4),
        comp(SO, "4.4", "Kompetence k řešení problémů", 4),
        comp(SO, "4.5", "Kompetence k samostatnosti", 4),
        # Měkké kompetence, second heading: same list
        comp(SO, "4.6", "Kompetence k výkonnosti", 5),
        comp(
            SO,
            "2.3",
            "Kompetence k orientaci na zákazníka a uspokojování zákaznických potřeb",
            5,
        ),
        comp(SO, "1.2", "Kompetence k flexibilitě", 4),
        comp(SO, "2.2", "Kompetence ke kooperaci", 4),
        comp(SO, "2.4", "Kompetence k ovlivňování a rozvíjení ostatních", 4),
    ],
    "health_restrictions": [
        "Poruchy vidění",
        "Duševní poruchy",
        "Poruchy chování",
        "Závažná psychosomatická onemocnění",
    ],
}

EXPECTED = {SEED_000: EXPECTED_000, SEED_001: EXPECTED_001}

# Counts read off the text (independent of the lists above, as a cross-check).
EXPECTED_COUNTS = {
    SEED_000: {
        "activities": 13,
        "wage_regions": 12,  # 9 before the page break + 3 after
        "work_conditions": 22,  # 14 before the page break + 8 after
        "education": {"best": 3, "suitable": 3},
        "competences": {PS: 14, PK: 5, GS: 7, DG: 0, SO: 5},
        "health_restrictions": 3,
    },
    SEED_001: {
        "activities": 11,
        "wage_regions": 14,  # 9 before the page break + 5 after
        "work_conditions": 22,  # 10 before the page break + 12 after
        "education": {"best": 1, "suitable": 7},  # 1 + 6 under two "Vhodnou" headings
        "competences": {PS: 10, PK: 12, GS: 7, DG: 18, SO: 13},  # DG 1+17, SO 8+5
        "health_restrictions": 4,
    },
}

SCALAR_KEYS = [
    "nsp_id",
    "kind",
    "title",
    "description",
    "field",
    "subfield",
    "qualification_levels",
    "alternative_names",
    "parent",
    "related",
    "regulated",
]


# --- helpers ---------------------------------------------------------------------------


@cache
def _parsed_json(seed):
    # Cached as JSON text so that no test can mutate another test's document.
    return json.dumps(parse_file(FIXTURES / seed), ensure_ascii=False)


def parsed(seed):
    return json.loads(_parsed_json(seed))


@cache
def _schema():
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


def _strings(value, path="$"):
    """Yield (path, string) for every string in the document, keys included."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield f"{path}.{key}<key>", key
            yield from _strings(item, f"{path}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")


def _seed_id(seed):
    return seed[:3]


seeds = pytest.mark.parametrize("seed", SEEDS, ids=_seed_id)


# --- whole document --------------------------------------------------------------------


@seeds
def test_document_keys_are_exactly_the_required_keys(seed):
    doc = parsed(seed)
    assert set(doc) == set(_schema()["required"])


@seeds
def test_document_validates_against_schema(seed):
    schema = _schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(parsed(seed))]
    assert errors == []


@seeds
def test_no_artefacts_or_stray_whitespace_in_any_string(seed):
    bad = []
    for path, text in _strings(parsed(seed)):
        if (
            "WorkUnitTypeEnum" in text
            or "Typ JP" in text
            or "\t" in text
            or "\u00a0" in text
            or text != text.strip()
        ):
            bad.append((path, text))
    assert bad == []


@seeds
def test_page_break_id_never_appears_as_a_value(seed):
    """The id of the page-break block is nsp_id, nowhere else (no region, no row)."""
    doc = parsed(seed)
    nsp_id = EXPECTED[seed]["nsp_id"]
    rest = {key: value for key, value in doc.items() if key != "nsp_id"}
    assert str(nsp_id) not in json.dumps(rest, ensure_ascii=False)


@seeds
def test_parse_profile_of_bytes_and_text_equals_parse_file(seed):
    raw = (FIXTURES / seed).read_bytes()
    expected = parsed(seed)
    assert parse_profile(raw) == expected
    assert parse_profile(raw.decode("utf-8")) == expected


# --- header sections --------------------------------------------------------------------


@pytest.mark.parametrize("key", SCALAR_KEYS)
@seeds
def test_header_value(seed, key):
    assert parsed(seed)[key] == EXPECTED[seed][key]


@seeds
def test_nsp_id_and_kind(seed):
    doc = parsed(seed)
    assert (doc["nsp_id"], doc["kind"]) == {
        SEED_000: (102742, "specialization"),
        SEED_001: (103332, "occupation"),
    }[seed]
    assert type(doc["nsp_id"]) is int


# --- lists ------------------------------------------------------------------------------


@seeds
def test_activities(seed):
    activities = parsed(seed)["activities"]
    assert activities == EXPECTED[seed]["activities"]
    assert len(activities) == EXPECTED_COUNTS[seed]["activities"]
    assert not any(item.startswith(("-", "•")) for item in activities)


@seeds
def test_isco(seed):
    assert parsed(seed)["isco"] == EXPECTED[seed]["isco"]


@seeds
def test_wages_table_header(seed):
    wages = parsed(seed)["wages"]
    # A table split by a page break is one entry.
    assert len(wages) == 1
    got = {key: wages[0][key] for key in ("year", "isco_code", "isco_name")}
    want = {key: EXPECTED[seed]["wages"][0][key] for key in ("year", "isco_code", "isco_name")}
    assert got == want


@seeds
def test_wages_region_names_in_source_order(seed):
    got = [row["region"] for row in parsed(seed)["wages"][0]["regions"]]
    want = [row["region"] for row in EXPECTED[seed]["wages"][0]["regions"]]
    assert got == want
    assert len(got) == EXPECTED_COUNTS[seed]["wage_regions"]


@seeds
def test_wages_region_rows(seed):
    got = parsed(seed)["wages"][0]["regions"]
    want = EXPECTED[seed]["wages"][0]["regions"]
    # Row by row first, so that a failure names the region.
    for got_row, want_row in zip(got, want, strict=False):
        assert got_row == want_row, want_row["region"]
    assert got == want


@seeds
def test_wages_whole(seed):
    assert parsed(seed)["wages"] == EXPECTED[seed]["wages"]


@seeds
def test_national_wages(seed):
    assert parsed(seed)["national_wages"] == EXPECTED[seed]["national_wages"]


@seeds
def test_esco(seed):
    assert parsed(seed)["esco"] == EXPECTED[seed]["esco"]


@seeds
def test_work_conditions(seed):
    got = parsed(seed)["work_conditions"]
    assert got == EXPECTED[seed]["work_conditions"]


@seeds
def test_work_conditions_count_and_levels(seed):
    got = parsed(seed)["work_conditions"]
    assert len(got) == EXPECTED_COUNTS[seed]["work_conditions"]
    names = [row["name"] for row in got]
    assert len(set(names)) == len(names)  # the repeated header 'Název' is not a row
    assert "Název" not in names
    for row in got:
        assert row["levels"] == sorted(set(row["levels"])), row


@seeds
def test_education(seed):
    assert parsed(seed)["education"] == EXPECTED[seed]["education"]


@seeds
def test_education_tier_counts(seed):
    got = parsed(seed)["education"]
    counts = {tier: sum(row["tier"] == tier for row in got) for tier in ("best", "suitable")}
    assert counts == EXPECTED_COUNTS[seed]["education"]


@seeds
@pytest.mark.parametrize("category", [PS, PK, GS, DG, SO])
def test_competences_by_category(seed, category):
    got = [row for row in parsed(seed)["competences"] if row["category"] == category]
    want = [row for row in EXPECTED[seed]["competences"] if row["category"] == category]
    assert got == want
    assert len(got) == EXPECTED_COUNTS[seed]["competences"][category]


@seeds
def test_competences_whole_list_in_source_order(seed):
    assert parsed(seed)["competences"] == EXPECTED[seed]["competences"]


@seeds
def test_competences_suitability_column(seed):
    """Only the professional sections have a 'Vhodnost' column."""
    for row in parsed(seed)["competences"]:
        if row["category"] in (PS, PK):
            assert isinstance(row["suitability"], int), row
        else:
            assert row["suitability"] is None, row


SHARED_CODES_001 = {
    "2.1": {
        (DG, "Interakce prostřednictvím digitálních technologií", 3),
        (SO, "Kompetence k efektivní komunikaci", 4),
    },
    "4.4": {
        (DG, "Ochrana životního prostředí", 2),
        (SO, "Kompetence k řešení problémů", 4),
    },
}


@pytest.mark.parametrize("code", sorted(SHARED_CODES_001))
def test_digital_and_soft_codes_coincide_but_are_distinct_competences(code):
    rows = parsed(SEED_001)["competences"]
    matching = {(r["category"], r["name"], r["level"]) for r in rows if r["code"] == code}
    assert matching == SHARED_CODES_001[code]


@seeds
def test_health_restrictions(seed):
    got = parsed(seed)["health_restrictions"]
    assert got == EXPECTED[seed]["health_restrictions"]
    assert len(got) == EXPECTED_COUNTS[seed]["health_restrictions"]


@seeds
def test_expected_constants_cover_every_key(seed):
    """Guard for this file itself: every schema key has a hand-written expectation."""
    assert set(EXPECTED[seed]) == set(_schema()["required"])


def test_parsing_leaves_no_garbage_for_the_cycle_collector(seed_paths):
    """Refcounting frees everything a parse made: a batch of thousands of profiles does not
    wait on the cyclic garbage collector (see profiles.importer.collector_paused)."""
    gc.collect()
    gc.disable()
    try:
        for path in seed_paths:
            parse_file(path)
        assert gc.collect() == 0
    finally:
        gc.enable()
