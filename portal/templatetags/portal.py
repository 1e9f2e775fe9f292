"""Formatting for what users read: money, levels, missing figures; and the page's metadata."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from portal import formatting

register = template.Library()


register.filter("czk", formatting.czk)
register.filter("czk_difference", formatting.czk_difference)
register.filter("czk_thousands", formatting.czk_thousands)
register.filter("yes_no", formatting.yes_no)


@register.simple_tag
def level_scale(level, scale_min, scale_max):
    """A level drawn on its scale, e.g. 4 on 1–8, with the numbers for screen readers.

    Built here rather than in an included template: a profile draws dozens of them."""
    label = _("úroveň %(level)s na stupnici %(low)s–%(high)s") % {
        "level": level,
        "low": scale_min,
        "high": scale_max,
    }
    steps = "".join(
        '<span class="scale-step is-filled"></span>' if step <= level else
        '<span class="scale-step"></span>'
        for step in range(max(scale_min, 1), scale_max + 1)
    )  # fmt: skip
    return format_html(
        '<span class="scale" role="img" aria-label="{}">{}</span> '
        '<span class="scale-value" aria-hidden="true">{}/{}</span>',
        label,
        mark_safe(steps),  # fixed markup, no data in it
        level,
        scale_max,
    )


@register.simple_tag
def range_cells(figure, sphere=""):
    """Od, Medián and Do of a wage figure as three table cells, or one 'bez údajů' cell.

    The cells carry the class of their `sphere` (a phone shows one sphere at a time) and
    the role that keeps them cells when a phone reflows their table (site.css, "reflow")."""
    sphere_class = f" sphere-{sphere}" if sphere else ""
    if figure is None:
        return format_html(
            '<td class="missing{}" colspan="3" role="cell">{}</td>', sphere_class, _("bez údajů")
        )
    return format_html(
        '<td class="num{0}" role="cell">{1}</td><td class="num median{0}" role="cell">{2}</td>'
        '<td class="num{0}" role="cell">{3}</td>',
        sphere_class,
        formatting.czk(figure.low),
        formatting.czk(figure.median),
        formatting.czk(figure.high),
    )


# Open Graph names a language together with a country.
OG_LOCALES = {"cs": "cs_CZ", "en": "en_GB"}


@register.filter
def og_locale(language_code):
    """'cs' -> 'cs_CZ', for og:locale and og:locale:alternate."""
    return OG_LOCALES.get(language_code, language_code)


class CaptureNode(template.Node):
    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        # The rendered output is escaped already; folded to one line to fit an attribute.
        context[self.name] = mark_safe(" ".join(self.nodelist.render(context).split()))
        return ""


@register.tag
def capture(parser, token):
    """{% capture as name %}…{% endcapture %} renders its content once into `name`.

    base.html wraps the blocks pages fill (title, description) in it, so the <title>, the
    meta description and the sharing tags all say what the page's one block says."""
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
