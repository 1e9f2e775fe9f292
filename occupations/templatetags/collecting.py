"""Collecting occupations for a comparison on the list and profile pages, in the URL."""

from django import template

from occupations import collecting
from occupations.collecting import MAX_COMPARED, collected_ids, compare_url
from occupations.models import Occupation

register = template.Library()


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
    return collecting.compare_toggle(context["request"], occupation)


@register.inclusion_tag("occupations/includes/compare_bar.html", takes_context=True)
def compare_bar(context):
    """The occupations collected so far, with the link to compare them."""
    collected = _collected(context)
    return {
        "collected": collected,
        "compare_url": compare_url([nsp_id for nsp_id, _ in collected]) if collected else None,
        "clear_url": collecting.with_collected(context["request"], []),
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
    return collecting.keep_collected(context["request"], url)
