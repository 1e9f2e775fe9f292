"""The wage tables in the admin: figures that would break a constraint are refused with
a message on the form, never a server error."""

import pytest

from portal.tests.helpers import add_row, change_form_data, inline_formset, log_in_editor
from wages.models import Region, WageFigure, WageTable

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    return log_in_editor(client)


def table_page(client, code, year):
    table = WageTable.objects.get(isco_group__code=code, year=year)
    url = f"/admin/wages/wagetable/{table.pk}/change/"
    response = client.get(url)
    return table, url, change_form_data(response), inline_formset(response, WageFigure)


def test_a_second_figure_for_a_region_and_sphere_is_refused(client, seeds, editor):
    table, url, data, figures = table_page(client, "1221", "2020")
    praha = Region.objects.get(slug="praha")
    add_row(data, figures, region=praha.pk, sphere="business", median="50000")

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        "Kraj „Hlavní město Praha“, mzdová sféra: údaj už v tabulce je; "
        "každý kraj a sféra v ní smí být jen jednou."
    ) in response.content.decode()
    assert table.figures.filter(region=praha, sphere="business").get().median == 98245


def test_two_new_figures_for_one_region_and_sphere_are_refused(client, seeds, editor):
    table, url, data, figures = table_page(client, "12214", "2020")  # national medians only
    praha = Region.objects.get(slug="praha")
    add_row(data, figures, region=praha.pk, sphere="business", median="60000")
    add_row(data, figures, region=praha.pk, sphere="business", median="61000")

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Kraj „Hlavní město Praha“, mzdová sféra: údaj už v tabulce je;" in (
        response.content.decode()
    )
    assert not table.figures.filter(region__isnull=False).exists()


def test_a_second_national_median_of_a_sphere_is_refused(client, seeds, editor):
    table, url, data, figures = table_page(client, "1221", "2020")
    add_row(data, figures, region="", sphere="public", median="60000")

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        "ČR celkem, platová sféra: medián už v tabulce je; "
        "za celou ČR smí být pro každou sféru jen jeden."
    ) in response.content.decode()
    assert table.figures.get(region=None, sphere="public").median == 58351


def test_a_figure_moved_onto_a_region_that_has_one_is_refused(client, seeds, editor):
    _table, url, data, figures = table_page(client, "1221", "2020")
    praha = next(
        form
        for form in figures.forms
        if form.instance.region_id
        and form.instance.region.slug == "praha"
        and form.instance.sphere == "public"
    )
    data[praha.add_prefix("sphere")] = "business"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Kraj „Hlavní město Praha“, mzdová sféra: údaj už v tabulce je;" in (
        response.content.decode()
    )


def test_an_implausible_year_is_refused_with_the_range(client, seeds, editor):
    table, url, data, _figures = table_page(client, "1221", "2020")
    data["year"] = "1850"

    response = client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Rok musí být od 1990 do 2100." in html
    assert "wage_table_year_plausible" not in html
    table.refresh_from_db()
    assert table.year == 2020
