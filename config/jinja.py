"""The Jinja2 environment of the fragments in `<app>/jinja2/` (portal/templatetags/jinja.py
says which and why): the same translations, filters and tags as the Django templates.

Translatable strings there are written `{{ _("…") }}`, with `|format(…)` for values:
makemessages reads them as it reads `{{ _("…") }}` in a Django template, so the
catalogues and config/tests/test_i18n.py cover both engines."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from jinja2 import Environment, StrictUndefined
from markupsafe import Markup

from occupations import collecting
from portal import formatting, forms
from portal.templatetags.portal import level_scale


def compare_toggle(request, occupation):
    """The same button as Django's {% compare_toggle %}, from its one template."""
    context = collecting.compare_toggle(request, occupation)
    return Markup(render_to_string("occupations/includes/compare_toggle.html", context))


def environment(**options):
    # A misspelt or forgotten variable fails the render (and the tests) instead of
    # leaving a blank on the page.
    env = Environment(**{**options, "undefined": StrictUndefined})
    # Old style: _() returns the translation as it is; values go in with |format, which
    # escapes them when the translation is marked |safe (it holds markup).
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)
    env.filters.update(
        czk=formatting.czk,
        czk_difference=formatting.czk_difference,
        options=forms.options,
        widget_type=forms.widget_type,
    )
    env.globals.update(
        compare_toggle=compare_toggle,
        keep_collected=collecting.keep_collected,
        level_scale=level_scale,
        url=lambda name, *args: reverse(name, args=args),
    )
    return env
