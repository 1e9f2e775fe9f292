"""Caching of public pages, always in step with the data.

Every public page depends only on the catalogue (no user state), and every change to the
catalogue (an import, an admin edit) bumps DataVersion. So:

- `@public_page` marks a view's response as public: it gets an ETag and Last-Modified
  built from the data version and the code release, answers conditional requests with
  304, and carries `Cache-Control: public` so a CDN may keep it (it must revalidate, so
  an edit shows at once; DJANGO_CDN_MAX_AGE lets a deployment trade that for load).
- `PublicPageCacheMiddleware` sits early in the middleware stack and serves stored copies
  of such responses. The key holds the data version, so a change makes every stored copy
  unreachable at once; nothing needs purging. It also holds the scheme and the host
  (checked against ALLOWED_HOSTS first), since pages carry absolute links.

With read replicas (portal/replicas.py) the version is read on the primary, so that an
edit changes every key and ETag at once on every app server; while the primary does not
answer, on the request's replica, so that public pages go on. A page missing from the
cache is rendered from the replica only when the replica has replayed exactly that
version, else from the primary: a replica's lag must never store an older page under the
newer key. With a shared cache (Redis) that does not answer, pages are served without it.
"""

import gzip
import hashlib
import logging
import os
import re
import threading
from datetime import UTC
from functools import cache, wraps
from pathlib import Path

from django.conf import settings
from django.core.cache import caches
from django.db import connection, connections, router
from django.http import HttpResponse
from django.utils.cache import (
    cc_delim_re,
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
)
from django.utils.http import http_date
from redis.exceptions import RedisError

from portal.models import DataVersion
from portal.outages import outage
from portal.replicas import (
    DATABASE_UNAVAILABLE,
    PRIMARY,
    database_outage,
    read_from_primary,
    reads_from,
)

log = logging.getLogger(__name__)

CACHE_ALIAS = "default"
PAGE_TIMEOUT = 60 * 60  # seconds; a new data version makes older copies unreachable anyway
MAX_STORED_BYTES = 16 * 1024 * 1024  # uncompressed; stored gzipped (the sitemap is the largest)
_ACCEPTS_GZIP = re.compile(r"\bgzip\b")


@cache
def release():
    """What identifies the code being served: DJANGO_RELEASE, or a fingerprint of the
    templates, code and static files (the same in every worker of one deployment)."""
    if os.environ.get("DJANGO_RELEASE"):
        return os.environ["DJANGO_RELEASE"]
    digest = hashlib.sha1()
    base = Path(settings.BASE_DIR)
    for pattern in ("*/templates/**/*.html", "templates/**/*.html", "*/*.py", "static/**/*"):
        for path in sorted(base.glob(pattern)):
            if ".venv" not in path.parts and path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_mtime_ns}:{stat.st_size}".encode())
    return digest.hexdigest()[:12]


@cache
def _version_sql():
    quote = connection.ops.quote_name
    meta = DataVersion._meta
    return (
        f"SELECT {quote(meta.get_field('number').column)}, "
        f"{quote(meta.get_field('changed_at').column)} FROM {quote(meta.db_table)} WHERE "
        f"{quote(meta.pk.column)} = {DataVersion.ROW}"
    )


def read_version(alias):
    """(number, changed_at) of the catalogue in one database: one plain SELECT by primary
    key, since it is asked on every public request."""
    with connections[alias].cursor() as cursor:
        cursor.execute(_version_sql())
        row = cursor.fetchone()
    if row is None:  # deleted, e.g. by `manage.py flush`
        version = DataVersion.current()
        return version.number, version.changed_at
    number, changed_at = row
    if changed_at.tzinfo is None:  # SQLite gives the stored UTC time without a zone
        changed_at = changed_at.replace(tzinfo=UTC)
    return number, changed_at


def version_key(version):
    """A (number, changed_at) version as one string: what a process keeps its data of a
    version under (the search index, the matcher's arrays)."""
    number, changed_at = version
    return f"{number}-{int(changed_at.timestamp() * 1_000_000)}"


class HeldPerVersion:
    """What a process holds for the current data version (the search index, the
    matcher's arrays), made by `make(key)` when the version has moved since."""

    def __init__(self, make):
        self.make = make
        self.current = None  # (version key, what was made)
        self._lock = threading.Lock()

    def get(self, version=None):
        """What is held for `version` (what the request read, to save a query)."""
        key = version_key(version or current_version())
        current = self.current
        if current is not None and current[0] == key:
            return current[1]
        with self._lock:
            if self.current is None or self.current[0] != key:
                self.current = (key, self.make(key))
            return self.current[1]

    def replace(self, make):
        """Make it again for the current version, whatever is held (after a write)."""
        key = version_key(current_version())
        with self._lock:
            self.current = (key, make(key))
            return self.current[1]

    def forget(self):
        self.current = None


def current_version():
    """(number, changed_at) of the catalogue: the primary's, or while the primary does
    not answer, that of the replica this request reads from. Without a replica to fall
    back on, the primary's error goes up (an error page says the site is unavailable)."""
    fallback = reads_from()
    primary = database_outage(PRIMARY)
    if fallback == PRIMARY or not primary.ongoing:
        try:
            version = read_version(PRIMARY)
        except DATABASE_UNAVAILABLE as error:
            if fallback == PRIMARY:
                raise
            primary.begin(error)
        else:
            primary.end()
            return version
    return read_version(fallback)


