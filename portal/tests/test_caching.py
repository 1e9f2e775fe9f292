"""Public pages are cached and revalidated, and never outlive the data they show."""

import gzip
import pickle

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils.http import http_date
from redis import Redis

from competences.models import Competence
from conftest import SEED_SPECIALIZATION
from occupations.models import Activity, AlternativeName, Occupation, SlugRedirect
from portal.caching import PAGE_TIMEOUT
from portal.models import DataVersion
from portal.tests.helpers import change_form_data
from profiles.importer import import_paths
from wages.models import WageFigure

pytestmark = pytest.mark.django_db

PROFILE = "/povolani/reditel-zakaznickych-sluzeb/"


def get(client, url, **headers):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return response, len(captured)


def test_a_stored_page_costs_one_query(client, seeds):
    first, cold = get(client, PROFILE)
    second, warm = get(client, PROFILE)

    assert cold > 5
    assert warm == 1  # the data version
    assert second.content == first.content
    assert second["ETag"] == first["ETag"]


def test_pages_are_stored_in_the_shared_redis(client, seeds, redis_url):
    """What any app server sharing DJANGO_CACHE_URL reads: the page, gzipped, for an hour."""
    shared = Redis.from_url(redis_url)
    page, _ = get(client, PROFILE)

    (key,) = shared.keys("*page:*")
    assert 0 < shared.ttl(key) <= PAGE_TIMEOUT
    status, headers, body = pickle.loads(shared.get(key))
    assert (status, gzip.decompress(body)) == (200, page.content)
    assert ("ETag", page["ETag"]) in headers


