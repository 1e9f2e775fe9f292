"""Occupations collected for a comparison while browsing, kept in the URL.

The list and profile pages carry the collected ids in `porovnat=<nsp_id>`; the comparison
itself lives at /porovnani/?id=…&id=… (the comparison app), which reads the limits here.
"""

from django.http import QueryDict
from django.urls import reverse

from nsp import vocabulary as vocab
from occupations.models import nsp_id_from

MIN_COMPARED, MAX_COMPARED = 2, 4
COLLECT_PARAM = "porovnat"


def compare_url(nsp_ids, sphere=None):
    """The comparison of these profiles, in this order."""
    query = QueryDict(mutable=True)
    query.setlist("id", [str(nsp_id) for nsp_id in nsp_ids])
    if sphere and sphere != vocab.BUSINESS:
        query["sfera"] = sphere
    return f"{reverse('comparison:compare')}?{query.urlencode()}"


def collected_ids(request):
    """The ids collected in the `porovnat` parameter of a list or profile page."""
    ids = []
    for value in request.GET.getlist(COLLECT_PARAM):
        nsp_id = nsp_id_from(value)
        if nsp_id is not None and nsp_id not in ids:
            ids.append(nsp_id)
    return ids[:MAX_COMPARED]


def with_collected(request, ids):
    """The current page's URL with `ids` as the collected occupations."""
    query = request.GET.copy()
    query.pop(COLLECT_PARAM, None)
    if ids:
        query.setlist(COLLECT_PARAM, [str(nsp_id) for nsp_id in ids])
    return f"{request.path}?{query.urlencode()}" if query else request.path


def keep_collected(request, url):
    """`url` with the collected occupations carried along (links from list to profile)."""
    ids = collected_ids(request)
    if not ids:
        return url
    joiner = "&" if "?" in url else "?"
    return url + joiner + "&".join(f"{COLLECT_PARAM}={nsp_id}" for nsp_id in ids)


def compare_toggle(request, occupation):
    """What 'Přidat do porovnání' or 'Odebrat z porovnání' shows for one occupation:
    {occupation, chosen, url, full} (url None when the comparison is full)."""
    ids = collected_ids(request)
    chosen = occupation.nsp_id in ids
    if chosen:
        url = with_collected(request, [n for n in ids if n != occupation.nsp_id])
    elif len(ids) < MAX_COMPARED:
        url = with_collected(request, [*ids, occupation.nsp_id])
    else:
        url = None
    return {"occupation": occupation, "chosen": chosen, "url": url, "full": url is None}
