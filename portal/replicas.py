"""Reads from PostgreSQL read replicas, writes to the primary (DATABASE_REPLICA_URLS).

The replicas are the aliases in settings.REPLICA_DATABASES (replica_1, replica_2, …): hot
standbys streaming from the primary ("default"), so they hold the same data a few
milliseconds later and refuse writes. Without any, everything uses the primary.

Each request reads from one database, chosen when it starts (ReplicaReadsMiddleware): a
public read (GET, HEAD, OPTIONS outside the admin) from a replica, in turn among those
that answer; everything else from the primary:

- a request that may write (POST…) and the whole admin: an editor sees their change at
  once, and the admin's forms read what they are about to change;
- sessions, users and permissions, the admin's log, content types and the login
  throttle's counters, always (a session saved at login must be there at the next
  request; a failed login must count at once);
- the reads inside a transaction on the primary (an import, an admin save), which must
  see its own rows and take their locks where they write;
- the rest of a request once it has written anything (it reads its own writes);
- anything outside a request: management commands, the shell.

A replica lags behind the primary by milliseconds (more after an import). The data version
that keys the page cache is therefore read on the primary, and a request whose replica
has not replayed that version reads from the primary instead (portal/caching.py), so no
page of an older version is ever stored under a newer key.
"""

import itertools
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, InterfaceError, OperationalError, connections

from portal.outages import outage

PRIMARY = DEFAULT_DB_ALIAS
PRIMARY_ONLY_APPS = frozenset({"admin", "auth", "axes", "contenttypes", "sessions"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# What a database that does not answer raises: refused, timed out, shut down, lost.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)

# Where this request's reads go; outside a request, the primary.
_reads_from = ContextVar("reads_from", default=PRIMARY)
_turns = itertools.count()


def replica_aliases():
    return settings.REPLICA_DATABASES


def database_outage(alias):
    return outage(f"database {alias!r}")


def choose_replica():
    """A replica for the next request, in turn among those that have not just failed; the
    primary when there is none."""
    answering = [alias for alias in replica_aliases() if not database_outage(alias).ongoing]
    if not answering:
        return PRIMARY
    return answering[next(_turns) % len(answering)]


def reads_from():
    """The database this request reads from (models of PRIMARY_ONLY_APPS aside)."""
    return _reads_from.get()


def read_from_primary():
    """The rest of this request reads from the primary."""
    _reads_from.set(PRIMARY)


@contextmanager
def reading_from(alias):
    token = _reads_from.set(alias)
    try:
        yield
    finally:
        _reads_from.reset(token)


class ReplicaRouter:
    """settings.DATABASE_ROUTERS: see the module's docstring."""

    def db_for_read(self, model, **hints):
        alias = _reads_from.get()
        if (
            alias == PRIMARY
            or model._meta.app_label in PRIMARY_ONLY_APPS
            or connections[PRIMARY].in_atomic_block
        ):
            return PRIMARY
        return alias

    def db_for_write(self, model, **hints):
        # get_or_create(), update_or_create() and select_for_update() read through here
        # too. Whatever this request reads next must see the write.
        read_from_primary()
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        # A replica holds the primary's rows: an object read there may be assigned to a
        # foreign key of one saved on the primary.
        same_data = {PRIMARY, *replica_aliases()}
        if obj1._state.db in same_data and obj2._state.db in same_data:
            return True
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        # Replicas get the schema by replication.
        return db == PRIMARY


class ReplicaReadsMiddleware:
    """Chooses where a request reads from (see the module's docstring), and forgets it
    afterwards: a worker thread serves one request after another."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin = f"/{settings.ADMIN_PATH}"

    def __call__(self, request):
        public_read = request.method in SAFE_METHODS and not request.path.startswith(self.admin)
        with reading_from(choose_replica() if public_read else PRIMARY):
            return self.get_response(request)
