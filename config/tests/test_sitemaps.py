"""The sitemap index lists a sitemap per section, page by page, with every profile."""

import re

import pytest

from occupations.sitemaps import OccupationSitemap

pytestmark = pytest.mark.django_db

PROFILES = [
    "/povolani/pracovnik-distancniho-zakaznickeho-servisu/",
    "/povolani/reditel-zakaznickych-sluzeb/",
]


def locations(response):
    assert response.status_code == 200
    return re.findall(r"<loc>(.*?)</loc>", response.content.decode())


def test_every_profile_is_in_a_sitemap_of_the_index(client, seeds, monkeypatch):
    # Two profiles in two languages are four addresses: two pages of three.
    monkeypatch.setattr(OccupationSitemap, "limit", 3)

    sitemaps = locations(client.get("/sitemap.xml"))
    addresses = [url for sitemap in sitemaps for url in locations(client.get(sitemap))]

    assert sitemaps == [
        "http://testserver/sitemap-pages.xml",
        "http://testserver/sitemap-occupations.xml",
        "http://testserver/sitemap-occupations.xml?p=2",
    ]
    assert len(addresses) == len(set(addresses))
    for profile in PROFILES:
        assert f"http://testserver{profile}" in addresses
        assert f"http://testserver/en{profile}" in addresses
    assert "http://testserver/en/o-datech/" in addresses
    assert "http://testserver/co-umim/" in addresses


@pytest.mark.parametrize(
    "url", ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-occupations.xml", "/robots.txt"]
)
def test_the_sitemaps_and_robots_txt_are_cached_public_pages(client, seeds, url):
    first = client.get(url)
    again = client.get(url, headers={"if-none-match": first["ETag"]})
    assert (first.status_code, again.status_code) == (200, 304)
    assert "public" in first["Cache-Control"]


def test_robots_txt_points_at_the_sitemap_index(client, seeds):
    lines = client.get("/robots.txt", secure=True).content.decode().splitlines()
    assert "Sitemap: https://testserver/sitemap.xml" in lines


@pytest.mark.parametrize("url", ["/sitemap-nothing.xml", "/sitemap-occupations.xml?p=2"])
def test_a_sitemap_that_does_not_exist_is_a_404(client, seeds, url):
    assert client.get(url).status_code == 404
