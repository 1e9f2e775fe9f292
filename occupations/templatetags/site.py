"""The page's place on the web: language versions, canonical address, sharing tags."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

register = template.Library()

# Parameters that only change how a list is paged or what is being collected.
NOT_CANONICAL = ("strana", "porovnat")


def _canonical_path(request):
    query = request.GET.copy()
    for name in NOT_CANONICAL:
        query.pop(name, None)
    return f"{request.path}?{query.urlencode()}" if query else request.path


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context.get("request")
    return request.build_absolute_uri(_canonical_path(request)) if request else ""


@register.simple_tag(takes_context=True)
def language_versions(context):
    """[(code, name, absolute URL, is current)] of this page in every UI language."""
    request = context.get("request")
    if request is None:
        return []
    path = _canonical_path(request)
    current = get_language()
    return [
        (code, name, request.build_absolute_uri(translate_url(path, code)), code == current)
        for code, name in settings.LANGUAGES
    ]
