"""/healthz: can this app server serve? For load balancers and monitoring.

    GET /healthz -> 200 {"status": "ok" | "degraded", "databases": {…}, "cache": {…}}
                    503 {"status": "down", …}

- ok: the primary, every replica and the cache answer.
- degraded, still 200 (a load balancer keeps sending public traffic): something fails
  but public pages are served. The primary is down and a replica answers (public pages
  come from the replica, the admin answers 503), or a replica is down (its reads go to
  the others or the primary), or the shared cache is down (pages are rendered each time).
- down, 503: no database answers, so no page can be served.

Every check is real (a query on each database, a write and read of the cache), not this
worker's memory of earlier failures. The middleware answers first in the stack, before
the HTTPS redirect, the Host check, sessions and the login throttle: a load balancer
probes each server by its address, over plain HTTP. Never cached (no-store). Errors are
named by type only; the log has their message (with hosts and ports).
"""

import logging
import os
import time

from django.core.cache import caches
from django.db import connections
from django.http import HttpResponseNotAllowed, JsonResponse
from redis.exceptions import RedisError

from portal.caching import CACHE_ALIAS, read_version
from portal.replicas import DATABASE_UNAVAILABLE, PRIMARY, replica_aliases

log = logging.getLogger(__name__)

PATH = "/healthz"

RECOVERY_SQL = """
    SELECT pg_is_in_recovery(),
           CASE WHEN NOT pg_is_in_recovery() THEN NULL
                WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp()) END
"""


def _milliseconds(started):
    return round((time.perf_counter() - started) * 1000, 1)


def _failed(what, error):
    log.warning("healthz: %s: %s", what, error)
    return {"ok": False, "error": type(error).__name__}


def database_state(alias):
    """Whether a database answers: its data version, and for PostgreSQL whether it is in
    recovery (a replica) and how far its replay is behind what it received."""
    started = time.perf_counter()
    role = "primary" if alias == PRIMARY else "replica"
    try:
        state = {"ok": True, "version": read_version(alias)[0]}
        connection = connections[alias]
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(RECOVERY_SQL)
                in_recovery, lag = cursor.fetchone()
            state["in_recovery"] = in_recovery
            if in_recovery:
                state["replay_lag_seconds"] = round(float(lag), 3) if lag is not None else None
            # A primary in recovery is a standby: every write would fail.
            state["ok"] = in_recovery == (role == "replica")
    except DATABASE_UNAVAILABLE as error:
        state = _failed(f"database {alias!r}", error)
    return {"role": role, **state, "ms": _milliseconds(started)}


def cache_state():
    """Whether the page cache takes a value and gives it back."""
    started = time.perf_counter()
    cache = caches[CACHE_ALIAS]
    key, value = f"healthz:{os.getpid()}", time.time_ns()
    try:
        cache.set(key, value, 60)
        state = {"ok": cache.get(key) == value}
    except RedisError as error:
        state = _failed(f"cache {CACHE_ALIAS!r}", error)
    return {"backend": type(cache).__name__, **state, "ms": _milliseconds(started)}


def health():
    databases = {alias: database_state(alias) for alias in (PRIMARY, *replica_aliases())}
    cache = cache_state()
    if not any(state["ok"] for state in databases.values()):
        status = "down"
    elif all(state["ok"] for state in databases.values()) and cache["ok"]:
        status = "ok"
    else:
        status = "degraded"
    return {"status": status, "databases": databases, "cache": cache}


class HealthCheckMiddleware:
    """Answers /healthz before anything else runs (see the module's docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info != PATH:
            return self.get_response(request)
        if request.method in ("GET", "HEAD"):
            body = health()
            response = JsonResponse(body, status=503 if body["status"] == "down" else 200)
        else:
            response = HttpResponseNotAllowed(["GET", "HEAD"])
        response["Cache-Control"] = "no-store"
        response["X-Content-Type-Options"] = "nosniff"
        return response
