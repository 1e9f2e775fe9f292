"""Fixtures shared by every app's tests."""

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
