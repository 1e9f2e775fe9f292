"""The apps depend one way (docs/ARCHITECTURE.md): read from their imports and templates.

    nsp ← portal ← occupations ← competences ← search ← wages ← careers ← profiles
        ← comparison ← config

An app may use the apps below it, never one above it or beside it; the parser (nsp) uses
no Django at all. An import inside a function would hide a cycle from this test, so app
code has none.
"""

import ast
import re
import tomllib
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
BELOW = {
    "nsp": set(),
    "portal": {"nsp"},
    "occupations": {"nsp", "portal"},
    "competences": {"nsp", "portal", "occupations"},
    "search": {"nsp", "portal", "occupations", "competences"},
    "wages": {"nsp", "portal", "occupations", "search"},
    "careers": {"nsp", "portal", "occupations", "competences", "search", "wages"},
    "profiles": {"nsp", "portal", "occupations", "competences", "search", "wages", "careers"},
    "comparison": {
        "nsp",
        "portal",
        "occupations",
        "competences",
        "search",
        "wages",
        "careers",
        "profiles",
    },
    "config": {
        "nsp",
        "portal",
        "occupations",
        "competences",
        "search",
        "wages",
        "careers",
        "profiles",
        "comparison",
    },
}
APPS = set(BELOW)


def app_code(app):
    """The app's modules, without its tests and migrations."""
    return [
        path
        for path in sorted((ROOT / app).rglob("*.py"))
        if "tests" not in path.parts and "migrations" not in path.parts
    ]


def imported_modules(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            yield node.module


def imports_of(app):
    """{imported top-level package: first file importing it}."""
    found = {}
    for path in app_code(app):
        for module in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            found.setdefault(module.split(".")[0], path.relative_to(ROOT))
    return found


def template_apps(app):
    """{app whose templates or template tags it uses: first template using them}."""
    libraries = {path.stem: path.parent.parent.name for path in ROOT.glob("*/templatetags/*.py")}
    found = {}
    for path in sorted(
        [*(ROOT / app).glob("templates/**/*.html"), *(ROOT / app).glob("jinja2/**/*.html")]
    ):
        text = path.read_text(encoding="utf-8")
        for name in re.findall(r'{%\s*(?:include|extends|jinja_include)\s+"([a-z_]+)/', text):
            if name in APPS:
                found.setdefault(name, path.relative_to(ROOT))
        for names in re.findall(r"{%\s*load\s+([^%]+?)\s*%}", text):
            for library in names.split():
                if library in libraries:
                    found.setdefault(libraries[library], path.relative_to(ROOT))
    return found


@pytest.mark.parametrize("app", sorted(APPS))
def test_an_app_imports_only_the_apps_below_it(app):
    wrong = {
        used: str(where)
        for used, where in imports_of(app).items()
        if used in APPS and used != app and used not in BELOW[app]
    }
    assert not wrong, f"{app} may use only {sorted(BELOW[app])}"


@pytest.mark.parametrize("app", sorted(APPS - {"nsp", "config"}))
def test_an_app_uses_only_templates_and_tags_of_the_apps_below_it(app):
    wrong = {
        used: str(where)
        for used, where in template_apps(app).items()
        if used != app and used not in BELOW[app]
    }
    assert not wrong, f"{app} may use only {sorted(BELOW[app])}"


def test_the_parser_uses_no_django():
    assert "django" not in imports_of("nsp")


@pytest.mark.parametrize("app", sorted(APPS))
def test_no_import_hides_inside_a_function(app):
    hidden = []
    for path in app_code(app):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                hidden.extend(
                    f"{path.relative_to(ROOT)}:{node.lineno}"
                    for node in ast.walk(function)
                    if isinstance(node, ast.Import | ast.ImportFrom)
                )
    assert not hidden


def test_the_layers_have_no_cycle():
    """BELOW itself is a partial order: nothing is below itself."""
    for app, below in BELOW.items():
        for lower in below:
            assert app not in BELOW[lower], (app, lower)


def test_installed_apps_list_the_layers_bottom_up():
    ours = [app for app in settings.INSTALLED_APPS if app in APPS]
    assert ours == sorted(ours, key=lambda app: len(BELOW[app]))


def test_pytest_runs_the_tests_of_every_app():
    """`make test` and CI run what pyproject.toml's testpaths list: an app left out there
    has its tests skipped without a word (the search app's were, until 2026-12-06)."""
    with open(ROOT / "pyproject.toml", "rb") as f:
        testpaths = tomllib.load(f)["tool"]["pytest"]["ini_options"]["testpaths"]
    with_tests = {path.parts[0] for path in (p.relative_to(ROOT) for p in ROOT.glob("*/tests"))}
    assert with_tests - set(testpaths) == set()
    assert testpaths == sorted(testpaths, key=lambda app: len(BELOW[app]))
