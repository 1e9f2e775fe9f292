"""Parse one NSP profile text export into the profile document of nsp-profile.schema.json.

The export is a tab-separated rendering of the NSP web page, broken into pages. A page
break leaves a block with the work-unit type and id ("Typ JP / ID", then e.g.
"WorkUnitTypeEnum.2 102742", on one line or spread over several) and often repeats the
header of the table it interrupts. The parser works in two passes:

1. it removes the page-break blocks, reading the id and type from them;
2. it walks the remaining lines with a small state machine, one state per section.

Every problem is reported as a ParseError carrying the 1-based line number in the file,
so that `parse_nsp` can print `PATH:LINE: reason`. Pure Python: no Django import.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import compress, count, product, repeat
from pathlib import Path

from nsp import vocabulary as vocab
from nsp.messages import Message
from nsp.messages import gettext_noop as _

# The contract this parser fulfils; the API serves it too.
SCHEMA_PATH = Path(__file__).with_name("nsp-profile.schema.json")


class ParseError(ValueError):
    """A profile text that cannot be read. `line` is 1 when it concerns the whole file;
    `message` says why (a Message, so the admin can show it translated)."""

    def __init__(self, line, template, **params):
        self.line = line
        self.message = Message(template, **params)
        self.reason = str(self.message)
        super().__init__(f"{line}: {self.reason}")


# --- decoding ---------------------------------------------------------------------------

_CZECH_LETTERS = frozenset("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ")
# Words every export contains; a legacy decoding is only trusted when it yields them.
_MARKERS = ("Pracovní činnosti", "Odborný směr", "Kompetenční požadavky", "Typ JP")


def decode(data):
    """Return the text of an export given as bytes: UTF-8 (with or without a byte-order
    mark), or Windows-1250 / ISO-8859-2 when that is certain."""
    if not data.strip():
        raise ParseError(1, _("the file is empty"))
    if b"\x00" in data:
        raise ParseError(1, _("not a text file: it contains NUL bytes"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        text = _decode_legacy(data)
        if text is not None:
            return text
        line = data.count(b"\n", 0, error.start) + 1
        raise ParseError(
            line,
            _(
                "not UTF-8 text (byte 0x%(byte)02x), "
                "nor recognisable Windows-1250 or ISO-8859-2 Czech text"
            ),
            byte=data[error.start],
        ) from None


def _decode_legacy(data):
    best, best_score = None, 0
    for encoding in ("cp1250", "iso-8859-2"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        # ISO-8859-2 maps 0x80-0x9f to control characters: a text using them is not it.
        if any("\x80" <= char <= "\x9f" for char in text):
            continue
        if not any(marker in text for marker in _MARKERS):
            continue
        score = sum(char in _CZECH_LETTERS for char in text)
        if score > best_score:
            best, best_score = text, score
    return best


# --- lines ------------------------------------------------------------------------------
#
# A line is the list of its tab-separated cells, inner whitespace folded, trailing empty
# cells dropped; a blank line has none. The lines of a text are a list in which a line's
# index is its number in the file less one; the lines of page-break blocks, and the blank
# lines around them, become None.
# Plain lists, not objects: a profile has a few hundred lines, and building an object for
# each cost a sixth of the parse.


def _text(cells):
    """The cells of a line joined by one space."""
    return " ".join(cell for cell in cells if cell)


def fold(value):
    """Strip and fold runs of whitespace (tabs, non-breaking spaces) to one space."""
    return " ".join(value.split())


# Whitespace but space, tab and line breaks: non-breaking spaces, form feeds… Each is
# looked for in turn, as `char in text` runs at memchr speed where a regular expression
# over the whole text costs as much as splitting it. (A test pins the list to
# str.isspace().)
_OTHER_WHITESPACE = (
    "\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006"
    "\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# A space that folding removes: doubled, or at the edge of a cell.
_STRAY_SPACE = re.compile(r"^ | $| \t|\t |  ")


def _has_stray_spaces(text):
    return (
        "  " in text
        or " \t" in text
        or "\t " in text
        or " \n" in text
        or "\n " in text
        or text.startswith(" ")
        or text.endswith(" ")
    )


# How the first cell of a page-break line starts: Typ JP (or "Typ", then "JP" in the next
# cell), WorkUnitTypeEnum or a type word.
_BREAK_STARTS = (
    "Typ",
    "WorkUnitTypeEnum.",
    *(word for word in vocab.WORK_UNIT_TYPES if not word.startswith("WorkUnitTypeEnum.")),
)


def _split_lines(text):
    """The lines of a text, and the indexes of those that may open a page-break block."""
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if any(char in text for char in _OTHER_WHITESPACE):
        # Folding makes a space of any whitespace: do that for the whole text at once (an
        # export with non-breaking spaces in its amounts then needs no more).
        for char in _OTHER_WHITESPACE:
            text = text.replace(char, " ")
    raws = text.split("\n")
    if _has_stray_spaces(text):
        lines = [
            [fold(cell) for cell in raw.split("\t")]
            if _STRAY_SPACE.search(raw)
            else raw.split("\t")
            for raw in raws
        ]
        for cells in lines:
            while cells and not cells[-1]:
                cells.pop()
        firsts = [cells[0] if cells else "" for cells in lines]
    else:
        # Nothing to fold: the trailing empty cells are the trailing tabs, and a line
        # starts as its first cell.
        lines = [stripped.split("\t") if (stripped := raw.rstrip("\t")) else [] for raw in raws]
        firsts = raws
    # Only a line whose first cell starts like "Typ JP", "WorkUnitTypeEnum…" or a type word
    # can open a block; map() and compress() sift them without a Python loop.
    candidates = list(compress(count(), map(str.startswith, firsts, repeat(_BREAK_STARTS))))
    return lines, candidates


# --- pass 1: page-break blocks ----------------------------------------------------------

_BREAK_HEADER = re.compile(r"^Typ JP(?: ID)?$")
# Numbers are ASCII digits: \d and int() would also take '٤٢' or '４２', which the schema's
# [0-9] patterns and the database refuse.
_TYPE_ENUM = re.compile(r"^WorkUnitTypeEnum\.[0-9]+$")
_TYPE_AND_ID = re.compile(r"^(\S+) ([0-9]+)$")
_ID = re.compile(r"^[0-9]+$")
_WHOLE_BREAK = re.compile(r"^Typ JP ID (\S+) ([0-9]+)$")


@dataclass
class _Identity:
    nsp_id: int | None = None
    kind: str | None = None
    line: int = 0

    def record(self, line, type_token, id_token):
        kind = vocab.WORK_UNIT_TYPES.get(type_token)
        if kind is None:
            raise ParseError(line, _("unknown work-unit type %(type)r"), type=type_token)
        nsp_id = int(id_token)
        if not 1 <= nsp_id <= vocab.MAX_NSP_ID:
            raise ParseError(line, _("invalid work-unit id %(id)r"), id=id_token)
        if self.nsp_id is None:
            self.nsp_id, self.kind, self.line = nsp_id, kind, line
            return
        if nsp_id != self.nsp_id:
            raise ParseError(
                line,
                _("conflicting ids: %(id)s here, %(first)s at line %(at)s"),
                id=nsp_id,
                first=self.nsp_id,
                at=self.line,
            )
        if kind != self.kind:
            raise ParseError(
                line,
                _("conflicting work-unit types: %(kind)s here, %(first)s at line %(at)s"),
                kind=kind,
                first=self.kind,
                at=self.line,
            )


def _type_and_id(cells):
    """(type, id) when the cells hold both, e.g. ['WorkUnitTypeEnum.1', '103332']."""
    if len(cells) == 2 and _ID.match(cells[1]):
        return cells[0], cells[1]
    if len(cells) == 1 and (match := _TYPE_AND_ID.match(cells[0])):
        return match.group(1), match.group(2)
    return None


def _remove_page_breaks(lines, candidates):
    """Make None of the lines of page-break blocks; return the id and kind they carry.
    `candidates` are the indexes of the lines that may open a block."""
    identity = _Identity()

    def next_nonblank(start):
        while start < len(lines) and not lines[start]:
            start += 1
        return start

    index = 0  # the first line not yet read
    for candidate in candidates:
        if candidate < index:
            continue  # inside the block just read
        end = _read_block(lines, candidate, identity, next_nonblank)
        if end is None:
            index = candidate + 1
            continue
        # A page break is invisible: drop the blank lines around it too, so that a list
        # item or a legend entry it cut in two continues after it. (Back to the first line
        # not yet read, no further: before it, nothing blank is left to drop, and walking
        # over the blocks already dropped made many blocks cost their square.)
        before = candidate - 1
        while before >= index and not lines[before]:
            lines[before] = None
            before -= 1
        index = next_nonblank(end)
        lines[candidate:index] = [None] * (index - candidate)
    return identity


def _read_block(lines, index, identity, next_nonblank):
    """Read the page-break block starting at lines[index]; return the index after it, or
    None when the line does not start one."""
    cells = lines[index]
    number = index + 1
    text = _text(cells)
    if match := _WHOLE_BREAK.match(text):  # "Typ JP ID WorkUnitTypeEnum.2 102742"
        identity.record(number, match.group(1), match.group(2))
        return index + 1
    if _BREAK_HEADER.match(text):
        index = next_nonblank(index + 1)
        if text == "Typ JP" and index < len(lines) and _text(lines[index]) == "ID":
            index = next_nonblank(index + 1)
        if index >= len(lines):
            raise ParseError(number, _("page-break block 'Typ JP / ID' without type and id"))
        return _read_break_body(lines, index, identity, next_nonblank, header=number)
    if _TYPE_ENUM.match(cells[0].split(" ")[0]):
        return _read_break_body(lines, index, identity, next_nonblank, header=None)
    if (pair := _type_and_id(cells)) and pair[0] in vocab.WORK_UNIT_TYPES:
        identity.record(number, *pair)
        return index + 1
    if len(cells) == 1 and text in vocab.WORK_UNIT_TYPES:
        following = next_nonblank(index + 1)
        if following < len(lines) and _ID.match(id_text := _text(lines[following])):
            identity.record(number, text, id_text)
            return following + 1
    return None


def _read_break_body(lines, index, identity, next_nonblank, header):
    """Read 'TYPE ID' or 'TYPE' + 'ID' starting at lines[index]; return the next index.
    `header` is the number of the 'Typ JP' line above, if any."""
    cells = lines[index]
    number = index + 1
    pair = _type_and_id(cells)
    if pair:
        identity.record(number, *pair)
        return index + 1
    if len(cells) == 1 and " " not in cells[0]:
        following = next_nonblank(index + 1)
        if following < len(lines) and _ID.match(id_text := _text(lines[following])):
            identity.record(number, cells[0], id_text)
            return following + 1
        if cells[0] not in vocab.WORK_UNIT_TYPES and header is not None:
            raise ParseError(number, _("unknown work-unit type %(type)r"), type=cells[0])
        raise ParseError(number, _("work-unit type %(type)r without an id"), type=cells[0])
    raise ParseError(
        header or number,
        _("page-break block without work-unit type and id: %(text)r"),
        text=_text(cells),
    )


# --- pass 2: sections -------------------------------------------------------------------

LABELS = {
    "Odborný směr": "field",
    "Odborný podsměr": "subfield",
    "Kvalifikační úroveň": "qualification_levels",
    "Alternativní názvy": "alternative_names",
    "Nadřazené povolání": "parent",
    "Nadřízené povolání": "parent",
    "Příbuzné specializace": "related",
    "Příbuzná povolání": "related",
    "Regulovaná jednotka práce": "regulated",
}
_LABEL = re.compile(r"^(?P<label>[^:]{2,60}?)\s*:(?:\s+(?P<value>.*))?$")

_REGIONAL_HEADING = re.compile(r"^Hrubé měsíční mzdy podle krajů v roce ([0-9]{4})$", re.IGNORECASE)
_NATIONAL_HEADING = re.compile(r"^Hrubé měsíční mzdy v roce ([0-9]{4}) celkem$", re.IGNORECASE)
_WAGE_GROUP = re.compile(r"^(?P<name>.+?) ?\(CZ-ISCO (?P<code>[0-9]{1,5})\)$")
_ISCO_ITEM = re.compile(r"^[-•–] ?(?P<code>[0-9]{1,5}) [-–] (?P<name>.+)$")
_BULLET = re.compile(r"^[-•–] ?(?P<text>.*)$")
_AMOUNT = re.compile(r"^(?P<digits>[0-9]{1,3}(?: [0-9]{3})*|[0-9]+)(?: ?Kč)?$")
# The six amounts of a common wage row (Od, Medián, Do of both spheres) in one match: each
# "42 292 Kč" or "-", whose group is then None. At most nine digits, so that none is
# too large. (No possessive quantifiers: Python 3.11.2's re mismatches them here.)
_SIX_AMOUNTS = re.compile("\t".join([r"(?:([0-9]{1,3}(?: [0-9]{3}){0,2}) Kč|-)"] * 6))
_SUITABILITY_PREFIX = "CompetenceSuitabilityEnum."
_ISCO_CODE = re.compile(r"^[0-9]{1,5}$")
# "- 1. Stupeň zátěže (…)", the title sometimes in *stars*.
_LEGEND_ITEM = re.compile(r"^[-•–] ?(?P<level>[0-9])\. ?(?P<star>\*?)(?P<title>.+?)(?P=star)$")
_LEGEND_BY_LEVEL = {str(entry.level): entry for entry in vocab.WORK_CONDITION_LEGEND}


def _marks_and_levels():
    """Every way of marking levels 1–4 with "x" (trailing empty cells dropped), with the
    levels it marks: the quick check of a work-condition row."""
    table = {}
    for marks in product(("", "x"), repeat=len(vocab.WORK_CONDITION_LEVELS)):
        levels = tuple(
            level for level, mark in zip(vocab.WORK_CONDITION_LEVELS, marks, strict=True) if mark
        )
        if levels:
            table[marks[: levels[-1]]] = levels
    return table


_LEVELS_MARKED = _marks_and_levels()

_SECTION_HEADINGS = {
    "pracovní činnosti": "activities",
    "cz-isco": "isco",
    "esco": "esco",
    "pracovní podmínky": "work_conditions",
    "legenda": "legend",
    "kvalifikace k výkonu povolání": "container",
    "školní vzdělání": "education",
    "kompetenční požadavky": "container",
    "zdravotní podmínky": "container",
    "onemocnění omezující výkon povolání": "health",
    "medián za čr celkem": "national_caption",
}
_TIER_HEADINGS = {
    "nejvhodnější školní přípravu poskytují obory": vocab.BEST,
    "vhodnou školní přípravu poskytují také obory": vocab.SUITABLE,
}
_CATEGORY_HEADINGS = {c.heading.casefold(): c for c in vocab.COMPETENCE_CATEGORIES}
# The cells of valid levels and suitabilities, for the quick check of a competence row.
_LEVEL_BY_CELL = {
    c.key: {str(level): level for level in c.scale} for c in vocab.COMPETENCE_CATEGORIES
}
_SUITABILITY_BY_CELL = {f"{_SUITABILITY_PREFIX}{n}": n for n in range(1, 10)}
_LEVELS_NOTE = "popisy úrovní naleznete zde"
_NOT_HEADING_INITIALS = frozenset("-•–*")
_HEALTH_DISCLAIMER_START = "přesné posouzení zdravotního stavu"

_WAGE_HEADER_WORDS = {"Od", "Medián", "Do", "Mzdová sféra", "Platová sféra"}
_NATIONAL_HEADER_WORDS = {
    "Mzdová sféra",
    "Platová sféra",
    "Medián za ČR celkem",
    "Název podskupiny v ESCO",
    "Název",
}


@dataclass(frozen=True)
class _Heading:
    section: str
    year: int | None = None
    tier: str | None = None
    category: vocab.CompetenceCategory | None = None


_HEADINGS = {
    **{key: _Heading(section) for key, section in _SECTION_HEADINGS.items()},
    **{key: _Heading("education", tier=tier) for key, tier in _TIER_HEADINGS.items()},
    **{key: _Heading("competences", category=c) for key, c in _CATEGORY_HEADINGS.items()},
}


def _heading(cells):
    """The section a line opens, or None."""
    if len(cells) != 1:
        return None
    text = cells[0]
    if text[0] in _NOT_HEADING_INITIALS:  # list items: the most common one-cell lines
        return None
    heading = _HEADINGS.get(text.casefold().rstrip(":").rstrip())
    # Both wage headings start with "Hrubé" (in any case): skip their patterns otherwise.
    if heading is not None or text[0] not in "Hh":
        return heading
    if match := _REGIONAL_HEADING.match(text):
        return _Heading("wages", year=int(match.group(1)))
    if match := _NATIONAL_HEADING.match(text):
        return _Heading("national_wages", year=int(match.group(1)))
    return None


def split_list(value, separator):
    """Split on `separator` outside parentheses; strip items and drop empty ones."""
    if "(" not in value:
        return [item.strip() for item in value.split(separator) if item.strip()]
    items, depth, current = [], 0, []
    for char in value:
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        if char == separator and depth == 0:
            items.append("".join(current))
            current = []
        else:
            current.append(char)
    items.append("".join(current))
    return [item.strip() for item in items if item.strip()]


def parse_amount(cell, number, what):
    """'42 292 Kč' -> 42292, '-' -> None."""
    if cell == "-":
        return None
    if cell == "":
        raise ParseError(
            number, _("%(what)s: empty cell (write '-' when there is no figure)"), what=what
        )
    match = _AMOUNT.match(cell)
    if not match:
        raise ParseError(
            number, _("%(what)s: %(cell)r is not an amount in CZK"), what=what, cell=cell
        )
    amount = int(match.group("digits").replace(" ", ""))
    if amount > vocab.MAX_AMOUNT:
        raise ParseError(
            number,
            _("%(what)s: %(cell)r is not a plausible monthly wage"),
            what=what,
            cell=cell,
        )
    return amount


def _ordered_amounts(cells, number, what):
    """Od, Medián, Do of one sphere; the figures given must not decrease."""
    amounts = [parse_amount(cell, number, what) for cell in cells]
    if not _in_order(amounts):
        raise ParseError(
            number,
            _("%(what)s: Od ≤ Medián ≤ Do does not hold (%(cells)s)"),
            what=what,
            cells=" | ".join(cells),
        )
    return amounts


def _in_order(amounts):
    given = [amount for amount in amounts if amount is not None]
    return given == sorted(given)


def _quick_range(*digits):
    """The range of one sphere from three digit groups of _SIX_AMOUNTS (None for "-"), or
    False when its figures decrease (the full check says so)."""
    amounts = [None if group is None else int(group.replace(" ", "")) for group in digits]
    return _range(amounts) if _in_order(amounts) else False


def _range(values):
    low, median, high = values
    if low is None and median is None and high is None:
        return None
    return {"low": low, "median": median, "high": high}


@dataclass
class _Label:
    line: int
    value: str
    names: set  # the label as written, e.g. {"Příbuzné specializace"}


@dataclass
class _Profile:
    title: str | None = None
    description: list = field(default_factory=list)  # paragraphs
    labels: dict = field(default_factory=dict)  # key -> _Label
    activities: list = field(default_factory=list)
    isco: list = field(default_factory=list)
    wages: list = field(default_factory=list)
    national_wages: list = field(default_factory=list)
    esco: list = field(default_factory=list)
    work_conditions: list = field(default_factory=list)
    education: list = field(default_factory=list)
    competences: list = field(default_factory=list)
    health_restrictions: list = field(default_factory=list)


class _SectionParser:
    """Walks the lines that remain after the page-break blocks, section by section.

    Each section has a handler, in_<section>(number, cells). The handlers of the long
    tables (competences, work conditions, wages) take the common row through a quick
    check first and leave everything else to the full one, which says what is wrong."""

    def __init__(self):
        self.profile = _Profile()
        self.enter("start")
        self.heading = None
        self.wage_table = None
        self.tier = None
        self.legend_entry = None  # the legend entry whose title is the line just read
        self.seen = {}  # duplicate detection: key -> the line where it was first

    def run(self, lines):
        try:
            for number, cells in enumerate(lines, start=1):
                if not cells:
                    if cells is None:
                        continue  # a page-break block
                    # A legend entry's description follows its title with no blank line
                    # between.
                    self.legend_entry = None
                    if self.section == "description":
                        self.profile.description.append([])
                elif (
                    len(cells) == 1
                    and self.section != "start"
                    and (heading := _heading(cells)) is not None
                ):
                    self.open(heading, number, cells)
                else:
                    self.handler(number, cells)
        finally:
            # The bound handler refers back to the parser: without this the parser, and
            # every line it holds, would wait for the cyclic garbage collector.
            self.handler = None
        return self.profile

    def enter(self, section):
        self.section = section
        self.handler = getattr(self, f"in_{section}")

    # -- structure

    def open(self, heading, number, cells):
        if heading.year is not None and heading.year not in vocab.WAGE_YEARS:
            raise ParseError(
                number,
                _("wages for the year %(year)s: not a plausible year"),
                year=heading.year,
            )
        if heading.section == "national_caption":
            # "Medián za ČR celkem": a caption inside the national wage table.
            if self.section != "national_wages":
                self.fail(number, cells)
            return
        self.legend_entry = None  # a legend description follows its title, not a heading
        if heading.section == "wages":
            # The heading repeated after a page break with the same year: the rows that
            # follow continue the table, whether or not its group line is repeated too.
            if not (self.section == "wages" and heading.year == self.wage_year):
                self.wage_table = None
            self.wage_year = heading.year
        elif heading.section == "national_wages":
            self.national_year = heading.year
        elif heading.section == "education":
            self.tier = heading.tier
        self.heading = heading
        self.enter(heading.section)

    def fail(self, number, cells):
        raise ParseError(number, _("line belongs to no section: %(text)r"), text=_text(cells)[:80])

    def repeated(self, key, number, template, **params):
        """Refuse a row whose key was seen before (self.seen.setdefault() answered with
        another line); the message's template has %(previous)s for the line where it was."""
        raise ParseError(number, template, previous=self.seen[key], **params)

    # -- title, description, labels

    def in_start(self, number, cells):
        if self.label(number, cells) or _heading(cells):
            raise ParseError(number, _("the profile has no title: its first line is a heading"))
        self.profile.title = _text(cells)
        self.enter("description")

    def in_description(self, number, cells):
        if self.label(number, cells):
            self.enter("labels")
            return
        if not self.profile.description or not self.profile.description[-1]:
            self.profile.description.append([])
        self.profile.description[-1].append(_text(cells))

    def in_labels(self, number, cells):
        # Every value is on its label's line: a line that is not a known label is not the
        # rest of the value above.
        if self.label(number, cells):
            return
        if len(cells) == 1 and (match := _LABEL.match(cells[0])):
            raise ParseError(number, _("unknown label %(label)r"), label=match.group("label"))
        self.fail(number, cells)

    def label(self, number, cells):
        """Read a 'Label: value' line; False when the line is not one."""
        if len(cells) >= 2 and cells[0].endswith(":"):
            name, value = cells[0][:-1].strip(), " ".join(cells[1:])
        elif match := _LABEL.match(_text(cells)):
            name, value = match.group("label"), match.group("value") or ""
            if name not in LABELS:
                return False
        else:
            return False
        key = LABELS.get(name)
        if key is None:
            raise ParseError(number, _("unknown label %(label)r"), label=name)
        previous = self.profile.labels.get(key)
        if previous is None:
            self.profile.labels[key] = _Label(number, value, {name})
        elif key == "related" and name not in previous.names:
            # "Příbuzné specializace" and "Příbuzná povolání" in one profile: one list.
            previous.value = f"{previous.value}, {value}"
            previous.names.add(name)
        else:
            raise ParseError(
                number,
                _("label %(label)r repeats line %(previous)s"),
                label=name,
                previous=previous.line,
            )
        return True

    # -- bullet lists

    def bullet(self, number, cells, items, what):
        if len(cells) != 1:
            raise ParseError(number, _("%(what)s: expected '- item', found a table row"), what=what)
        match = _BULLET.match(cells[0])
        if not (match and match.group("text")):
            # Every item is on one line: a line without a bullet is not the rest of the item
            # above.
            raise ParseError(
                number,
                _("%(what)s: expected '- item', found %(text)r"),
                what=what,
                text=cells[0][:80],
            )
        items.append(match.group("text"))

    def in_activities(self, number, cells):
        self.bullet(number, cells, self.profile.activities, "Pracovní činnosti")

    def in_health(self, number, cells):
        text = _text(cells)
        if text.casefold().startswith(_HEALTH_DISCLAIMER_START):
            if text != vocab.HEALTH_DISCLAIMER:
                raise ParseError(
                    number,
                    _("the health disclaimer differs from the NSP text: %(text)r"),
                    text=text[:80],
                )
            self.enter("health_disclaimer")
            return
        restrictions = self.profile.health_restrictions
        self.bullet(number, cells, restrictions, "Onemocnění omezující výkon povolání")
        name = restrictions[-1]
        key = ("health", name)
        if self.seen.setdefault(key, number) != number:
            self.repeated(
                key, number, _("health restriction %(name)r repeats line %(previous)s"), name=name
            )

    def in_health_disclaimer(self, number, cells):
        self.fail(number, cells)  # the disclaimer is one line; only a heading may follow it

    def in_container(self, number, cells):
        self.fail(number, cells)

    def in_legend(self, number, cells):
        # The static NSP legend: "- N. Stupeň zátěže (…)", then that level's description on
        # the next line. Nothing else may stand here.
        title_above, self.legend_entry = self.legend_entry, None
        if len(cells) == 1:
            text = cells[0]
            if match := _LEGEND_ITEM.match(text):
                entry = _LEGEND_BY_LEVEL.get(match.group("level"))
                if entry is not None and match.group("title") == entry.title:
                    self.legend_entry = entry
                    return
            elif title_above is not None and text == title_above.description:
                return
        raise ParseError(
            number,
            _("work-condition legend: %(text)r differs from the NSP text"),
            text=_text(cells)[:80],
        )

    def in_isco(self, number, cells):
        match = _ISCO_ITEM.match(cells[0]) if len(cells) == 1 else None
        if not match:
            raise ParseError(
                number, _("CZ-ISCO: expected '- CODE - name', got %(text)r"), text=_text(cells)
            )
        code = match.group("code")
        key = ("isco", code)
        if self.seen.setdefault(key, number) != number:
            self.repeated(key, number, _("CZ-ISCO %(code)s repeats line %(previous)s"), code=code)
        self.profile.isco.append({"code": code, "name": match.group("name")})

    # -- wages

    def in_wages(self, number, cells):
        if (
            len(cells) == 7
            and self.wage_table is not None
            and cells[0] in vocab.REGION_BY_NAME
            and (match := _SIX_AMOUNTS.fullmatch("\t".join(cells[1:])))
            and (business := _quick_range(*match.group(1, 2, 3))) is not False
            and (public := _quick_range(*match.group(4, 5, 6))) is not False
        ):
            self.check_new_wage_row(number, cells[0])
        else:
            # Not a common row: the full check.
            spheres = self.check_wage_line(number, cells)
            if spheres is None:
                return
            business, public = spheres
        self.wage_table["regions"].append(
            {"region": cells[0], "business": business, "public": public}
        )

    def check_wage_line(self, number, cells):
        """The ranges of both spheres of a wage row; None for the other lines of a wage
        table (its group line, which opens or continues a table, and its headers)."""
        if len(cells) == 1 and (match := _WAGE_GROUP.match(cells[0])):
            code = match.group("code")
            for table in self.profile.wages:
                if table["year"] == self.wage_year and table["isco_code"] == code:
                    self.wage_table = table  # the same table continued after a page break
                    return None
            self.wage_table = {
                "year": self.wage_year,
                "isco_code": code,
                "isco_name": match.group("name"),
                "regions": [],
            }
            self.profile.wages.append(self.wage_table)
            return None
        if cells[0] == "Kraj" or {c for c in cells if c} <= _WAGE_HEADER_WORDS:
            return None
        region = cells[0]
        if region not in vocab.REGION_BY_NAME:
            if len(cells) == 1:
                self.fail(number, cells)
            raise ParseError(
                number, _("unknown region %(region)r in the wage table"), region=region
            )
        if self.wage_table is None:
            raise ParseError(
                number, _("wage row before the 'NAME (CZ-ISCO CODE)' line of its table")
            )
        if len(cells) != 7:
            raise ParseError(
                number,
                _(
                    "wage row for %(region)s has %(count)s of 6 amounts "
                    "(Od, Medián, Do for Mzdová and for Platová sféra)"
                ),
                region=region,
                count=len(cells) - 1,
            )
        self.check_new_wage_row(number, region)  # a repeated row is told before its amounts
        business = _ordered_amounts(cells[1:4], number, f"{region}, Mzdová sféra")
        public = _ordered_amounts(cells[4:7], number, f"{region}, Platová sféra")
        return _range(business), _range(public)

    def check_new_wage_row(self, number, region):
        key = ("wage", self.wage_year, self.wage_table["isco_code"], region)
        if self.seen.setdefault(key, number) != number:
            self.repeated(
                key,
                number,
                _("wage row for %(region)s repeats line %(previous)s"),
                region=region,
            )

    def in_national_wages(self, number, cells):
        if cells[0] == "CZ-ISCO" or {c for c in cells if c} <= _NATIONAL_HEADER_WORDS:
            return
        if not _ISCO_CODE.match(cells[0]):
            if len(cells) == 1:
                self.fail(number, cells)
            raise ParseError(
                number, _("national wage row: %(code)r is not a CZ-ISCO code"), code=cells[0]
            )
        if len(cells) != 4:
            raise ParseError(
                number,
                _(
                    "national wage row has %(count)s of 4 cells "
                    "(CZ-ISCO, name, Mzdová sféra, Platová sféra)"
                ),
                count=len(cells),
            )
        code, name = cells[0], cells[1]
        key = ("national", self.national_year, code)
        if self.seen.setdefault(key, number) != number:
            self.repeated(
                key, number, _("national wage row %(code)s repeats line %(previous)s"), code=code
            )
        self.profile.national_wages.append(
            {
                "year": self.national_year,
                "isco_code": code,
                "isco_name": name,
                "business_median": parse_amount(cells[2], number, f"{code}, Mzdová sféra"),
                "public_median": parse_amount(cells[3], number, f"{code}, Platová sféra"),
            }
        )

    # -- other tables

    def three_cells(self, number, cells, message):
        """A row of a three-column table has its three cells; `message` says otherwise."""
        if len(cells) != 3:
            if len(cells) == 1:
                self.fail(number, cells)
            raise ParseError(number, message, count=len(cells))

    def in_esco(self, number, cells):
        if cells[0] == "Kód podskupiny":
            return
        self.three_cells(number, cells, _("ESCO row has %(count)s of 3 cells (code, name, URL)"))
        self.profile.esco.append({"code": cells[0], "name": cells[1], "url": cells[2]})

    def in_work_conditions(self, number, cells):
        levels = _LEVELS_MARKED.get(tuple(cells[1:]))
        if levels is None:
            # Not a common row: the full check.
            levels = self.check_work_condition(number, cells)
            if levels is None:
                return
        name = cells[0]
        key = ("condition", name)
        if self.seen.setdefault(key, number) != number:
            self.repeated(
                key, number, _("work-condition row %(name)r repeats line %(previous)s"), name=name
            )
        self.profile.work_conditions.append({"name": name, "levels": list(levels)})

    def check_work_condition(self, number, cells):
        """The levels a work-condition row marks, None for the header."""
        if cells[0] == "Název" and cells[1:] == ["1", "2", "3", "4"]:
            return None
        name, marks = cells[0], cells[1:]
        if len(marks) > 4:
            raise ParseError(
                number, _("work-condition row %(name)r has more than 4 columns"), name=name
            )
        levels = []
        for level, mark in enumerate(marks, start=1):
            if mark.lower() == "x":
                levels.append(level)
            elif mark:
                raise ParseError(
                    number,
                    _("work-condition row %(name)r: %(mark)r in column %(column)s, not 'x'"),
                    name=name,
                    mark=mark,
                    column=level,
                )
        if not levels:
            raise ParseError(
                number, _("work-condition row %(name)r has no 'x' in columns 1–4"), name=name
            )
        return levels

    def in_education(self, number, cells):
        if cells == ["Typ", "Název", "Kód"]:
            return
        message = _("education row has %(count)s of 3 cells (type, name, code)")
        self.three_cells(number, cells, message)
        if self.tier is None:
            raise ParseError(
                number, _("education row before 'Nejvhodnější…' or 'Vhodnou…' heading")
            )
        kind = vocab.EDUCATION_TYPES.get(cells[0])
        if kind is None:
            raise ParseError(number, _("unknown education type %(type)r"), type=cells[0])
        key = ("education", kind, cells[2], cells[1])
        if self.seen.setdefault(key, number) != number:
            self.repeated(
                key,
                number,
                _("education field %(code)s %(name)r repeats line %(previous)s"),
                code=cells[2],
                name=cells[1],
            )
        self.profile.education.append(
            {"tier": self.tier, "type": kind, "name": cells[1], "code": cells[2]}
        )

    def in_competences(self, number, cells):
        category = self.heading.category
        levels = _LEVEL_BY_CELL[category.key]
        if category.has_suitability:
            suitability = _SUITABILITY_BY_CELL.get(cells[3]) if len(cells) == 4 else None
            quick = suitability is not None
        else:
            suitability = None
            quick = len(cells) == 3
        if not (quick and cells[0] != "Kód" and (level := levels.get(cells[2])) is not None):
            # Not a common row ("Kód" may start the header): the full check.
            checked = self.check_competence(number, cells, category)
            if checked is None:
                return
            level, suitability = checked
        key = ("competence", category.key, cells[0])
        if self.seen.setdefault(key, number) != number:
            self.repeated(
                key,
                number,
                _("%(section)s %(code)s repeats line %(previous)s"),
                section=category.heading,
                code=cells[0],
            )
        self.profile.competences.append(
            {
                "category": category.key,
                "code": cells[0],
                "name": cells[1],
                "level": level,
                "suitability": suitability,
            }
        )

    def check_competence(self, number, cells, category):
        """The level and suitability of a competence row, None for the header and the
        note on levels."""
        if cells[0] == "Kód" and len(cells) > 1 and cells[1] == "Název":
            return None
        if len(cells) == 1 and cells[0].casefold().startswith(_LEVELS_NOTE):
            return None
        if len(cells) not in (3, 4):
            if len(cells) == 1:
                self.fail(number, cells)
            raise ParseError(
                number,
                _("%(section)s: row has %(count)s cells, expected code, name, level")
                if not category.has_suitability
                else _(
                    "%(section)s: row has %(count)s cells, expected code, name, level "
                    "and suitability"
                ),
                section=category.heading,
                count=len(cells),
            )
        code, level_cell = cells[0], cells[2]
        if not (level_cell.isascii() and level_cell.isdigit()):
            raise ParseError(
                number,
                _("%(section)s %(code)s: level %(level)r is not a number"),
                section=category.heading,
                code=code,
                level=level_cell,
            )
        level = int(level_cell)
        if not category.scale_min <= level <= category.scale_max:
            raise ParseError(
                number,
                _("%(section)s %(code)s: level %(level)s is outside the scale %(low)s–%(high)s"),
                section=category.heading,
                code=code,
                level=level,
                low=category.scale_min,
                high=category.scale_max,
            )
        # Only the professional sections have the "Vhodnost" column, and every row fills it.
        suitability = None
        if category.has_suitability:
            if len(cells) == 3:
                raise ParseError(
                    number,
                    _(
                        "%(section)s %(code)s: no suitability "
                        "(the 'Vhodnost' column, CompetenceSuitabilityEnum.N)"
                    ),
                    section=category.heading,
                    code=code,
                )
            enum_value = cells[3].removeprefix(_SUITABILITY_PREFIX)
            if (
                enum_value == cells[3]
                or not (enum_value.isascii() and enum_value.isdigit())
                or int(enum_value) < 1
            ):
                raise ParseError(
                    number,
                    _("%(section)s %(code)s: unknown suitability %(value)r"),
                    section=category.heading,
                    code=code,
                    value=cells[3],
                )
            suitability = int(enum_value)
        elif len(cells) == 4:
            raise ParseError(
                number,
                _(
                    "%(section)s %(code)s: %(value)r in a fourth column, "
                    "but the section has no 'Vhodnost' column"
                ),
                section=category.heading,
                code=code,
                value=cells[3],
            )
        return level, suitability


