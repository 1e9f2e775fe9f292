"""How amounts and yes/no facts read, in the page's language: one place for templates,
charts, CSV files and messages alike."""

from django.utils.formats import number_format
from django.utils.translation import gettext as _


def czk(value):
    """42292 -> '42 292 Kč' (no-break spaces); None -> 'bez údajů', never 0."""
    if value is None:
        return _("bez údajů")
    currency = _("Kč")
    return f"{number_format(value, force_grouping=True)}\xa0{currency}"


def czk_difference(value):
    """A difference of amounts: 3200 -> '+3 200 Kč', -1500 -> '−1 500 Kč' (a minus sign,
    not a hyphen), 0 -> '0 Kč'; None -> 'bez údajů'."""
    if value is None:
        return _("bez údajů")
    sign = "+" if value > 0 else "\u2212" if value < 0 else ""
    return sign + czk(abs(value))


def czk_thousands(value):
    """An axis label: 125000 -> '125 tis.'; 0 -> '0'."""
    if not value:
        return "0"
    thousands = number_format(value / 1000, decimal_pos=0 if value % 1000 == 0 else 1)
    unit = _("tis.")  # thousands on a chart axis
    return f"{thousands}\xa0{unit}"


def yes_no(value):
    if value is None:
        return _("neuvedeno")
    return _("ano") if value else _("ne")
