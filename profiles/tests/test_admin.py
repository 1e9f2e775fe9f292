"""The admin for editors: editing shows on the public site, bad input is refused with a
message, only staff get in, and NSP files can be uploaded with a preview."""

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from competences.models import OccupationCompetence
from conftest import SEED_OCCUPATION, SEED_SPECIALIZATION
from occupations.models import Occupation, SlugRedirect
from portal.models import DataVersion
from portal.tests.helpers import change_form_data, failing_inserts, log_in_editor
from profiles.models import PendingImport
from profiles.tests.test_query_counts import add_profiles
from search import engine
from wages.models import WageTable

pytestmark = pytest.mark.django_db

DIRECTOR_ADMIN = "/admin/occupations/occupation/{pk}/change/"


@pytest.fixture
def editor(client):
    return log_in_editor(client)


def test_an_editor_change_shows_on_the_public_page_and_in_the_api(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    version = DataVersion.objects.get().number
    url = DIRECTOR_ADMIN.format(pk=director.pk)
    data = change_form_data(client.get(url))
    data["title"] = "Ředitelka zákaznických služeb"
    data["description"] = "Vede zákaznické služby."

    response = client.post(url, data)

    assert response.status_code == 302, response.context and response.context["errors"]
    page = client.get("/povolani/reditel-zakaznickych-sluzeb/").content.decode()
    # The same address: slugs are stable.
    assert '<h1 lang="cs">Ředitelka zákaznických služeb</h1>' in page
    document = client.get("/api/v1/occupations/103332/").json()
    assert (document["title"], document["description"]) == (
        "Ředitelka zákaznických služeb",
        "Vede zákaznické služby.",
    )
    found = Occupation.objects.in_bulk(engine.ranked_pks("reditelka"))
    assert [o.title for o in found.values()][:1] == ["Ředitelka zákaznických služeb"]
    assert DataVersion.objects.get().number > version
    entry = LogEntry.objects.get(object_id=str(director.pk))
    assert entry.user == editor
    assert "Název" in entry.get_change_message() and "Popis" in entry.get_change_message()


def test_a_competence_level_off_its_scale_is_refused_with_a_message(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    url = DIRECTOR_ADMIN.format(pk=director.pk)
    response = client.get(url)
    data = change_form_data(response)
    formset = next(
        i.formset
        for i in response.context["inline_admin_formsets"]
        if i.formset.model is OccupationCompetence
    )
    first = formset.forms[0]  # h14.Z.2121, a professional skill at level 7
    data[first.add_prefix("level")] = "9"

    response = client.post(url, data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Úroveň 9 je mimo stupnici 1–8 kategorie „Odborné dovednosti“." in html
    assert OccupationCompetence.objects.get(pk=first.instance.pk).level == 7


def test_a_wage_median_below_the_low_figure_is_refused(client, seeds, editor):
    table = WageTable.objects.get(isco_group__code="1221", year=2020)
    url = f"/admin/wages/wagetable/{table.pk}/change/"
    response = client.get(url)
    data = change_form_data(response)
    formset = response.context["inline_admin_formsets"][0].formset
    praha = next(
        f
        for f in formset.forms
        if f.instance.region
        and f.instance.region.slug == "praha"
        and f.instance.sphere == "business"
    )
    data[praha.add_prefix("median")] = "1000"

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Medián (1000) nesmí být menší než od (39220)." in response.content.decode()
    assert table.figures.get(region__slug="praha", sphere="business").median == 98245


def test_the_nsp_id_is_read_only_after_creation(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    form = client.get(DIRECTOR_ADMIN.format(pk=director.pk)).context["adminform"].form
    assert "nsp_id" not in form.fields
    assert (
        "nsp_id"
        in client.get("/admin/occupations/occupation/add/").context["adminform"].form.fields
    )


def test_a_changed_slug_keeps_the_old_address_working(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    url = DIRECTOR_ADMIN.format(pk=director.pk)
    data = change_form_data(client.get(url))
    data["slug"] = "reditel-zakaznickeho-centra"

    assert client.post(url, data).status_code == 302

    assert SlugRedirect.objects.get(old_slug="reditel-zakaznickych-sluzeb").occupation == director
    response = client.get("/povolani/reditel-zakaznickych-sluzeb/")
    assert response.status_code == 301
    assert response["Location"] == "/povolani/reditel-zakaznickeho-centra/"


def test_the_admin_finds_profiles_without_diacritics(client, seeds, editor):
    response = client.get("/admin/occupations/occupation/", {"q": "reditel"})
    assert [o.nsp_id for o in response.context["cl"].result_list] == [103332]
    response = client.get("/admin/occupations/occupation/", {"q": "102742"})
    assert [o.nsp_id for o in response.context["cl"].result_list] == [102742]


def test_the_competence_catalogue_shows_its_usage(client, seeds, editor):
    response = client.get("/admin/competences/competence/", {"q": "h13._.0024"})
    [competence] = response.context["cl"].result_list
    assert competence.usage == 2


def test_visitors_and_non_staff_users_cannot_reach_the_admin(client, seeds):
    assert client.get("/admin/").status_code == 302
    client.force_login(User.objects.create_user("visitor", password="heslo-navstevnika-123"))
    response = client.get("/admin/occupations/occupation/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editors_cannot_manage_users(client, editor):
    assert client.get("/admin/auth/user/").status_code == 403
    assert not editor.has_perm("auth.change_user")
    assert editor.has_perm("occupations.import_nsp")
    assert editor.has_perm("wages.view_region") and not editor.has_perm("wages.change_region")


@pytest.mark.parametrize("url", ["/povolani/", "/povolani/reditel-zakaznickych-sluzeb/", "/mzdy/"])
def test_the_public_site_has_no_write_endpoints(client, seeds, url):
    assert client.post(url, {"title": "x"}).status_code == 405


def upload(client, *files):
    return client.post(
        "/admin/occupations/occupation/import/",
        {"files": [SimpleUploadedFile(name, data) for name, data in files]},
    )


def test_upload_preview_then_confirm_imports(client, editor):
    files = [(p.name, p.read_bytes()) for p in (SEED_SPECIALIZATION, SEED_OCCUPATION)]

    preview = upload(client, *files)

    assert preview.status_code == 200
    assert "Vznikne nových: 2, změní se: 0, beze změny: 0." in preview.content.decode()
    assert not Occupation.objects.exists()
    token = preview.context["token"]

    done = client.post("/admin/occupations/occupation/import/", {"token": str(token)})

    assert done.status_code == 302
    assert sorted(Occupation.objects.values_list("nsp_id", flat=True)) == [102742, 103332]
    assert not PendingImport.objects.exists()
    assert LogEntry.objects.filter(user=editor, change_message="Import NSP").count() == 2


def test_upload_of_a_bad_file_shows_file_and_line_and_writes_nothing(client, editor):
    good = SEED_OCCUPATION.read_bytes()
    bad = SEED_SPECIALIZATION.read_bytes().replace(b"b04\tEkonom", b"b04\t9\tEkonom")
    line = bad.split(b"\n").index(next(r for r in bad.split(b"\n") if r.startswith(b"b04"))) + 1

    response = upload(client, ("good.txt", good), ("bad.txt", bad), ("notes.pdf", b"%PDF"))

    html = response.content.decode()
    assert "Soubory obsahují chyby. Nic nebylo importováno." in html
    assert f"bad.txt:{line}: Obecné dovednosti b04: úroveň " in html  # the parser's reason,
    assert "není číslo" in html  # in Czech for the editor
    assert "notes.pdf:1: není soubor .txt ani .zip" in html
    assert not Occupation.objects.exists()
    assert not PendingImport.objects.exists()


def test_upload_of_a_zip_archive(client, editor, tmp_path):
    import zipfile

    archive = tmp_path / "nsp.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.write(SEED_SPECIALIZATION, "exports/a.txt")
        zipped.write(SEED_OCCUPATION, "exports/b.txt")
    preview = upload(client, ("nsp.zip", archive.read_bytes()))
    assert [r.source for r in preview.context["report"].results] == [
        "nsp.zip/exports/a.txt",
        "nsp.zip/exports/b.txt",
    ]


def test_a_stale_or_foreign_preview_cannot_be_confirmed(client, editor):
    response = client.post(
        "/admin/occupations/occupation/import/", {"token": "not-a-token"}, follow=True
    )
    assert "Náhled importu vypršel nebo neexistuje." in response.content.decode()
    assert not Occupation.objects.exists()


def test_only_users_with_the_import_permission_may_upload(client, db):
    staff = User.objects.create_user("staff", password="heslo-personalu-123", is_staff=True)
    client.force_login(staff)
    assert client.get("/admin/occupations/occupation/import/").status_code == 403


def test_a_slug_that_is_another_profiles_old_address_is_refused(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    url = DIRECTOR_ADMIN.format(pk=director.pk)
    data = change_form_data(client.get(url))
    data["slug"] = "reditel-zakaznickeho-centra"
    assert client.post(url, data).status_code == 302
    specialist = Occupation.objects.get(nsp_id=102742)
    url = DIRECTOR_ADMIN.format(pk=specialist.pk)
    data = change_form_data(client.get(url))
    data["slug"] = "reditel-zakaznickych-sluzeb"

    response = client.post(url, data)

    assert response.status_code == 200
    assert (
        "Adresa „reditel-zakaznickych-sluzeb“ je stará adresa profilu „Ředitel zákaznických "
        "služeb“ a přesměrovává na něj. Zvolte jinou."
    ) in response.content.decode()
    specialist.refresh_from_db()
    assert specialist.slug == "pracovnik-distancniho-zakaznickeho-servisu"
    assert SlugRedirect.objects.get(old_slug="reditel-zakaznickych-sluzeb").occupation == director
    old_address = client.get("/povolani/reditel-zakaznickych-sluzeb/")
    assert old_address["Location"] == "/povolani/reditel-zakaznickeho-centra/"


def test_a_profile_may_take_back_its_own_old_address(client, seeds, editor):
    director = Occupation.objects.get(nsp_id=103332)
    url = DIRECTOR_ADMIN.format(pk=director.pk)
    data = change_form_data(client.get(url))
    data["slug"] = "reditel-zakaznickeho-centra"
    assert client.post(url, data).status_code == 302
    data = change_form_data(client.get(url))
    data["slug"] = "reditel-zakaznickych-sluzeb"

    assert client.post(url, data).status_code == 302

    assert client.get("/povolani/reditel-zakaznickych-sluzeb/").status_code == 200
    assert list(SlugRedirect.objects.values_list("old_slug", "occupation")) == [
        ("reditel-zakaznickeho-centra", director.pk)
    ]


def changelist_queries(client, params=None):
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/admin/occupations/occupation/", params or {})
    assert response.status_code == 200
    return response, [query["sql"] for query in captured]


@pytest.mark.parametrize(
    "params", [{}, {"q": "zakaznick"}, {"kind__exact": "specialization"}, {"o": "5"}]
)
def test_the_changelist_costs_the_same_whatever_the_number_of_profiles(
    client, seeds, editor, tmp_path, params
):
    _, before = changelist_queries(client, params)
    add_profiles(tmp_path, 30)
    _, after = changelist_queries(client, params)
    assert len(after) == len(before)


def test_the_changelist_counts_each_relation_on_its_own(client, seeds, editor):
    response, sql = changelist_queries(client, {"o": "-5"})  # most activities first

    counts = [
        (o.nsp_id, o.activity_total, o.competence_total) for o in response.context["cl"].result_list
    ]
    assert counts == [(102742, 13, 31), (103332, 11, 60)]
    # One join of both relations gives each profile activities × competences rows to
    # group (20 s for the list at 3,000 profiles); no full count of the table either.
    assert not any("COUNT(DISTINCT" in query for query in sql)
    assert response.context["cl"].full_result_count is None


DATABASE_REFUSED = (
    "Databáze import teď nepřijala, například protože právě běží jiný import. "
    "Nic nebylo importováno. Zkuste to prosím za chvíli znovu."
)


def test_a_database_error_in_the_preview_is_a_message_not_a_server_error(client, editor):
    with failing_inserts("occupations_activity"):
        response = upload(client, (SEED_OCCUPATION.name, SEED_OCCUPATION.read_bytes()))

    assert response.status_code == 200
    assert DATABASE_REFUSED in response.content.decode()
    assert not Occupation.objects.exists()
    assert not PendingImport.objects.exists()


def test_a_database_error_on_confirmation_imports_nothing_and_may_be_retried(client, editor):
    preview = upload(client, (SEED_OCCUPATION.name, SEED_OCCUPATION.read_bytes()))
    token = str(preview.context["token"])

    with failing_inserts("django_admin_log"):
        response = client.post("/admin/occupations/occupation/import/", {"token": token})

    assert response.status_code == 200
    html = response.content.decode()
    assert DATABASE_REFUSED in html
    assert f'name="token" value="{token}"' in html  # "Zkusit import znovu"
    assert not Occupation.objects.exists()
    assert not LogEntry.objects.exists()

    retried = client.post("/admin/occupations/occupation/import/", {"token": token})

    assert retried.status_code == 302
    assert list(Occupation.objects.values_list("nsp_id", flat=True)) == [103332]
    assert not PendingImport.objects.exists()
