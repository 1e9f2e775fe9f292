"""Fixtures shared by every app's tests."""

import os
from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SEED_SPECIALIZATION = FIXTURES / "nsp" / "000_361cb8b8ad03747c.txt"  # 102742
SEED_OCCUPATION = FIXTURES / "nsp" / "001_4016ebdf744176cf.txt"  # 103332


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no stored pages: data versions restart with the database."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def in_ci(variable="CI"):
    return os.environ.get(variable, "").strip().lower() == "true"


def require(condition, reason, variable="CI"):
    """Skip the test when `condition` is false, or fail it loudly when `variable` is true:
    CI must never pass without having run it. (CI=true: the browser tests; CI_SCALE_OUT=true,
    CI's run with a read replica and Redis: the tests that need them.)"""
    if condition:
        return
    if in_ci(variable):
        pytest.fail(f"{variable}=true, so this test may not be skipped: {reason}", pytrace=False)
    pytest.skip(reason, allow_module_level=True)


def require_replica():
    """The alias of the first read replica (DATABASE_REPLICA_URLS); the test, or the whole
    module when called at its top, is skipped without one (fails in CI's scale-out run)."""
    from django.conf import settings

    require(
        settings.REPLICA_DATABASES,
        "DATABASE_REPLICA_URLS is not set: no read replica to test (docs/DEPLOYMENT.md, "
        "bash .ci/replica.sh start)",
        "CI_SCALE_OUT",
    )
    return settings.REPLICA_DATABASES[0]


@pytest.fixture
def replica():
    return require_replica()


@pytest.fixture
def redis_url():
    """DJANGO_CACHE_URL when it names a Redis; the test is skipped without one (fails in
    CI's scale-out run)."""
    url = os.environ.get("DJANGO_CACHE_URL", "")
    require(
        url.startswith(("redis://", "rediss://", "unix://")),
        "DJANGO_CACHE_URL names no Redis: the shared page cache is not tested "
        "(DJANGO_CACHE_URL=redis://127.0.0.1:6379/<a database of its own>)",
        "CI_SCALE_OUT",
    )
    return url


def declares_replicas(node):
    """Whether a test is marked django_db(databases=…) with the read replicas."""
    from django.conf import settings

    marker = node.get_closest_marker("django_db")
    databases = marker.kwargs.get("databases") if marker else None
    return databases == "__all__" or bool(set(databases or ()) & set(settings.REPLICA_DATABASES))


@pytest.fixture(autouse=True)
def replicas_where_declared(request):
    """With DATABASE_REPLICA_URLS, public requests read from a replica, but Django lets a
    test use only the databases it declares. A test that does not declare the replicas
    reads everything from the primary, as it would without them. And every test starts
    with no memory of a database or cache that failed in an earlier one."""
    from django.conf import settings
    from django.test import override_settings

    from portal.outages import forget_all

    forget_all()
    if settings.REPLICA_DATABASES and not declares_replicas(request.node):
        with override_settings(REPLICA_DATABASES=[]):
            yield
    else:
        yield
    forget_all()


@pytest.fixture(autouse=True)
def czech_afterwards():
    """A request leaves its language active in the thread, and reverse() in a later test
    would build /en/ addresses: Czech again after each test."""
    yield
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def seed_paths():
    return [SEED_SPECIALIZATION, SEED_OCCUPATION]


@pytest.fixture
def seeds(db):
    """Both seed profiles imported through the import service."""
    from profiles.importer import import_paths

    import_paths([SEED_SPECIALIZATION, SEED_OCCUPATION])
