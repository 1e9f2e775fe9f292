"""Public pages read from a read replica, everything else from the primary; an edit shows
at once all the same; with the primary down, public pages go on from the replica.

Against a real PostgreSQL streaming replica (DATABASE_REPLICA_URLS, see docs/DEPLOYMENT.md;
`bash .ci/replica.sh start` makes one): a replica sees only committed rows, so the tests
are transactional, and they declare every database. Without a replica they are skipped
(CI's scale-out run fails instead).
"""

import pytest
from axes.models import AccessAttempt
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.core.cache import cache
from django.db import InternalError, connections, router, transaction
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from conftest import SEED_SPECIALIZATION, require_replica
from occupations.models import Occupation
from portal.models import DataVersion
from portal.replicas import PRIMARY, ReplicaReadsMiddleware, choose_replica, database_outage
from portal.tests.helpers import (
    change_form_data,
    queries_by_alias,
    replay_paused,
    unreachable,
    wait_for_replay,
)
from profiles.importer import import_paths

require_replica()  # before any test database work: skip (or fail in CI) the whole module

# serialized_rollback: each test starts with the data migrations' rows (regions…) that the
# flush after a transactional test removes.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True, databases="__all__")

PROFILE = "/povolani/reditel-zakaznickych-sluzeb/"
EDITOR = {"username": "root", "password": "heslo-spravce-123"}


@pytest.fixture
def replicated(replica, seeds):
    """The replica, with both seed profiles replayed."""
    wait_for_replay(replica)
    return replica


@pytest.fixture
def editor():
    User.objects.create_superuser(**EDITOR)
    browser = Client(raise_request_exception=False)
    assert browser.post("/admin/login/", EDITOR).status_code == 302
    return browser


def test_the_replica_is_a_read_only_standby_of_the_test_database(replica):
    primary, standby = connections[PRIMARY], connections[replica]
    assert standby.settings_dict["NAME"] == primary.settings_dict["NAME"]
    with standby.cursor() as cursor:
        cursor.execute("SELECT pg_is_in_recovery(), current_database(), inet_server_port()")
        assert cursor.fetchone() == (
            True,
            primary.settings_dict["NAME"],
            int(standby.settings_dict["PORT"]),
        )
    with pytest.raises(InternalError) as refused:
        DataVersion.objects.using(replica).update(number=99)
    assert type(refused.value.__cause__).__name__ == "ReadOnlySqlTransaction"


def reads_in(request, *models):
    """Where each model is read from while `request` is served."""
    seen = []

    def view(request):
        seen.extend(router.db_for_read(model) for model in models)
        return HttpResponse()

    ReplicaReadsMiddleware(view)(request)
    return seen


def test_public_reads_go_to_the_replica_and_everything_else_to_the_primary(replica):
    factory = RequestFactory()
    public = factory.get("/povolani/")

    assert reads_in(public, Occupation, DataVersion) == [replica, replica]
    assert reads_in(factory.head("/api/v1/occupations/"), Occupation) == [replica]
    # Sessions, users, the admin's log, content types and the login throttle: always.
    assert reads_in(public, Session, User, LogEntry, ContentType, AccessAttempt) == [PRIMARY] * 5
    # A request that may write, and the admin whole.
    assert reads_in(factory.post("/porovnani/"), Occupation) == [PRIMARY]
    assert reads_in(factory.get("/admin/occupations/occupation/"), Occupation) == [PRIMARY]
    # Outside a request: management commands, the shell.
    assert router.db_for_read(Occupation) == PRIMARY
    # A replica that has just failed is left alone for a while.
    database_outage(replica).begin(ConnectionRefusedError("a test"))
    assert reads_in(public, Occupation) == [PRIMARY]


def test_a_request_reads_its_own_transaction_and_its_own_writes(replica):
    seen = []

    def view(request):
        seen.append(router.db_for_read(Occupation))
        with transaction.atomic():
            seen.append(router.db_for_read(Occupation))
        seen.append(router.db_for_read(Occupation))
        DataVersion.bump()
        seen.append(router.db_for_read(Occupation))
        return HttpResponse()

    ReplicaReadsMiddleware(view)(RequestFactory().get("/"))

    assert seen == [replica, PRIMARY, replica, PRIMARY]


def test_public_pages_are_read_from_the_replica(client, replicated):
    with override_settings(REPLICA_DATABASES=[]), queries_by_alias() as primary_only:
        client.get(PROFILE)
    cache.clear()

    with queries_by_alias() as miss:
        first = client.get(PROFILE)
    with queries_by_alias() as hit:
        second = client.get(PROFILE)
    with queries_by_alias() as revalidated:
        third = client.get(PROFILE, headers={"if-none-match": first["ETag"]})

    # The version on the primary; the version again and the whole page on the replica.
    assert dict(miss) == {PRIMARY: 1, replicated: primary_only[PRIMARY]}
    assert (second.status_code, second.content) == (200, first.content)
    assert dict(hit) == {PRIMARY: 1}
    assert (third.status_code, dict(revalidated)) == (304, {PRIMARY: 1})