def test_public_pages_can_be_revalidated(client, seeds):
    response, _ = get(client, PROFILE)
    assert response["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert response["ETag"].startswith('W/"')  # weak: sent gzipped or not
    assert response["Vary"] == "Accept-Encoding"
    assert response["Last-Modified"] == http_date(DataVersion.current().changed_at.timestamp())

    again, queries = get(client, PROFILE, if_none_match=response["ETag"])

    assert again.status_code == 304
    assert again.content == b""
    assert queries == 1


def test_stored_pages_go_out_gzipped_to_clients_that_accept_it(client, seeds):
    plain, _ = get(client, PROFILE)
    zipped, queries = get(client, PROFILE, accept_encoding="gzip, deflate, br")
    again, _ = get(client, PROFILE)

    assert zipped["Content-Encoding"] == "gzip"
    assert gzip.decompress(zipped.content) == plain.content == again.content
    assert "Content-Encoding" not in again
    assert zipped["ETag"] == plain["ETag"] and queries == 1
    assert "Content-Security-Policy" in zipped  # stored with the page


@pytest.mark.parametrize(
    "url", ["/povolani/", "/api/v1/occupations/103332/", "/porovnani/?id=102742&id=103332"]
)
def test_other_public_pages_and_the_api_are_cached_too(client, seeds, url):
    first, _ = get(client, url)
    second, queries = get(client, url)
    assert (first.status_code, second.status_code, queries) == (200, 200, 1)
    assert "public" in first["Cache-Control"]


def test_a_stored_page_is_not_served_to_a_host_we_do_not_serve(client, seeds):
    assert get(client, PROFILE)[0].status_code == 200

    response, _ = get(client, PROFILE, host="evil.example")

    assert response.status_code == 400
    assert "evil.example" not in response.content.decode()


@pytest.mark.parametrize(
    ("host", "secure", "address"),
    [
        ("localhost", False, "http://localhost"),
        ("testserver", True, "https://testserver"),
        ("127.0.0.1:8000", False, "http://127.0.0.1:8000"),
    ],
)
def test_each_host_and_scheme_gets_pages_with_its_own_links(client, seeds, host, secure, address):
    first = client.get(PROFILE).content.decode()  # http://testserver, now stored

    html = client.get(PROFILE, headers={"host": host}, secure=secure).content.decode()

    assert f'<link rel="canonical" href="http://testserver{PROFILE}">' in first
    assert f'<link rel="canonical" href="{address}{PROFILE}">' in html
    assert "testserver" not in html.replace(address, "")


def test_an_import_changes_what_is_served_at_once(client, seeds, tmp_path):
    response, _ = get(client, "/povolani/?q=zakaznick")
    edited = tmp_path / "edited.txt"
    edited.write_text(
        SEED_SPECIALIZATION.read_text(encoding="utf-8").replace(
            "Pracovník distančního zákaznického servisu\n", "Operátor zákaznického servisu\n", 1
        ),
        encoding="utf-8",
    )

    import_paths([edited])

    after, _ = get(client, "/povolani/?q=zakaznick", if_none_match=response["ETag"])
    assert after.status_code == 200
    assert after["ETag"] != response["ETag"]
    assert "Operátor zákaznického servisu" in after.content.decode()


def test_an_admin_edit_changes_what_is_served_at_once(client, seeds):
    cached, _ = get(client, PROFILE)
    assert "Ředitel zákaznických služeb" in cached.content.decode()
    director = Occupation.objects.get(nsp_id=103332)
    admin = User.objects.create_superuser("root", password="heslo-spravce-123")
    client.force_login(admin)
    change = client.get(f"/admin/occupations/occupation/{director.pk}/change/")
    data = change_form_data(change)
    data["description"] = "Nový popis."
    assert (
        client.post(f"/admin/occupations/occupation/{director.pk}/change/", data).status_code == 302
    )
    client.logout()

    fresh, _ = get(client, PROFILE, if_none_match=cached["ETag"])

    assert fresh.status_code == 200
    assert "Nový popis." in fresh.content.decode()


def test_error_pages_and_the_admin_are_not_stored(client, seeds):
    get(client, "/povolani/neni-takove/")
    missing, queries = get(client, "/povolani/neni-takove/")
    assert missing.status_code == 404
    assert queries > 1
    assert "public" not in missing.get("Cache-Control", "")
    admin_login, _ = get(client, "/admin/login/")
    assert "public" not in admin_login.get("Cache-Control", "")


def test_a_cdn_may_be_allowed_to_hold_pages(client, seeds, monkeypatch):
    monkeypatch.setenv("DJANGO_CDN_MAX_AGE", "120")
    response, _ = get(client, "/")
    assert "s-maxage=120" in response["Cache-Control"]


def test_every_change_moves_the_version_forward(seeds):
    version = DataVersion.current()
    DataVersion.bump()
    bumped = DataVersion.current()
    assert bumped.number == version.number + 1
    assert bumped.changed_at >= version.changed_at


def test_pages_are_served_when_the_version_row_is_missing(client, seeds):
    DataVersion.objects.all().delete()  # as `manage.py flush` leaves it

    response, _ = get(client, "/")
    stored, queries = get(client, "/")

    assert response.status_code == 200
    assert DataVersion.objects.count() == 1
    assert (stored.content, queries) == (response.content, 1)


def test_the_import_lock_and_a_bump_create_a_missing_version_row(db):
    DataVersion.objects.all().delete()
    with transaction.atomic():
        assert DataVersion.lock().number == 1
    DataVersion.objects.all().delete()
    DataVersion.bump()
    assert DataVersion.objects.count() == 1


def stored_again(client, url, cached):
    """The page after a change: served anew, with another ETag."""
    fresh, _ = get(client, url, if_none_match=cached["ETag"])
    assert fresh.status_code == 200
    assert fresh["ETag"] != cached["ETag"]
    return fresh.content.decode()


def test_an_edit_through_the_orm_alone_changes_what_is_served_at_once(client, seeds):
    """No admin, no import: a save() from the shell or any code marks the data changed."""
    cached, _ = get(client, PROFILE)
    director = Occupation.objects.get(nsp_id=103332)

    director.description = "Popis změněný v shellu."
    director.save()

    assert "Popis změněný v shellu." in stored_again(client, PROFILE, cached)


@pytest.mark.parametrize(
    "change",
    [
        # A part of the profile, one row at a time and in bulk.
        lambda: Activity.objects.create(
            occupation=Occupation.objects.get(nsp_id=103332), position=99, text="Nová činnost."
        ),
        lambda: Activity.objects.filter(occupation__nsp_id=103332, position=0).update(
            text="Nová činnost."
        ),
        # A shared catalogue row the profile shows.
        lambda: Competence.objects.filter(code="h13._.0020").update(name="Nová činnost."),
        lambda: WageFigure.objects.filter(
            table__isco_group__code="1221", region__slug="praha", sphere="business"
        ).update(median=99_999),
    ],
)
def test_any_orm_write_to_the_catalogue_expires_the_stored_pages(client, seeds, change):
    cached, _ = get(client, PROFILE)
    version = DataVersion.current().number

    change()

    assert DataVersion.current().number > version
    html = stored_again(client, PROFILE, cached)
    assert "Nová činnost." in html or "99\xa0999\xa0Kč" in html


def test_a_deletion_through_the_orm_expires_the_stored_list(client, seeds):
    cached, _ = get(client, "/povolani/")
    Occupation.objects.get(nsp_id=102742).delete()

    assert "Pracovník distančního zákaznického servisu" not in stored_again(
        client, "/povolani/", cached
    )


def test_a_slug_changed_through_the_orm_keeps_the_old_address(client, seeds):
    director = Occupation.objects.get(nsp_id=103332)
    director.slug = "reditel-zakaznickeho-servisu"
    director.save()

    moved = client.get(PROFILE)

    assert moved.status_code == 301
    assert moved["Location"] == "/povolani/reditel-zakaznickeho-servisu/"
    assert SlugRedirect.objects.get(old_slug="reditel-zakaznickych-sluzeb").occupation == director


def test_an_alternative_name_added_through_the_orm_is_searched_at_once(client, seeds):
    director = Occupation.objects.get(nsp_id=103332)
    AlternativeName.objects.create(occupation=director, position=9, name="Šéf podpory")

    html = client.get("/povolani/", {"q": "sef podpory"}).content.decode()

    assert "Ředitel zákaznických služeb" in html


def test_loading_a_fixture_expires_the_stored_pages(client, db):
    cached, _ = get(client, "/povolani/")
    assert "Ředitel zákaznických služeb" not in cached.content.decode()

    call_command("loaddata", "fixtures/nsp.json", verbosity=0)

    assert "Ředitel zákaznických služeb" in stored_again(client, "/povolani/", cached)
