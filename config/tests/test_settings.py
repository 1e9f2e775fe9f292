"""Settings come from the environment, with safe defaults."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


def settings_with(env, expression="None"):
    """Import config.settings in a fresh interpreter with exactly `env`; return the
    completed process (stdout: json of `expression`)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    code = f"import json; from config import settings as s; print(json.dumps({expression}))"
    return subprocess.run(
        [sys.executable, "-c", code],
        env={**clean, **env},
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        check=False,
    )


def value(env, expression):
    result = settings_with(env, expression)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_refuses_to_start_without_a_secret_key():
    result = settings_with({})
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_is_off_by_default():
    assert value({"DJANGO_SECRET_KEY": "x" * 50}, "s.DEBUG") is False


def test_debug_on_runs_with_a_development_key():
    key = value({"DJANGO_DEBUG": "1"}, "s.SECRET_KEY")
    assert key.startswith("django-insecure-")


def test_a_typo_in_a_boolean_is_refused():
    result = settings_with({"DJANGO_DEBUG": "maybe", "DJANGO_SECRET_KEY": "x" * 50})
    assert result.returncode != 0
    assert "DJANGO_DEBUG" in result.stderr


def test_the_age_of_old_wages_is_a_number_of_years():
    env = {"DJANGO_DEBUG": "1"}
    assert value(env, "s.WAGES_MAX_AGE_YEARS") == 3
    assert value({**env, "DJANGO_WAGES_MAX_AGE_YEARS": "5"}, "s.WAGES_MAX_AGE_YEARS") == 5
    result = settings_with({**env, "DJANGO_WAGES_MAX_AGE_YEARS": "three"})
    assert result.returncode != 0
    assert "DJANGO_WAGES_MAX_AGE_YEARS must be a whole number from 0 up, not 'three'" in (
        result.stderr
    )


def test_allowed_hosts_are_comma_separated():
    env = {"DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "povolani.cz, www.povolani.cz,"}
    assert value(env, "s.ALLOWED_HOSTS") == ["povolani.cz", "www.povolani.cz"]


@pytest.mark.parametrize("unset", [{}, {"DATABASE_URL": ""}], ids=["unset", "empty"])
def test_the_default_database_is_an_sqlite_file_inside_the_project(unset):
    database = value({"DJANGO_DEBUG": "1", **unset}, "s.DATABASES['default']")
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(BASE_DIR / "db.sqlite3")
    assert "db.sqlite3" in (BASE_DIR / ".gitignore").read_text()


def test_database_url_chooses_postgresql():
    env = {"DJANGO_DEBUG": "1", "DATABASE_URL": "postgres://portal@db.example:5433/nsp"}
    database = value(env, "s.DATABASES['default']")
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["HOST"], database["PORT"], database["NAME"]) == ("db.example", 5433, "nsp")


def test_language_and_time_zone_are_czech():
    env = {"DJANGO_DEBUG": "1"}
    assert value(env, "[s.LANGUAGE_CODE, s.TIME_ZONE]") == ["cs", "Europe/Prague"]


SSD = "-c random_page_cost=1.1"


def test_read_replicas_come_from_database_replica_urls():
    env = {
        "DJANGO_DEBUG": "1",
        "DATABASE_URL": "postgres://portal@db.example:5432/nsp",
        "DATABASE_REPLICA_URLS": "postgres://portal@replica1.example:5432/nsp, "
        "postgres://portal@replica2.example:5432/nsp?connect_timeout=5"
        "&options=-c%20random_page_cost%3D2,",
    }
    replicas, databases, routers = value(
        env,
        "[s.REPLICA_DATABASES, {alias: [d['HOST'], d['OPTIONS'], d.get('TEST', {})] "
        "for alias, d in s.DATABASES.items()}, s.DATABASE_ROUTERS]",
    )
    assert replicas == ["replica_1", "replica_2"]
    assert databases == {
        # A server that does not answer is given up after 2 s, and the planner counts on
        # the data in memory, unless the URL says otherwise.
        "default": ["db.example", {"connect_timeout": 2, "options": SSD}, {}],
        # Tests reach the test database on a replica through replication.
        "replica_1": [
            "replica1.example",
            {"connect_timeout": 2, "options": SSD},
            {"MIRROR": "default"},
        ],
        "replica_2": [
            "replica2.example",
            {"connect_timeout": 5, "options": "-c random_page_cost=2"},
            {"MIRROR": "default"},
        ],
    }
    assert routers == ["portal.replicas.ReplicaRouter"]


def test_read_replicas_need_postgresql():
    env = {"DJANGO_DEBUG": "1", "DATABASE_REPLICA_URLS": "postgres://portal@replica.example/nsp"}
    result = settings_with(env)  # the primary is the default SQLite file
    assert result.returncode != 0
    assert "DATABASE_REPLICA_URLS: read replicas need PostgreSQL" in result.stderr
    assert "DATABASE_URL is sqlite3" in result.stderr


def test_the_redis_cache_gives_up_after_a_second():
    env = {"DJANGO_DEBUG": "1", "DJANGO_CACHE_URL": "redis://cache.example:6379/1"}
    cache = value(env, "s.CACHES['default']")
    assert cache == {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": "redis://cache.example:6379/1",
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
    }
