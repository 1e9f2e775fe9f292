"""Bad NSP exports: each class of defect gives a ParseError at the line of the defect.

Each bad input is built from a seed export by putting one defect into its text; the
expected line number is computed from where the defect was put (1-based; 1 when the
problem concerns the whole file), and the reason must mention the key fact (usually the
bad value). Finally, random mutations of the seeds must give a document or a ParseError,
never any other exception.
"""

import json
import random
import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from nsp.parser import ParseError, parse_profile

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "fixtures" / "nsp"
SPEC = FIXTURES / "000_361cb8b8ad03747c.txt"  # NSP 102742, specialization
OCC = FIXTURES / "001_4016ebdf744176cf.txt"  # NSP 103332, occupation
SEEDS = {"spec": SPEC, "occ": OCC}
VALIDATOR = Draft202012Validator(
    json.loads((ROOT / "nsp" / "nsp-profile.schema.json").read_text("utf-8"))
)


# --- helpers -----------------------------------------------------------------------------


def lines_of(seed):
    return SEEDS[seed].read_text("utf-8").split("\n")


def find(lines, text):
    hits = [i for i, line in enumerate(lines) if line == text]
    assert len(hits) == 1, f"{text!r} occurs {len(hits)} times"
    return hits[0]


def find_prefix(lines, prefix):
    hits = [i for i, line in enumerate(lines) if line.startswith(prefix)]
    assert len(hits) == 1, f"{prefix!r} starts {len(hits)} lines"
    return hits[0]


def find_seq(lines, seq):
    hits = [i for i in range(len(lines) - len(seq) + 1) if lines[i : i + len(seq)] == seq]
    assert len(hits) == 1, f"{seq!r} occurs {len(hits)} times"
    return hits[0]


def parse_error(data):
    with pytest.raises(ParseError) as info:
        parse_profile(data)
    error = info.value
    assert isinstance(error.line, int)
    assert isinstance(error.reason, str) and error.reason
    return error


def assert_error(data, line, *words):
    """ParseError at exactly `line` whose reason contains every one of `words`."""
    error = parse_error(data)
    assert error.line == line, f"line {error.line}, expected {line}: {error.reason}"
    for word in words:
        assert word in error.reason, f"{word!r} not in reason {error.reason!r}"
    return error


def edit_line(seed, prefix, new):
    """(text, 1-based line number) with the only line starting with `prefix` replaced by
    `new` (a string, or a function of the old line)."""
    lines = lines_of(seed)
    index = find_prefix(lines, prefix)
    lines[index] = new(lines[index]) if callable(new) else new
    return "\n".join(lines), index + 1


def insert_after(seed, prefix, new_lines, bad):
    """(text, 1-based number of the inserted line equal to `bad`)."""
    lines = lines_of(seed)
    index = find_prefix(lines, prefix)
    lines[index + 1 : index + 1] = new_lines
    return "\n".join(lines), index + 2 + new_lines.index(bad)


def set_cell(line, column, value):
    cells = line.split("\t")
    cells[column] = value
    return "\t".join(cells)


# --- not text, not UTF-8 ------------------------------------------------------------------


def test_latin1_text_without_czech_markers():
    data = b"Report\nDraft\n" + "Café crème brûlée à la carte\n".encode("latin-1") + b"end\n"
    assert_error(data, 3, "UTF-8")


def test_random_high_bytes_on_the_first_line():
    rng = random.Random(20240501)
    data = bytes([0xFF]) + bytes(rng.randrange(0x80, 0x100) for _ in range(400))
    error = parse_error(data)
    assert error.line == 1
    assert "UTF-8" in error.reason


def test_random_high_bytes_after_ascii_lines():
    rng = random.Random(7)
    ascii_part = b"Nazev\n\nPopis bez diakritiky\n\nOdborny smer:\tx\n"
    data = ascii_part + b"\xff" + bytes(rng.randrange(0x80, 0x100) for _ in range(200)) + b"\n"
    # The first bad byte (0xff, never valid UTF-8) is on line 6.
    assert_error(data, ascii_part.count(b"\n") + 1, "UTF-8")


