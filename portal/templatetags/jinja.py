"""Jinja2 fragments inside Django templates.

A few fragments repeat a small piece of markup hundreds of times a page (the table in
docs/ARCHITECTURE.md, "Two template engines", lists them). Django's engine spends 5–10 µs
on each variable; Jinja2 compiles templates to Python and renders the same fragment 2 to 5
times faster (docs/PERFORMANCE.md). Those fragments live in `<app>/jinja2/`; the pages
around them stay Django templates."""

from django import template
from django.template import engines
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def jinja_include(context, template_name, **variables):
    """{% jinja_include "careers/moves.html" moves=similar %}: the Jinja2 template
    rendered with these variables and the request, nothing else of the page's context
    (an undefined variable is an error there, not an empty string)."""
    fragment = engines["jinja2"].get_template(template_name)
    # Jinja2 escaped what it rendered (autoescape), so it is safe as it stands.
    return mark_safe(fragment.render(variables, request=context.get("request")))
