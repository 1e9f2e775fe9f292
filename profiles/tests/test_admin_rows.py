"""The rows of a profile in the admin (activities, names, competences…): a new row goes to
the end without the editor numbering it, and rows can be renumbered in one save."""

import pytest

from competences.models import Competence, OccupationCompetence
from occupations.models import Activity, AlternativeName, Occupation
from portal.tests.helpers import add_row, change_form_data, inline_formset, log_in_editor

pytestmark = pytest.mark.django_db

DIRECTOR = 103332  # 11 activities and 5 alternative names in the seed, numbered from 0


@pytest.fixture
def editor(client):
    return log_in_editor(client)


@pytest.fixture
def director_page(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=DIRECTOR)
    url = f"/admin/occupations/occupation/{director.pk}/change/"
    response = client.get(url)
    return director, url, response, change_form_data(response)


def new_row_position(formset):
    """What the browser sends for the position of a row added with 'Přidat další'."""
    value = formset.empty_form["position"].value()
    return "" if value is None else value


def test_a_new_activity_goes_to_the_end(client, director_page):
    director, url, response, data = director_page
    activities = inline_formset(response, Activity)
    add_row(data, activities, text="Péče o firemní kulturu.", position=new_row_position(activities))

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    texts = list(director.activities.order_by("position").values_list("text", "position"))
    assert len(texts) == 12
    assert texts[-1] == ("Péče o firemní kulturu.", 11)
    assert texts[0][0].startswith("Vytváření, průběžná aktualizace")


def test_new_names_and_competences_go_to_the_end_in_the_order_added(client, director_page):
    director, url, response, data = director_page
    names = inline_formset(response, AlternativeName)
    add_row(data, names, name="Vedoucí zákaznické péče", position=new_row_position(names))
    add_row(data, names, name="Head of Customer Care", position=new_row_position(names))
    competences = inline_formset(response, OccupationCompetence)
    last = director.competence_links.order_by("position").last().position
    extra = Competence.objects.exclude(occupation_links__occupation=director).first()
    add_row(
        data,
        competences,
        competence=extra.pk,
        level=str(extra.scale.stop - 1),
        position=new_row_position(competences),
    )

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(director.alternative_names.order_by("position").values_list("name", "position"))[
        -3:
    ] == [
        ("Ředitel vnitřního prodeje", 4),
        ("Vedoucí zákaznické péče", 5),
        ("Head of Customer Care", 6),
    ]
    link = director.competence_links.order_by("position").last()
    assert (link.competence, link.position) == (extra, last + 1)


def test_two_activities_can_swap_places(client, director_page):
    director, url, response, data = director_page
    first, second = inline_formset(response, Activity).forms[:2]
    data[first.add_prefix("position")] = "1"
    data[second.add_prefix("position")] = "0"

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    texts = list(director.activities.order_by("position").values_list("text", flat=True))
    assert texts[0].startswith("Monitorování, analýza a optimalizace")
    assert texts[1].startswith("Vytváření, průběžná aktualizace")


def test_a_row_can_take_the_place_of_one_deleted_in_the_same_save(client, director_page):
    director, url, response, data = director_page
    forms = inline_formset(response, AlternativeName).forms
    data[forms[4].add_prefix("DELETE")] = "on"  # Ředitel vnitřního prodeje
    data[forms[0].add_prefix("position")] = "4"  # Ředitel kontaktního centra, saved first

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert list(director.alternative_names.order_by("position").values_list("name", flat=True)) == [
        "Customer Service Manager",
        "Ředitel centra zákaznických služeb",
        "Ředitel zákaznického servisu",
        "Ředitel kontaktního centra",
    ]


def test_two_rows_at_one_position_are_refused_in_the_editors_words(client, director_page):
    _director, url, response, data = director_page
    _first, second = inline_formset(response, Activity).forms[:2]
    data[second.add_prefix("position")] = "0"

    response = client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Dva řádky mají stejnou hodnotu v poli „pořadí“." in html
    assert inline_formset(response, Activity).non_form_errors() == [
        "Dva řádky mají stejnou hodnotu v poli „pořadí“."
    ]


def test_a_competence_required_twice_is_refused_in_the_editors_words(client, director_page):
    _director, url, response, data = director_page
    competences = inline_formset(response, OccupationCompetence)
    first = competences.forms[0]
    add_row(
        data,
        competences,
        competence=first.instance.competence_id,
        level=str(first.instance.level),
        position=new_row_position(competences),
    )

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Dva řádky mají stejnou hodnotu v poli „kompetence“." in response.content.decode()