@pytest.mark.parametrize("seed", SEEDS)
def test_utf8_export_with_one_windows_1250_byte(seed):
    """A UTF-8 file is not Windows-1250 either (its 'Ř' is C5 98, and 0x98 is undefined in
    Windows-1250); the error is at the line of the stray byte."""
    lines = lines_of(seed)
    index = find_prefix(lines, "Odborný směr:")
    raw = [line.encode("utf-8") for line in lines]
    raw[index] = raw[index] + " zákaznický".encode("cp1250")
    data = b"\n".join(raw)
    assert b"\xc5\x98" in data  # 'Ř'
    assert_error(data, index + 1, "UTF-8")


@pytest.mark.parametrize(
    "data",
    [
        SPEC.read_text("utf-8").encode("utf-16"),
        SPEC.read_text("utf-8").encode("utf-16-le"),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00\x00\x00\x01\x00\x08\x06",
        b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)),
    ],
    ids=["utf-16", "utf-16-le", "png", "zip"],
)
def test_binary_with_nul_bytes(data):
    assert b"\x00" in data
    assert_error(data, 1)


# --- empty --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n\t\n  \r\n ",
        b"\n\n\n",
        b"\xef\xbb\xbf",
        b"\xef\xbb\xbf\n \n",
        "",
        " \n\t\n",
        "\ufeff",
        "\ufeff\r\n\r\n",
    ],
    ids=[
        "0-bytes",
        "whitespace",
        "newlines",
        "bom",
        "bom-whitespace",
        "str-empty",
        "str-whitespace",
        "str-bom",
        "str-bom-crlf",
    ],
)
def test_empty_file(data):
    error = assert_error(data, 1)
    # The key fact: there is nothing in the file.
    assert "empty" in error.reason.lower() or "no profile text" in error.reason, error.reason


# --- the identity: page-break blocks ----------------------------------------------------------


BLOCKS = {
    "spec": [["Typ JP\tID", "WorkUnitTypeEnum.2\t102742"], ["WorkUnitTypeEnum.2", "", "102742"]],
    "occ": [
        ["WorkUnitTypeEnum.1", "", "103332"],
        ["Typ JP\tID\t\t\t", "WorkUnitTypeEnum.1\t103332\t\t\t"],
    ],
}


def with_block(seed, which, new_block):
    """(text, 1-based number of the first line of the new block)."""
    lines = lines_of(seed)
    block = BLOCKS[seed][which]
    start = find_seq(lines, block)
    lines[start : start + len(block)] = new_block
    return "\n".join(lines), start + 1


@pytest.mark.parametrize("seed", SEEDS)
def test_no_id_when_every_page_break_block_is_removed(seed):
    lines = lines_of(seed)
    for block in BLOCKS[seed]:
        start = find_seq(lines, block)
        del lines[start : start + len(block)]
    error = assert_error("\n".join(lines), 1)
    assert re.search(r"\bid\b|\bID\b|Typ JP", error.reason), error.reason


def test_conflicting_id_in_a_one_line_block():
    text, line = with_block("spec", 1, ["WorkUnitTypeEnum.2\t102743"])
    assert_error(text, line, "102743")


def test_conflicting_id_in_a_header_block():
    text, line = with_block("spec", 1, ["Typ JP\tID", "WorkUnitTypeEnum.2\t102743"])
    error = assert_error(text, line + 1, "102743")  # the line that holds the id (and type)
    assert "102742" in error.reason


@pytest.mark.parametrize(
    ("seed", "block", "bad"),
    [
        ("spec", ["WorkUnitTypeEnum.2", "", "102743"], "102743"),
        ("spec", ["Typ JP", "ID", "WorkUnitTypeEnum.2", "102743"], "102743"),
        ("occ", ["Typ JP\tID\t\t\t", "WorkUnitTypeEnum.1\t103334\t\t\t"], "103334"),
    ],
    ids=["spec-separate-lines", "spec-four-lines", "occ-trailing-tabs"],
)
def test_conflicting_id_in_a_multi_line_block(seed, block, bad):
    """The second block spans several lines: the error is on one of them."""
    text, first = with_block(seed, 1, block)
    error = parse_error(text)
    assert first <= error.line < first + len(block), (error.line, first, error.reason)
    assert bad in error.reason


