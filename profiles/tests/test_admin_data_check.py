"""'Kontrola dat' in the admin: every finding with its kind, profile, part and text, a link
to the part of the change form that fixes it, counts by kind, a CSV; and the import's
preview shows the findings of the files."""

import csv
import io
import re
from datetime import date

import pytest
from django.contrib.auth.models import Permission, User
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import gettext

from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from occupations.models import Occupation, OccupationQualification, QualificationLevel
from portal.tests.helpers import change_form_data, inline_formset, log_in_editor
from portal.tests.html import parse, text
from profiles import admin_quality, quality
from profiles.tests.test_admin import upload
from profiles.tests.test_query_counts import add_profiles

pytestmark = pytest.mark.django_db

URL = "/admin/occupations/occupation/data-check/"
FUSED = (
    "Magisterský studijní program Ředitel centra zákaznické podpory, Manažer pro zákaznickou "
    "podporu, Manažer pro kontakt ze zákazníky,"
)


@pytest.fixture
def editor(client, settings):
    # 2020 is always past the limit, 2023 never (see test_quality.py).
    settings.WAGES_MAX_AGE_YEARS = date.today().year - 2021
    return log_in_editor(client)


def rows(page, table_id):
    """The cells' texts of each body row of a table."""
    table = page.find(f".//table[@id='{table_id}']")
    return [
        [text(cell) for cell in row if cell.tag in ("th", "td")]
        for row in table.find("tbody").findall("tr")
    ]


def links(page, table_id):
    table = page.find(f".//table[@id='{table_id}']")
    return [a.get("href") for a in table.find("tbody").iter("a")]


def test_an_editor_sees_every_finding_of_the_seeds_with_counts(client, seeds, editor):
    page = parse(client.get(URL).content.decode())

    assert rows(page, "data-check-counts") == [
        ["Hodnota mimo číselník", _cs(0), "1"],
        ["Název bez profilu", _cs(1), "4"],
        ["Chybějící nebo staré mzdy", _cs(2), "1"],
        ["Stejný název u dvou profilů", _cs(3), "0"],
        ["Skupina CZ-ISCO pojmenovaná jinak", _cs(4), "0"],
        ["Alternativní název shodný s názvem nebo uvedený dvakrát", _cs(5), "0"],
        ["Všechny nálezy", "", "6"],
    ]
    director, specialist = (
        f"{p.title} NSP {p.nsp_id}"
        for p in Occupation.objects.filter(nsp_id__in=[103332, 102742]).order_by("-nsp_id")
    )
    unknown = "profil tohoto názvu v portálu není"
    assert rows(page, "data-check-findings") == [
        [
            director,
            "Kvalifikační úroveň",
            FUSED,
            "začíná hodnotou 'Magisterský studijní program', kterou stránky ukazují; zbývá: "
            "'Ředitel centra zákaznické podpory, Manažer pro zákaznickou podporu, Manažer pro "
            "kontakt ze zákazníky,'",
            "hodnota mimo číselník",
        ],
        [
            specialist,
            "Nadřazené povolání",
            "Specialista služeb zákazníkům",
            unknown,
            "název bez profilu",
        ],
        [specialist, "Příbuzná povolání", "Manažer call centra", unknown, "název bez profilu"],
        [
            specialist,
            "Příbuzná povolání",
            "Školitel operátorů zákaznické linky",
            unknown,
            "název bez profilu",
        ],
        [
            specialist,
            "Příbuzná povolání",
            "Operátor zákaznické linky",
            unknown,
            "název bez profilu",
        ],
        [
            director,
            "Mzdy",
            "2020",
            "nejnovější mzdy jsou z roku 2020 (staré: 2020 a dřívější)",
            "chybějící nebo staré mzdy",
        ],
    ]


def _cs(index):
    """The Czech description of the index-th kind (from the catalogue, checked elsewhere)."""
    return gettext(quality.KINDS[index].description)


def test_each_finding_links_to_the_part_of_the_form_that_fixes_it(client, seeds, editor):
    page = parse(client.get(URL).content.decode())
    director = Occupation.objects.get(nsp_id=103332).pk
    specialist = Occupation.objects.get(nsp_id=102742).pk
    change = "/admin/occupations/occupation/{}/change/#{}"

    assert links(page, "data-check-findings") == [
        change.format(director, "qualification_links-group"),
        change.format(specialist, "id_parent_name"),
        *[change.format(specialist, "related-group")] * 3,
        change.format(director, "wage_links-group"),
    ]
    # Every part a finding can name is an element of the change form.
    form = client.get(change.format(director, "")).content.decode()
    parts = [value for value in vars(quality).values() if isinstance(value, quality.Part)]
    assert len(parts) == 8
    for part in parts:
        assert f'id="{part.anchor}"' in form, part


