"""A comparison prints cleanly on A4: content only, nothing cut off at the page's edge."""

import re

import pytest

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# A4 is 210 mm wide; print.css leaves 12 mm margins: 186 mm at 96 px per inch.
PRINTABLE_WIDTH_PX = round(186 / 25.4 * 96)


def test_a_comparison_prints_on_a4(new_page, site):
    page = new_page("desktop")
    page.set_viewport_size({"width": PRINTABLE_WIDTH_PX, "height": 1000})
    page.goto(site + "/porovnani/?id=102742&id=103332")
    page.emulate_media(media="print")

    hidden = page.evaluate(
        """() => ['.site-header', '.site-footer', '.compare-actions', '.add-occupation']
            .map(s => document.querySelector(s))
            .filter(e => e && getComputedStyle(e).display !== 'none')
            .map(e => e.className)"""
    )
    assert hidden == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PRINTABLE_WIDTH_PX
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 10, pages