def test_conflicting_type_in_a_one_line_block():
    text, line = with_block("spec", 1, ["WorkUnitTypeEnum.1\t102742"])
    error = assert_error(text, line)
    assert any(w in error.reason for w in ("occupation", "WorkUnitTypeEnum.1", "Povolání"))


def test_conflicting_type_written_as_a_word():
    text, line = with_block("spec", 1, ["Povolání\t102742"])
    error = assert_error(text, line)
    assert any(w in error.reason for w in ("occupation", "Povolání"))


@pytest.mark.parametrize(
    ("seed", "block"),
    [
        ("occ", ["Typ JP\tID\t\t\t", "WorkUnitTypeEnum.2\t103332\t\t\t"]),
        ("spec", ["Povolání", "", "102742"]),
    ],
    ids=["occ-enum", "spec-word"],
)
def test_conflicting_type_in_a_multi_line_block(seed, block):
    text, first = with_block(seed, 1, block)
    error = parse_error(text)
    assert first <= error.line < first + len(block), (error.line, first, error.reason)
    assert any(
        w in error.reason for w in ("occupation", "specialization", "WorkUnitTypeEnum", "Povolání")
    )


@pytest.mark.parametrize(
    ("seed", "which", "block", "bad"),
    [
        ("spec", 0, ["Typ JP\tID", "WorkUnitTypeEnum.7\t102742"], "WorkUnitTypeEnum.7"),
        ("spec", 1, ["WorkUnitTypeEnum.7", "", "102742"], "WorkUnitTypeEnum.7"),
        ("occ", 0, ["WorkUnitTypeEnum.7", "", "103332"], "WorkUnitTypeEnum.7"),
        ("occ", 1, ["Typ JP\tID\t\t\t", "WorkUnitTypeEnum.7\t103332\t\t\t"], "WorkUnitTypeEnum.7"),
        ("spec", 0, ["Typ JP\tID", "Profese\t102742"], "Profese"),
        ("spec", 0, ["Typ JP\tID", "Profese", "", "102742"], "Profese"),
        ("spec", 0, ["Typ JP", "ID", "Profese", "102742"], "Profese"),
        ("occ", 1, ["Typ JP\tID\t\t\t", "Profese\t103332\t\t\t"], "Profese"),
    ],
)
def test_unknown_work_unit_type(seed, which, block, bad):
    text, first = with_block(seed, which, block)
    offset = next(i for i, line in enumerate(block) if line.startswith(bad))
    assert_error(text, first + offset, bad)


# --- wages --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "prefix", "column", "bad"),
    [
        ("spec", "Hlavní město Praha\t", 2, "42 29x Kč"),
        ("spec", "Středočeský kraj\t", 1, "abc"),
        ("spec", "Zlínský kraj\t", 6, "abc"),  # after the page break, Platová sféra
        ("occ", "Hlavní město Praha\t", 5, "6e4 Kč"),
        ("occ", "Moravskoslezský kraj\t", 3, "136 12O Kč"),
    ],
)
def test_regional_amount_that_is_not_a_number(seed, prefix, column, bad):
    text, line = edit_line(seed, prefix, lambda old: set_cell(old, column, bad))
    assert_error(text, line, bad)


@pytest.mark.parametrize(
    ("seed", "prefix", "column", "bad"),
    [
        ("spec", "4222\tPracovníci v zákaznických kontaktních centrech\t37", 2, "abc"),
        ("spec", "4222\tPracovníci v zákaznických kontaktních centrech\t37", 3, "35 77x Kč"),
        ("occ", "1221\tŘídící", 2, "74 54x Kč"),
        ("occ", "12214\t", 3, "abc"),
    ],
)
def test_national_amount_that_is_not_a_number(seed, prefix, column, bad):
    text, line = edit_line(seed, prefix, lambda old: set_cell(old, column, bad))
    assert_error(text, line, bad)


