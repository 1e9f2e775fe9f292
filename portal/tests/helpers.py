"""Helpers shared by the tests of several apps."""

import socket
import time
from collections import Counter
from contextlib import ExitStack, contextmanager

from django.contrib.auth.models import Group, User
from django.db import connection, connections
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


@contextmanager
def queries_by_alias():
    """{database alias: queries run} for the requests made inside, by this thread."""
    counts = Counter()

    def counter(alias):
        def count(execute, sql, params, many, context):
            counts[alias] += 1
            return execute(sql, params, many, context)

        return count

    with ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(counter(alias)))
        yield counts


def closed_port():
    """A port of 127.0.0.1 nothing listens on: a connection there is refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def unreachable(alias):
    """The database `alias` refuses connections inside, as a stopped server does: the
    port of PostgreSQL, the folder of an SQLite file, point where nothing is. For
    transactional tests (the test's own connection is closed)."""
    database = connections[alias]
    saved = dict(database.settings_dict)
    database.close()
    if database.vendor == "sqlite":
        database.settings_dict["NAME"] = "/nonexistent/folder/db.sqlite3"
    else:
        database.settings_dict["PORT"] = closed_port()
    try:
        yield
    finally:
        database.close()
        database.settings_dict.update(saved)


def wait_for_replay(replica, timeout=10.0):
    """Until the replica has replayed everything committed on the primary so far."""
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT pg_current_wal_lsn()")
        (target,) = cursor.fetchone()
    deadline = time.monotonic() + timeout
    with connections[replica].cursor() as cursor:
        while True:
            cursor.execute("SELECT pg_last_wal_replay_lsn() >= %s::pg_lsn", [target])
            if cursor.fetchone()[0]:
                return
            if time.monotonic() > deadline:
                raise AssertionError(f"{replica} has not replayed up to {target} in {timeout} s")
            time.sleep(0.005)


@contextmanager
def replay_paused(replica):
    """The replica stops replaying what the primary commits inside: it lags for sure."""
    with connections[replica].cursor() as cursor:
        cursor.execute("SELECT pg_wal_replay_pause()")
    try:
        yield
    finally:
        with connections[replica].cursor() as cursor:
            cursor.execute("SELECT pg_wal_replay_resume()")
