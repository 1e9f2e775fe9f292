"""/healthz for load balancers, and what a visitor gets when the database or the cache does
not answer: a 503 that says so, or the page served without the cache; never a 500."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from portal.models import DataVersion
from portal.tests.helpers import closed_port, unreachable

pytestmark = pytest.mark.django_db

PROFILE = "/povolani/reditel-zakaznickych-sluzeb/"


def test_healthz_reports_the_database_and_the_cache(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    body = response.json()
    assert body["status"] == "ok"
    assert body["databases"].keys() == {"default"}
    primary = body["databases"]["default"]
    assert (primary["role"], primary["ok"]) == ("primary", True)
    assert primary["version"] == DataVersion.current().number
    assert body["cache"]["ok"] is True


def test_healthz_answers_a_load_balancer_over_plain_http_at_the_servers_address(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    by_address = {"host": "10.0.0.7:8000"}

    assert client.get("/healthz", headers=by_address).status_code == 200
    # Every other address is redirected to HTTPS, or refused for that Host.
    assert client.get("/", headers=by_address).status_code == 400
    assert client.get("/").status_code == 301


def test_healthz_is_not_behind_the_login_throttle(client):
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post("/admin/login/", {"username": "root", "password": "spatne-heslo"})
    assert client.post("/admin/login/", {"username": "root", "password": "x"}).status_code == 429

    assert client.get("/healthz").status_code == 200


def test_healthz_only_answers_get_and_head(client):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


@pytest.mark.django_db(transaction=True)
def test_without_a_database_pages_are_503_and_healthz_says_down():
    visitor = Client(raise_request_exception=False)

    with unreachable("default"):
        pages = [visitor.get(url) for url in ("/", "/en/povolani/")]
        login = visitor.post("/admin/login/", {"username": "root", "password": "x"})
        api = visitor.get("/api/v1/occupations/")
        health = visitor.get("/healthz")

    for page in [*pages, login]:
        assert page.status_code == 503 and page["Retry-After"] == "30"
        assert "Služba je dočasně nedostupná" in page.content.decode()
    assert api.status_code == 503
    assert api.json()["error"]["status"] == 503
    assert health.status_code == 503 and health.json()["status"] == "down"
    assert health.json()["databases"]["default"] == {
        "role": "primary",
        "ok": False,
        "error": "OperationalError",
        "ms": health.json()["databases"]["default"]["ms"],
    }


def test_with_the_cache_down_pages_are_served_without_it(seeds):
    redis_nobody_runs = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{closed_port()}/0",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
    with override_settings(CACHES={"default": redis_nobody_runs}):
        visitor = Client()  # its middleware takes the cache of these settings
        with CaptureQueriesContext(connection) as first:
            page = visitor.get(PROFILE)
        with CaptureQueriesContext(connection) as second:
            again = visitor.get(PROFILE)
        rendered = [len(first), len(second)]  # before the next request forgets them
        health = visitor.get("/healthz")

    assert (page.status_code, again.status_code) == (200, 200)
    assert again.content == page.content
    assert rendered[0] == rendered[1] > 1  # rendered each time
    assert health.status_code == 200 and health.json()["status"] == "degraded"
    assert health.json()["cache"]["backend"] == "RedisCache"
    assert health.json()["cache"]["error"] == "ConnectionError"