@pytest.mark.parametrize(
    ("seed", "prefix", "edit"),
    [
        ("spec", "Hlavní město Praha\t", lambda old: old.rsplit("\t", 1)[0]),  # 5 amounts
        ("spec", "Jihomoravský kraj\t", lambda old: "\t".join(old.split("\t")[:4])),  # 3
        ("occ", "Kraj Vysočina\t", lambda old: "\t".join(old.split("\t")[:4])),
        ("occ", "Olomoucký kraj\t", lambda old: old.split("\t")[0]),  # region only
        ("spec", "Plzeňský kraj\t", lambda old: set_cell(old, 2, "")),  # empty middle cell
        ("occ", "Hlavní město Praha\t", lambda old: set_cell(old, 4, "")),
        ("occ", "Pardubický kraj\t", lambda old: set_cell(old, 1, "")),
    ],
    ids=[
        "5-amounts",
        "3-amounts",
        "3-amounts-occ",
        "region-only",
        "empty-middle",
        "empty-public-low",
        "empty-first",
    ],
)
def test_wage_row_with_missing_cells(seed, prefix, edit):
    text, line = edit_line(seed, prefix, edit)
    region = prefix.rstrip("\t")
    assert_error(text, line, region)


@pytest.mark.parametrize(
    ("seed", "prefix", "bad"),
    [
        ("spec", "Hlavní město Praha\t", "Bavorsko"),
        ("spec", "Zlínský kraj\t", "Zlinsky kraj"),  # after the page break
        ("occ", "Kraj Vysočina\t", "Kraj Vysocina"),
        ("occ", "Ústecký kraj\t", "Praha-západ"),
    ],
)
def test_unknown_region(seed, prefix, bad):
    text, line = edit_line(seed, prefix, lambda old: set_cell(old, 0, bad))
    assert_error(text, line, bad)


@pytest.mark.parametrize(
    ("seed", "block", "first_row", "year"),
    [
        ("spec", BLOCKS["spec"][0], "Jihomoravský kraj\t", 2022),
        ("occ", BLOCKS["occ"][0], "Kraj Vysočina\t", 2019),
    ],
)
def test_wage_heading_of_another_year_after_a_page_break_needs_its_group_line(
    seed, block, first_row, year
):
    """Rows under a heading of another year are another table: without their
    'NAME (CZ-ISCO CODE)' line they belong to none."""
    lines = lines_of(seed)
    index = find_seq(lines, block) + len(block)
    lines[index:index] = ["", f"Hrubé měsíční mzdy podle krajů v roce {year}"]
    text = "\n".join(lines)
    assert_error(text, find_prefix(lines, first_row) + 1, "CZ-ISCO CODE")


# --- competences ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "level"),
    [
        ("h14.Z.2121\t", 9),  # Odborné dovednosti 1-8
        ("h14.Z.2121\t", 0),
        ("h13._.0020\t", 9),  # Odborné znalosti 1-8
        ("h13._.0020\t", 0),
        ("b01\t", 4),  # Obecné dovednosti 0-3
        ("b07\t", 9),
        ("1.1\tProhlížení", 0),  # Digitální kompetence 1-4
        ("1.1\tProhlížení", 5),
        ("5.4\tIdentifikace", 0),
        ("2.1\tKompetence k efektivní", 6),  # Měkké kompetence 0-5
        ("4.6\tKompetence k výkonnosti", 6),
    ],
)
def test_competence_level_outside_the_scale(prefix, level):
    text, line = edit_line("occ", prefix, lambda old: set_cell(old, 2, str(level)))
    error = assert_error(text, line)
    assert re.search(rf"(?<![\d.]){level}(?![\d.])", error.reason), error.reason


