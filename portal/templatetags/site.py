"""The page's place on the web: language versions, canonical address, sharing tags.

Error pages (`error_page` in the context, see config/views.py) are no place on the web:
they have no canonical address, and their language switch leads to the home page in the
other language. They may answer a Host header we do not serve or a query string Django
refused, so they read neither.
"""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation

register = template.Library()

# What is only being collected for a comparison. The page number stays: page 2 of a list
# is its own page, and the language switch keeps the reader on it.
NOT_CANONICAL = ("porovnat",)


def _canonical_path(request):
    query = request.GET.copy()
    for name in NOT_CANONICAL:
        query.pop(name, None)
    return f"{request.path}?{query.urlencode()}" if query else request.path


def _home_path(language):
    with translation.override(language):
        return reverse("home")


@register.simple_tag(takes_context=True)
def canonical_url(context):
    request = context.get("request")
    if request is None or context.get("error_page"):
        return ""
    return request.build_absolute_uri(_canonical_path(request))


@register.simple_tag(takes_context=True)
def language_versions(context):
    """[(code, name, URL, is current)] of this page in every UI language: absolute URLs of
    this page, or on an error page the paths of the home pages."""
    request = context.get("request")
    if request is None:
        return []
    current = translation.get_language()
    if context.get("error_page"):
        return [
            (code, name, _home_path(code), code == current) for code, name in settings.LANGUAGES
        ]
    path = _canonical_path(request)
    return [
        (code, name, request.build_absolute_uri(translate_url(path, code)), code == current)
        for code, name in settings.LANGUAGES
    ]
