"""Error pages: they render whatever was wrong with the request, in the site's style and
language, and they are no place on the web (no canonical address, no language versions)."""

import json
import re

import pytest
from django.test import Client, RequestFactory

from config.views import csrf_failure

pytestmark = pytest.mark.django_db

TOO_MANY_PARAMETERS = "&".join(f"x={n}" for n in range(1001))  # Django refuses over 1,000


def links(html):
    """{text: href} of the links in the page."""
    return {
        re.sub(r"<[^>]+>", "", text).strip(): href
        for href, text in re.findall(r'<a href="([^"]*)"[^>]*>(.*?)</a>', html, re.S)
    }


def assert_strict_headers(response):
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/povolani/?q=x", "Tomuto požadavku nerozumíme"),
        ("/neexistuje/", "Tomuto požadavku nerozumíme"),
        ("/admin/login/", "Tomuto požadavku nerozumíme"),
        ("/en/povolani/?q=x", "We could not understand this request"),
    ],
)
def test_a_host_we_do_not_serve_is_a_bad_request_page(client, seeds, url, heading):
    response = client.get(url, headers={"host": "evil.example"})

    assert response.status_code == 400
    html = response.content.decode()
    assert heading in html
    assert "evil.example" not in html
    assert_strict_headers(response)


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/", "Tomuto požadavku nerozumíme"),
        ("/povolani/", "Tomuto požadavku nerozumíme"),
        ("/o-datech/", "Tomuto požadavku nerozumíme"),
        ("/admin/login/", "Tomuto požadavku nerozumíme"),
        ("/en/povolani/", "We could not understand this request"),
    ],
)
def test_more_than_a_thousand_parameters_is_a_bad_request_page(client, seeds, url, heading):
    response = client.get(f"{url}?{TOO_MANY_PARAMETERS}")

    assert response.status_code == 400
    assert heading in response.content.decode()
    assert_strict_headers(response)


def test_the_api_answers_json_to_a_bad_host_or_too_many_parameters(client, seeds):
    for response in (
        client.get("/api/v1/occupations/", headers={"host": "evil.example"}),
        client.get(f"/api/v1/occupations/?{TOO_MANY_PARAMETERS}"),
    ):
        assert response.status_code == 400
        assert response.json() == {"error": {"status": 400, "message": "Bad request."}}


@pytest.mark.parametrize(
    ("url", "other_language", "home"),
    [("/neexistuje/", "English", "/en/"), ("/en/neexistuje/", "Čeština", "/")],
)
def test_the_language_switch_of_an_error_page_leads_to_the_other_home_page(
    client, seeds, url, other_language, home
):
    response = client.get(url)

    assert response.status_code == 404
    html = response.content.decode()
    assert links(html)[other_language] == home
    # Nothing in the page names the missing address as a page of the site.
    assert "neexistuje" not in html
    assert 'rel="canonical"' not in html and 'rel="alternate"' not in html
    assert 'property="og:url"' not in html


def test_a_bad_host_error_page_links_only_to_paths(client, seeds):
    html = client.get("/en/?q=x", headers={"host": "evil.example"}).content.decode()
    assert links(html)["Čeština"] == "/"
    assert "://" not in html.replace("https://nsp.cz/", "")


@pytest.mark.parametrize(
    ("url", "heading"),
    [
        ("/povolani/", "Odeslaný formulář se nepodařilo ověřit"),
        ("/en/povolani/", "We could not verify the form you sent"),
        ("/admin/login/", "Odeslaný formulář se nepodařilo ověřit"),
    ],
)
def test_a_post_without_the_csrf_token_gets_a_page_in_the_site_style(seeds, url, heading):
    response = Client(enforce_csrf_checks=True).post(url, {"username": "a", "password": "b"})

    assert response.status_code == 403
    html = response.content.decode()
    assert heading in html
    assert 'class="site-header"' in html
    assert "<style" not in html  # Django's own CSRF page has inline style, which CSP blocks
    assert_strict_headers(response)


def test_a_csrf_failure_under_the_api_is_json():
    response = csrf_failure(RequestFactory().post("/api/v1/occupations/"), reason="no cookie")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["error"]["status"] == 403
