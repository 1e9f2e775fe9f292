"""Formatting for what users read: money, levels, missing figures."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def czk(value):
    """42292 -> '42 292 Kč' (no-break spaces); None -> 'bez údajů', never 0."""
    if value is None:
        return _("bez údajů")
    currency = _("Kč")
    return f"{number_format(value, force_grouping=True)}\xa0{currency}"


@register.filter
def czk_thousands(value):
    """An axis label: 125000 -> '125 tis.'; 0 -> '0'."""
    if not value:
        return "0"
    thousands = number_format(value / 1000, decimal_pos=0 if value % 1000 == 0 else 1)
    unit = _("tis.")  # thousands on a chart axis
    return f"{thousands}\xa0{unit}"


@register.filter
def yes_no(value):
    if value is None:
        return _("neuvedeno")
    return _("ano") if value else _("ne")


@register.inclusion_tag("includes/level_scale.html")
def level_scale(level, scale_min, scale_max):
    """A level drawn on its scale, e.g. 4 on 1–8, with the numbers for screen readers."""
    return {
        "level": level,
        "scale_min": scale_min,
        "scale_max": scale_max,
        "steps": [(step, step <= level) for step in range(max(scale_min, 1), scale_max + 1)],
    }
