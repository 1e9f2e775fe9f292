"""Reading the pages' HTML in tests: visible text, charts and the elements they point at."""

import re
from dataclasses import dataclass
from html import unescape


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
    match = re.search(rf"<tr><th scope=\"row\"[^>]*>{re.escape(region)}</th>(.*?)</tr>", html, re.S)
    assert match, region
    return text_of(match.group(1))
