"""The parser's quick checks give the same result as its full checks.

The long tables (competences, work conditions, regional wages) take their common rows
through a quick check (a dictionary lookup or one regular expression) and leave every
other row to the full check, which knows what is wrong with it. These tests switch the
quick checks off and compare, and make sure the seeds' data rows really take them.
"""

import re
import sys
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nsp import parser
from nsp import vocabulary as vocab
from nsp.parser import ParseError, parse_profile

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "nsp").glob("*.txt"))


def full_checks_only():
    """Every quick check refuses every row, so that all rows take the full checks."""
    return mock.patch.multiple(
        parser,
        _SIX_AMOUNTS=re.compile(r"(?!)"),
        _LEVELS_MARKED={},
        _LEVEL_BY_CELL={key: {} for key in parser._LEVEL_BY_CELL},
    )


def outcome(text):
    try:
        return parse_profile(text)
    except ParseError as error:
        return ("error", error.line, error.reason)


def test_other_whitespace_is_all_whitespace_but_space_tab_and_line_breaks():
    everything = {chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()}
    assert set(parser._OTHER_WHITESPACE) == everything - set(" \t\n\r")
    assert len(parser._OTHER_WHITESPACE) == len(set(parser._OTHER_WHITESPACE))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_the_seeds_data_rows_take_the_quick_checks(seed):
    """A full check that reads a data row means the quick check missed a common row:
    still correct, but slow. The full checks return the row's values (None for a header)."""
    taken = []

    def returning_a_row(full_check):
        def check(self, number, cells, *args):
            result = full_check(self, number, cells, *args)
            if result is not None:
                taken.append((full_check.__name__, number))
            return result

        return check

    section_parser = parser._SectionParser
    with mock.patch.multiple(
        section_parser,
        **{
            name: returning_a_row(getattr(section_parser, name))
            for name in ("check_competence", "check_work_condition", "check_wage_line")
        },
    ):
        document = parse_profile(seed.read_bytes())
    assert document["competences"] and document["work_conditions"] and document["wages"]
    assert taken == []


@pytest.mark.parametrize("seed", SEEDS, ids=lambda path: path.name)
def test_full_checks_alone_give_the_same_document(seed):
    quick = parse_profile(seed.read_bytes())
    with full_checks_only():
        assert parse_profile(seed.read_bytes()) == quick


# Cells that bring a row to the edge of the quick checks, by the table it is in.
EDGE_CELLS = {
    "wage": [
        "-",
        "",
        "5 Kč",
        "5Kč",
        "12 345",
        "12345 Kč",
        "1 2345 Kč",
        "999 999 999 Kč",
        "1 000 000 000 Kč",
        "99 999 999 999 Kč",
        "70 000 Kč",
        "Kč",
    ],
    "competence": [
        "0",
        "1",
        "08",
        "8",
        "9",
        "-1",
        "x",
        "",
        "Kód",
        "Název",
        "CompetenceSuitabilityEnum.1",
        "CompetenceSuitabilityEnum.12",
        "CompetenceSuitabilityEnum.0",
        "CompetenceSuitabilityEnum.",
    ],
    "condition": ["x", "X", "", " x", "xx", "-", "1", "Název"],
}


def table_rows(lines):
    """The indexes of the data rows of each long table."""
    rows = {kind: [] for kind in EDGE_CELLS}
    for index, line in enumerate(lines):
        cells = line.split("\t")
        if cells[0] in vocab.REGION_BY_NAME:
            rows["wage"].append(index)
        elif len(cells) in (3, 4) and cells[2].isdigit():
            rows["competence"].append(index)
        elif "x" in cells[1:]:
            rows["condition"].append(index)
    return rows


@st.composite
def edited_rows(draw):
    """A seed with some rows of its long tables edited: other amounts, levels, marks and
    suitabilities, cells added or lost, rows repeated."""
    lines = draw(st.sampled_from(SEEDS)).read_text(encoding="utf-8").split("\n")
    rows = table_rows(lines)
    for _ in range(draw(st.integers(min_value=1, max_value=3))):
        kind = draw(st.sampled_from(sorted(rows)))
        index = draw(st.sampled_from(rows[kind]))
        cells = lines[index].split("\t")
        action = draw(
            st.sampled_from(["replace", "replace", "replace", "insert", "drop", "repeat"])
        )
        position = draw(st.integers(min_value=0, max_value=len(cells) - 1))
        cell = st.sampled_from(EDGE_CELLS[kind])
        if action == "replace":
            cells[position] = draw(cell)
        elif action == "insert":
            cells.insert(position, draw(cell))
        elif action == "drop":
            del cells[position]
        else:
            lines[index + 1 : index + 1] = [lines[index]]
        lines[index] = "\t".join(cells)
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(edited_rows())
def test_quick_and_full_checks_agree_on_edited_rows(text):
    quick = outcome(text)
    with full_checks_only():
        assert outcome(text) == quick


# Rows next to a table's header that only the full checks read right.
EDGE_ROWS = [
    ("Kód\tNázev\tÚroveň 1-8\tVhodnost", "Kód\tNázev\t5\tCompetenceSuitabilityEnum.2"),
    ("Kód\tNázev\tÚroveň 0-3", "Kód\tNázev\t2"),
    ("Kód\tNázev\tÚroveň 0-3", "Kód\tPočítačová způsobilost\t2"),
    ("Název\t1\t2\t3\t4", "Název\tx"),
]


@pytest.mark.parametrize(("header", "row"), EDGE_ROWS)
def test_quick_and_full_checks_agree_on_rows_below_a_header(header, row):
    text = SEEDS[0].read_text(encoding="utf-8")
    assert header in text
    text = text.replace(header, f"{header}\n{row}", 1)
    quick = outcome(text)
    with full_checks_only():
        assert outcome(text) == quick
