"""An import that fails half-way leaves the database as it was; imports never interleave."""

import io
import json
import threading
import time

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection

from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from occupations.models import Occupation
from portal.tests.helpers import failing_inserts
from profiles.importer import import_paths


def snapshot():
    """Every row of the portal's own tables, in primary-key order."""
    dump = io.StringIO()
    call_command("dumpdata", "occupations", "wages", "competences", stdout=dump)
    return json.loads(dump.getvalue())


def variant(tmp_path, name, replacements):
    text = SEED_SPECIALIZATION.read_text(encoding="utf-8")
    for old, new in replacements:
        text = text.replace(old, new)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.django_db
@pytest.mark.parametrize(
    "table", ["occupations_activity", "competences_occupationcompetence", "wages_wagefigure"]
)
def test_a_database_error_half_way_leaves_everything_as_before(tmp_path, table):
    import_paths([SEED_SPECIALIZATION])
    before = snapshot()
    edited = variant(tmp_path, "edited.txt", [("- Ověření zákaznické historie.\n", "")])
    new = variant(
        tmp_path,
        "new.txt",
        [
            ("102742", "190001"),
            ("41 2", "41 3"),
            ("Jihočeský kraj\t28 806", "Jihočeský kraj\t28 807"),
        ],
    )

    with failing_inserts(table), pytest.raises(DatabaseError):
        import_paths([SEED_OCCUPATION, edited, new])

    assert len(before) > 100  # the seed's rows, shared and its own: not an empty dump
    assert snapshot() == before


@pytest.mark.django_db
def test_import_nsp_reports_a_database_failure_without_a_traceback(capsys):
    with failing_inserts("occupations_activity"), pytest.raises(SystemExit):
        call_command("import_nsp", str(SEED_SPECIALIZATION))

    err = capsys.readouterr().err
    assert "The database refused the import (injected fault" in err
    assert "Nothing was imported." in err and "Traceback" not in err
    assert not Occupation.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_imports_at_once_run_one_after_the_other():
    events = []
    first_has_lock, let_first_finish = threading.Event(), threading.Event()

    def hold_the_lock(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if "portal_dataversion" in sql and not first_has_lock.is_set():
            first_has_lock.set()
            let_first_finish.wait(10)
        return result

    def first():
        try:
            with connection.execute_wrapper(hold_the_lock):
                import_paths([SEED_SPECIALIZATION])
            events.append("first committed")
        finally:
            connection.close()

    def second():
        try:
            report = import_paths([SEED_SPECIALIZATION, SEED_OCCUPATION])
            events.append(f"second committed: {[r.status for r in report.results]}")
        finally:
            connection.close()

    one = threading.Thread(target=first)
    one.start()
    assert first_has_lock.wait(10)
    two = threading.Thread(target=second)
    two.start()
    time.sleep(1)  # ample time for the second import to finish, were it not waiting
    events.append("first released")
    let_first_finish.set()
    one.join(20)
    two.join(20)

    assert events == [
        "first released",
        "first committed",
        "second committed: ['unchanged', 'created']",
    ]
