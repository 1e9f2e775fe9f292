"""What an editor reads when the admin refuses a value: the rule in plain Czech, never
the name of a database constraint."""

import pytest

from occupations.models import IscoGroup, Occupation
from portal.tests.helpers import log_in_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return log_in_editor(client)


def test_an_isco_code_with_a_letter_is_refused(client, editor):
    response = client.post("/admin/occupations/iscogroup/add/", {"code": "12a", "name": "Xy"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kód CZ-ISCO tvoří 1 až 5 číslic, např. 4222." in html
    assert "isco_code_is_1_to_5_digits" not in html
    assert not IscoGroup.objects.exists()


@pytest.mark.parametrize(
    ("nsp_id", "message"),
    [
        ("0", "NSP ID je kladné celé číslo (1 a víc)."),
        ("2147483648", "NSP ID je nejvýš 2147483647."),  # on SQLite as on PostgreSQL
    ],
)
def test_an_nsp_id_out_of_range_is_refused(client, editor, nsp_id, message):
    response = client.post(
        "/admin/occupations/occupation/add/",
        {"nsp_id": nsp_id, "kind": "occupation", "title": "Zkušební povolání", "slug": "zkusebni"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "occupation_nsp_id_positive" not in html
    assert not Occupation.objects.exists()
