"""The wage sphere a page shows: chosen in the URL, with links to the other one.

Seeds: 103332 (CZ-ISCO 1221, 2020) has figures in both spheres (the public one only in
Praha); 102742 (CZ-ISCO 4222, 2023) in the business sphere only."""

import re

import pytest
from django.test import RequestFactory

from wages.spheres import chosen_sphere, sphere_links
from wages.tests.helpers import svg_image

DIRECTOR_URL = "/povolani/reditel-zakaznickych-sluzeb/"
SPECIALIST_URL = "/povolani/pracovnik-distancniho-zakaznickeho-servisu/"
BOTH = ["business", "public"]


def request(query=""):
    return RequestFactory().get(f"/povolani/x/{query}")


@pytest.mark.parametrize(
    ("query", "spheres", "chosen"),
    [
        ("", BOTH, "business"),
        ("?sfera=public", BOTH, "public"),
        ("?sfera=nonsense", BOTH, "business"),
        ("?sfera=public", ["business"], "business"),  # no public figures: not shown empty
        ("", ["public"], "public"),
        ("?sfera=public", [], "public"),
        ("", [], "business"),
    ],
)
def test_the_chosen_sphere_is_one_with_figures(query, spheres, chosen):
    assert chosen_sphere(request(query), spheres) == chosen


def test_links_switch_the_sphere_and_keep_the_other_parameters():
    links = sphere_links(request("?porovnat=102742&sfera=public"), BOTH)
    assert links == [
        ("business", "mzdová sféra", "/povolani/x/?porovnat=102742"),
        ("public", "platová sféra", "/povolani/x/?porovnat=102742&sfera=public"),
    ]
    # The default sphere's link is the plain address: one page, one cached copy.
    assert sphere_links(request("?sfera=public"), BOTH)[0][2] == "/povolani/x/"
    assert sphere_links(request(), ["business"]) == []


def switch(html):
    """[(link text, href, is current)] of each sphere switch on the page."""
    return [
        [
            (label, href, bool(current))
            for href, current, label in re.findall(
                r'<a href="([^"]+)"( aria-current="true" class="is-current")?>([^<]+)</a>', p
            )
        ]
        for p in re.findall(r'<p class="switch[^"]*">(.*?)</p>', html, re.S)
    ]


def table_classes(html):
    return re.findall(r'<table class="(reflow regional[^"]*)"', html)


@pytest.mark.django_db
def test_the_profile_shows_the_chosen_sphere_in_its_chart_and_on_a_phone(client, seeds):
    html = client.get(DIRECTOR_URL).content.decode()
    assert svg_image(html, "range-chart").title.endswith("(mzdová sféra)")
    assert table_classes(html) == ["reflow regional shows-business"]
    # One switch above the chart, and one for phones above the table (back at the table).
    assert switch(html) == [
        [
            ("mzdová sféra", f"{DIRECTOR_URL}#mzdy", True),
            ("platová sféra", f"{DIRECTOR_URL}?sfera=public#mzdy", False),
        ],
        [
            ("mzdová sféra", f"{DIRECTOR_URL}#profil-mzdy-0", True),
            ("platová sféra", f"{DIRECTOR_URL}?sfera=public#profil-mzdy-0", False),
        ],
    ]
    assert 'class="switch no-print phone-only"' in html

    html = client.get(DIRECTOR_URL, {"sfera": "public"}).content.decode()
    assert svg_image(html, "range-chart").title.endswith("(platová sféra)")
    assert svg_image(html, "region-map").title.endswith("(platová sféra)")
    assert table_classes(html) == ["reflow regional shows-public"]
    assert [current for _, _, current in switch(html)[0]] == [False, True]
    # The table still holds both spheres: a wide screen shows them side by side.
    assert html.count('class="num median sphere-public"') == 1  # Praha only
    assert html.count('class="num median sphere-business"') == 14


@pytest.mark.django_db
def test_a_profile_with_one_sphere_offers_no_switch(client, seeds):
    html = client.get(SPECIALIST_URL, {"sfera": "public"}).content.decode()
    assert svg_image(html, "range-chart").title.endswith("(mzdová sféra)")
    assert table_classes(html) == ["reflow regional shows-business"]
    assert switch(html) == []


@pytest.mark.django_db
def test_the_isco_page_shows_the_chosen_sphere_on_a_phone(client, seeds):
    html = client.get("/isco/1221/", {"sfera": "public"}).content.decode()
    assert table_classes(html) == ["reflow regional shows-public"]
    assert switch(html) == [
        [
            ("mzdová sféra", "/isco/1221/#profil-mzdy-0", False),
            ("platová sféra", "/isco/1221/?sfera=public#profil-mzdy-0", True),
        ]
    ]