@pytest.mark.parametrize(
    ("prefix", "level"),
    [("h13.D.5241\t", "9"), ("b05\t", "4"), ("2.3\tKompetence k orientaci", "6"), ("b01\t", "x")],
)
def test_competence_level_outside_the_scale_spec(prefix, level):
    text, line = edit_line("spec", prefix, lambda old: set_cell(old, 2, level))
    assert_error(text, line, level)


# --- work conditions ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "prefix"),
    [
        ("spec", "Zraková zátěž\t"),
        ("spec", "Pracovní doba, směnnost\t"),  # after the page break
        ("occ", "Práce ve výškách\t"),
    ],
)
@pytest.mark.parametrize("empty", ["\t\t\t\t", "", "\t\t"])
def test_work_condition_row_without_x(seed, prefix, empty):
    name = prefix.rstrip("\t")
    text, line = edit_line(seed, prefix, name + empty)
    assert_error(text, line, name)


# --- lines that belong to no section ------------------------------------------------------


STRAY = "Toto je zbloudilá věta, která nepatří do žádného oddílu."


@pytest.mark.parametrize(
    ("seed", "prefix", "new_lines"),
    [
        ("spec", "4222\tPracovníci v zákaznických kontaktních centrech\thttp", [STRAY]),
        ("spec", "4222\tPracovníci v zákaznických kontaktních centrech\thttp", ["", STRAY]),
        ("occ", "1221\tVedoucí a ", ["", STRAY, ""]),
        ("spec", "Kompetenční požadavky", ["", STRAY]),
        ("occ", "Kompetenční požadavky", [STRAY]),
        ("spec", "Kvalifikace k výkonu povolání", ["", STRAY]),
        ("occ", "Zdravotní podmínky", ["", STRAY]),
    ],
    ids=[
        "after-esco-row",
        "after-esco-blank",
        "after-esco-occ",
        "after-kompetencni",
        "after-kompetencni-occ",
        "after-kvalifikace",
        "after-zdravotni",
    ],
)
def test_line_that_belongs_to_no_section(seed, prefix, new_lines):
    text, line = insert_after(seed, prefix, new_lines, STRAY)
    assert_error(text, line, "zbloudilá")


# --- header block ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("seed", "prefix"), [("spec", "Odborný podsměr:"), ("occ", "Alternativní názvy:")]
)
def test_unknown_label(seed, prefix):
    text, line = insert_after(seed, prefix, ["Něco:\tx"], "Něco:\tx")
    assert_error(text, line, "Něco")


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("value", ["Možná", "Ano/Ne", "1"])
def test_regulated_other_than_ano_or_ne(seed, value):
    text, line = edit_line(
        seed, "Regulovaná jednotka práce:", f"Regulovaná jednotka práce:\t{value}"
    )
    assert_error(text, line, value)


# --- line numbers count lines of the file, whatever the line endings and encoding -----------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),
        lambda t: t.replace("\n", "\r").encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("cp1250"),
        lambda t: t.replace("\n", "\r\n").encode("iso-8859-2"),
    ],
    ids=["crlf", "cr", "bom", "cp1250", "iso-8859-2-crlf"],
)
def test_line_numbers_with_other_line_endings_and_encodings(encode):
    text, line = edit_line("spec", "Hlavní město Praha\t", lambda old: set_cell(old, 2, "abc"))
    assert_error(encode(text), line, "abc")
    text, line = insert_after("occ", "Kompetenční požadavky", ["", STRAY], STRAY)
    assert_error(encode(text), line, "zbloudilá")


# --- robustness: nothing but a document or a ParseError --------------------------------------


