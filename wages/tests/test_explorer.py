"""/mzdy/: ISCO groups ranked by median in a region and sphere; one occupation everywhere."""

import csv
import io

import pytest

from wages.tests.helpers import svg_image, table_row, text_of

pytestmark = pytest.mark.django_db


def ranking(client, **params):
    response = client.get("/mzdy/", params)
    assert response.status_code == 200
    return [
        (g.code, g.median, [nsp_id for nsp_id, _ in g.occupations])
        for g in response.context["groups"]
    ]


def test_groups_ranked_by_median_in_a_region(client, seeds):
    assert ranking(client, kraj="praha") == [("1221", 98245, [103332]), ("4222", 42292, [102742])]
    # The seed of 102742 has no Karlovarský and Olomoucký kraj rows, and "-" in the public
    # sphere: its group follows the ranked ones, without a figure.
    assert ranking(client, kraj="karlovarsky") == [
        ("1221", 66693, [103332]),
        ("4222", None, [102742]),
    ]
    assert ranking(client, kraj="olomoucky") == [
        ("1221", 64726, [103332]),
        ("4222", None, [102742]),
    ]
    assert ranking(client, kraj="praha", sfera="public") == [
        ("1221", 63784, [103332]),
        ("4222", None, [102742]),
    ]


def test_groups_ranked_by_national_median(client, seeds):
    assert ranking(client) == [
        ("1221", 74546, [103332]),
        ("12214", 61032, [103332]),
        ("4222", 37027, [102742]),
    ]
    # 12214 has a national median in the business sphere only ("61 032 Kč -").
    assert ranking(client, sfera="public") == [
        ("1221", 58351, [103332]),
        ("4222", 35778, [102742]),
        ("12214", None, [103332]),
    ]


@pytest.mark.parametrize("region", ["olomoucky", "karlovarsky"])
def test_a_group_without_a_figure_in_the_region_is_listed_as_missing(client, seeds, region):
    html = client.get("/mzdy/", {"kraj": region}).content.decode()
    table = html[html.index('<caption id="poradi">') : html.index("</table>")]
    last_row = table[table.rindex('<tr role="row">') :]
    # Each cell carries its header's label for a phone (Rok, Medián, Povolání).
    assert text_of(last_row) == (
        "4222 Pracovníci v zákaznických kontaktních centrech Rok 2023 Medián bez údajů "
        "Povolání Pracovník distančního zákaznického servisu"
    )

    response = client.get("/mzdy/", {"kraj": region, "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:]), delimiter=";"))
    assert rows[1][:2] == ["1", "1221"]
    assert rows[2][:4] == ["", "4222", "Pracovníci v zákaznických kontaktních centrech", "2023"]
    assert rows[2][6:] == ["", "", "", "Pracovník distančního zákaznického servisu"]
    assert len(rows) == 3


def test_ranges_are_shown_with_the_ranking(client, seeds):
    text = text_of(client.get("/mzdy/", {"kraj": "praha"}).content.decode())
    assert "Medián 98 245 Kč Od – do 39 220 Kč – 238 519 Kč" in text


def test_one_occupation_in_every_region_with_chart_and_map(client, seeds):
    html = client.get("/mzdy/", {"povolani": "102742"}).content.decode()
    assert html.count('<path class="region ') == 14
    assert 'class="region no-data"' in html  # Karlovarský and Olomoucký kraj
    assert "Hranice krajů: name-suggestion-index contributors (BSD-3-Clause)" in html
    assert 'role="img"' in html and 'aria-describedby="mzdy-kraje-0"' in html


@pytest.mark.parametrize(
    ("params", "sphere", "expected_rows"),
    [
        (
            {"povolani": "102742"},
            "mzdová sféra",
            {
                "Hlavní město Praha": "30 761 Kč 42 292 Kč 63 781 Kč",
                "Karlovarský kraj": "bez údajů",
                "Moravskoslezský kraj": "25 114 Kč 32 731 Kč 46 120 Kč",
            },
        ),
        (
            {"povolani": "102742", "sfera": "public"},
            "platová sféra",
            {"Hlavní město Praha": "bez údajů", "Moravskoslezský kraj": "bez údajů"},
        ),
        (
            {"povolani": "103332", "sfera": "public"},
            "platová sféra",
            {
                "Hlavní město Praha": "44 443 Kč 63 784 Kč 96 507 Kč",
                "Středočeský kraj": "bez údajů",
            },
        ),
    ],
)
def test_chart_and_map_name_their_sphere_and_are_described_by_its_figures(
    client, seeds, params, sphere, expected_rows
):
    html = client.get("/mzdy/", params).content.decode()
    chart, region_map = svg_image(html, "range-chart"), svg_image(html, "region-map")

    year, code = ("2023", "4222") if params["povolani"] == "102742" else ("2020", "1221")
    assert chart.title == f"Mzdy podle krajů v roce {year}, CZ-ISCO {code} ({sphere})"
    assert region_map.title == f"Medián mzdy podle krajů v roce {year}, CZ-ISCO {code} ({sphere})"
    assert chart.role == region_map.role == "img"
    assert chart.described == region_map.described
    assert chart.described_tag == "table"
    assert chart.described.count('<tr role="row"><th scope="row"') == 14
    for region, cells in expected_rows.items():
        assert table_row(chart.described, region) == cells


def test_csv_of_a_ranking(client, seeds):
    response = client.get("/mzdy/", {"kraj": "praha", "format": "csv"})
    body = response.content.decode("utf-8")
    assert body.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(body[1:]), delimiter=";"))
    assert rows[0][:3] == ["Pořadí", "CZ-ISCO", "Skupina"]
    assert rows[1][:2] == ["1", "1221"]
    assert rows[1][4:10] == [
        "Hlavní město Praha",
        "mzdová sféra",
        "39220",
        "98245",
        "238519",
        "Ředitel zákaznických služeb",
    ]


