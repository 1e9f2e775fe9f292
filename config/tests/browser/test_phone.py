"""The wage pages on a 390 px phone: chart text legible, no table wider than the screen.

Measured in the browser, as a reader sees it: the font size of each chart text times the
scale its SVG is drawn at (getScreenCTM), and the width of each table against its
scrolling container and the screen. The comparison is checked with 2, 3 and 4 profiles
(the two seeds and two profiles derived from them, wages.tests.helpers)."""

import pytest

from config.tests.browser.test_accessibility import (
    AXE_TAGS,
    BLOCKING,
    PHONE_WIDTH,
    RUN_AXE,
    describe,
)
from wages.tests.helpers import import_two_more_profiles

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SMALLEST_TEXT_PX = 12


def compare(count):
    """The comparison of the two seeds and, for 3 or 4, the profiles derived from them."""
    ids = ("102742", "103332", "400001", "400002")[:count]
    return "/porovnani/?" + "&".join(f"id={nsp_id}" for nsp_id in ids)


# name: (path, charts, tables) of the page
PAGES = {
    "profile-occupation": ("/povolani/reditel-zakaznickych-sluzeb/", 1, 8),
    "profile-public-sphere": ("/povolani/reditel-zakaznickych-sluzeb/?sfera=public", 1, 8),
    "profile-specialization": ("/povolani/pracovnik-distancniho-zakaznickeho-servisu/", 1, 7),
    "isco": ("/isco/1221/", 0, 1),
    "isco-public-sphere": ("/isco/1221/?sfera=public", 0, 1),
    "wages-ranking-region": ("/mzdy/?kraj=praha", 0, 1),
    "wages-ranking-national": ("/mzdy/", 0, 1),
    "wages-occupation": ("/mzdy/?povolani=103332", 1, 1),
    "wages-occupation-public": ("/mzdy/?povolani=103332&sfera=public", 1, 1),
    "comparison-of-2": (compare(2), 1, 6),
    "comparison-of-3": (compare(3), 1, 6),
    "comparison-of-4": (compare(4), 1, 6),
    "comparison-of-4-public": (compare(4) + "&sfera=public", 1, 6),
    # English labels and amounts ("238,519 CZK") are longer.
    "english-profile": ("/en/povolani/reditel-zakaznickych-sluzeb/", 1, 8),
    "english-ranking": ("/en/mzdy/?kraj=praha", 0, 1),
    "english-comparison-of-4": ("/en" + compare(4), 1, 6),
}

MEASURE = """() => {
  const screen = document.documentElement.clientWidth;
  const shown = [...document.querySelectorAll('svg text')].filter(t => t.checkVisibility());
  const texts = shown.map(t => {
    const m = t.getScreenCTM();
    const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
    return {px: parseFloat(getComputedStyle(t).fontSize) * scale, text: t.textContent};
  });
  const describe = e => `${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''}`;
  const tables = [...document.querySelectorAll('table')].filter(t => t.checkVisibility());
  return {
    screen,
    page: document.documentElement.scrollWidth,
    charts: [...document.querySelectorAll('svg.range-chart, svg.range-chart-phone')]
      .filter(s => s.checkVisibility()).length,
    texts,
    tables: tables.map(t => {
      const box = t.parentElement;
      return {
        table: describe(t) + (t.caption ? ` "${t.caption.textContent.trim()}"` : ''),
        width: t.scrollWidth,
        room: box.clientWidth,
        scrolls: box.scrollWidth > box.clientWidth,
        right: t.getBoundingClientRect().right,
      };
    }),
    // What reaches past the screen's edge: an element's right edge, cut at the edge of any
    // ancestor that clips it (a visually hidden text, a scrolling box).
    wider: [...document.querySelectorAll('body *')].filter(e => {
      if (!e.checkVisibility()) return false;
      let right = e.getBoundingClientRect().right;
      for (let a = e.parentElement; a; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== 'visible') {
          right = Math.min(right, a.getBoundingClientRect().right);
        }
      }
      return right > screen + 0.5;
    }).map(describe),
    // Boxes that scroll sideways, tables' or any other.
    scrolling: [...document.querySelectorAll('body *')].filter(e => e.checkVisibility()
        && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
        && e.scrollWidth > e.clientWidth).map(describe),
  };
}"""


