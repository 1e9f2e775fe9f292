"""Wage tables on the ISCO group pages: regional figures where there are some, national
medians alone where that is all the profiles give.

From the seed of 103332: CZ-ISCO 1221 has 2020 figures by region and the national medians
74 546 Kč (business) and 58 351 Kč (public); CZ-ISCO 12214 has only a national median, 61 032
Kč in the business sphere and "-" in the public one.
"""

import pytest

from wages.tests.helpers import text_of

pytestmark = pytest.mark.django_db


def wage_section(client, url):
    html = client.get(url).content.decode()
    start = html.index('<h2 id="mzdy-title"')
    return html[start : html.index("</section>", start)]


def test_a_group_with_only_national_medians_shows_them_with_one_note(client, seeds):
    section = wage_section(client, "/isco/12214/")

    assert "<table" not in section
    assert "Hlavní město Praha" not in section
    assert section.count('class="note"') + section.count('class="missing"') == 1
    assert text_of(section) == (
        "Hrubé měsíční mzdy "
        "Mzdy patří celé skupině CZ-ISCO: všechna povolání ve skupině mají stejnou tabulku. "
        "Medián za celou ČR v roce 2020 "
        "NSP pro tuto skupinu uvádí jen medián za celou ČR, mzdy podle krajů ne. "
        "Medián za celou ČR: mzdová sféra 61 032 Kč , platová sféra bez údajů ."
    )


def test_a_group_with_regional_figures_shows_the_table_and_the_national_medians(client, seeds):
    section = wage_section(client, "/isco/1221/")

    assert section.count('<tr role="row"><th scope="row" lang="cs"') == 14
    text = text_of(section)
    assert "Hlavní město Praha 39 220 Kč 98 245 Kč 238 519 Kč 44 443 Kč 63 784 Kč 96 507 Kč" in text
    assert "Medián za celou ČR: mzdová sféra 74 546 Kč , platová sféra 58 351 Kč ." in text
    assert "jen medián za celou ČR" not in text
