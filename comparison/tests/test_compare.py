"""/porovnani/: the two seeds side by side, in both spheres; bad requests; CSV; print.

Figures from the seed texts: 102742 (A, CZ-ISCO 4222, 2023, business sphere only, no
Karlovarský and Olomoucký kraj rows) and 103332 (B, CZ-ISCO 1221, 2020, public sphere only
in Praha).
"""

import csv
import io
import re
from html import unescape
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import SEED_SPECIALIZATION
from profiles.importer import import_paths
from wages.tests.helpers import import_two_more_profiles, svg_image, table_row

pytestmark = pytest.mark.django_db

BOTH = "/porovnani/?id=102742&id=103332"


def text_of(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def wage_row(html, region):
    """The text of a region's row in the comparison wage table: each figure after the
    letter of its occupation (shown on a phone, where the figures stand under the region)."""
    table = html[html.index('class="compare-wages') :]
    match = re.search(
        rf"<tr role=\"row\"><th scope=\"row\"[^>]*>{re.escape(region)}</th>(.*?)</tr>",
        table,
        re.S,
    )
    assert match, region
    return text_of(match.group(1))


def test_business_sphere_region_by_region(client, seeds):
    html = client.get(BOTH).content.decode()

    assert wage_row(html, "Hlavní město Praha") == (
        "A 42 292 Kč 30 761 Kč – 63 781 Kč B 98 245 Kč 39 220 Kč – 238 519 Kč"
    )
    assert wage_row(html, "Karlovarský kraj") == "A bez údajů B 66 693 Kč 38 901 Kč – 105 250 Kč"
    assert wage_row(html, "Olomoucký kraj") == "A bez údajů B 64 726 Kč 34 385 Kč – 134 956 Kč"
    assert (
        len(re.findall(r'<tr role="row"><th scope="row"', html[html.index("compare-wages") :]))
        >= 14
    )
    national = html[html.index('class="national"') :]
    assert text_of(national[: national.index("</tr>")]).endswith("A 37 027 Kč B 74 546 Kč")


def test_public_sphere_region_by_region(client, seeds):
    html = client.get(f"{BOTH}&sfera=public").content.decode()

    assert "Mzdy podle krajů – platová sféra" in html
    assert wage_row(html, "Hlavní město Praha") == "A bez údajů B 63 784 Kč 44 443 Kč – 96 507 Kč"
    assert wage_row(html, "Středočeský kraj") == "A bez údajů B bez údajů"
    national = html[html.index('class="national"') :]
    assert text_of(national[: national.index("</tr>")]).endswith("A 35 778 Kč B 58 351 Kč")


def test_the_year_of_each_figure_is_visible(client, seeds):
    text = text_of(client.get(BOTH).content.decode())
    assert "údaje za rok 2023 , skupina CZ-ISCO 4222" in text
    assert "údaje za rok 2020 , skupina CZ-ISCO 1221" in text
    assert "Pozor: údaje jsou z různých let (2020, 2023)" in text


def test_qualification_conditions_competences_and_education(client, seeds):
    html = client.get(BOTH).content.decode()
    text = text_of(html)

    # Seed 001's level, without the names the export fused into it.
    assert "Magisterský studijní program" in text
    assert "Ředitel centra zákaznické podpory" not in text

    def condition(name):
        row = re.search(
            rf'<tr role="row"( class="differs")?><th[^>]*>{name}</th>(.*?)</tr>', html, re.S
        )
        assert row, name
        return bool(row.group(1)), text_of(row.group(2))

    assert condition("Zátěž hlukem") == (True, "A 2 B 1 liší se")
    assert condition("Zraková zátěž") == (True, "A 1–2 B 2 liší se")
    assert condition("Zátěž teplem") == (False, "A 1 B 1")
    # General skills: both need b01, b03–b07; only A needs b08, only B needs b02.
    shared = html[html.index("Společné všem") : html.index("Jen u některých")]
    assert "Počítačová způsobilost" in shared and "Jazyková způsobilost v dalším" not in shared
    particular = html[html.index("Jen u některých") : html.index('id="vzdelani-title"')]
    assert "Jazyková způsobilost v dalším cizím jazyce" in particular
    assert "Způsobilost k řízení osobního automobilu" in particular
    assert "KKOV 6208T" in text and "KKOV 6341M" in text


def test_collecting_occupations_on_the_list_and_profile_pages(client, seeds):
    html = client.get("/povolani/", {"porovnat": "102742"}).content.decode()

    assert "K porovnání: 1 povolání" in html
    assert 'href="/povolani/">Odebrat z porovnání' in html
    assert 'href="/povolani/?porovnat=102742&amp;porovnat=103332">Přidat do porovnání' in html
    assert 'name="porovnat" value="102742"' in html  # the filter form keeps the basket
    assert 'href="/povolani/reditel-zakaznickych-sluzeb/?porovnat=102742"' in html

    profile = client.get(
        "/povolani/reditel-zakaznickych-sluzeb/", {"porovnat": "102742"}
    ).content.decode()
    assert (
        'href="/povolani/reditel-zakaznickych-sluzeb/?porovnat=102742&amp;porovnat=103332"'
        in profile
    )
    both = client.get(
        "/povolani/reditel-zakaznickych-sluzeb/", {"porovnat": ["102742", "103332"]}
    ).content.decode()
    assert 'href="/porovnani/?id=102742&amp;id=103332">Porovnat</a>' in both


def test_removing_and_adding_within_the_comparison(client, seeds):
    html = client.get(BOTH).content.decode()
    assert 'href="/porovnani/?id=103332">Odebrat' in html

    added = client.get("/porovnani/", {"id": "102742", "hledat": "reditel"}).content.decode()
    assert 'href="/porovnani/?id=102742&amp;id=103332">Přidat' in added


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("id=abc&id=103332", 400, "„abc“ není číslo profilu"),
        ("id=102742&id=102742", 400, "Profil 102742 je v porovnání dvakrát."),
        ("id=1&id=2&id=3&id=4&id=5", 400, "Porovnat lze nejvýše 4 povolání najednou"),
        ("id=999999&id=102742", 404, "Profil s NSP ID 999999 v portálu není."),
        ("id=" + "9" * 40, 400, "není číslo profilu"),
    ],
)
def test_bad_requests_get_a_helpful_page(client, seeds, query, status, message):
    response = client.get(f"/porovnani/?{query}")
    assert response.status_code == status
    html = response.content.decode()
    assert message in html
    assert "Porovnat lze 2 až 4 povolání" in html