@pytest.mark.parametrize("by_key", [200, 0], ids=["occupations by group", "every link read"])
def test_a_long_ranking_is_paged_and_keeps_counting(client, seeds, monkeypatch, by_key):
    monkeypatch.setattr("wages.views.GROUPS_PER_PAGE", 2)
    monkeypatch.setattr("wages.selectors.GROUPS_BY_KEY", by_key)
    assert ranking(client) == [("1221", 74546, [103332]), ("12214", 61032, [103332])]
    second = client.get("/mzdy/", {"strana": 2})
    assert [(g.code, g.occupations) for g in second.context["groups"]] == [
        ("4222", [(102742, "Pracovník distančního zákaznického servisu")]),
    ]
    html = second.content.decode()
    row = html[html.index('<td class="rank"') :]
    assert text_of(row[: row.index("</td>")]) == "3"  # the third of the whole ranking
    assert "Strana 2 z 2" in html
    assert 'href="?strana=1" rel="prev"' in html
    # The spreadsheet is the whole ranking, every group with its occupations.
    body = client.get("/mzdy/", {"format": "csv"}).content.decode("utf-8")[1:]
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert [(row[0], row[1], row[-1]) for row in rows[1:]] == [
        ("1", "1221", "Ředitel zákaznických služeb"),
        ("2", "12214", "Ředitel zákaznických služeb"),
        ("3", "4222", "Pracovník distančního zákaznického servisu"),
    ]


def test_csv_of_one_occupation_keeps_missing_figures_empty(client, seeds):
    response = client.get("/mzdy/", {"povolani": "102742", "format": "csv"})
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8")[1:]), delimiter=";"))
    assert rows[1] == [
        "Hlavní město Praha",
        "2023",
        "4222",
        "mzdová sféra",
        "30761",
        "42292",
        "63781",
    ]
    assert rows[5] == ["Karlovarský kraj", "2023", "4222", "mzdová sféra", "", "", ""]
    assert len(rows) == 15


@pytest.mark.parametrize(
    "params",
    [
        {"kraj": "mars"},
        {"sfera": "x"},
        {"povolani": "abc"},
        {"povolani": "9" * 30},
        {"hledat": "x" * 500},
    ],
)
def test_odd_parameters_fall_back_to_defaults(client, seeds, params):
    assert client.get("/mzdy/", params).status_code == 200


def test_a_map_with_one_regional_median_has_one_legend_band(client, seeds):
    # 103332 has a public-sphere figure in Praha only (63 784 Kč).
    html = client.get("/mzdy/", {"povolani": "103332", "sfera": "public"}).content.decode()
    start = html.index('<ul class="map-legend"')
    legend = html[start : html.index("</ul>", start)]
    assert text_of(legend) == "63 784 Kč bez údajů"
    assert html.count('class="region shade-') == 1
