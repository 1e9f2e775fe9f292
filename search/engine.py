"""The one search of the portal: which index answers, and what the pages ask of it.

Each process keeps the index of the current data version in memory. When the version
moves (any write to the catalogue), the next search loads the index built for it from the
database (IndexSnapshot), or builds it from the profiles and stores it there for the other
processes and servers. The import and the admin build it as part of their write, so that
readers only load it; `manage.py rebuild_search_index` builds it on demand.
"""

import io
import pickle
import zlib
from dataclasses import dataclass

from django.db import IntegrityError, transaction

from occupations.models import Occupation
from portal.caching import HeldPerVersion
from search.index import FORMAT, Match, SearchIndex
from search.models import IndexSnapshot
from search.sources import index_records

_held = HeldPerVersion(lambda key: _load(key) or _build(key))  # this process's index


def index(version=None):
    """The index of the current data (`version`: what the request read, to save a query)."""
    return _held.get(version)


def rebuild():
    """Build the index of the current data and store it (the import and the admin call
    this inside their transaction, after their writes)."""
    return _held.replace(_build)


def _stored_as(key):
    """The snapshot's name: the data version and the index's format. After a deploy that
    changes the format, the old snapshot is not loaded but replaced."""
    return f"{key}/{FORMAT}"


def _build(key):
    built = SearchIndex.build(index_records())
    data = zlib.compress(pickle.dumps(built.state(), protocol=pickle.HIGHEST_PROTOCOL), 1)
    try:
        with transaction.atomic():
            IndexSnapshot.objects.exclude(version=_stored_as(key)).delete()
            IndexSnapshot.objects.create(version=_stored_as(key), data=data)
    except IntegrityError:
        pass  # another process stored the same version first
    return built


def _load(key):
    snapshot = (
        IndexSnapshot.objects.filter(version=_stored_as(key)).values_list("data", flat=True).first()
    )
    if snapshot is None:
        return None
    return SearchIndex(_SafeUnpickler(io.BytesIO(zlib.decompress(bytes(snapshot)))).load())


class _SafeUnpickler(pickle.Unpickler):
    """An index's state is plain data: containers, strings, numbers and arrays. Nothing
    else is rebuilt from the database, whatever the bytes say."""

    ALLOWED = {("array", "_array_reconstructor"), ("array", "array")}

    def find_class(self, module, name):
        if (module, name) in self.ALLOWED or (module == "builtins" and name in _BUILTINS):
            return super().find_class(module, name)
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a search index")


_BUILTINS = {"set", "frozenset", "dict", "list", "tuple", "bytearray"}


# --- what pages ask ----------------------------------------------------------------------------


@dataclass
class Result:
    occupation: Occupation
    match: Match | None


def ranked_pks(query, version=None):
    """The pks of every matching profile, best first."""
    return index(version).ranked(query)


def explain(pks, query, version=None):
    """{pk: Match} of the profiles among `pks` for a query."""
    return index(version).explain(pks, query)


def occupations(query, limit=10, exclude=(), version=None):
    """The best `limit` occupations for a query (the comparison and the wage explorer
    pick a profile with it), in one query."""
    exclude = set(exclude)
    pks = [pk for pk in ranked_pks(query, version) if pk not in exclude][:limit]
    by_pk = Occupation.objects.in_bulk(pks)
    return [by_pk[pk] for pk in pks if pk in by_pk]


def suggestions(text, limit=8, version=None):
    """[(occupation, label)]: titles, or the alternative names typed, of the best matches
    for the text typed so far."""
    found = index(version).suggest(text, limit=limit)
    by_pk = Occupation.objects.only("nsp_id", "title", "slug").in_bulk([pk for pk, _ in found])
    return [(by_pk[pk], label) for pk, label in found if pk in by_pk]


def closest(query, limit=3, version=None):
    """Occupations whose titles are closest to a query that found nothing."""
    pks = index(version).closest_titles(query, limit=limit)
    by_pk = Occupation.objects.only("title", "slug").in_bulk(pks)
    return [by_pk[pk] for pk in pks if pk in by_pk]