def test_a_request_with_repeated_ids_suggests_the_clean_comparison(client, seeds):
    html = client.get("/porovnani/?id=102742&id=103332&id=102742").content.decode()
    assert 'href="/porovnani/?id=102742&amp;id=103332">Porovnat platné profily' in html


@pytest.mark.parametrize("query", ["", "id=102742"])
def test_fewer_than_two_is_a_step_not_an_error(client, seeds, query):
    response = client.get(f"/porovnani/?{query}")
    assert response.status_code == 200
    assert "Přidat povolání do porovnání" in response.content.decode()


def test_the_csv_opens_in_czech_excel(client, seeds):
    response = client.get(f"{BOTH}&format=csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="porovnani-102742-103332.csv"' in response["Content-Disposition"]
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert rows[0][1] == (
        "Pracovník distančního zákaznického servisu (CZ-ISCO 4222, 2023) – mzdová sféra – od"
    )
    assert rows[0][7] == "Ředitel zákaznických služeb (CZ-ISCO 1221, 2020) – mzdová sféra – od"
    assert rows[1] == [
        "Hlavní město Praha",
        "30761",
        "42292",
        "63781",
        "",
        "",
        "",
        "39220",
        "98245",
        "238519",
        "44443",
        "63784",
        "96507",
    ]
    assert rows[5][:7] == ["Karlovarský kraj", "", "", "", "", "", ""]  # missing, not 0
    assert len(rows) == 18


def test_the_csv_has_every_national_median_with_its_isco_group_and_year(client, seeds):
    body = client.get(f"{BOTH}&format=csv").content.decode("utf-8")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))

    # Columns: A business od/medián/do, A public od/medián/do, then the same for B.
    assert rows[15:] == [
        ["Česká republika (medián), CZ-ISCO 4222, 2023", "", "37027", "", "", "35778", "",
         "", "", "", "", "", ""],
        ["Česká republika (medián), CZ-ISCO 1221, 2020", "", "", "", "", "", "",
         "", "74546", "", "", "58351", ""],
        # 103332's second national row: "12214 … 61 032 Kč -", not in its regional table.
        ["Česká republika (medián), CZ-ISCO 12214, 2020", "", "", "", "", "", "",
         "", "61032", "", "", "", ""],
    ]  # fmt: skip


def test_csv_of_a_bad_request_is_a_plain_400(client, seeds):
    response = client.get("/porovnani/?id=102742&format=csv")
    assert response.status_code == 400
    assert "2 až 4" in response.content.decode()


def test_the_comparison_prints_on_a4(client, seeds):
    html = client.get(BOTH).content.decode()
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in html
    print_css = Path(finders.find("css/print.css")).read_text(encoding="utf-8")
    assert "size: A4" in print_css
    assert ".compare-actions" in print_css and ".site-header" in print_css


