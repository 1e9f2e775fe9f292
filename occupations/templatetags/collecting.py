"""Collecting occupations for a comparison on the list and profile pages, in the URL."""

from django import template

from occupations.collecting import COLLECT_PARAM, MAX_COMPARED, collected_ids, compare_url
from occupations.models import Occupation

register = template.Library()


def _with_ids(request, ids):
    """The current page's URL with `ids` as the collected occupations."""
    query = request.GET.copy()
    query.pop(COLLECT_PARAM, None)
    if ids:
        query.setlist(COLLECT_PARAM, [str(nsp_id) for nsp_id in ids])
    return f"{request.path}?{query.urlencode()}" if query else request.path


def _collected(context):
    """The collected occupations that exist, as [(nsp_id, title)] in the order collected.

    The URL may carry ids of profiles that are not (or no longer) in the portal; links to a
    comparison use only these. Looked up once per page render, though several tags ask."""
    cache = context.render_context
    if "collected_occupations" not in cache:
        ids = collected_ids(context["request"])
        titles = {}
        if ids:
            titles = dict(Occupation.objects.filter(nsp_id__in=ids).values_list("nsp_id", "title"))
        cache["collected_occupations"] = [(n, titles[n]) for n in ids if n in titles]
    return cache["collected_occupations"]


@register.inclusion_tag("occupations/includes/compare_toggle.html", takes_context=True)
def compare_toggle(context, occupation):
    """'Přidat do porovnání' or 'Odebrat z porovnání' for one occupation."""
    request = context["request"]
    ids = collected_ids(request)
    chosen = occupation.nsp_id in ids
    if chosen:
        url = _with_ids(request, [n for n in ids if n != occupation.nsp_id])
    elif len(ids) < MAX_COMPARED:
        url = _with_ids(request, [*ids, occupation.nsp_id])
    else:
        url = None
    return {"occupation": occupation, "chosen": chosen, "url": url, "full": url is None}


@register.inclusion_tag("occupations/includes/compare_bar.html", takes_context=True)
def compare_bar(context):
    """The occupations collected so far, with the link to compare them."""
    collected = _collected(context)
    return {
        "collected": collected,
        "compare_url": compare_url([nsp_id for nsp_id, _ in collected]) if collected else None,
        "clear_url": _with_ids(context["request"], []),
        "max": MAX_COMPARED,
    }


@register.simple_tag(takes_context=True)
def compare_with_url(context, occupation):
    """The comparison of the collected occupations and this one (a profile's link).

    When the collection is full without it, this one takes the last place: the link
    promises a comparison with this profile."""
    ids = [nsp_id for nsp_id, _ in _collected(context)]
    if occupation.nsp_id not in ids:
        ids = [*ids[: MAX_COMPARED - 1], occupation.nsp_id]
    return compare_url(ids)


@register.simple_tag(takes_context=True)
def keep_collected(context, url):
    """`url` with the collected occupations carried along (links from list to profile)."""
    ids = collected_ids(context["request"])
    if not ids:
        return url
    joiner = "&" if "?" in url else "?"
    return url + joiner + "&".join(f"{COLLECT_PARAM}={nsp_id}" for nsp_id in ids)
