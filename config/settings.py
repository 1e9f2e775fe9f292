"""Settings for the NSP portal.

Everything that differs between a laptop and production comes from the environment
(see the table in README.md); the defaults are safe, not convenient: DEBUG is off and a
secret key is required unless DEBUG is switched on explicitly.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if value.strip().lower() in {"1", "true", "yes", "on"}:
        return True
    if value.strip().lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be 1/0, true/false, yes/no or on/off, not {value!r}.")


def env_int(name, default, minimum=0):
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    if not (value.strip().isascii() and value.strip().isdigit()) or int(value) < minimum:
        raise ImproperlyConfigured(
            f"{name} must be a whole number from {minimum} up, not {value!r}."
        )
    return int(value)


def env_list(name, default=()):
    value = os.environ.get(name)
    if value is None:
        return list(default)
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Production (DJANGO_DEBUG off, the default) needs "
            "a long random secret key, e.g.\n"
            "  export DJANGO_SECRET_KEY=\"$(python -c 'import secrets; "
            "print(secrets.token_urlsafe(50))')\"\n"
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production"

ALLOWED_HOSTS = env_list(
    "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else []
)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "csp",
    "axes",
    # From the bottom up: each app may use those above it in this list, never those below
    # (docs/ARCHITECTURE.md; portal/tests/test_layers.py checks it).
    "portal",
    "occupations",
    "competences",
    "search",
    "wages",
    "careers",
    "profiles",
    "comparison",
]

MIDDLEWARE = [
    # First: load balancers probe each server by its address over plain HTTP, so /healthz
    # answers before the HTTPS redirect and the Host check.
    "config.health.HealthCheckMiddleware",
    # Where the request reads from: a replica or the primary (portal/replicas.py).
    "portal.replicas.ReplicaReadsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Outside everything that may refuse a request (a bad Host header, too many
    # parameters, a NUL character) and outside the page cache: every answer gets them.
    "csp.middleware.CSPMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.RejectNullCharactersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Early, so a stored public page skips the rest of the stack (portal/caching.py).
    "portal.caching.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Last: it watches the admin login for failed attempts.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # The hottest fragments only (portal/templatetags/jinja.py), in <app>/jinja2/.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "APP_DIRS": True,
        "OPTIONS": {
            "environment": "config.jinja.environment",
            "extensions": ["jinja2.ext.i18n"],
        },
    },
]


def database(url):
    config = dj_database_url.parse(
        url,
        # Reused connections: opening one costs more than serving a cached page.
        conn_max_age=int(os.environ.get("DJANGO_CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
    if config["ENGINE"] == "django.db.backends.postgresql":
        # Without it psycopg waits 130 s for a server that does not answer, and with
        # replicas a request would wait that long before reading from one. 2 s is libpq's
        # minimum; ?connect_timeout=… in the URL says otherwise.
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 2)
        # The catalogue fits in memory many times over: an index lookup costs little more
        # than a sequential read. With PostgreSQL's default (4, for spinning disks) the
        # planner hashed all 8,500 competences to join the 200 links of a comparison
        # (4 ms, against 0.5 ms by index). ?options=… in the URL says otherwise.
        config["OPTIONS"].setdefault("options", "-c random_page_cost=1.1")
    return config


# An SQLite file inside the project unless DATABASE_URL names another database.
DATABASES = {
    "default": database(os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            # Writers take the lock when their transaction starts, so two imports queue
            # instead of failing half-way with "database is locked".
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )

# Read replicas of a PostgreSQL primary (streaming, hot standby): public pages read from
# them, everything else from the primary (portal/replicas.py, docs/DEPLOYMENT.md).
REPLICA_DATABASES = []
for number, url in enumerate(env_list("DATABASE_REPLICA_URLS"), start=1):
    alias = f"replica_{number}"
    DATABASES[alias] = database(url)
    engines = [DATABASES[name]["ENGINE"].rsplit(".", 1)[1] for name in ("default", alias)]
    if engines != ["postgresql", "postgresql"]:
        raise ImproperlyConfigured(
            "DATABASE_REPLICA_URLS: read replicas need PostgreSQL, as the primary and as "
            f"the replica; DATABASE_URL is {engines[0]} and replica {number} is {engines[1]}."
        )
    # Tests: a replica reaches the test database by replication; it is never created or
    # emptied there (a replica refuses writes), only given the primary's test NAME.
    DATABASES[alias]["TEST"] = {"MIRROR": "default"}
    REPLICA_DATABASES.append(alias)
DATABASE_ROUTERS = ["portal.replicas.ReplicaRouter"]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered public pages and nothing else. One machine: memory in each worker. Several app
# servers: a shared Redis, e.g. DJANGO_CACHE_URL=redis://127.0.0.1:6379/1.
if os.environ.get("DJANGO_CACHE_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["DJANGO_CACHE_URL"],
            # redis-py waits for ever by default; a cache that does not answer within a
            # second is skipped for a while and pages are served without it.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

# The admin's address; a less obvious one keeps most bots away from its login form.
ADMIN_PATH = os.environ.get("DJANGO_ADMIN_PATH", "admin").strip("/") + "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- security ---------------------------------------------------------------------------
# Behind a TLS-terminating proxy that sets X-Forwarded-Proto (and strips it from clients).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = not DEBUG
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")
# Django's own page has inline style, which our CSP blocks, and is in English only.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"

# No inline script or style anywhere: everything comes from our own static files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Admin login: 5 failures from one address for one user name lock that pair for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# Not the "AXES: BEGIN version…" line at every start: it went into the output of every
# management command (parse_nsp prints JSON on stdout). Failures and lockouts are still
# logged.
AXES_VERBOSE = False
# The client's address as the proxy reports it: set to the number of proxies in front.
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]

# The data check (profiles/quality.py) lists wages older than this many years.
WAGES_MAX_AGE_YEARS = env_int("DJANGO_WAGES_MAX_AGE_YEARS", 3)

DATA_UPLOAD_MAX_NUMBER_FILES = 5000  # the admin accepts a whole NSP export at once
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

LANGUAGE_CODE = "cs"
LANGUAGES = [("cs", "Čeština"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Prague"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",  # a StreamHandler's default is stderr
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stdout"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {
        # Failed and locked-out admin logins.
        "axes": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
    },
}