def test_the_fix_in_the_form_ends_the_finding(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    url = f"/admin/occupations/occupation/{director.pk}/change/"
    response = client.get(url)
    data = change_form_data(response)
    levels = inline_formset(response, OccupationQualification)
    assert data[f"{levels.prefix}-0-text"] == FUSED  # the editor sees the leftover text

    data[f"{levels.prefix}-0-text"] = ""
    assert client.post(url, data).status_code == 302

    assert "Žádné nálezy" in client.get(URL, {"druh": "vocabulary"}).content.decode()
    assert [k.key for k, n in quality.counts(quality.findings()) if n] == ["unknown-name", "wages"]


def test_a_text_must_begin_with_the_level_it_stands_beside(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    bachelor = QualificationLevel.objects.create(name="Bakalářský studijní program")
    url = f"/admin/occupations/occupation/{director.pk}/change/"
    response = client.get(url)
    data = change_form_data(response)
    levels = inline_formset(response, OccupationQualification)
    data[f"{levels.prefix}-0-level"] = str(bachelor.pk)

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        f"Text „{FUSED}“ nezačíná názvem „Bakalářský studijní program“. Zvolte tu položku, "
        "kterou text začíná, nebo text smažte."
    ) in response.content.decode()
    assert director.qualification_links.get().level.name == "Magisterský studijní program"


def test_findings_of_one_kind(client, seeds, editor):
    page = parse(client.get(URL, {"druh": "unknown-name"}).content.decode())
    assert [row[2] for row in rows(page, "data-check-findings")] == [
        "Specialista služeb zákazníkům",
        "Manažer call centra",
        "Školitel operátorů zákaznické linky",
        "Operátor zákaznické linky",
    ]
    # An unknown kind is no filter.
    assert (
        len(rows(parse(client.get(URL, {"druh": "x"}).content.decode()), "data-check-findings"))
        == 6
    )


def test_the_csv_lists_the_findings_with_their_links(client, seeds, editor):
    response = client.get(URL, {"druh": "vocabulary", "format": "csv"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="kontrola-dat.csv"' in response["Content-Disposition"]
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    director = Occupation.objects.get(nsp_id=103332)
    assert lines == [
        ["Druh", "NSP ID", "Profil", "Část profilu", "Text", "Podrobnosti", "Oprava"],
        [
            "hodnota mimo číselník",
            "103332",
            "Ředitel zákaznických služeb",
            "Kvalifikační úroveň",
            FUSED,
            lines[1][5],
            f"http://testserver/admin/occupations/occupation/{director.pk}/change/"
            "#qualification_links-group",
        ],
    ]


def test_findings_come_a_page_at_a_time(client, seeds, editor, tmp_path, monkeypatch):
    monkeypatch.setattr(admin_quality, "PAGE_SIZE", 4)
    first = parse(client.get(URL).content.decode())
    second = parse(client.get(URL, {"p": "2"}).content.decode())

    assert len(rows(first, "data-check-findings")) == 4
    assert [row[2] for row in rows(second, "data-check-findings")] == [
        "Operátor zákaznické linky",
        "2020",
    ]
    assert "Strana 2 z 2" in text(second.find(".//p[@class='paginator']"))


def test_the_page_costs_the_same_queries_whatever_the_number_of_profiles(
    client, seeds, editor, tmp_path
):
    with CaptureQueriesContext(connection) as before:
        assert client.get(URL).status_code == 200
    add_profiles(tmp_path, 5)
    with CaptureQueriesContext(connection) as after:
        response = client.get(URL)
    assert response.status_code == 200
    assert response.context["total"] == 6 + 5 * 4  # each copy names four missing profiles
    assert len(after) == len(before)


def test_only_staff_with_the_permission_see_it(client, seeds):
    assert client.get(URL).status_code == 302  # to the login
    clerk = User.objects.create_user("clerk", password="heslo-123-xyz", is_staff=True)
    clerk.user_permissions.add(Permission.objects.get(codename="view_occupation"))
    client.force_login(clerk)
    assert client.get(URL).status_code == 403
    assert "data-check" not in client.get("/admin/occupations/occupation/").content.decode()

    clerk.user_permissions.add(Permission.objects.get(codename="check_data"))
    clerk = User.objects.get(pk=clerk.pk)  # permissions are cached on the user
    client.force_login(clerk)
    assert client.get(URL).status_code == 200
    changelist = client.get("/admin/occupations/occupation/").content.decode()
    assert re.search(
        r'<a href="/admin/occupations/occupation/data-check/">Kontrola dat</a>', changelist
    )


def test_the_import_preview_shows_the_findings_of_the_files(client, editor):
    files = [(p.name, p.read_bytes()) for p in (SEED_SPECIALIZATION, SEED_OCCUPATION)]

    preview = upload(client, *files)

    page = parse(preview.content.decode())
    assert rows(page, "data-check-counts")[:3] == [
        ["Hodnota mimo číselník", _cs(0), "1"],
        ["Název bez profilu", _cs(1), "4"],
        ["Chybějící nebo staré mzdy", _cs(2), "1"],
    ]
    found = rows(page, "import-findings")
    assert found[0][:4] == [
        SEED_OCCUPATION.name,
        "hodnota mimo číselník",
        "Kvalifikační úroveň",
        FUSED,
    ]
    assert len(found) == 6
    assert links(page, "import-findings") == []  # the profiles are not stored yet

    done = client.post(
        "/admin/occupations/occupation/import/",
        {"token": str(preview.context["token"])},
        follow=True,
    )
    assert (
        "Kontrola dat u importovaných profilů: hodnota mimo číselník: 1; název bez profilu: 4; "
        "chybějící nebo staré mzdy: 1. Import tím neselhal."
    ) in [str(message) for message in done.context["messages"]]
