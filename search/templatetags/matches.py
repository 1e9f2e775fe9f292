"""How a search match reads on a page."""

from django import template
from django.utils.translation import gettext_lazy as _

from search.index import ALTERNATIVE, COMPETENCE, ISCO, TEXT, TITLE

register = template.Library()

FIELDS = {
    TITLE: _("název"),
    ALTERNATIVE: _("alternativní název"),
    TEXT: _("popis a pracovní činnosti"),
    ISCO: _("skupina CZ-ISCO"),
    COMPETENCE: _("požadované kompetence"),
}


@register.filter
def match_field(field):
    """Where in a profile a query matched, in the reader's words."""
    return FIELDS[field]
