"""Test helpers: more profiles to compare; reading the pages' HTML (visible text, charts and
the elements they point at)."""

import re
from dataclasses import dataclass
from html import unescape


def _copy(seed, path, replacements):
    text = seed.read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return path


def import_two_more_profiles(tmp_path):
    """Copies of the two seeds as 400001 and 400002, each with its own title, CZ-ISCO groups,
    wage table and year (4223 in 2021; 1222 and 12224 in 2019), so that the four differ the
    way real profiles do: a query per profile or per wage table shows as a difference."""
    from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
    from profiles.importer import import_paths

    import_paths(
        [
            _copy(
                SEED_SPECIALIZATION,
                tmp_path / "400001.txt",
                {
                    "102742": "400001",
                    "4222": "4223",
                    "v roce 2023": "v roce 2021",
                    "Pracovník distančního zákaznického servisu\n": "Operátor linky\n",
                },
            ),
            _copy(
                SEED_OCCUPATION,
                tmp_path / "400002.txt",
                {
                    "103332": "400002",
                    "1221": "1222",  # and 12214 becomes 12224
                    "v roce 2020": "v roce 2019",
                    "Ředitel zákaznických služeb\n": "Ředitel call centra\n",
                },
            ),
        ]
    )


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def element(html, element_id):
    """(tag, outer HTML) of the element with the id; AssertionError when there is none."""
    start = re.search(rf'<(\w+)\b[^>]*\sid="{re.escape(element_id)}"', html)
    assert start, f'no element with id="{element_id}"'
    tag = start.group(1)
    depth = 0
    for match in re.finditer(rf"<(/?){tag}\b[^>]*>", html[start.start() :]):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return tag, html[start.start() : start.start() + match.end()]
    raise AssertionError(f"<{tag} id={element_id}> is not closed")


@dataclass
class Svg:
    role: str
    title: str
    described: str  # the outer HTML of the element aria-describedby names
    described_tag: str


def svg_image(html, svg_class):
    """The first <svg class="`svg_class`">: its role, its title, which must be what
    aria-labelledby names, and the element aria-describedby names, which must exist."""
    match = re.search(
        rf'<svg class="{svg_class}"([^>]*)>\s*<title id="([^"]+)">([^<]*)</title>', html
    )
    assert match, svg_class
    attributes, title_id, title = match.groups()
    attribute = dict(re.findall(r'([\w-]+)="([^"]*)"', attributes))
    assert attribute["aria-labelledby"] == title_id
    tag, described = element(html, attribute["aria-describedby"])
    return Svg(attribute.get("role"), unescape(title), described, tag)


def table_row(html, region):
    """The text of the cells of a region's row in a table."""
    match = re.search(
        rf"<tr\b[^>]*><th scope=\"row\"[^>]*>{re.escape(region)}</th>(.*?)</tr>", html, re.S
    )
    assert match, region
    return text_of(match.group(1))
