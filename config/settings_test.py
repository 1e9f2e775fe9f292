"""Settings for the test suite: production settings plus what a test run cannot provide.

DATABASE_URL still chooses the database, so the same suite runs on SQLite and PostgreSQL.
"""

import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-secret-key-not-for-any-deployment-0123456789")
# The test client speaks plain HTTP; the redirect itself is tested with secure=False.
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")

from config import settings as production
from config.settings import *  # noqa: F403

# Manifest storage needs collectstatic first; tests render templates without it.
STORAGES = {
    **production.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    # A file, not shared memory: concurrent-import tests need SQLite's real locking.
    # One per test run, so that runs side by side do not share it.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / f".test-db-{os.getpid()}.sqlite3")}  # noqa: F405
