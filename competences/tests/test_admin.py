"""The competence catalogue in the admin: a category changes only when its scale holds
every level the profiles require, and the profiles' links follow it."""

import pytest

from competences.models import Competence, OccupationCompetence
from portal.tests.helpers import change_form_data, log_in_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return log_in_editor(client)


def change_category(client, category, code, new_category):
    competence = Competence.objects.get(category=category, code=code)
    url = f"/admin/competences/competence/{competence.pk}/change/"
    data = change_form_data(client.get(url))
    data["category"] = new_category
    return competence, client.post(url, data)


def test_a_category_whose_scale_misses_a_required_level_is_refused(client, seeds, editor):
    # The director requires 'Kompetence k vedení lidí' at 5; digital competences go to 4.
    competence, response = change_category(client, "soft", "2.6", "digital")

    assert response.status_code == 200
    assert (
        "Digitální kompetence mají stupnici 1–4, ale tuto kompetenci profily vyžadují "
        "na úrovni 5 (Ředitel zákaznických služeb)."
    ) in response.content.decode()
    competence.refresh_from_db()
    assert competence.category == "soft"
    assert set(competence.occupation_links.values_list("category", flat=True)) == {"soft"}


def test_an_accepted_category_change_carries_the_links_along(client, seeds, editor):
    # 'Kompetence k samostatnosti': the director requires it at 4, within digital 1–4.
    competence, response = change_category(client, "soft", "4.5", "digital")

    assert response.status_code == 302
    competence.refresh_from_db()
    assert competence.category == "digital"
    assert list(competence.occupation_links.values_list("category", "level")) == [("digital", 4)]
    assert not OccupationCompetence.objects.filter(competence__category="digital").exclude(
        category="digital"
    )


def test_a_code_taken_in_the_new_category_is_refused_with_a_message(client, seeds, editor):
    # Digital competences have their own 4.4, 'Ochrana životního prostředí'.
    competence, response = change_category(client, "soft", "4.4", "digital")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Kompetence s tímto kódem už v kategorii je." in html
    assert "competence_unique_code" not in html
    competence.refresh_from_db()
    assert competence.category == "soft"
