"""The English interface is complete, and Czech content is marked as Czech."""

from html.parser import HTMLParser

import pytest

pytestmark = pytest.mark.django_db

CZECH_LETTERS = set("áčďéěíňóřšťúůýžÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ")
ENGLISH_PAGES = [
    "/en/",
    "/en/povolani/",
    "/en/povolani/?q=reditel&kraj=praha&mzda_od=1&zatez_max=3",
    "/en/povolani/?q=astronaut",
    "/en/povolani/pracovnik-distancniho-zakaznickeho-servisu/",
    "/en/povolani/reditel-zakaznickych-sluzeb/",
    "/en/porovnani/",
    "/en/porovnani/?id=102742&id=103332",
    "/en/porovnani/?id=102742&id=103332&sfera=public",
    "/en/porovnani/?id=abc",
    "/en/mzdy/",
    "/en/mzdy/?kraj=praha",
    "/en/mzdy/?povolani=103332",
    "/en/kompetence/",
    "/en/kompetence/odborne-znalosti/h13._.0024/",
    "/en/kompetence/4.4/",
    "/en/isco/1221/",
    "/en/o-datech/",
    "/en/neexistuje/",
]


class VisibleText(HTMLParser):
    """Collects text outside <head>, <script> and any element marked lang="cs"."""

    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "col", "area"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, skipped)
        self.chunks = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        # A chart is an image (role="img") named by its translated title; its figures are
        # in the table next to it, which is checked.
        skipped = (
            (self.stack and self.stack[-1][1])
            or tag in ("head", "script", "style", "svg")
            or dict(attrs).get("lang") == "cs"
        )
        self.stack.append((tag, skipped))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not (self.stack and self.stack[-1][1]) and data.strip():
            self.chunks.append(data.strip())


def czech_outside_czech_content(html):
    parser = VisibleText()
    parser.feed(html)
    return [chunk for chunk in parser.chunks if CZECH_LETTERS & set(chunk)]


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_the_english_interface_has_no_czech_outside_czech_content(client, seeds, url):
    response = client.get(url)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert czech_outside_czech_content(html) == []


def test_the_czech_pages_say_they_are_czech(client, seeds):
    html = client.get("/povolani/reditel-zakaznickych-sluzeb/").content.decode()
    assert '<html lang="cs">' in html
    assert '<link rel="alternate" hreflang="en" href="http://testserver/en/povolani/' in html


def test_english_numbers_and_plurals(client, seeds):
    html = client.get("/en/povolani/?kraj=praha").content.decode()
    assert "2 occupations found" in html or "Found 2 occupations" in html
    assert "98,245\xa0CZK" in html


def test_czech_plurals(client, seeds):
    assert "Nalezena 2 povolání" in client.get("/povolani/").content.decode()
    assert "Nalezeno 1 povolání" in client.get("/povolani/?q=reditel").content.decode()
