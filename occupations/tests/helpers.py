"""Helpers shared by the admin tests."""

from django.forms import NullBooleanSelect


def value_of(bound_field):
    value = bound_field.value()
    if isinstance(bound_field.field.widget, NullBooleanSelect):
        return {True: "true", False: "false"}.get(value, "unknown")
    if isinstance(value, bool):
        return "on" if value else ""
    if value is None:
        return ""
    return value


def change_form_data(response):
    """The POST data the admin change form would send back unchanged."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        value = value_of(form[name])
        if value != "":
            data[name] = value
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name in formset.management_form.fields:
            data[f"{formset.prefix}-{name}"] = formset.management_form[name].value()
        for subform in formset.forms:
            for name in subform.fields:
                value = value_of(subform[name])
                if value != "":
                    data[subform.add_prefix(name)] = value
    return data