def _mutations(seed):
    data = SEEDS[seed].read_bytes()
    lines = data.split(b"\n")
    rng = random.Random(f"nsp-{seed}")
    sample = sorted(set(range(0, len(lines), 9)) | set(rng.sample(range(len(lines)), 12)))
    for i in sample:
        yield f"drop line {i + 1}", b"\n".join(lines[:i] + lines[i + 1 :])
        yield f"duplicate line {i + 1}", b"\n".join(lines[: i + 1] + lines[i:])
    cuts = sorted(set(range(1, len(data), 509)) | set(rng.sample(range(1, len(data)), 10)))
    for k in cuts:
        yield f"truncate at byte {k}", data[:k]
    for _ in range(10):
        i, j = sorted(rng.sample(range(len(lines)), 2))
        swapped = lines[:]
        swapped[i], swapped[j] = swapped[j], swapped[i]
        yield f"swap lines {i + 1} and {j + 1}", b"\n".join(swapped)
    for _ in range(10):
        k = rng.randrange(len(data))
        yield (
            f"byte {k} set to 0x{data[k] ^ 0x20:02x}",
            data[:k] + bytes([data[k] ^ 0x20]) + data[k + 1 :],
        )


@pytest.mark.parametrize("seed", SEEDS)
def test_random_mutations_give_a_document_or_a_parse_error(seed):
    problems = []
    count = 0
    for what, data in _mutations(seed):
        count += 1
        try:
            document = parse_profile(data)
        except ParseError as error:
            number_of_lines = len(re.split(rb"\r\n|\r|\n", data))
            if not (isinstance(error.line, int) and 1 <= error.line <= number_of_lines):
                problems.append(
                    f"{what}: ParseError line {error.line!r} outside 1..{number_of_lines}"
                )
            if not (isinstance(error.reason, str) and error.reason):
                problems.append(f"{what}: ParseError without a reason")
        except Exception as error:  # any other exception is the failure under test
            problems.append(f"{what}: {type(error).__name__}: {error}")
        else:
            if not isinstance(document, dict):
                problems.append(f"{what}: returned {type(document).__name__}")
            else:
                problems.extend(
                    f"{what}: schema: {list(e.absolute_path)}: {e.message}"
                    for e in VALIDATOR.iter_errors(document)
                )
    assert count > 60
    assert not problems, "\n".join(problems)


# --- rules the database also enforces: the parser refuses them first, with a line -------


def _seed_with(old, new):
    text = (FIXTURES / "000_361cb8b8ad03747c.txt").read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    line = next(n for n, row in enumerate(text.split("\n"), start=1) if new.split("\n")[0] in row)
    return text, line


def test_a_qualification_level_listed_twice():
    text, line = _seed_with(
        "Střední vzdělání s maturitní zkouškou; Střední",
        "Střední vzdělání s maturitní zkouškou; Střední vzdělání s maturitní zkouškou; Střední",
    )
    with pytest.raises(ParseError) as error:
        parse_profile(text)
    assert error.value.line == line
    assert "listed twice" in error.value.reason


@pytest.mark.parametrize(
    "row",
    [
        "Plzeňský kraj\t50 360 Kč\t50 359 Kč\t62 941 Kč\t-\t-\t-",  # Od above Medián
        "Plzeňský kraj\t34 478 Kč\t50 359 Kč\t40 000 Kč\t-\t-\t-",  # Do below Medián
        "Plzeňský kraj\t34 478 Kč\t-\t30 000 Kč\t-\t-\t-",  # Do below Od
    ],
)
def test_wage_figures_out_of_order(row):
    text, line = _seed_with("Plzeňský kraj\t34 478 Kč\t50 359 Kč\t62 941 Kč\t-\t-\t-", row)
    with pytest.raises(ParseError) as error:
        parse_profile(text)
    assert error.value.line == line
    assert "Od ≤ Medián ≤ Do" in error.value.reason


NATIONAL_ROW = "4222\tPracovníci v zákaznických kontaktních centrech\t37"


@pytest.mark.parametrize(
    ("old", "new", "word"),
    [
        ("krajů v roce 2023", "krajů v roce 1023", "year"),
        ("CompetenceSuitabilityEnum.2", "CompetenceSuitabilityEnum.0", "suitability"),
        (NATIONAL_ROW, "422200\tPracovníci\t37", "CZ-ISCO"),
        ("Praha\t30 761 Kč", "Praha\t3 000 000 000 Kč", "plausible"),
        ("WorkUnitTypeEnum.2\t102742", "WorkUnitTypeEnum.2\t9999999999", "id"),
    ],
)  # fmt: skip
def test_values_the_database_could_not_hold(old, new, word):
    text, line = _seed_with(old, new)
    with pytest.raises(ParseError) as error:
        parse_profile(text)
    assert error.value.line == line
    assert word in error.value.reason


