"""Helpers shared by the occupations tests."""

from contextlib import contextmanager

from django.contrib.auth.models import Group, User
from django.db import connection
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


def add_row(data, formset, **values):
    """Add a new inline row with `values` to the POST data of a change form."""
    index = int(data[f"{formset.prefix}-TOTAL_FORMS"])
    data[f"{formset.prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"{formset.prefix}-{index}-{name}"] = value


def inline_formset(response, model):
    """The formset of `model`'s inline on an admin change page."""
    return next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.model is model
    )


def log_in_editor(client):
    """A staff user in the editors group (made by a data migration), logged in."""
    user = User.objects.create_user("editor", password="heslo-editora-123", is_staff=True)
    user.groups.add(Group.objects.get(name="editors"))
    client.force_login(user)
    return user


@contextmanager
def failing_inserts(table):
    """A real database error on the first row written into `table`, raised by a trigger,
    so that it stops the row however it comes: INSERT, executemany or PostgreSQL's COPY."""
    quoted = connection.ops.quote_name(table)
    message = f"injected fault while writing {table}"
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "CREATE FUNCTION inject_fault() RETURNS trigger LANGUAGE plpgsql AS "
                f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
            )
            cursor.execute(
                f"CREATE TRIGGER inject_fault BEFORE INSERT ON {quoted} "
                "FOR EACH ROW EXECUTE FUNCTION inject_fault()"
            )
        else:
            cursor.execute(
                f"CREATE TRIGGER inject_fault BEFORE INSERT ON {quoted} "
                f"BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                cursor.execute(f"DROP TRIGGER inject_fault ON {quoted}")
                cursor.execute("DROP FUNCTION inject_fault()")
            else:
                cursor.execute("DROP TRIGGER inject_fault")