@pytest.fixture
def four_profiles(site, tmp_path):
    import_two_more_profiles(tmp_path)
    return site


@pytest.mark.parametrize("name", list(PAGES))
def test_charts_are_legible_and_tables_fit_a_phone(new_page, four_profiles, name):
    path, charts, tables = PAGES[name]
    page = new_page("phone")
    assert page.goto(four_profiles + path).status == 200
    found = page.evaluate(MEASURE)

    assert page.viewport_size["width"] == found["screen"] == PHONE_WIDTH
    assert found["page"] <= PHONE_WIDTH, f"{path} scrolls sideways"
    assert found["wider"] == [], f"{path}: wider than the screen"
    assert found["scrolling"] == [], f"{path}: scrolls sideways inside"
    assert found["charts"] == charts
    if charts:
        smallest = min(found["texts"], key=lambda t: t["px"])
        assert smallest["px"] >= SMALLEST_TEXT_PX, f"{path}: {smallest}"
    assert len(found["tables"]) == tables
    for table in found["tables"]:
        assert table["width"] <= table["room"], f"{path}: {table}"
        assert not table["scrolls"], f"{path}: {table}"
        assert table["right"] <= found["screen"], f"{path}: {table}"


@pytest.mark.parametrize("viewport", ["desktop", "phone"])
def test_one_layout_of_each_chart_is_shown_and_the_tables_stay_tables_on_a_desktop(
    new_page, site, viewport
):
    page = new_page(viewport)
    page.goto(site + "/porovnani/?id=102742&id=103332")
    shown = page.evaluate(
        """() => [...document.querySelectorAll('figure.chart svg')]
            .filter(s => s.checkVisibility()).map(s => s.getAttribute('class'))"""
    )
    displays = page.evaluate(
        "() => [...document.querySelectorAll('table')].map(t => getComputedStyle(t).display)"
    )
    if viewport == "desktop":
        assert shown == ["range-chart"]
        assert set(displays) == {"table"}
    else:
        assert shown == ["range-chart-phone"]
        assert "block" in displays


def test_a_reflowed_table_is_still_a_table_for_screen_readers(new_page, site):
    page = new_page("phone")
    page.goto(site + "/povolani/reditel-zakaznickych-sluzeb/")
    table = page.locator("#profil-mzdy-0 table")
    assert table.evaluate("t => getComputedStyle(t).display") == "block"

    tree = table.aria_snapshot()
    # One sphere on a phone: the public one's cells are out of the tree, as out of sight.
    assert '- rowheader "Hlavní město Praha"' in tree
    assert '- cell "98 245 Kč"' in tree
    assert '- cell "63 784 Kč"' not in tree
    assert '- columnheader "Medián"' in tree


def test_the_other_sphere_is_a_tap_away_on_a_phone(new_page, site, expect):
    page = new_page("phone")
    page.goto(site + "/povolani/reditel-zakaznickych-sluzeb/")
    figure = page.locator("#profil-mzdy-0")
    praha = figure.get_by_role("row", name="Hlavní město Praha")
    # The business sphere only (the row's name is what is shown, and read, of it).
    expect(praha).to_have_accessible_name("Hlavní město Praha 39 220 Kč 98 245 Kč 238 519 Kč")

    figure.get_by_role("link", name="platová sféra").click()

    page.wait_for_url("**/povolani/reditel-zakaznickych-sluzeb/?sfera=public#profil-mzdy-0")
    expect(praha).to_have_accessible_name("Hlavní město Praha 44 443 Kč 63 784 Kč 96 507 Kč")
    expect(praha).to_be_in_viewport()  # back at the table
    assert page.locator(".range-chart-phone title").first.text_content().endswith("(platová sféra)")


@pytest.mark.parametrize("count", [3, 4])
def test_a_comparison_of_three_and_four_passes_the_audit_on_a_phone(
    new_page, four_profiles, axe_source, count
):
    path = compare(count)
    page = new_page("phone", bypass_csp=True)  # for axe's inline script
    page.goto(four_profiles + path)
    page.add_script_tag(content=axe_source)
    violations = page.evaluate(RUN_AXE, AXE_TAGS)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {path}:\n{describe(blocking)}"