def test_queries_do_not_grow_with_the_number_compared(client, seeds, tmp_path):
    import_two_more_profiles(tmp_path)

    def count(url):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
            assert response.status_code == 200
        return len(captured), text_of(response.content.decode())

    two, _ = count(BOTH)
    four, text = count(f"{BOTH}&id=400001&id=400002")
    for year, code in (("2023", "4222"), ("2020", "1221"), ("2021", "4223"), ("2019", "1222")):
        assert f"údaje za rok {year} , skupina CZ-ISCO {code}" in text
    assert "2019, CZ-ISCO 12224: 61 032 Kč" in text
    assert two == four


def test_the_profile_page_keeps_the_collected_list_in_its_links(client, seeds):
    html = client.get(
        "/povolani/reditel-zakaznickych-sluzeb/", {"porovnat": "102742"}
    ).content.decode()

    start = html.index('class="breadcrumbs"')
    breadcrumbs = html[start : html.index("</nav>", start)]
    assert 'href="/povolani/?porovnat=102742"' in breadcrumbs
    assert 'href="/povolani/?obor=management&amp;porovnat=102742"' in breadcrumbs
    assert 'href="/porovnani/?id=102742&amp;id=103332">Porovnat s jiným povoláním' in html


@pytest.mark.parametrize(
    ("collected", "compare_link"),
    [
        ([], "/porovnani/?id=103332"),
        (["103332", "102742"], "/porovnani/?id=103332&amp;id=102742"),  # already collected
        (["999999", "102742"], "/porovnani/?id=102742&amp;id=103332"),  # unknown id left out
    ],
)
def test_the_profile_compare_link_adds_this_profile_to_the_known_collected(
    client, seeds, collected, compare_link
):
    html = client.get(
        "/povolani/reditel-zakaznickych-sluzeb/", {"porovnat": collected}
    ).content.decode()
    assert f'href="{compare_link}">Porovnat s jiným povoláním' in html


def test_a_full_collection_makes_room_for_the_profile_in_its_compare_link(client, seeds, tmp_path):
    text = SEED_SPECIALIZATION.read_text(encoding="utf-8")
    paths = []
    for nsp_id in ("400001", "400002", "400003"):
        paths.append(tmp_path / f"{nsp_id}.txt")
        paths[-1].write_text(text.replace("102742", nsp_id), encoding="utf-8")
    import_paths(paths)

    html = client.get(
        "/povolani/reditel-zakaznickych-sluzeb/",
        {"porovnat": ["102742", "400001", "400002", "400003"]},
    ).content.decode()
    link = "/porovnani/?id=102742&amp;id=400001&amp;id=400002&amp;id=103332"
    assert f'href="{link}">Porovnat s jiným povoláním' in html


def test_the_compare_bar_links_only_profiles_that_exist(client, seeds):
    html = client.get("/povolani/", {"porovnat": ["999999", "102742", "103332"]}).content.decode()

    assert "K porovnání: 2 povolání" in html
    assert 'href="/porovnani/?id=102742&amp;id=103332">Porovnat</a>' in html


@pytest.mark.parametrize(
    ("query", "suggestion"),
    [
        # More than four: the first four that exist, not the first four asked for.
        (
            "id=1&id=102742&id=2&id=3&id=103332",
            'href="/porovnani/?id=102742&amp;id=103332">Porovnat platné profily',
        ),
        # One valid profile left: go on with it (the comparison page then helps add more).
        (
            "id=102742&id=102742",
            'href="/porovnani/?id=102742">Pokračovat s profilem '
            '<span lang="cs">Pracovník distančního zákaznického servisu</span>',
        ),
        (
            "id=999999&id=102742&sfera=public",
            'href="/porovnani/?id=102742&amp;sfera=public">Pokračovat s profilem ',
        ),
    ],
)
def test_error_pages_suggest_only_profiles_that_exist(client, seeds, query, suggestion):
    html = client.get(f"/porovnani/?{query}").content.decode()
    assert suggestion in html


@pytest.mark.parametrize("query", ["id=1&id=2&id=3&id=4&id=5", "id=999999&id=888888"])
def test_error_pages_suggest_nothing_when_no_profile_exists(client, seeds, query):
    html = client.get(f"/porovnani/?{query}").content.decode()
    assert "Porovnat platné profily" not in html
    assert "Pokračovat s profilem" not in html


@pytest.mark.parametrize(
    ("query", "title", "praha"),
    [
        ("", "Mzdy podle krajů v porovnání (mzdová sféra)", "A 42 292 Kč 30 761 Kč – 63 781 Kč"),
        ("&sfera=public", "Mzdy podle krajů v porovnání (platová sféra)", "A bez údajů"),
    ],
)
def test_the_comparison_chart_is_an_image_described_by_the_wage_table(
    client, seeds, query, title, praha
):
    html = client.get(BOTH + query).content.decode()
    chart = svg_image(html, "range-chart")

    assert chart.role == "img"
    assert chart.title == title
    assert chart.described_tag == "table"
    assert 'id="porovnani-mzdy"' in chart.described
    assert table_row(chart.described, "Hlavní město Praha").startswith(praha)