# --- no line is silently taken for the continuation of the one above ------------------------
# The exports write every item, label value and legend text on one line (the seeds' longest
# lines run to 250 characters), so a line that is neither a new item nor a known text is an
# error at that line, not the second half of the line above.


@pytest.mark.parametrize(
    ("seed", "prefix"),
    [("spec", "Odborný podsměr:"), ("occ", "Alternativní názvy:"), ("spec", "Regulovaná")],
)
def test_label_without_a_tab_after_a_label_is_an_unknown_label(seed, prefix):
    text, line = insert_after(seed, prefix, ["Poznámka: něco"], "Poznámka: něco")
    assert_error(text, line, "unknown label", "Poznámka")


@pytest.mark.parametrize(
    ("seed", "prefix", "bad"),
    [
        ("spec", "Příbuzné specializace:", "Vedoucí směny kontaktního centra"),
        ("spec", "Odborný podsměr:", "a telemarketing"),
        ("occ", "Kvalifikační úroveň:", "Manažer call centra"),
        ("spec", "- Poruchy chování", "Poruchy spánku"),
        ("occ", "- Poruchy vidění", "a sluchu"),
        ("spec", "- Aplikace změn", "a jejich vyhodnocení."),
        ("occ", "- Udržování a rozvoj", STRAY),
        ("spec", "Přesné posouzení", STRAY),
        ("occ", "Přesné posouzení", "Posouzení provede lékař."),
        ("spec", "Faktor se při výkonu", STRAY),
        ("occ", "Úroveň zátěže vysoce", STRAY),
        ("spec", "- 2. Stupeň", STRAY),
    ],
    ids=[
        "after-related-label",
        "after-subfield-label",
        "after-qualification-label-occ",
        "after-health-item",
        "after-health-item-occ",
        "after-activity",
        "after-activity-occ",
        "after-disclaimer",
        "after-disclaimer-occ",
        "after-legend-description",
        "after-last-legend-description-occ",
        "between-legend-title-and-description",
    ],
)
def test_line_is_not_a_continuation_of_the_line_above(seed, prefix, bad):
    text, line = insert_after(seed, prefix, [bad], bad)
    assert_error(text, line, bad[:40])


LEGEND_2 = "- 2. Stupeň zátěže (únosná míra zdravotního rizika)"
LEGEND_2_TEXT = "Ze zdravotního hlediska je míra zátěže faktorem únosná, nepřekračuje"
LEGEND_1_TEXT = (
    "Faktor se při výkonu práce nevyskytuje nebo je zátěž faktorem minimální, vliv faktoru je "
    "ze zdravotního hlediska nevýznamný."
)


@pytest.mark.parametrize(
    ("seed", "prefix", "edit"),
    [
        ("spec", LEGEND_2, lambda old: old.replace("únosná", "nízká")),
        ("spec", LEGEND_2, lambda old: old.replace("2.", "5.")),
        ("spec", LEGEND_2, lambda old: old.replace("2.", "3.")),  # the title of level 2
        ("occ", "- 4. *Stupeň", lambda old: old.replace("vysoká", "extrémní")),
        ("spec", LEGEND_2_TEXT, lambda old: old.replace("únosná", "přijatelná")),
        ("occ", LEGEND_2_TEXT, lambda old: old[:60]),
        # the description of level 1 under the title of level 2
        ("spec", LEGEND_2_TEXT, lambda old: LEGEND_1_TEXT),
        ("spec", "Přesné posouzení", lambda old: old.replace("s lékařem", "s psychologem")),
        ("occ", "Přesné posouzení", lambda old: old.removesuffix(".")),
    ],
    ids=[
        "legend-title",
        "legend-level-5",
        "legend-level-and-title-differ",
        "legend-title-with-stars",
        "legend-description",
        "legend-description-cut",
        "legend-description-of-another-level",
        "disclaimer",
        "disclaimer-without-full-stop",
    ],
)  # fmt: skip
def test_legend_and_health_disclaimer_must_be_the_nsp_texts(seed, prefix, edit):
    text, line = edit_line(seed, prefix, edit)
    new = text.split("\n")[line - 1]
    assert_error(text, line, new[:40])