def render_from_a_replica_only_at(version):
    """Before a page is rendered to be stored under `version`: keep this request on its
    replica only if the replica has replayed that very version, else read from the
    primary. (Equal, not "at least": a version row made anew, after `manage.py flush`,
    starts counting again.)"""
    alias = router.db_for_read(DataVersion)
    if alias == PRIMARY or database_outage(PRIMARY).ongoing:
        return  # the version came from this replica
    try:
        replayed = read_version(alias)
    except DATABASE_UNAVAILABLE as error:
        database_outage(alias).begin(error)
        replayed = None
    if replayed != version:
        at = replayed[0] if replayed else "?"
        log.info("%s is at data version %s, not %s: read from the primary", alias, at, version[0])
        read_from_primary()


def etag_for(version):
    number, changed_at = version
    # Weak: the same page may be sent gzipped or not.
    return f'W/"{number}-{int(changed_at.timestamp() * 1000)}-{release()}"'


def cache_key(version, request):
    """The key of the stored copy of this request's page. Pages hold absolute links (the
    canonical address, language versions, the sitemap), so the scheme and the host are
    part of it; get_host() refuses a Host header that ALLOWED_HOSTS does not name."""
    number, changed_at = version
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha1(address.encode()).hexdigest()
    return f"page:{number}:{int(changed_at.timestamp() * 1000)}:{release()}:{digest}"


def _public_headers(response, version):
    response["ETag"] = etag_for(version)
    response["Last-Modified"] = http_date(version[1].timestamp())
    cdn_max_age = int(os.environ.get("DJANGO_CDN_MAX_AGE", "0"))
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    if cdn_max_age:
        patch_cache_control(response, s_maxage=cdn_max_age)


def public_page(view):
    """Mark a view's successful GET responses as public, versioned and cacheable."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        version = getattr(request, "data_version", None) or current_version()
        not_modified = get_conditional_response(
            request, etag=etag_for(version), last_modified=int(version[1].timestamp())
        )
        if not_modified is not None:
            _public_headers(not_modified, version)
            return not_modified
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            _public_headers(response, version)
            response.public_cache_key = cache_key(version, request)
        return response

    return wrapper


class PublicPageCacheMiddleware:
    """Serve stored copies of @public_page responses before the rest of the stack runs.

    Copies are kept gzip-compressed: small in memory, and sent as they are to the clients
    that accept gzip (every browser and CDN); the others get them decompressed."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.cache = caches[CACHE_ALIAS]
        self.cache_outage = outage(f"cache {CACHE_ALIAS!r}")
        self.skipped = (f"/{settings.STATIC_URL.lstrip('/')}", f"/{settings.ADMIN_PATH}")

    def __call__(self, request):
        if request.method not in ("GET", "HEAD") or request.path.startswith(self.skipped):
            return self.get_response(request)
        # Before anything is served: a Host header we do not serve is a 400 (DisallowedHost),
        # as CommonMiddleware would make it further in.
        request.get_host()
        version = current_version()
        request.data_version = version
        stored = self.cached(self.cache.get, cache_key(version, request))
        if stored is not None:
            return self.replay(request, version, stored)
        render_from_a_replica_only_at(version)
        response = self.get_response(request)
        key = getattr(response, "public_cache_key", None)
        if key:
            # The language is in the path (/…, /en/…), not in Accept-Language, whatever
            # LocaleMiddleware says: one copy per URL and encoding for caches and CDNs.
            vary = [v for v in cc_delim_re.split(response.get("Vary", "")) if v]
            response.headers.pop("Vary", None)
            patch_vary_headers(
                response, [v for v in vary if v.lower() != "accept-language"] + ["Accept-Encoding"]
            )
            if len(response.content) <= MAX_STORED_BYTES:
                self.cached(self.cache.set, key, self.freeze(response), PAGE_TIMEOUT)
        return response

    def cached(self, operation, *args):
        """A get or set on the cache. A shared cache (Redis) that does not answer makes
        every page a miss for a while: slower, never an error."""
        if self.cache_outage.ongoing:
            return None
        try:
            result = operation(*args)
        except RedisError as error:
            self.cache_outage.begin(error)
            return None
        self.cache_outage.end()
        return result

    @staticmethod
    def freeze(response):
        headers = [(name, value) for name, value in response.items() if name != "Content-Length"]
        return response.status_code, headers, gzip.compress(response.content, 5, mtime=0)

    @staticmethod
    def replay(request, version, stored):
        status, headers, body = stored
        not_modified = get_conditional_response(
            request, etag=etag_for(version), last_modified=int(version[1].timestamp())
        )
        if not_modified is not None:
            _public_headers(not_modified, version)
            return not_modified
        if _ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
            response = HttpResponse(body, status=status)
            response["Content-Encoding"] = "gzip"
        else:
            response = HttpResponse(gzip.decompress(body), status=status)
        for name, value in headers:
            response[name] = value
        return response
