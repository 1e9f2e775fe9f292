"""Mutated exports give a schema-valid document or a clean ParseError with a line."""

import json
import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator

from nsp.parser import SCHEMA_PATH, ParseError, parse_profile

SEEDS = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "nsp").glob("*.txt"))
SCHEMA = Draft202012Validator(json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
FUZZ = settings(max_examples=300, deadline=None)


def check(data):
    """Parse; a document must validate, an error must point into the file."""
    try:
        document = parse_profile(data)
    except ParseError as error:
        # Lines end at \r\n, \n or a lone \r (old Mac files), as the parser counts them.
        text = data.decode("latin-1") if isinstance(data, bytes) else data
        lines = len(re.split(r"\r\n|\r|\n", text))
        assert 1 <= error.line <= lines, (error.line, lines, error.reason)
        assert error.reason
        return
    SCHEMA.validate(document)


@st.composite
def mutated_lines(draw):
    lines = draw(st.sampled_from(SEEDS)).read_text(encoding="utf-8").split("\n")
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        if not lines:
            break
        index = draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = draw(st.sampled_from(["drop", "duplicate", "swap", "shuffle", "insert"]))
        if action == "drop":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "shuffle":
            end = min(len(lines), index + draw(st.integers(min_value=2, max_value=12)))
            lines[index:end] = draw(st.permutations(lines[index:end]))
        else:
            lines.insert(index, draw(st.text(max_size=60)))
    return "\n".join(lines)


@FUZZ
@given(mutated_lines())
def test_lines_dropped_duplicated_shuffled_or_inserted(text):
    check(text.encode("utf-8", errors="surrogatepass"))


@FUZZ
@given(seed=st.sampled_from(SEEDS), data=st.data())
def test_random_bytes_and_truncation(seed, data):
    raw = bytearray(seed.read_bytes())
    for _ in range(data.draw(st.integers(min_value=0, max_value=8))):
        position = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[position] = data.draw(st.integers(min_value=0, max_value=255))
    cut = data.draw(st.integers(min_value=0, max_value=len(raw)))
    check(bytes(raw[:cut]))


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data):
    check(data)
