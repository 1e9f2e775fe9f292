"""The family of valid NSP exports.

Every variant is built from one of the two seed exports by a textual transformation (page
breaks in other forms and places, other line endings and encodings, other spellings of
amounts, bullets and labels, optional sections left out, ...). The expected document is
derived from the export format and nsp-profile.schema.json: either the document of the
untouched seed, or that document changed exactly as the transformation implies. Every
document is also validated against the schema (Draft 2020-12).
"""

import copy
import functools
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from nsp.parser import parse_file, parse_profile

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "nsp"
SCHEMA = json.loads((ROOT / "nsp" / "nsp-profile.schema.json").read_text("utf-8"))
Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = Draft202012Validator(SCHEMA)

SEEDS = {
    "spec": {
        "path": FIXTURES / "000_361cb8b8ad03747c.txt",
        "nsp_id": 102742,
        "kind": "specialization",
        "enum": "WorkUnitTypeEnum.2",
        "word": "Specializace",
        # The page-break blocks of the seed, as they stand in the file.
        "blocks": [
            ["Typ JP\tID", "WorkUnitTypeEnum.2\t102742"],
            ["WorkUnitTypeEnum.2", "", "102742"],
        ],
    },
    "occ": {
        "path": FIXTURES / "001_4016ebdf744176cf.txt",
        "nsp_id": 103332,
        "kind": "occupation",
        "enum": "WorkUnitTypeEnum.1",
        "word": "Povolání",
        "blocks": [
            ["WorkUnitTypeEnum.1", "", "103332"],
            ["Typ JP\tID\t\t\t", "WorkUnitTypeEnum.1\t103332\t\t\t"],
        ],
    },
}

WAGE_HEADER = ["Kraj\tMzdová sféra\t\t\tPlatová sféra\t\t", "\tOd\tMedián\tDo\tOd\tMedián\tDo"]


# --- helpers -----------------------------------------------------------------------------


def seed_text(seed):
    return SEEDS[seed]["path"].read_text("utf-8")


def seed_lines(seed):
    return seed_text(seed).split("\n")


@functools.cache
def _base_document(seed):
    return parse_profile(SEEDS[seed]["path"].read_bytes())


def base(seed):
    """A fresh copy of the document of the untouched seed."""
    return copy.deepcopy(_base_document(seed))


