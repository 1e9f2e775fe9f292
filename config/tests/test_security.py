"""Deployment-grade settings: clean deploy checks, strict headers, a guarded admin."""

import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import RequestFactory, override_settings

from config.views import server_error

BASE_DIR = Path(__file__).resolve().parents[2]
PAGES = [
    "/",
    "/povolani/?q=reditel&kraj=praha&mzda_od=1",
    "/povolani/reditel-zakaznickych-sluzeb/",
    "/porovnani/?id=102742&id=103332",
    "/mzdy/?povolani=103332",
    "/mzdy/?kraj=praha",
    "/kompetence/",
    "/kompetence/mekke/2.1/",
    "/isco/1221/",
    "/o-datech/",
    "/neexistuje/",
]


def production_env(**extra):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    return {
        **clean,
        "DJANGO_SECRET_KEY": "k" * 20 + "-production-like-secret-key-for-the-deploy-check",
        "DJANGO_ALLOWED_HOSTS": "povolani.example.cz",
        **extra,
    }


def test_the_deploy_check_is_clean_with_only_the_required_variables():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_the_admin_path_comes_from_the_environment():
    code = (
        "import django; django.setup(); from django.urls import reverse; "
        "print(reverse('admin:index'))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=production_env(
            DJANGO_SETTINGS_MODULE="config.settings", DJANGO_ADMIN_PATH="/sprava-portalu/"
        ),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout.strip() == "/sprava-portalu/", result.stderr


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_strict_headers_and_no_inline_script_or_style(client, seeds, url):
    response = client.get(url, secure=True)
    html = response.content.decode()

    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    assert "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy
    assert response["Strict-Transport-Security"] == ("max-age=31536000; includeSubDomains; preload")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)
    assert not re.search(r"\son[a-z]+=", html)  # no inline event handlers


@pytest.mark.django_db
@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_unless_the_proxy_says_https(client):
    response = client.get("/o-datech/")
    assert response.status_code == 301
    assert response["Location"] == "https://testserver/o-datech/"
    proxied = client.get("/o-datech/", headers={"x-forwarded-proto": "https"})
    assert proxied.status_code == 200


@pytest.mark.django_db
def test_cookies_are_secure_in_production():
    from django.conf import settings

    assert settings.SESSION_COOKIE_SECURE and settings.CSRF_COOKIE_SECURE
    assert settings.SESSION_COOKIE_HTTPONLY and settings.CSRF_COOKIE_HTTPONLY


@pytest.mark.django_db
def test_admin_logins_are_throttled_and_logged(client, caplog):
    User.objects.create_superuser("root", password="spravne-heslo-123")
    caplog.set_level(logging.INFO, logger="axes")

    for _ in range(4):
        response = client.post("/admin/login/", {"username": "root", "password": "spatne"})
        assert response.status_code == 200  # the form again, with an error
    fifth = client.post("/admin/login/", {"username": "root", "password": "spatne"})
    assert fifth.status_code == 429
    locked = client.post("/admin/login/", {"username": "root", "password": "spravne-heslo-123"})

    assert locked.status_code == 429
    assert "Příliš mnoho neúspěšných pokusů o přihlášení" in locked.content.decode()
    assert "after repeated login failures" in caplog.text


@pytest.mark.django_db
def test_a_lockout_is_per_user_name_and_address(client):
    User.objects.create_superuser("root", password="spravne-heslo-123")
    for _ in range(5):
        client.post("/admin/login/", {"username": "someone", "password": "x"})
    response = client.post("/admin/login/", {"username": "root", "password": "spravne-heslo-123"})
    assert response.status_code == 302  # another user name from the same address may log in


def test_the_server_error_page_has_no_stack_trace():
    rf = RequestFactory()
    response = server_error(rf.get("/povolani/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "Něco se pokazilo" in html and "Traceback" not in html
    api = server_error(rf.get("/api/v1/occupations/"))
    assert api.status_code == 500
    assert api["Content-Type"] == "application/json"


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/povolani/?q=a%00b", "/kompetence/a%00/", "/mzdy/?hledat=%00"])
def test_a_nul_character_is_a_bad_request(client, url):
    assert client.get(url).status_code == 400


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/povolani/?q=a%00b", "Požadavek obsahuje nulový znak."),
        ("/en/povolani/?q=a%00b", "The request contains a NUL character."),
        ("/en/kompetence/a%00/", "The request contains a NUL character."),
    ],
)
def test_a_nul_character_is_refused_in_the_language_of_the_page(client, url, message):
    response = client.get(url)
    assert response.status_code == 400
    assert response.content.decode() == message


@pytest.mark.django_db
def test_a_nul_character_in_the_api_is_a_json_400(client):
    response = client.get("/api/v1/occupations/?q=%00")
    assert response.status_code == 400
    assert response.json() == {
        "error": {"status": 400, "message": "The request contains a NUL character."}
    }
