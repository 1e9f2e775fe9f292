"""Production logs go to stdout; the commands whose stdout is data print nothing else."""

import json
import subprocess
import sys

from config.tests.test_security import BASE_DIR, production_env
from conftest import SEED_SPECIALIZATION


def run(*args):
    return subprocess.run(
        [sys.executable, *args],
        cwd=BASE_DIR,
        env=production_env(DJANGO_SETTINGS_MODULE="config.settings"),
        capture_output=True,
        text=True,
        check=False,
    )


def test_logs_go_to_stdout():
    result = run(
        "-c",
        "import django, logging; django.setup(); "
        "logging.getLogger('occupations').warning('Zkušební záznam')",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.endswith(" WARNING occupations: Zkušební záznam\n")


def test_parse_nsp_prints_the_documents_and_nothing_else():
    result = run("manage.py", "parse_nsp", "fixtures/nsp")

    assert (result.returncode, result.stderr) == (0, "")
    assert [document["nsp_id"] for document in json.loads(result.stdout)] == [102742, 103332]


def test_parse_nsp_reports_a_bad_file_in_exactly_one_line(tmp_path):
    bad = tmp_path / "bad.txt"
    text = SEED_SPECIALIZATION.read_text(encoding="utf-8")
    bad.write_text(text.replace("b04\tEkonomické povědomí\t1", "b04\tX\t9", 1), encoding="utf-8")
    assert bad.read_text(encoding="utf-8") != text

    result = run("manage.py", "parse_nsp", "fixtures/nsp", str(bad))

    assert (result.returncode, result.stdout) == (1, "")
    [line] = result.stderr.splitlines()
    assert line.startswith(f"{bad}:")
