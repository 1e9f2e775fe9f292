"""How the list's filters read on the page: their groups, and the ones in use."""

from django import template
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from occupations.models import Occupation
from portal.formatting import czk
from profiles.filters import MAX_LOAD_CHOICES

register = template.Library()

# The list's form shows the filters in these folding groups (search and order stand apart).
FILTER_GROUPS = [
    (
        gettext_lazy("Obor a vzdělání"),
        ["obor", "podobor", "druh", "kvalifikace", "vzdelani", "isco"],
    ),
    (gettext_lazy("Mzda"), ["kraj", "sfera", "mzda_od"]),
    (gettext_lazy("Pracovní podmínky a zdraví"), ["zatez_max", "bez_faktoru", "bez_omezeni"]),
    (gettext_lazy("Kompetence"), ["kompetence"]),
]
# Filters whose values are NSP names: Czech whatever the page's language.
DATA_FILTERS = {
    "obor",
    "podobor",
    "kvalifikace",
    "vzdelani",
    "kompetence",
    "bez_faktoru",
    "bez_omezeni",
}
# What only says where the median is read, or how to order: not shown as a filter in use.
NOT_FILTERS = ("razeni", "sfera", "kraj")


def _holds_something(bound_field):
    value = bound_field.value()
    in_use = value not in (None, "", []) and value != bound_field.field.initial
    return in_use or bool(bound_field.errors)


@register.simple_tag
def filter_groups(filterset):
    """[(label, bound fields, open)]: a group is open when one of its fields has an error
    or a value other than its default, so nothing that acts is folded away."""
    groups = []
    for label, names in FILTER_GROUPS:
        fields = [filterset.form[name] for name in names]
        groups.append((label, fields, any(_holds_something(field) for field in fields)))
    return groups


def _text(filterset, name, value):
    """(what the filter's value reads as, the region it applies in)."""
    if name == "mzda_od":
        text = czk(int(value))
        if filterset.region:
            return text, filterset.region.name
        return f"{text} ({_('celá ČR')})", None
    if name.startswith("bez_"):
        return ", ".join(str(item) for item in value), None
    if name == "zatez_max":
        return dict(MAX_LOAD_CHOICES)[value], None
    if name == "druh":
        return Occupation.Kind(value).label, None
    return str(value), None


@register.simple_tag
def active_filters(filterset):
    """The filters in use, each with the query string that drops it."""
    if not filterset.is_bound:
        return []
    filterset.form.errors  # noqa: B018 - validates the form: the valid filters still show
    active = []
    for name, value in filterset.form.cleaned_data.items():
        if name in NOT_FILTERS or value in (None, "") or (name.startswith("bez_") and not value):
            continue
        text, region = _text(filterset, name, value)
        query = filterset.data.copy()
        for dropped in (name, "strana"):
            query.pop(dropped, None)
        active.append(
            {
                "label": filterset.form.fields[name].label,
                "text": text,
                "is_data": name in DATA_FILTERS,
                "region": region,
                "query": query,
            }
        )
    return active
