"""The read-only JSON API: the profile document, filtered summaries, the schema, errors."""

import json

import pytest
from django.test import Client
from jsonschema import Draft202012Validator

from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from nsp.parser import SCHEMA_PATH, parse_file

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("seed", [SEED_SPECIALIZATION, SEED_OCCUPATION])
def test_the_detail_is_exactly_the_parsed_document(client, seeds, seed):
    document = parse_file(seed)

    response = client.get(f"/api/v1/occupations/{document['nsp_id']}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == document
    Draft202012Validator(json.loads(SCHEMA_PATH.read_text())).validate(response.json())
    assert "Ředitel" in response.content.decode() or "Pracovník" in response.content.decode()


def test_the_list_has_count_links_and_summaries(client, seeds):
    body = client.get("/api/v1/occupations/").json()

    assert set(body) == {"count", "next", "previous", "results"}
    assert (body["count"], body["next"], body["previous"]) == (2, None, None)
    assert body["results"][1] == {
        "nsp_id": 103332,
        "title": "Ředitel zákaznických služeb",
        "kind": "occupation",
        "field": "Management",
        "subfield": "nezařazeno do odborného podsměru",
        "median": 74546,
        "url": "http://testserver/povolani/reditel-zakaznickych-sluzeb/",
        "api_url": "http://testserver/api/v1/occupations/103332/",
    }


def test_the_list_takes_the_html_filters(client, seeds):
    body = client.get(
        "/api/v1/occupations/", {"kraj": "praha", "mzda_od": "50000", "razeni": "mzda-sestupne"}
    ).json()
    assert [(r["nsp_id"], r["median"]) for r in body["results"]] == [(103332, 98245)]


def test_the_list_pages(client, db):
    from occupations.models import Occupation

    for number in range(55):
        Occupation.objects.create(
            nsp_id=10 + number, kind="occupation", title=f"Zedník {number:02d}"
        )

    first = client.get("/api/v1/occupations/", {"q": "zednik"}).json()
    second = client.get(first["next"]).json()

    assert first["count"] == 55 and len(first["results"]) == 50
    assert first["next"] == "http://testserver/api/v1/occupations/?q=zednik&strana=2"
    assert len(second["results"]) == 5 and second["next"] is None
    assert second["previous"] == "http://testserver/api/v1/occupations/?q=zednik&strana=1"


@pytest.mark.parametrize("page", ["3", "99", "0", "9" * 30, "9" * 5000])
def test_a_page_out_of_range_is_a_json_404(client, seeds, page):
    response = client.get("/api/v1/occupations/", {"strana": page})
    assert response.status_code == 404
    assert response.json()["error"]["status"] == 404


@pytest.mark.parametrize("page", ["abc", "", "-1", "1.0", "²", "٣"])
def test_a_page_that_is_not_a_number_is_a_json_400(client, seeds, page):
    response = client.get("/api/v1/occupations/", {"strana": page})
    assert response.status_code == 400
    assert set(response.json()["error"]["fields"]) == {"strana"}


def test_the_first_page_may_be_empty(client, seeds):
    body = client.get("/api/v1/occupations/", {"q": "astronaut", "strana": "1"}).json()
    assert (body["count"], body["results"]) == (0, [])


def test_invalid_filters_are_a_json_400(client, seeds):
    response = client.get("/api/v1/occupations/", {"mzda_od": "-5", "kraj": "mars"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["status"] == 400
    assert set(error["fields"]) == {"mzda_od", "kraj"}


@pytest.mark.parametrize("url", ["/api/v1/occupations/999999/", "/api/v1/nothing/", "/api/v2/"])
def test_unknown_resources_are_a_json_404(client, seeds, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["status"] == 404


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/occupations/103332/",
        "/api/v1/occupations/",
        "/api/v1/schema.json",
        "/api/v1/nothing/",
    ],
)
def test_the_api_is_read_only(seeds, method, url):
    # As a real client sends it: no CSRF cookie or token (the test client skips the check).
    client = Client(enforce_csrf_checks=True)

    response = getattr(client, method)(url, {"title": "x"})

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["error"]["status"] == 405


def test_the_schema_is_served(client, db):
    response = client.get("/api/v1/schema.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/schema+json"
    assert json.loads(response.content) == json.loads(SCHEMA_PATH.read_text())