def test_an_admin_edit_shows_at_once_though_the_replica_lags(client, replicated, editor, caplog):
    cached = client.get(PROFILE)
    url = f"/admin/occupations/occupation/{Occupation.objects.get(nsp_id=103332).pk}/change/"
    data = change_form_data(editor.get(url))
    data["description"] = "Nový popis."
    before = DataVersion.current().number

    with replay_paused(replicated):
        assert editor.post(url, data).status_code == 302
        lagging = Occupation.objects.using(replicated).get(nsp_id=103332)
        with queries_by_alias() as queries:
            fresh = client.get(PROFILE, headers={"if-none-match": cached["ETag"]})

    assert lagging.description != "Nový popis."
    assert fresh.status_code == 200 and fresh["ETag"] != cached["ETag"]
    assert "Nový popis." in fresh.content.decode()
    # The replica was asked its version only: behind, so the page came from the primary.
    assert queries[replicated] == 1 and queries[PRIMARY] > 1
    edited = DataVersion.current().number
    assert f"{replicated} is at data version {before}, not {edited}: read from the primary" in (
        caplog.text
    )
    # And what was stored under the new version is the new page.
    wait_for_replay(replicated)
    with queries_by_alias() as queries:
        assert client.get(PROFILE).content == fresh.content
    assert dict(queries) == {PRIMARY: 1}


def test_an_import_shows_at_once_though_the_replica_lags(client, replicated, tmp_path):
    cached = client.get("/povolani/?q=zakaznick")
    edited = tmp_path / "edited.txt"
    edited.write_text(
        SEED_SPECIALIZATION.read_text(encoding="utf-8").replace(
            "Pracovník distančního zákaznického servisu\n", "Operátor zákaznického servisu\n", 1
        ),
        encoding="utf-8",
    )

    with replay_paused(replicated):
        import_paths([edited])
        fresh = client.get("/povolani/?q=zakaznick", headers={"if-none-match": cached["ETag"]})

    assert fresh.status_code == 200
    assert "Operátor zákaznického servisu" in fresh.content.decode()


def test_logins_sessions_and_the_admin_use_only_the_primary(replicated):
    User.objects.create_superuser(**EDITOR)
    wait_for_replay(replicated)
    browser = Client()

    with queries_by_alias() as queries:
        for _ in range(2):
            wrong = {**EDITOR, "password": "spatne-heslo"}
            assert browser.post("/admin/login/", wrong).status_code == 200
        assert AccessAttempt.objects.get().failures_since_start == 2
        assert browser.post("/admin/login/", EDITOR).status_code == 302
        assert browser.get("/admin/occupations/occupation/").status_code == 200

    assert set(queries) == {PRIMARY}


def test_with_the_primary_down_public_pages_come_from_the_replica(client, replicated, editor):
    cached = client.get("/povolani/")
    visitor = Client(raise_request_exception=False)

    with unreachable(PRIMARY), queries_by_alias() as queries:
        stored = visitor.get("/povolani/")
        rendered = visitor.get(PROFILE)
        api = visitor.get("/api/v1/occupations/103332/")
        health = visitor.get("/healthz")
        admin = editor.get("/admin/occupations/occupation/")
        login = visitor.post("/admin/login/", EDITOR)
        login_form = visitor.get("/admin/login/")

    assert PRIMARY not in queries
    assert (stored.status_code, stored.content) == (200, cached.content)
    assert rendered.status_code == 200
    assert "Ředitel zákaznických služeb" in rendered.content.decode()
    assert api.status_code == 200 and api.json()["nsp_id"] == 103332
    assert health.status_code == 200 and health.json()["status"] == "degraded"
    assert health.json()["databases"][PRIMARY]["error"] == "OperationalError"
    assert health.json()["databases"][replicated]["ok"] is True
    # The admin needs the primary: a clear 503, not a 500.
    for refused in (admin, login):
        assert refused.status_code == 503 and refused["Retry-After"] == "30"
        assert "Služba je dočasně nedostupná" in refused.content.decode()
    assert login_form.status_code == 200  # no session yet: nothing to read

    # Back: the editor's session is still there.
    assert editor.get("/admin/occupations/occupation/").status_code == 200


def test_with_the_replica_down_public_pages_come_from_the_primary(client, replicated):
    with unreachable(replicated), queries_by_alias() as queries:
        page = client.get(PROFILE)
        health = client.get("/healthz")

    assert page.status_code == 200 and set(queries) == {PRIMARY}
    assert health.status_code == 200 and health.json()["status"] == "degraded"
    assert health.json()["databases"][replicated]["error"] == "OperationalError"
    assert choose_replica() == PRIMARY  # left alone for a while


def test_with_both_down_pages_are_503_and_healthz_says_down(replicated):
    visitor = Client(raise_request_exception=False)

    with unreachable(PRIMARY), unreachable(replicated):
        page = visitor.get(PROFILE)
        health = visitor.get("/healthz")

    assert page.status_code == 503 and page["Retry-After"] == "30"
    assert health.status_code == 503 and health.json()["status"] == "down"
