"""What an editor reads when the admin refuses a value: the rule in plain Czech, never
the name of a database constraint."""

import pytest

from occupations.models import IscoGroup, Occupation
from occupations.tests.helpers import log_in_editor

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


def test_an_nsp_id_of_zero_is_refused(client, editor):
    response = client.post(
        "/admin/occupations/occupation/add/",
        {"nsp_id": "0", "kind": "occupation", "title": "Zkušební povolání", "slug": "zkusebni"},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "NSP ID je kladné celé číslo (1 a víc)." in html
    assert "occupation_nsp_id_positive" not in html
    assert not Occupation.objects.exists()
