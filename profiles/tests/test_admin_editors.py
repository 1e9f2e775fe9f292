"""The 'editors' group: exactly the rights editors need, and enough of them to work.

A new model fails here until someone decides what editors may do with it, so it neither
becomes editable nor stays out of the admin by accident."""

import pytest
from django.apps import apps
from django.contrib.admin import site
from django.contrib.auth.models import Group

from occupations.models import Occupation
from portal.tests.helpers import log_in_editor
from wages.models import WageTable

pytestmark = pytest.mark.django_db

EDITABLE = {
    ("occupations", "field"),
    ("occupations", "subfield"),
    ("occupations", "qualificationlevel"),
    ("occupations", "iscogroup"),
    ("occupations", "workconditionfactor"),
    ("occupations", "educationfield"),
    ("occupations", "healthrestriction"),
    ("occupations", "occupation"),
    ("occupations", "slugredirect"),
    ("occupations", "alternativename"),
    ("occupations", "relatedoccupation"),
    ("occupations", "activity"),
    ("occupations", "occupationqualification"),
    ("occupations", "occupationisco"),
    ("occupations", "escolink"),
    ("occupations", "workconditionload"),
    ("occupations", "occupationeducation"),
    ("occupations", "occupationhealthrestriction"),
    ("wages", "wagetable"),
    ("wages", "wagefigure"),
    ("wages", "occupationwagetable"),
    ("competences", "competence"),
    ("competences", "occupationcompetence"),
}
VIEW_ONLY = {("wages", "region")}  # the 14 regions ship with the schema
NOT_FOR_EDITORS = {
    ("portal", "dataversion"),  # bumped by every change, never edited
    ("profiles", "pendingimport"),  # written by the import view itself
    ("profiles", "pendingimportfile"),
    ("search", "indexsnapshot"),  # built from the profiles, never edited
    ("careers", "similaroccupation"),  # computed from the profiles, never edited
    ("careers", "requirementtotals"),
}
PORTAL_APPS = (
    "portal",
    "occupations",
    "competences",
    "search",
    "wages",
    "careers",
    "profiles",
    "comparison",
)


def test_the_editors_group_has_exactly_these_permissions():
    expected = {
        (app, f"{action}_{model}")
        for app, model in EDITABLE
        for action in ("view", "add", "change", "delete")
    }
    expected |= {(app, f"view_{model}") for app, model in VIEW_ONLY}
    expected |= {("occupations", "import_nsp"), ("occupations", "check_data")}

    group = Group.objects.get(name="editors")

    assert set(group.permissions.values_list("content_type__app_label", "codename")) == expected


def test_every_model_of_the_portal_is_decided_for_editors():
    models = {
        (model._meta.app_label, model._meta.model_name)
        for label in PORTAL_APPS
        for model in apps.get_app_config(label).get_models()
    }
    assert models == EDITABLE | VIEW_ONLY | NOT_FOR_EDITORS
    registered = {
        (model._meta.app_label, model._meta.model_name)
        for model in site._registry
        if model._meta.app_label in PORTAL_APPS
    }
    assert not registered & NOT_FOR_EDITORS


def test_an_editor_can_reach_everything_the_work_needs(client, seeds):
    log_in_editor(client)
    director = Occupation.objects.get(nsp_id=103332)
    table = WageTable.objects.get(isco_group__code="1221", year=2020)

    pages = [
        "/admin/",
        "/admin/occupations/occupation/",
        f"/admin/occupations/occupation/{director.pk}/change/",
        "/admin/occupations/occupation/add/",
        f"/admin/wages/wagetable/{table.pk}/change/",
        "/admin/competences/competence/",
        "/admin/occupations/occupation/import/",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    autocomplete = client.get(
        "/admin/autocomplete/",
        {
            "term": "vedení lidí",
            "app_label": "competences",
            "model_name": "occupationcompetence",
            "field_name": "competence",
        },
    )
    assert autocomplete.status_code == 200
    assert [r["text"] for r in autocomplete.json()["results"]] == ["2.6 Kompetence k vedení lidí"]
