"""The synthetic corpus of bench/generate_corpus.py: parseable, valid, consistent, importable."""

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from bench import generate_corpus as corpus
from nsp import vocabulary as vocab
from nsp.parser import parse_file
from profiles import quality
from profiles.importer import CREATED, UNCHANGED, import_paths

COUNT = 20


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    paths = corpus.generate_corpus(COUNT, folder, seed=7)
    return folder, paths, [parse_file(path) for path in paths]


def test_files_are_named_and_numbered_in_order(generated):
    folder, paths, documents = generated
    assert [p.name for p in paths] == [f"{i:05d}.txt" for i in range(COUNT)]
    assert sorted(folder.glob("*.txt")) == paths
    ids = [d["nsp_id"] for d in documents]
    assert ids == list(range(corpus.FIRST_ID, corpus.FIRST_ID + COUNT))
    assert {d["kind"] for d in documents} == set(vocab.KINDS)


def test_every_file_validates_against_the_schema(generated):
    schema = json.loads(corpus.SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for document in generated[2]:
        assert list(validator.iter_errors(document)) == []


def test_every_profile_has_the_full_structure(generated):
    for document in generated[2]:
        assert document["title"] and document["description"]
        assert document["field"] and document["subfield"] and document["qualification_levels"]
        assert document["activities"] and document["isco"] and document["wages"]
        assert len(document["work_conditions"]) == len(corpus.WORK_CONDITIONS)
        assert document["education"] and document["health_restrictions"]
        categories = {c["category"] for c in document["competences"]}
        assert categories == set(vocab.COMPETENCE_CATEGORY_BY_KEY)
        for table in document["wages"]:
            assert {r["region"] for r in table["regions"]} <= set(vocab.REGION_BY_NAME)
            for row in table["regions"]:
                for values in (row["business"], row["public"]):
                    if values:
                        assert values["low"] <= values["median"] <= values["high"]


def test_shared_codes_and_wage_tables_agree_across_files(generated):
    documents = generated[2]
    names, tables = {}, {}
    for document in documents:
        for competence in document["competences"]:
            key = (competence["category"], competence["code"])
            assert names.setdefault(key, competence["name"]) == competence["name"]
        for table in document["wages"]:
            key = (table["isco_code"], table["year"])
            assert tables.setdefault(key, table) == table
    assert corpus.consistency_failures(documents) == []
    # The catalogue makes the same code come back with the same name in other profiles.
    assert len(names) < sum(len(d["competences"]) for d in documents)


def test_some_parents_and_related_names_are_titles_of_other_profiles(generated):
    documents = generated[2]
    titles = {d["title"] for d in documents}
    assert any(d["parent"] in titles for d in documents)
    assert any(name in titles for d in documents for name in d["related"])


def test_the_same_arguments_give_the_same_bytes(generated, tmp_path):
    """Deterministic, also in another process with another hash seed."""
    paths = generated[1]
    script = Path(corpus.__file__)
    environment = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run(
        [sys.executable, str(script), "5", str(tmp_path), "--seed", "7"],
        check=True,
        capture_output=True,
        env=environment,
    )
    for path in paths[:5]:
        assert (tmp_path / path.name).read_bytes() == path.read_bytes()


def test_refuses_to_write_into_fixtures():
    with pytest.raises(corpus.CorpusError, match="refusing"):
        corpus.generate_corpus(1, corpus.FIXTURES / "nsp" / "synthetic")
    assert not (corpus.FIXTURES / "nsp" / "synthetic").exists()


@pytest.mark.django_db
def test_the_corpus_imports_and_reimports_unchanged(generated):
    folder = generated[0]
    report = import_paths([folder])
    assert [r.status for r in report.results] == [CREATED] * COUNT
    assert report.warnings == []
    # Its levels and factors are the NSP's (nsp/vocabulary.py): the data check finds none
    # outside them.
    assert not [f for f in report.findings if f.kind is quality.VOCABULARY]
    again = import_paths([folder])
    assert [r.status for r in again.results] == [UNCHANGED] * COUNT
    assert not again.changed


def test_twins_differ_from_their_original_in_three_competences(tmp_path):
    paths = corpus.generate_corpus(12, tmp_path, seed=3, twins=3)
    pairs = json.loads((tmp_path / corpus.TWINS_FILE).read_text())
    assert [twin for _, twin in pairs] == [corpus.FIRST_ID + n for n in (9, 10, 11)]
    documents = {d["nsp_id"]: d for d in map(parse_file, paths)}
    for original, twin in pairs:
        a, b = documents[original], documents[twin]
        assert {key for key in a if a[key] != b[key]} == {"nsp_id", "title", "competences"}
        levels = [
            {(c["category"], c["code"]): c["level"] for c in d["competences"]} for d in (a, b)
        ]
        changed = {
            k for k in levels[0].keys() | levels[1].keys() if levels[0].get(k) != levels[1].get(k)
        }
        assert len(changed) == 4  # a skill swapped for another, two levels moved by one
    assert corpus.consistency_failures(list(documents.values())) == []