def parse_valid(data):
    """Parse a valid variant and check the document against the schema."""
    document = parse_profile(data)
    errors = sorted(VALIDATOR.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, "\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors)
    return document


def find(lines, text):
    """Index of the only line equal to `text`."""
    hits = [i for i, line in enumerate(lines) if line == text]
    assert len(hits) == 1, f"{text!r} occurs {len(hits)} times"
    return hits[0]


def find_prefix(lines, prefix):
    """Index of the only line equal to `prefix`, else of the only line starting with it."""
    if lines.count(prefix) == 1:
        return lines.index(prefix)
    hits = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    assert len(hits) == 1, f"{prefix!r} starts {len(hits)} lines"
    return hits[0]


def find_seq(lines, seq):
    """Index where the only occurrence of the consecutive lines `seq` starts."""
    hits = [i for i in range(len(lines) - len(seq) + 1) if lines[i : i + len(seq)] == seq]
    assert len(hits) == 1, f"{seq!r} occurs {len(hits)} times"
    return hits[0]


def replace_blocks(seed, new_block):
    """The seed's text with each of its page-break blocks replaced by `new_block`."""
    lines = seed_lines(seed)
    spans = [(find_seq(lines, block), len(block)) for block in SEEDS[seed]["blocks"]]
    for start, length in sorted(spans, reverse=True):
        lines[start : start + length] = new_block
    return "\n".join(lines)


def insert_after_prefix(seed, prefix, new_lines, lines=None):
    lines = seed_lines(seed) if lines is None else lines
    index = find_prefix(lines, prefix)
    lines[index + 1 : index + 1] = new_lines
    return "\n".join(lines)


def page_break(seed, blank_before=True, blank_after=True):
    """A page-break block as the export writes it ('Typ JP ID' + 'TYPE ID')."""
    info = SEEDS[seed]
    block = ["Typ JP\tID", f"{info['enum']}\t{info['nsp_id']}"]
    return ([""] if blank_before else []) + block + ([""] if blank_after else [])


def remove_between(lines, first, stop):
    """Remove lines[first:stop] (indices)."""
    del lines[first:stop]
    return lines


# --- the seeds themselves -----------------------------------------------------------------


def test_seed_spec_document_from_the_export():
    """Facts read directly off 000 (NSP 102742): anchors every variant of it."""
    lines = seed_lines("spec")
    doc = parse_valid(SEEDS["spec"]["path"].read_bytes())
    assert doc["nsp_id"] == 102742
    assert doc["kind"] == "specialization"
    assert doc["title"] == "Pracovník distančního zákaznického servisu"
    assert doc["description"] == lines[4]
    assert doc["field"] == "Obchod a marketing"
    assert doc["subfield"] == "zákaznický servis"
    assert doc["qualification_levels"] == [
        "Střední vzdělání s maturitní zkouškou",
        "Střední vzdělání s výučním listem i maturitní zkouškou",
    ]
    assert doc["alternative_names"] == []
    assert doc["parent"] == "Specialista služeb zákazníkům"
    assert doc["related"] == [
        "Manažer call centra",
        "Školitel operátorů zákaznické linky",
        "Operátor zákaznické linky",
    ]
    assert doc["regulated"] is False
    assert len(doc["activities"]) == 13
    assert doc["activities"][0] == "Identifikace potřeb a požadavků zákazníka."
    assert doc["activities"][-1] == "Zaškolení dalších osob v oddělení zákaznického servisu."
    assert doc["isco"] == [
        {"code": "42220", "name": "Pracovníci v zákaznických kontaktních centrech"},
        {"code": "4222", "name": "Pracovníci v zákaznických kontaktních centrech"},
    ]
    # One table split by a page break: 9 regions before it and 3 after it.
    assert len(doc["wages"]) == 1
    table = doc["wages"][0]
    assert (table["year"], table["isco_code"], table["isco_name"]) == (
        2023,
        "4222",
        "Pracovníci v zákaznických kontaktních centrech",
    )
    assert [r["region"] for r in table["regions"]] == [
        "Hlavní město Praha",
        "Středočeský kraj",
        "Jihočeský kraj",
        "Plzeňský kraj",
        "Ústecký kraj",
        "Liberecký kraj",
        "Královéhradecký kraj",
        "Pardubický kraj",
        "Kraj Vysočina",
        "Jihomoravský kraj",
        "Zlínský kraj",
        "Moravskoslezský kraj",
    ]
    assert table["regions"][0] == {
        "region": "Hlavní město Praha",
        "business": {"low": 30761, "median": 42292, "high": 63781},
        "public": None,
    }
    assert table["regions"][-1]["business"] == {"low": 25114, "median": 32731, "high": 46120}
    assert doc["national_wages"] == [
        {
            "year": 2023,
            "isco_code": "4222",
            "isco_name": "Pracovníci v zákaznických kontaktních centrech",
            "business_median": 37027,
            "public_median": 35778,
        }
    ]
    assert doc["esco"] == [
        {
            "code": "4222",
            "name": "Pracovníci v zákaznických kontaktních centrech",
            "url": "http://data.europa.eu/esco/isco/C4222",
        }
    ]
    # 14 rows before the page break, 8 after it.
    assert len(doc["work_conditions"]) == 22
    assert doc["work_conditions"][:2] == [
        {"name": "Zátěž hlukem", "levels": [2]},
        {"name": "Zraková zátěž", "levels": [1, 2]},
    ]
    assert doc["work_conditions"][13] == {
        "name": "Zátěž trupu a páteře s převahou statické práce (manipulace s břemeny)",
        "levels": [1],
    }
    assert doc["work_conditions"][14]["name"] == "Lokální zátěž - zátěž malých svalových skupin"
    assert doc["work_conditions"][-1] == {"name": "Pracovní doba, směnnost", "levels": [1]}
    assert [(e["tier"], e["type"], e["code"]) for e in doc["education"]] == [
        ("best", "RVP", "xx-xx-M/xx"),
        ("best", "KKOV", "6341M"),
        ("best", "KKOV", "6443M"),
        ("suitable", "KKOV", "66xxM"),
        ("suitable", "KKOV", "63xxM"),
        ("suitable", "KKOV", "64xxM"),
    ]
    categories = [c["category"] for c in doc["competences"]]
    assert categories == (
        ["professional_skill"] * 14
        + ["professional_knowledge"] * 5
        + ["general_skill"] * 7
        + ["soft"] * 5
    )
    assert doc["competences"][0] == {
        "category": "professional_skill",
        "code": "h13.C.1221",
        "name": lines[find_prefix(lines, "h13.C.1221\t")].split("\t")[1],
        "level": 4,
        "suitability": 2,
    }
    assert doc["competences"][18] == {
        "category": "professional_knowledge",
        "code": "i41._.0016",
        "name": "obchodní právo",
        "level": 3,
        "suitability": 2,
    }
    assert doc["competences"][19] == {
        "category": "general_skill",
        "code": "b01",
        "name": "Počítačová způsobilost",
        "level": 2,
        "suitability": None,
    }
    assert doc["competences"][-1] == {
        "category": "soft",
        "code": "3.3",
        "name": "Kompetence k objevování a orientaci v informacích",
        "level": 2,
        "suitability": None,
    }
    assert doc["health_restrictions"] == [
        "Duševní poruchy",
        "Poruchy chování",
        "Závažná psychosomatická onemocnění",
    ]


def test_seed_occ_document_from_the_export():
    """Facts read directly off 001 (NSP 103332)."""
    doc = parse_valid(SEEDS["occ"]["path"].read_bytes())
    assert doc["nsp_id"] == 103332
    assert doc["kind"] == "occupation"
    assert doc["title"] == "Ředitel zákaznických služeb"
    assert doc["field"] == "Management"
    assert doc["subfield"] == "nezařazeno do odborného podsměru"
    # No ';' in the value: one level, as written (with its trailing comma).
    assert doc["qualification_levels"] == [
        "Magisterský studijní program Ředitel centra zákaznické podpory, Manažer pro "
        "zákaznickou podporu, Manažer pro kontakt ze zákazníky,"
    ]
    assert doc["alternative_names"] == [
        "Ředitel kontaktního centra",
        "Customer Service Manager",
        "Ředitel centra zákaznických služeb",
        "Ředitel zákaznického servisu",
        "Ředitel vnitřního prodeje",
    ]
    assert doc["parent"] is None
    assert doc["related"] == []
    assert doc["regulated"] is False
    assert len(doc["activities"]) == 11
    assert [i["code"] for i in doc["isco"]] == ["12214", "1221"]
    assert len(doc["wages"]) == 1
    table = doc["wages"][0]
    assert (table["year"], table["isco_code"]) == (2020, "1221")
    assert len(table["regions"]) == 14  # 9 before the page break, 5 after it
    assert table["regions"][0]["public"] == {"low": 44443, "median": 63784, "high": 96507}
    assert table["regions"][9]["region"] == "Kraj Vysočina"
    assert doc["national_wages"] == [
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
    ]
    assert len(doc["work_conditions"]) == 22
    assert doc["work_conditions"][1] == {"name": "Celková fyzická zátěž", "levels": [1, 2]}
    assert [(e["tier"], e["code"]) for e in doc["education"]] == [
        ("best", "6208T"),
        ("suitable", "6703T"),
        ("suitable", "7701T"),
        ("suitable", "6731T"),
        ("suitable", "6801T"),
        ("suitable", "6805T"),
        ("suitable", "6208R"),
        ("suitable", "62xxT"),
    ]
    categories = [c["category"] for c in doc["competences"]]
    assert categories == (
        ["professional_skill"] * 10
        + ["professional_knowledge"] * 12
        + ["general_skill"] * 7
        + ["digital"] * 18
        + ["soft"] * 13
    )
    knowledge = [c for c in doc["competences"] if c["category"] == "professional_knowledge"]
    assert [c["suitability"] for c in knowledge] == [2] * 10 + [1, 1]
    digital = [c for c in doc["competences"] if c["category"] == "digital"]
    assert [c["code"] for c in digital[:3]] == ["1.1", "5.3", "5.2"]
    assert digital[-1] == {
        "category": "digital",
        "code": "5.4",
        "name": "Identifikace nedostatků v digitálních kompetencích",
        "level": 2,
        "suitability": None,
    }
    soft = [c for c in doc["competences"] if c["category"] == "soft"]
    assert [c["code"] for c in soft[7:9]] == ["4.5", "4.6"]
    assert doc["health_restrictions"] == [
        "Poruchy vidění",
        "Duševní poruchy",
        "Poruchy chování",
        "Závažná psychosomatická onemocnění",
    ]


@pytest.mark.parametrize("seed", SEEDS)
def test_str_bytes_and_file_give_the_same_document(seed, tmp_path):
    expected = base(seed)
    assert parse_valid(seed_text(seed)) == expected
    path = tmp_path / "profile.txt"
    path.write_bytes(SEEDS[seed]["path"].read_bytes())
    assert parse_file(path) == expected
    assert parse_file(str(path)) == expected


# --- page-break block forms ---------------------------------------------------------------


def block_forms(seed):
    info = SEEDS[seed]
    enum, word, nsp_id = info["enum"], info["word"], str(info["nsp_id"])
    return {
        "header-and-pair": ["Typ JP\tID", f"{enum}\t{nsp_id}"],
        "header-and-pair-on-one-line": [f"Typ JP\tID\t{enum}\t{nsp_id}"],
        "pair-without-header": [f"{enum}\t{nsp_id}"],
        "enum-blank-id": [enum, "", nsp_id],
        "enum-blanks-id": [enum, "", "", nsp_id],
        "header-enum-blank-id": ["Typ JP\tID", "", enum, "", nsp_id],
        "four-lines": ["Typ JP", "ID", enum, nsp_id],
        "four-lines-blank-between": ["Typ JP", "", "ID", "", enum, "", nsp_id],
        "trailing-tabs": ["Typ JP\tID\t\t\t", f"{enum}\t{nsp_id}\t\t\t"],
        "trailing-tabs-separate-lines": [f"{enum}\t\t\t", "", f"{nsp_id}\t\t\t"],
        "word-with-header": ["Typ JP\tID", f"{word}\t{nsp_id}"],
        "word-blank-id": [word, "", nsp_id],
        "word-four-lines": ["Typ JP", "ID", word, nsp_id],
    }


BLOCK_CASES = [(seed, form) for seed in SEEDS for form in block_forms(seed)]


@pytest.mark.parametrize(("seed", "form"), BLOCK_CASES, ids=[f"{s}-{f}" for s, f in BLOCK_CASES])
def test_page_break_block_forms(seed, form):
    text = replace_blocks(seed, block_forms(seed)[form])
    assert parse_valid(text.encode("utf-8")) == base(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_only_one_page_break_block_is_enough(seed):
    for block in SEEDS[seed]["blocks"]:
        lines = seed_lines(seed)
        start = find_seq(lines, block)
        del lines[start : start + len(block)]
        assert parse_valid("\n".join(lines)) == base(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_many_page_breaks_in_a_row(seed):
    # 2,000 blocks, each after 50 blank lines, where the seed has its first one: still the
    # same profile (and a parse in linear time: a walk back over the blocks already
    # dropped made this file take minutes).
    lines = seed_lines(seed)
    block = SEEDS[seed]["blocks"][0]
    start = find_seq(lines, block)
    lines[start : start + len(block)] = ([""] * 50 + block) * 2000
    assert parse_valid("\n".join(lines)) == base(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_page_break_block_at_the_end_of_the_file(seed):
    text = seed_text(seed) + "\n\n" + "\n".join(page_break(seed, blank_before=False)) + "\n"
    assert parse_valid(text) == base(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_page_break_block_at_the_start_of_the_file(seed):
    """A block before the title is an artefact too: the title is still the profile's name."""
    text = "\n".join(page_break(seed, blank_before=False)) + "\n" + seed_text(seed)
    assert parse_valid(text) == base(seed)


# A page break inserted after the row starting with PREFIX; the lines after the block
# repeat the header of the interrupted table (which must be ignored).
BREAK_INSIDE = [
    # (id, seed, prefix of the row before the break, lines after the block)
    ("skills", "spec", "h13.D.5241\t", ["Kód\tNázev\tÚroveň 1-8\tVhodnost"]),
    (
        "knowledge-with-heading",
        "spec",
        "l24._.0004\t",
        ["Odborné znalosti", "", "Kód\tNázev\tÚroveň 1-8\tVhodnost"],
    ),
    ("general", "spec", "b04\t", ["Kód\tNázev\tÚroveň 0-3"]),
    ("soft", "spec", "1.2\tKompetence k flexibilitě", ["Kód\tNázev\tÚroveň 0-5"]),
    ("skills", "occ", "i31.Z.2051\t", ["Kód\tNázev\tÚroveň 1-8\tVhodnost"]),
    ("digital", "occ", "4.4\tOchrana životního", ["Kód\tNázev\tÚroveň 1-4"]),
    ("soft", "occ", "1.4\tKompetence ke zvládání", ["Kód\tNázev\tÚroveň 0-5"]),
    (
        "education-best",
        "spec",
        "KKOVTypeEnum.1\tStřední vzdělání s maturitní zkouškou (bez vyučení) v oboru ekonomika "
        "a podnikání",
        ["Typ\tNázev\tKód"],
    ),
    (
        "education-suitable",
        "spec",
        "KKOVTypeEnum.1\tStřední vzdělání s maturitní zkouškou (bez vyučení) ve skupině oborů "
        "obchod",
        ["Typ\tNázev\tKód"],
    ),
    (
        "education-suitable",
        "occ",
        "KKOVTypeEnum.1\tMagisterský studijní program v oboru psychologie",
        ["Typ\tNázev\tKód"],
    ),
    ("activities", "spec", "- Aplikace změn", []),
    ("activities", "occ", "- Zabezpečení a rozvoj", []),
    ("isco", "spec", "- 42220 - ", []),
    ("health", "spec", "- Duševní poruchy", []),
    ("health", "occ", "- Poruchy vidění", []),
    (
        "national-wages",
        "occ",
        "1221\tŘídící",
        ["Medián za ČR celkem", "", "CZ-ISCO\t\tMzdová sféra\tPlatová sféra"],
    ),
    (
        "national-wages-other-header",
        "occ",
        "1221\tŘídící",
        [
            "CZ-ISCO\tNázev podskupiny v ESCO\tMedián za ČR celkem\t",
            "\t\tMzdová sféra\tPlatová sféra",
        ],
    ),
    ("regional-wages", "occ", "Hlavní město Praha\t", WAGE_HEADER),
    ("regional-wages", "spec", "Plzeňský kraj\t", WAGE_HEADER),
    ("work-conditions", "spec", "Zraková zátěž\t", ["Název\t1\t2\t3\t4"]),
    ("work-conditions", "occ", "Zátěž teplem\t", ["Název\t1\t2\t3\t4"]),
    (
        "esco",
        "occ",
        "Kód podskupiny\t",
        ["Kód podskupiny\tNázev podskupiny v ESCO\tURL - podskupiny v ESCO"],
    ),
    ("labels", "spec", "Odborný podsměr:\t", []),
    ("legend-between-items", "spec", "Faktor se při výkonu práce nevyskytuje", []),
    ("legend-inside-item", "spec", "- 1. Stupeň zátěže", []),
]


@pytest.mark.parametrize(
    ("seed", "prefix", "after"),
    [case[1:] for case in BREAK_INSIDE],
    ids=[f"{case[1]}-{case[0]}" for case in BREAK_INSIDE],
)
def test_page_break_inside_a_section(seed, prefix, after):
    """Rows on both sides of the break join one list, in order; the repeated header is
    ignored; the document is the seed's."""
    text = insert_after_prefix(seed, prefix, page_break(seed) + after)
    assert parse_valid(text) == base(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_page_break_in_other_forms_inside_a_table(seed):
    info = SEEDS[seed]
    for block in (
        [info["enum"], "", str(info["nsp_id"])],
        ["Typ JP", "ID", info["word"], str(info["nsp_id"])],
        ["Typ JP\tID\t\t\t", f"{info['enum']}\t{info['nsp_id']}\t\t\t"],
    ):
        text = insert_after_prefix(seed, "b03\t", ["", *block, "", "Kód\tNázev\tÚroveň 0-3"])
        assert parse_valid(text) == base(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_page_break_without_blank_lines_in_a_list(seed):
    lines = seed_lines(seed)
    index = find(lines, "CZ-ISCO") - 3  # a row inside 'Pracovní činnosti'
    assert lines[index].startswith("- ") and lines[index + 1].startswith("- ")
    lines[index + 1 : index + 1] = page_break(seed, blank_before=False, blank_after=False)
    assert parse_valid("\n".join(lines)) == base(seed)


# --- wage tables continued after a page break ---------------------------------------------


def test_repeated_wage_group_line_after_a_page_break_continues_the_entry():
    # 000: "Typ JP ID" / "WorkUnitTypeEnum.2 102742" / "" / "Kraj ..." -> repeat the group.
    lines = seed_lines("spec")
    index = find(lines, "WorkUnitTypeEnum.2\t102742")
    lines[index + 1 : index + 1] = [
        "",
        "Pracovníci v zákaznických kontaktních centrech (CZ-ISCO 4222)",
    ]
    assert parse_valid("\n".join(lines)) == base("spec")


def test_repeated_wage_group_line_after_a_page_break_occ():
    lines = seed_lines("occ")
    index = find_seq(lines, ["WorkUnitTypeEnum.1", "", "103332"]) + 2
    lines[index + 1 : index + 1] = [
        "",
        "Řídící pracovníci v oblasti obchodu, marketingu a v příbuzných oblastech (CZ-ISCO 1221)",
    ]
    assert parse_valid("\n".join(lines)) == base("occ")


@pytest.mark.parametrize(
    ("seed", "block", "year"),
    [
        ("spec", ["Typ JP\tID", "WorkUnitTypeEnum.2\t102742"], 2023),
        ("occ", ["WorkUnitTypeEnum.1", "", "103332"], 2020),
    ],
)
def test_repeated_wage_heading_after_a_page_break_continues_the_table(seed, block, year):
    """The heading is repeated after the break, the 'NAME (CZ-ISCO CODE)' line is not:
    the rows after the break still belong to the table of the same year."""
    lines = seed_lines(seed)
    index = find_seq(lines, block) + len(block)
    assert lines[index + 1].startswith("Kraj\t")  # the break is inside the wage table
    lines[index + 1 : index + 1] = [f"Hrubé měsíční mzdy podle krajů v roce {year}", ""]
    assert parse_valid("\n".join(lines)) == base(seed)


def test_second_wage_group_in_a_table_is_a_new_entry():
    text = insert_after_prefix(
        "spec",
        "Moravskoslezský kraj\t",
        [
            "",
            "Operátoři call centra (CZ-ISCO 4223)",
            "",
            *WAGE_HEADER,
            "Hlavní město Praha\t25 000 Kč\t30 000 Kč\t40 000 Kč\t26 000 Kč\t31 000 Kč\t-",
            "Kraj Vysočina\t-\t-\t-\t-\t-\t-",
        ],
    )
    expected = base("spec")
    expected["wages"].append(
        {
            "year": 2023,
            "isco_code": "4223",
            "isco_name": "Operátoři call centra",
            "regions": [
                {
                    "region": "Hlavní město Praha",
                    "business": {"low": 25000, "median": 30000, "high": 40000},
                    "public": {"low": 26000, "median": 31000, "high": None},
                },
                {"region": "Kraj Vysočina", "business": None, "public": None},
            ],
        }
    )
    assert parse_valid(text) == expected


# --- line endings, byte-order mark ---------------------------------------------------------


LINE_ENDINGS = {
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "cr": lambda t: t.replace("\n", "\r").encode("utf-8"),
    "bom": lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
    "bom-crlf": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r\n").encode("utf-8"),
    "bom-cr": lambda t: b"\xef\xbb\xbf" + t.replace("\n", "\r").encode("utf-8"),
    "bom-str": lambda t: "\ufeff" + t,
    "final-newline": lambda t: (t + "\n").encode("utf-8"),
    "crlf-final-newline": lambda t: (t + "\n").replace("\n", "\r\n").encode("utf-8"),
}
ENDING_CASES = [(s, e) for s in SEEDS for e in LINE_ENDINGS]


@pytest.mark.parametrize(
    ("seed", "ending"), ENDING_CASES, ids=[f"{s}-{e}" for s, e in ENDING_CASES]
)
def test_line_endings_and_bom(seed, ending):
    assert parse_valid(LINE_ENDINGS[ending](seed_text(seed))) == base(seed)


# --- encodings ----------------------------------------------------------------------------


ENCODINGS = {
    "cp1250": lambda t: t.encode("cp1250"),
    "iso-8859-2": lambda t: t.encode("iso-8859-2"),
    "cp1250-crlf": lambda t: t.replace("\n", "\r\n").encode("cp1250"),
    "iso-8859-2-crlf": lambda t: t.replace("\n", "\r\n").encode("iso-8859-2"),
    # '•' exists in Windows-1250 (0x95) but not in ISO-8859-2.
    "cp1250-bullets": lambda t: re.sub(r"(?m)^- ", "• ", t).encode("cp1250"),
}
ENCODING_CASES = [(s, e) for s in SEEDS for e in ENCODINGS]


@pytest.mark.parametrize(
    ("seed", "encoding"), ENCODING_CASES, ids=[f"{s}-{e}" for s, e in ENCODING_CASES]
)
def test_legacy_encodings(seed, encoding):
    data = ENCODINGS[encoding](seed_text(seed))
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")  # the variant really is not UTF-8
    assert parse_valid(data) == base(seed)


# --- amounts --------------------------------------------------------------------------------

_AMOUNT = re.compile(r"(\d+) (\d{3}) Kč")
AMOUNT_FORMS = {
    "nbsp": "\\1\u00a0\\2 Kč",
    "nbsp-before-kc-too": "\\1\u00a0\\2\u00a0Kč",
    "narrow-nbsp": "\\1\u202f\\2 Kč",
    "narrow-nbsp-before-kc-too": "\\1\u202f\\2\u202fKč",
    "without-kc": "\\1 \\2",
    "nbsp-without-kc": "\\1\u00a0\\2",
    "without-separator": "\\1\\2 Kč",
    "without-separator-and-kc": "\\1\\2",
}
AMOUNT_CASES = [(s, f) for s in SEEDS for f in AMOUNT_FORMS]


@pytest.mark.parametrize(("seed", "form"), AMOUNT_CASES, ids=[f"{s}-{f}" for s, f in AMOUNT_CASES])
def test_amount_spellings(seed, form):
    text = seed_text(seed)
    new, count = _AMOUNT.subn(AMOUNT_FORMS[form], text)
    assert count == text.count(" Kč") > 20
    assert parse_valid(new) == base(seed)


# --- bullets, labels, whitespace ------------------------------------------------------------


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("bullet", ["• ", "•"])
def test_bullet_dot_instead_of_dash(seed, bullet):
    text, count = re.subn(r"(?m)^- ", bullet, seed_text(seed))
    assert count > 15
    assert parse_valid(text) == base(seed)


def test_nadrizene_povolani_spelling():
    text = seed_text("spec")
    assert text.count("Nadřazené povolání:") == 1
    assert parse_valid(text.replace("Nadřazené povolání:", "Nadřízené povolání:")) == base("spec")


def test_pribuzna_povolani_spelling():
    text = seed_text("spec")
    assert text.count("Příbuzné specializace:") == 1
    assert parse_valid(text.replace("Příbuzné specializace:", "Příbuzná povolání:")) == base("spec")


def test_pribuzna_povolani_in_an_occupation():
    lines = seed_lines("occ")
    index = find_prefix(lines, "Alternativní názvy:")
    lines.insert(index + 1, "Příbuzná povolání:\tVedoucí call centra, Manažer prodeje (B2B)")
    expected = base("occ")
    expected["related"] = ["Vedoucí call centra", "Manažer prodeje (B2B)"]
    assert parse_valid("\n".join(lines)) == expected


@pytest.mark.parametrize("seed", SEEDS)
def test_trailing_whitespace_everywhere(seed):
    text = "\n".join(line + "  " for line in seed_lines(seed))
    assert parse_valid(text) == base(seed)


@pytest.mark.parametrize("seed", SEEDS)
def test_one_space_after_the_last_line(seed):
    # The seeds end without a line break: the space ends the health disclaimer's line.
    assert not seed_text(seed).endswith("\n")
    assert parse_valid(seed_text(seed) + " ") == base(seed)


def test_inner_whitespace_is_folded():
    text = seed_text("spec")
    text = text.replace(
        "Odborný směr:\tObchod a marketing", "Odborný směr:\t  Obchod\u00a0 a\u00a0marketing "
    )
    text = text.replace(
        "- Identifikace potřeb a požadavků zákazníka.",
        "-  Identifikace  potřeb a\u00a0požadavků zákazníka. ",
    )
    text = text.replace(
        "Pracovník distančního zákaznického servisu\n",
        "  Pracovník  distančního\u00a0zákaznického servisu \n",
        1,
    )
    assert parse_valid(text) == base("spec")


# --- optional sections absent ---------------------------------------------------------------


def _without_lines(seed, first, stop):
    """The seed without the lines from the one equal to/starting with `first` up to (not
    including) the one starting with `stop` (None: to the end)."""
    lines = seed_lines(seed)
    start = find_prefix(lines, first)
    end = len(lines) if stop is None else find_prefix(lines, stop)
    return "\n".join(remove_between(lines, start, end))


ABSENT = [
    # (id, seed, first line removed, first line kept, changes to the document)
    ("no-esco", "spec", "ESCO", "Pracovní podmínky", {"esco": []}),
    ("no-esco", "occ", "ESCO", "Pracovní podmínky", {"esco": []}),
    ("no-health-section", "spec", "Zdravotní podmínky", None, {"health_restrictions": []}),
    ("no-health-section", "occ", "Zdravotní podmínky", None, {"health_restrictions": []}),
    ("no-alternative-names", "occ", "Alternativní názvy:", "Regulovaná", {"alternative_names": []}),
    ("no-parent", "spec", "Nadřazené povolání:", "Příbuzné", {"parent": None}),
    ("no-related", "spec", "Příbuzné specializace:", "Regulovaná", {"related": []}),
    (
        "no-regulated",
        "spec",
        "Regulovaná jednotka práce:",
        "Pracovní činnosti",
        {"regulated": None},
    ),
    ("no-regulated", "occ", "Regulovaná jednotka práce:", "Pracovní činnosti", {"regulated": None}),
    ("no-subfield", "spec", "Odborný podsměr:", "Kvalifikační", {"subfield": None}),
    (
        "no-parent-related-regulated",
        "spec",
        "Nadřazené povolání:",
        "Pracovní činnosti",
        {"parent": None, "related": [], "regulated": None},
    ),
    ("no-activities", "spec", "Pracovní činnosti", "CZ-ISCO", {"activities": []}),
    ("no-isco", "spec", "CZ-ISCO", "Hrubé měsíční mzdy podle", {"isco": []}),
    (
        "no-regional-wages",
        "spec",
        "Hrubé měsíční mzdy podle",
        "Hrubé měsíční mzdy v roce",
        {"wages": []},
    ),
    (
        "no-regional-wages",
        "occ",
        "Hrubé měsíční mzdy podle",
        "Hrubé měsíční mzdy v roce",
        {"wages": []},
    ),
    ("no-national-wages", "spec", "Hrubé měsíční mzdy v roce", "ESCO", {"national_wages": []}),
    (
        "no-wages-at-all",
        "occ",
        "Hrubé měsíční mzdy podle",
        "ESCO",
        {"wages": [], "national_wages": []},
    ),
    (
        "no-work-conditions",
        "occ",
        "Pracovní podmínky",
        "Kvalifikace k výkonu",
        {"work_conditions": []},
    ),
    ("no-legend", "spec", "Legenda:", "Kvalifikace k výkonu", {}),
    ("no-education", "spec", "Kvalifikace k výkonu", "Kompetenční požadavky", {"education": []}),
    ("no-competences", "occ", "Kompetenční požadavky", "Zdravotní podmínky", {"competences": []}),
    (
        "no-health-disclaimer",
        "spec",
        "Přesné posouzení",
        None,
        {},
    ),
]


@pytest.mark.parametrize(
    ("seed", "first", "stop", "changes"),
    [case[1:] for case in ABSENT],
    ids=[f"{case[1]}-{case[0]}" for case in ABSENT],
)
def test_optional_section_absent(seed, first, stop, changes):
    expected = base(seed)
    expected.update(changes)
    assert parse_valid(_without_lines(seed, first, stop)) == expected


def test_one_of_two_repeated_section_tables_absent():
    """001 has two 'Digitální kompetence' tables; without the first, only its row goes."""
    lines = seed_lines("occ")
    starts = [i for i, line in enumerate(lines) if line == "Digitální kompetence"]
    assert len(starts) == 2
    # "Digitální kompetence", "", header, one row, "" -> 5 lines
    assert (
        lines[starts[0] + 3].startswith("1.1\t") and lines[starts[0] + 5] == "Digitální kompetence"
    )
    del lines[starts[0] : starts[0] + 5]
    expected = base("occ")
    expected["competences"] = [
        c
        for c in expected["competences"]
        if not (c["category"] == "digital" and c["code"] == "1.1")
    ]
    assert parse_valid("\n".join(lines)) == expected


def test_regulated_ano_is_true():
    text = seed_text("spec").replace(
        "Regulovaná jednotka práce:\tNe", "Regulovaná jednotka práce:\tAno"
    )
    expected = base("spec")
    expected["regulated"] = True
    assert parse_valid(text) == expected


# --- competence boundary levels are accepted ------------------------------------------------


BOUNDARY = [
    # (row prefix in 001, category, code, level)
    ("h14.Z.2121\t", "professional_skill", "h14.Z.2121", 8),
    ("h14.Z.2121\t", "professional_skill", "h14.Z.2121", 1),
    ("h13._.0020\t", "professional_knowledge", "h13._.0020", 8),
    ("h13._.0020\t", "professional_knowledge", "h13._.0020", 1),
    ("b01\t", "general_skill", "b01", 3),
    ("b01\t", "general_skill", "b01", 0),
    ("1.1\tProhlížení", "digital", "1.1", 4),
    ("1.1\tProhlížení", "digital", "1.1", 1),
    ("2.1\tKompetence k efektivní", "soft", "2.1", 5),
    ("2.1\tKompetence k efektivní", "soft", "2.1", 0),
]


@pytest.mark.parametrize(("prefix", "category", "code", "level"), BOUNDARY)
def test_competence_boundary_levels_are_accepted(prefix, category, code, level):
    lines = seed_lines("occ")
    index = find_prefix(lines, prefix)
    cells = lines[index].split("\t")
    cells[2] = str(level)
    lines[index] = "\t".join(cells)
    expected = base("occ")
    [row] = [c for c in expected["competences"] if c["category"] == category and c["code"] == code]
    row["level"] = level
    assert parse_valid("\n".join(lines)) == expected
