"""The English interface is complete, and Czech content is marked as Czech."""

import io
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract
from babel.messages.pofile import read_po
from django.conf import settings
from django.utils.translation.template import templatize

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
    "/en/isco/12214/",
    "/en/mzdy/?povolani=102742&sfera=public",
    "/en/mzdy/?kraj=olomoucky",
    "/en/porovnani/?id=999999&id=102742",
    "/en/o-datech/",
    "/en/neexistuje/",
]


class PageLanguage(HTMLParser):
    """Sorts what a page says into the UI (which must be in the page's language) and the
    Czech content (any element marked lang="cs", with all it holds).

    The UI is the visible text outside <head>, <script> and <style>; the names and hints in
    attributes (aria-label, title, alt, placeholder); the page's <title>; the description
    and sharing tags in <head>; and a chart's name (an SVG's <title> its aria-labelledby
    points at). The chart's own labels are region names and figures, in the table next to
    it, which is checked."""

    VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "col", "area"}
    ATTRIBUTES = ("aria-label", "title", "alt", "placeholder")
    META = {"description", "og:title", "og:description", "og:site_name"}

    def __init__(self):
        super().__init__()
        self.stack = []  # (tag, mode): "ui", "czech", "hidden" (head, script…) or "name"
        self.ui = []
        self.czech = []

    def mode(self):
        return self.stack[-1][1] if self.stack else "ui"

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        parent = self.mode()
        czech = parent == "czech" or attrs.get("lang") == "cs"
        if not czech and parent in ("ui", "hidden"):
            self.ui += [attrs[name] for name in self.ATTRIBUTES if attrs.get(name)]
        if tag == "meta" and (attrs.get("name") or attrs.get("property")) in self.META:
            self.ui.append(attrs.get("content", ""))
        if tag in self.VOID:
            return
        if czech:
            mode = "czech"
        elif tag == "title" and (parent == "hidden" and self.stack[-1][0] in ("head", "svg")):
            mode = "name"
        elif parent in ("hidden", "name") or tag in ("head", "script", "style", "svg"):
            mode = "hidden"
        else:
            mode = "ui"
        self.stack.append((tag, mode))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if not data.strip():
            return
        if self.mode() in ("ui", "name"):
            self.ui.append(data.strip())
        elif self.mode() == "czech":
            self.czech.append(data.strip())


def czech_outside_czech_content(html):
    """UI text with Czech letters once the Czech content it quotes is taken out (an
    English title may name the profile: "Wages: Ředitel zákaznických služeb")."""
    parser = PageLanguage()
    parser.feed(html)
    quoted = sorted(set(parser.czech), key=len, reverse=True)
    problems = []
    for chunk in parser.ui:
        rest = chunk
        for content in quoted:
            rest = rest.replace(content, "")
        if CZECH_LETTERS & set(rest):
            problems.append(chunk)
    return problems


@pytest.mark.parametrize("url", ENGLISH_PAGES)
def test_the_english_interface_has_no_czech_outside_czech_content(client, seeds, url):
    response = client.get(url)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert czech_outside_czech_content(html) == []


def test_the_check_covers_names_hints_and_sharing_tags():
    page = """<html lang="en"><head><title>Wages: <x></title>
      <meta name="description" content="Mzdy podle krajů">
      <meta property="og:title" content="Ředitel">
      <meta property="og:url" content="https://example.cz/povolani/ředitel"></head>
      <body><h1 lang="cs">Ředitel</h1><span role="img" aria-label="úroveň 4"></span>
      <a title="Přidat">Add</a><input placeholder="např."><img alt="Mapa krajů">
      <svg aria-labelledby="t"><title id="t">Rozpětí mezd</title><text>Praha</text></svg>
      <p lang="cs"><span aria-label="úroveň 2">Česky</span></p></body></html>"""
    assert czech_outside_czech_content(page) == [
        "Mzdy podle krajů",
        "úroveň 4",
        "Přidat",
        "např.",
        "Mapa krajů",
        "Rozpětí mezd",
    ]


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


# Django's translation functions, as makemessages passes them to xgettext.
GETTEXT_KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}
NOT_SOURCE = {".venv", "node_modules", ".git", "locale", "static", "staticfiles"}


def msgids_in_the_code():
    """{(msgid, context): "path:line"} of every string the code and templates translate.

    What makemessages does, without xgettext: templates go through Django's own
    templatize() (the step makemessages runs before xgettext), which turns {% translate %}
    and {% blocktranslate %} into gettext() calls, and Babel's Python extractor reads those
    and the .py files."""
    base = Path(settings.BASE_DIR)
    found = {}
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(base)
        if NOT_SOURCE & set(relative.parts) or not path.is_file():
            continue
        if path.suffix == ".py":
            source = path.read_bytes()
        elif {"templates", "jinja2"} & set(relative.parts) and path.suffix in (".html", ".txt"):
            source = templatize(path.read_text(encoding="utf-8")).encode()
        else:
            continue
        messages = extract("python", io.BytesIO(source), keywords=GETTEXT_KEYWORDS)
        for line, message, _comments, context in messages:
            msgid = message[0] if isinstance(message, tuple) else message
            found.setdefault((msgid, context), f"{relative}:{line}")
    return found


def catalogue(language):
    with open(
        Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po", "rb"
    ) as f:
        return read_po(f)


def translated(message):
    if message is None or message.fuzzy:  # pybabel compile leaves fuzzy entries out
        return False
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings)


def test_the_extraction_finds_templates_and_code():
    found = msgids_in_the_code()
    assert ("Zadání neodpovídá žádné povolání.", None) in found  # {% translate %}
    assert ("Úroveň se udává na stupnici %(low)s–%(high)s.", None) in found  # blocktranslate
    assert ("Nalezeno %(count)s povolání", None) in found  # blocktranslate count
    assert ("Hledat povolání", None) in found  # gettext_lazy as _
    assert ("bez údajů", None) in found  # gettext as _
    assert ("Nic, všechny požadavky jsou splněny.", None) in found  # _() in a Jinja2 fragment
    assert ("Úroveň %(low)s–%(high)s", None) in found  # _()|format() in a Jinja2 fragment


def test_every_translated_string_is_in_both_catalogues():
    """A Czech UI msgid needs its English msgstr, an English parser message its Czech one.

    Rendering pages would only catch a stale msgid on the pages and paths a test happens
    to visit; this reads every call site, so a msgid changed in the code but not in the
    catalogues (the level scale's %(scale_min)s → %(low)s) fails here by name."""
    english, czech = catalogue("en"), catalogue("cs")
    missing = [
        f"{where}: {msgid!r}"
        for (msgid, context), where in msgids_in_the_code().items()
        if english.get(msgid, context) is None
        or czech.get(msgid, context) is None
        or not (translated(english.get(msgid, context)) or translated(czech.get(msgid, context)))
    ]
    assert missing == []


@pytest.mark.parametrize("language", ["en", "cs"])
def test_translations_keep_the_placeholders(language):
    problems = [(message.id, errors) for message, errors in catalogue(language).check()]
    assert problems == []