# --- the document -----------------------------------------------------------------------


def parse_profile(data):
    """Parse one export (bytes or str) into the profile document. Raises ParseError."""
    text = decode(data) if isinstance(data, bytes | bytearray) else data
    if not text.removeprefix("\ufeff").strip():
        raise ParseError(1, _("the file is empty"))
    lines, candidates = _split_lines(text)
    identity = _remove_page_breaks(lines, candidates)
    profile = _SectionParser().run(lines)
    if profile.title is None:
        raise ParseError(1, _("the file has no profile text"))
    if identity.nsp_id is None:
        raise ParseError(1, _("no work-unit id: the file has no 'Typ JP / ID' page-break block"))
    return _document(profile, identity)


def _document(profile, identity):
    labels = {key: label.value.strip() for key, label in profile.labels.items()}
    return {
        "nsp_id": identity.nsp_id,
        "kind": identity.kind,
        "title": profile.title,
        "description": "\n\n".join(" ".join(p) for p in profile.description if p),
        "field": labels.get("field") or None,
        "subfield": labels.get("subfield") or None,
        "qualification_levels": _unique(
            split_list(labels.get("qualification_levels", ""), ";"),
            profile.labels.get("qualification_levels"),
        ),
        "alternative_names": split_list(labels.get("alternative_names", ""), ","),
        "parent": labels.get("parent") or None,
        "related": split_list(labels.get("related", ""), ","),
        "regulated": _regulated(profile.labels.get("regulated")),
        "activities": profile.activities,
        "isco": profile.isco,
        "wages": profile.wages,
        "national_wages": profile.national_wages,
        "esco": profile.esco,
        "work_conditions": profile.work_conditions,
        "education": profile.education,
        "competences": profile.competences,
        "health_restrictions": profile.health_restrictions,
    }


def _unique(items, label):
    """The items of a label that lists each at most once (Kvalifikační úroveň)."""
    for index, item in enumerate(items):
        if item in items[:index]:
            raise ParseError(label.line, _("%(item)r is listed twice"), item=item)
    return items


def _regulated(label):
    if label is None or not label.value.strip():
        return None
    answer = {"ano": True, "ne": False}.get(label.value.strip().casefold())
    if answer is None:
        raise ParseError(
            label.line,
            _("'Regulovaná jednotka práce' must be Ano or Ne, not %(value)r"),
            value=label.value,
        )
    return answer


def parse_file(path):
    """Parse the export at `path`."""
    return parse_profile(Path(path).read_bytes())


def profile_paths(paths) -> Iterator[Path]:
    """The files named, with folders expanded to their *.txt files in name order."""
    for path in map(Path, paths):
        if path.is_dir():
            yield from sorted(p for p in path.glob("*.txt") if p.is_file())
        else:
            yield path
