"""parse_nsp, import_nsp and build_fixtures as a user runs them."""

import io
import json
from datetime import date

import pytest
from django.core.management import call_command

from conftest import FIXTURES, SEED_OCCUPATION, SEED_SPECIALIZATION
from nsp.parser import parse_file
from occupations.models import Occupation
from profiles.documents import profile_document
from profiles.fixtures import FIXTURE_PATH, build_fixture


def run(*args):
    """(exit status, stdout, stderr) of a management command."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
        status = 0
    except SystemExit as exit:
        status = exit.code
    return status, out.getvalue(), err.getvalue()


def bad_copy(tmp_path, name, old, new):
    text = SEED_SPECIALIZATION.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    line = next(n for n, row in enumerate(text.split("\n"), start=1) if new in row)
    return path, line


def test_parse_nsp_prints_one_document_per_file_in_order():
    status, out, err = run("parse_nsp", str(SEED_OCCUPATION), str(SEED_SPECIALIZATION))

    assert (status, err) == (0, "")
    documents = json.loads(out)
    assert [d["nsp_id"] for d in documents] == [103332, 102742]
    assert documents[0] == parse_file(SEED_OCCUPATION)


def test_parse_nsp_expands_folders_to_their_texts_in_name_order():
    status, out, _ = run("parse_nsp", str(FIXTURES / "nsp"))

    assert status == 0
    assert [d["nsp_id"] for d in json.loads(out)][:2] == [102742, 103332]


def test_parse_nsp_reports_each_bad_file_and_prints_nothing(tmp_path):
    level, level_line = bad_copy(tmp_path, "a.txt", "b04\tEkonomické povědomí\t1", "b04\tX\t9")
    amount, amount_line = bad_copy(
        tmp_path, "b.txt", "Jihočeský kraj\t28 806 Kč", "Jihočeský kraj\t28 8O6 Kč"
    )

    status, out, err = run(
        "parse_nsp", str(level), str(SEED_OCCUPATION), str(amount), str(tmp_path / "none.txt")
    )

    assert status == 1
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0].startswith(f"{level}:{level_line}: ")
    assert lines[1].startswith(f"{amount}:{amount_line}: ")
    assert "28 8O6 Kč" in lines[1]
    assert lines[2].startswith(f"{tmp_path / 'none.txt'}:1: cannot read the file")
    assert "Traceback" not in err


@pytest.mark.django_db
def test_import_nsp_summarises_and_reports_reimports_as_unchanged():
    status, out, _ = run("import_nsp", str(SEED_SPECIALIZATION), str(SEED_OCCUPATION))
    assert status == 0
    assert "2 profiles read: 2 were created, 0 were updated, 0 unchanged." in out

    status, out, _ = run("import_nsp", str(FIXTURES / "nsp"), "-v", "2")
    assert status == 0
    assert f"{SEED_SPECIALIZATION}: unchanged (102742 " in out
    assert "nothing changed: the database already matches the files" in out


@pytest.mark.django_db
def test_import_nsp_counts_the_findings_by_kind_and_lists_them_with_v2(settings):
    settings.WAGES_MAX_AGE_YEARS = date.today().year - 2021  # 2020 is old, 2023 is not

    status, out, _ = run("import_nsp", str(SEED_SPECIALIZATION), str(SEED_OCCUPATION))

    assert status == 0
    assert out.splitlines()[-1] == (
        "Data check (never stops an import; -v 2 lists each): value outside its vocabulary: "
        "1; name that matches no profile: 4; missing or old wages: 1."
    )
    status, out, _ = run("import_nsp", str(SEED_SPECIALIZATION), str(SEED_OCCUPATION), "-v", "2")
    listed = [line for line in out.splitlines() if ": name that matches no profile: " in line]
    assert listed == [
        f"{SEED_SPECIALIZATION}: name that matches no profile: parent occupation: "
        "'Specialista služeb zákazníkům': no profile of this title in the portal",
        *(
            f"{SEED_SPECIALIZATION}: name that matches no profile: related occupations: "
            f"{name!r}: no profile of this title in the portal"
            for name in (
                "Manažer call centra",
                "Školitel operátorů zákaznické linky",
                "Operátor zákaznické linky",
            )
        ),
    ]
    assert (
        f"{SEED_OCCUPATION}: value outside its vocabulary: qualification level: "
        "'Magisterský studijní program Ředitel centra zákaznické podpory, "
    ) in out
    assert f"{SEED_OCCUPATION}: missing or old wages: wages: '2020': " in out


@pytest.mark.django_db
def test_import_nsp_dry_run_writes_nothing():
    status, out, _ = run("import_nsp", "--dry-run", str(SEED_SPECIALIZATION))

    assert status == 0
    assert out.startswith("Dry run: 1 profiles read: 1 would be created")
    assert not Occupation.objects.exists()


@pytest.mark.django_db
def test_import_nsp_imports_nothing_when_a_file_is_bad(tmp_path):
    bad, line = bad_copy(tmp_path, "bad.txt", "Zátěž hlukem\t\tx\t\t", "Zátěž hlukem\t\t\t\t")

    status, _, err = run("import_nsp", str(SEED_OCCUPATION), str(bad))

    assert status == 1
    assert err.splitlines() == [
        f"{bad}:{line}: work-condition row 'Zátěž hlukem' has no 'x' in columns 1–4",
        "Nothing was imported.",
    ]
    assert not Occupation.objects.exists()


@pytest.mark.django_db
def test_import_nsp_shows_no_progress_bar_outside_a_terminal(tmp_path):
    for number in range(60):
        (tmp_path / f"{number:03d}.txt").write_text(
            SEED_SPECIALIZATION.read_text(encoding="utf-8").replace("102742", str(500000 + number)),
            encoding="utf-8",
        )

    status, out, err = run("import_nsp", str(tmp_path))

    assert status == 0
    assert "60 profiles read: 60 were created" in out
    assert "Parsing [" not in err


@pytest.mark.django_db
def test_the_committed_fixture_is_up_to_date_with_the_texts():
    assert FIXTURE_PATH.read_text(encoding="utf-8") == build_fixture(), (
        "fixtures/nsp.json is out of date: run `python manage.py build_fixtures`"
    )


@pytest.mark.django_db
def test_build_fixtures_check_fails_when_the_fixture_is_stale(monkeypatch, tmp_path):
    stale = tmp_path / "nsp.json"
    stale.write_text("[]\n", encoding="utf-8")
    monkeypatch.setattr("profiles.management.commands.build_fixtures.FIXTURE_PATH", stale)

    status, _, err = run("build_fixtures", "--check")

    assert status == 1
    assert "out of date" in err
    assert stale.read_text(encoding="utf-8") == "[]\n"


@pytest.mark.django_db
def test_the_fixture_loads_twice_and_gives_back_the_parsed_documents():
    call_command("loaddata", str(FIXTURE_PATH), verbosity=0)
    call_command("loaddata", str(FIXTURE_PATH), verbosity=0)  # natural keys: no duplicates

    for path in (SEED_SPECIALIZATION, SEED_OCCUPATION):
        document = parse_file(path)
        assert profile_document(document["nsp_id"]) == document
    assert Occupation.objects.count() == 2
