"""A comparison prints cleanly on A4: content only, nothing cut off at the page's edge."""

import re

import pytest

from wages.tests.helpers import import_two_more_profiles

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True, databases="__all__")

# A4 is 210 mm wide; print.css leaves 12 mm margins: 186 mm at 96 px per inch.
PRINTABLE_WIDTH_PX = round(186 / 25.4 * 96)

# Elements whose right edge lies beyond the printable width (half a pixel for rounding).
OVERFLOWING = """(width) => [...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > width + 0.5)
    .map(e => `${e.tagName.toLowerCase()}.${e.getAttribute('class') || ''}`)"""


@pytest.mark.parametrize(("count", "most_pages"), [(2, 10), (4, 16)])  # 4: the widest
def test_a_comparison_prints_on_a4(new_page, site, tmp_path, count, most_pages):
    ids = ["102742", "103332"]
    if count == 4:
        import_two_more_profiles(tmp_path)
        ids += ["400001", "400002"]
    page = new_page("desktop")
    page.set_viewport_size({"width": PRINTABLE_WIDTH_PX, "height": 1000})
    page.goto(site + "/porovnani/?" + "&".join(f"id={nsp_id}" for nsp_id in ids))
    page.emulate_media(media="print")

    assert page.locator(".compare-wages thead th").count() == 1 + count
    hidden = page.evaluate(
        """() => ['.site-header', '.site-footer', '.compare-actions', '.add-occupation']
            .map(s => document.querySelector(s))
            .filter(e => e && getComputedStyle(e).display !== 'none')
            .map(e => e.className)"""
    )
    assert hidden == []
    assert page.evaluate(OVERFLOWING, PRINTABLE_WIDTH_PX) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINTABLE_WIDTH_PX
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= most_pages, pages
