"""Collecting occupations for a comparison on the list and profile pages, in the URL."""

from django import template

from occupations.models import Occupation
from wages.comparison import COLLECT_PARAM, MAX_COMPARED, collected_ids, compare_url

register = template.Library()


def _with_ids(request, ids):
    """The current page's URL with `ids` as the collected occupations."""
    query = request.GET.copy()
    query.pop(COLLECT_PARAM, None)
    if ids:
        query.setlist(COLLECT_PARAM, [str(nsp_id) for nsp_id in ids])
    return f"{request.path}?{query.urlencode()}" if query else request.path


@register.inclusion_tag("wages/includes/compare_toggle.html", takes_context=True)
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


@register.inclusion_tag("wages/includes/compare_bar.html", takes_context=True)
def compare_bar(context):
    """The occupations collected so far, with the link to compare them."""
    request = context["request"]
    ids = collected_ids(request)
    titles = dict(Occupation.objects.filter(nsp_id__in=ids).values_list("nsp_id", "title"))
    return {
        "collected": [(nsp_id, titles[nsp_id]) for nsp_id in ids if nsp_id in titles],
        "compare_url": compare_url(ids) if ids else None,
        "clear_url": _with_ids(request, []),
        "max": MAX_COMPARED,
    }


@register.simple_tag(takes_context=True)
def keep_collected(context, url):
    """`url` with the collected occupations carried along (links from list to profile)."""
    ids = collected_ids(context["request"])
    if not ids:
        return url
    joiner = "&" if "?" in url else "?"
    return url + joiner + "&".join(f"{COLLECT_PARAM}={nsp_id}" for nsp_id in ids)