# --- competence rows have exactly their section's columns -----------------------------------


@pytest.mark.parametrize(
    ("seed", "prefix", "section"),
    [
        ("spec", "h13.D.5241\t", "Odborné dovednosti"),
        ("spec", "i41._.0016\t", "Odborné znalosti"),  # last row before the levels note
        ("occ", "h13._.0020\t", "Odborné znalosti"),
    ],
)
@pytest.mark.parametrize("empty", ["", "\t"])
def test_professional_competence_without_suitability(seed, prefix, section, empty):
    text, line = edit_line(seed, prefix, lambda old: old.rsplit("\t", 1)[0] + empty)
    code = prefix.rstrip("\t")
    assert_error(text, line, section, code, "suitability")


@pytest.mark.parametrize(
    ("seed", "prefix", "section"),
    [
        ("spec", "b03\t", "Obecné dovednosti"),
        ("spec", "2.1\tKompetence k efektivní", "Měkké kompetence"),
        ("occ", "1.1\tProhlížení", "Digitální kompetence"),
    ],
)
def test_suitability_in_a_section_without_that_column(seed, prefix, section):
    text, line = edit_line(seed, prefix, lambda old: old + "\tCompetenceSuitabilityEnum.2")
    assert_error(text, line, section, "CompetenceSuitabilityEnum.2", "'Vhodnost'")


# --- numbers are ASCII digits only -----------------------------------------------------------
# Python's \d and int() accept every Unicode digit; the schema's codes are [0-9] and the
# database stores what the parser returns.

ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@pytest.mark.parametrize(
    ("seed", "prefix", "old", "digits"),
    [
        ("spec", "- 42220 - ", "42220", ARABIC_INDIC),  # CZ-ISCO list
        ("occ", "- 1221 - ", "1221", FULLWIDTH),
        ("spec", "Pracovníci v zákaznických kontaktních centrech (CZ-ISCO", "4222", ARABIC_INDIC),
        ("spec", "4222\tPracovníci v zákaznických kontaktních centrech\t37", "4222", FULLWIDTH),
        ("occ", "12214\t", "12214", ARABIC_INDIC),  # national wage row
        ("spec", "Hlavní město Praha\t", "30 761", ARABIC_INDIC),  # amount
        ("occ", "1221\tŘídící", "74 546", FULLWIDTH),
        ("spec", "Hrubé měsíční mzdy podle krajů", "2023", ARABIC_INDIC),  # year
        ("occ", "Hrubé měsíční mzdy v roce", "2020", FULLWIDTH),
    ],
)  # fmt: skip
def test_non_ascii_digits_are_refused(seed, prefix, old, digits):
    text, line = edit_line(seed, prefix, lambda line: line.replace(old, old.translate(digits), 1))
    assert old.translate(digits) in text.split("\n")[line - 1]
    error = parse_error(text)
    assert error.line == line, (error.line, line, error.reason)


@pytest.mark.parametrize(
    ("seed", "which", "block"),
    [
        ("spec", 0, ["Typ JP\tID", "WorkUnitTypeEnum.2\t" + "102742".translate(ARABIC_INDIC)]),
        ("spec", 1, ["WorkUnitTypeEnum.2", "", "102742".translate(FULLWIDTH)]),
        (
            "occ",
            1,
            ["Typ JP\tID\t\t\t", f"WorkUnitTypeEnum.1\t{'103332'.translate(FULLWIDTH)}\t\t"],
        ),
    ],
)
def test_non_ascii_digits_in_the_work_unit_id(seed, which, block):
    text, first = with_block(seed, which, block)
    error = parse_error(text)
    assert first <= error.line < first + len(block), (error.line, first, error.reason)
