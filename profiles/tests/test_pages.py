"""Each public page shows what the NSP says, for both seeds (values from the seed texts)."""

import re
from html import unescape

import pytest
from django.urls import reverse

from conftest import SEED_OCCUPATION
from occupations.models import Occupation, SlugRedirect
from portal.tests.html import only, parse, text
from profiles.importer import import_paths

pytestmark = pytest.mark.django_db

SPECIALIST_URL = "/povolani/pracovnik-distancniho-zakaznickeho-servisu/"
DIRECTOR_URL = "/povolani/reditel-zakaznickych-sluzeb/"


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def text_of(html):
    """The visible text, tags removed and whitespace folded, for phrase checks."""
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def row(html, header):
    """The text of the table row whose header cell is `header`."""
    match = re.search(
        rf"<tr\b[^>]*><th scope=\"row\"[^>]*>{re.escape(header)}</th>(.*?)</tr>", html, re.S
    )
    assert match, header
    return text_of(match.group(1))


def test_home_has_search_fields_with_counts_and_the_source(client, seeds):
    html = page(client, "/")
    assert 'role="search"' in html
    assert 'href="/povolani/?obor=management">Management</a> <span class="count">1</span>' in html
    assert "Národní soustava povolání" in html


def test_specialist_profile_shows_every_section(client, seeds):
    html = page(client, SPECIALIST_URL)
    text = text_of(html)

    assert '<h1 lang="cs">Pracovník distančního zákaznického servisu</h1>' in html
    assert "Specializace · NSP 102742" in text
    assert "s cílem maximalizování zisku pro poskytovatele produktu" in text
    assert "Obchod a marketing" in text and "zákaznický servis" in text
    assert "Střední vzdělání s výučním listem i maturitní zkouškou" in text
    assert "Nadřazené povolání Specialista služeb zákazníkům" in text  # not in the portal
    assert "Školitel operátorů zákaznické linky" in text
    assert "Regulovaná jednotka práce ne" in text
    assert "Zaškolení dalších osob v oddělení zákaznického servisu." in text
    # Wages: 2023, CZ-ISCO 4222, business sphere only; every region has a row.
    assert "Mzdy podle krajů v roce 2023" in text
    assert "CZ-ISCO 4222 Pracovníci v zákaznických kontaktních centrech" in text
    assert row(html, "Hlavní město Praha") == "30 761 Kč 42 292 Kč 63 781 Kč"
    assert row(html, "Karlovarský kraj") == "bez údajů"
    assert row(html, "Moravskoslezský kraj") == "25 114 Kč 32 731 Kč 46 120 Kč"
    assert "Pro platovou sféru nejsou údaje." in text
    assert 'href="http://data.europa.eu/esco/isco/C4222"' in html
    # Competences with their levels on their scales.
    assert "úroveň 4 na stupnici 1–8" in html
    assert "úroveň 3 na stupnici 0–5" in html
    assert "nezbytná" in text
    assert "Jazyková způsobilost v angličtině" in text
    # Health with the NSP disclaimer.
    assert "Závažná psychosomatická onemocnění" in text
    assert "je možné pouze po konzultaci s lékařem" in text


def test_director_profile_shows_both_spheres_and_suitability(client, seeds):
    html = page(client, DIRECTOR_URL)
    text = text_of(html)

    assert "Povolání · NSP 103332" in text
    assert "Customer Service Manager" in text
    assert "Mzdy podle krajů v roce 2020" in text
    assert row(html, "Hlavní město Praha") == (
        "39 220 Kč 98 245 Kč 238 519 Kč 44 443 Kč 63 784 Kč 96 507 Kč"
    )
    assert row(html, "Karlovarský kraj") == "38 901 Kč 66 693 Kč 105 250 Kč bez údajů"
    assert "12214 Řídící pracovníci servisních služeb a reklamací" in text
    assert "Vedoucí a řídicí pracovníci v oblasti prodeje a marketingu" in text  # ESCO name
    assert "Digitální kompetence" in text and "Netiketa" in text
    assert "úroveň 5 na stupnici 0–5" in html
    assert "vhodná" in text  # CompetenceSuitabilityEnum.1 on základy sociologie
    assert "Poruchy vidění" in text


def test_the_director_shows_the_level_without_the_names_fused_into_it(client, seeds):
    # Seed 001: "Kvalifikační úroveň: Magisterský studijní program Ředitel centra …".
    html = page(client, DIRECTOR_URL)
    facts = text_of(html[html.index('<dl class="facts">') : html.index("</dl>")])
    assert "Kvalifikační úroveň Magisterský studijní program Alternativní názvy" in facts
    assert "Ředitel centra zákaznické podpory" not in text_of(html)


# Seed 000, "Pracovní podmínky": the levels marked x in each row, in the seed's order.
SPECIALIST_WORK_CONDITIONS = {
    "Zátěž hlukem": [2],
    "Zraková zátěž": [1, 2],
    "Duševní zátěž": [2],
    "Zátěž teplem": [1],
    "Zátěž chladem": [1],
    "Zátěž vibracemi": [1],
    "Zátěž prachem": [1],
    "Zátěž chemickými látkami": [1],
    "Zátěž invazivními alergeny": [1],
    "Zátěž biologickými činiteli způsobujícími onemocnění": [1],
    "Zátěž ionizujícím zářením": [1],
    "Zátěž neionizujícím zářením a elektromagnetickým polem včetně laserů": [1],
    "Celková fyzická zátěž": [1],
    "Zátěž trupu a páteře s převahou statické práce (manipulace s břemeny)": [1],
    "Lokální zátěž - zátěž malých svalových skupin": [1],
    "Lokální zátěž jemné motoriky": [1],
    "Zátěž prací v omezeném nebo uzavřeném prostoru": [1],
    "Zátěž prací v nevhodných pracovních polohách": [1],
    "Práce ve výškách": [1],
    "Zvýšené riziko úrazu pracovníka": [1],
    "Zvýšené riziko obecného ohrožení": [1],
    "Pracovní doba, směnnost": [1],
}


def section(client, url, section_id):
    return only(parse(page(client, url)), f".//section[@id='{section_id}']")


def marked_levels(table):
    """{factor: [marked levels]} of the work-condition table, in its row order; a marked
    cell must say its level to a screen reader, an unmarked one nothing."""
    rows = {}
    for row in table.iterfind("tbody/tr"):
        cells = row.findall("td")
        assert len(cells) == 4
        marked = []
        for level, cell in enumerate(cells, start=1):
            if "is-marked" in cell.get("class").split():
                assert text(only(cell, "span[@aria-hidden='true']")) == "●"
                assert text(only(cell, "span[@class='visually-hidden']")) == f"stupeň {level}"
                marked.append(level)
            else:
                assert text(cell) == ""
        rows[text(only(row, "th"))] = marked
    return rows


def test_each_work_condition_row_shows_exactly_its_marked_levels(client, seeds):
    conditions = section(client, SPECIALIST_URL, "podminky")
    rows = marked_levels(only(conditions, ".//table[@class='work-conditions']"))
    assert list(rows.items()) == list(SPECIALIST_WORK_CONDITIONS.items())


def test_the_director_marks_noise_at_1_and_physical_load_at_1_and_2(client, seeds):
    conditions = section(client, DIRECTOR_URL, "podminky")
    rows = marked_levels(only(conditions, ".//table[@class='work-conditions']"))
    assert len(rows) == 22
    assert rows["Zraková zátěž"] == [2]
    assert rows["Celková fyzická zátěž"] == [1, 2]
    assert rows["Zátěž hlukem"] == [1]


def test_the_legend_explains_all_four_levels(client, seeds):
    legend = only(section(client, SPECIALIST_URL, "podminky"), ".//dl[@class='legend']")
    entries = [(text(only(item, "dt")), text(only(item, "dd"))) for item in legend]
    assert [term for term, _ in entries] == [
        "1 Stupeň zátěže (minimální zdravotní riziko)",
        "2 Stupeň zátěže (únosná míra zdravotního rizika)",
        "3 Stupeň zátěže (významná míra zdravotního rizika)",
        "4 Stupeň zátěže (vysoká míra zdravotního rizika)",
    ]
    assert entries[3][1] == (
        "Úroveň zátěže vysoce překračuje stanovené limitní hodnoty expozice, na pracovištích "
        "musí být dodržován soubor preventivních opatření, častěji dochází k poškození zdraví."
    )


def national_rows(client, url):
    table = only(section(client, url, "mzdy"), ".//table[@class='national reflow']")
    return [[text(cell) for cell in row] for row in table.iterfind("tbody/tr")]


def test_the_national_medians_name_their_year_and_isco_group(client, seeds):
    assert national_rows(client, SPECIALIST_URL) == [
        ["2023", "4222 Pracovníci v zákaznických kontaktních centrech", "37 027 Kč", "35 778 Kč"]
    ]
    assert national_rows(client, DIRECTOR_URL) == [
        [
            "2020",
            "1221 Řídící pracovníci v oblasti obchodu, marketingu a v příbuzných oblastech",
            "74 546 Kč",
            "58 351 Kč",
        ],
        # The public median is missing in the seed: "bez údajů", never 0.
        ["2020", "12214 Řídící pracovníci servisních služeb a reklamací", "61 032 Kč", "bez údajů"],
    ]


def education_by_heading(client, url):
    """{h3 text: [entries of the list after it]} in the education section."""
    lists, heading = {}, None
    for child in section(client, url, "vzdelani"):
        if child.tag == "h3":
            heading = text(child)
        elif child.tag == "ul":
            lists[heading] = [text(item) for item in child.iterfind("li")]
    return lists


BEST = "Nejvhodnější školní přípravu poskytují obory"
SUITABLE = "Vhodnou školní přípravu poskytují také obory"


def test_education_is_split_into_best_and_suitable(client, seeds):
    assert education_by_heading(client, SPECIALIST_URL) == {
        BEST: [
            "RVP xx-xx-M/xx Střední vzdělání s maturitní zkouškou (bez vyučení)",
            "KKOV 6341M Střední vzdělání s maturitní zkouškou (bez vyučení) v oboru ekonomika "
            "a podnikání",
            "KKOV 6443M Střední vzdělání s maturitní zkouškou (bez vyučení) v oboru ekonomika "
            "odvětví (oborů)",
        ],
        SUITABLE: [
            "KKOV 66xxM Střední vzdělání s maturitní zkouškou (bez vyučení) ve skupině oborů "
            "obchod",
            "KKOV 63xxM Střední vzdělání s maturitní zkouškou (bez vyučení) ve skupině oborů "
            "ekonomika a administrativa",
            "KKOV 64xxM Střední vzdělání s maturitní zkouškou (bez vyučení) ve skupině oborů "
            "podnikání v oborech, odvětví",
        ],
    }
    director = education_by_heading(client, DIRECTOR_URL)
    assert director[BEST] == [
        "KKOV 6208T Magisterský studijní program v oboru ekonomika a management"
    ]
    # The seed lists suitable fields under two headings; the page shows them as one list.
    assert [entry.split()[1] for entry in director[SUITABLE]] == [
        "6703T",
        "7701T",
        "6731T",
        "6801T",
        "6805T",
        "6208R",
        "62xxT",
    ]


def facts(client, url):
    """{term: definition element} of the profile's facts."""
    document = parse(page(client, url))
    return {
        text(only(item, "dt")): only(item, "dd") for item in only(document, ".//dl[@class='facts']")
    }


def test_the_parent_is_plain_text_while_the_portal_lacks_its_profile(client, seeds):
    parent = facts(client, SPECIALIST_URL)["Nadřazené povolání"]
    assert text(parent) == "Specialista služeb zákazníkům"
    assert parent.find("a") is None


def test_the_parent_is_a_link_when_its_profile_exists(client, seeds, tmp_path):
    copy = tmp_path / "parent.txt"
    copy.write_text(
        SEED_OCCUPATION.read_text(encoding="utf-8")
        .replace("103332", "200001")
        .replace("Ředitel zákaznických služeb\n", "Specialista služeb zákazníkům\n", 1),
        encoding="utf-8",
    )
    import_paths([copy])

    parent = facts(client, SPECIALIST_URL)["Nadřazené povolání"]

    link = only(parent, "a")
    assert link.get("href") == "/povolani/specialista-sluzeb-zakaznikum/"
    assert text(link) == "Specialista služeb zákazníkům"


def test_related_profiles_are_links_when_present(client, seeds):
    director = Occupation.objects.get(nsp_id=103332)
    specialist = Occupation.objects.get(nsp_id=102742)
    specialist.related.filter(position=0).update(target=director)

    html = page(client, SPECIALIST_URL)

    assert f'<a href="{DIRECTOR_URL}">Manažer call centra</a>' in html


def test_the_nsp_id_address_redirects_permanently(client, seeds):
    response = client.get("/povolani/103332/")
    assert response.status_code == 301
    assert response["Location"] == DIRECTOR_URL


def test_an_old_slug_redirects_to_the_new_one(client, seeds):
    director = Occupation.objects.get(nsp_id=103332)
    SlugRedirect.objects.create(old_slug="reditel-zakaznickeho-servisu", occupation=director)

    response = client.get("/povolani/reditel-zakaznickeho-servisu/")

    assert response.status_code == 301
    assert response["Location"] == DIRECTOR_URL


@pytest.mark.parametrize(
    "url", ["/povolani/neexistuje/", "/povolani/999999/", "/isco/9999/", "/nic/"]
)
def test_an_unknown_page_is_a_404_in_the_site_style(client, seeds, url):
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert "Tuto stránku jsme nenašli" in html
    assert 'role="search"' in html


def test_competence_page_lists_occupations_with_levels(client, seeds):
    html = page(client, "/kompetence/odborne-znalosti/h13._.0024/")
    text = text_of(html)
    assert "postupy při reklamacích, práva spotřebitele" in text
    # Highest level first: the director needs 7, the specialist 4.
    assert text.index("Ředitel zákaznických služeb") < text.index(
        "Pracovník distančního zákaznického servisu"
    )
    assert "úroveň 7 na stupnici 1–8" in html and "úroveň 4 na stupnici 1–8" in html


def test_a_code_shared_by_two_categories_asks_which(client, seeds):
    html = page(client, "/kompetence/4.4/")
    assert 'href="/kompetence/digitalni/4.4/" lang="cs">Ochrana životního prostředí</a>' in html
    assert 'href="/kompetence/mekke/4.4/" lang="cs">Kompetence k řešení problémů</a>' in html


def test_a_unique_code_redirects_to_its_competence(client, seeds):
    response = client.get("/kompetence/b02/")
    assert response.status_code == 302
    assert response["Location"] == "/kompetence/obecne-dovednosti/b02/"


def test_competence_index_searches_by_name(client, seeds):
    response = client.get(reverse("competences:index"), {"q": "netiketa"})
    assert [c.code for c in response.context["page"]] == ["2.4"]


def test_isco_page_shows_the_group_wages_and_occupations(client, seeds):
    html = page(client, "/isco/1221/")
    text = text_of(html)
    assert "Řídící pracovníci v oblasti obchodu, marketingu a v příbuzných oblastech" in text
    assert f'href="{DIRECTOR_URL}"' in html
    assert row(html, "Kraj Vysočina") == "27 380 Kč 69 465 Kč 164 372 Kč bez údajů"
    assert "74 546 Kč" in text and "58 351 Kč" in text
    assert "12214" in text  # its subgroup


def test_a_competence_needed_by_many_lists_them_a_page_at_a_time(client, seeds):
    from competences.models import Competence, OccupationCompetence

    competence = Competence.objects.get(category="general_skill", code="b01")
    for number in range(120):
        occupation = Occupation.objects.create(
            nsp_id=500000 + number, kind="occupation", title=f"Zedník {number:03d}"
        )
        OccupationCompetence.objects.create(occupation=occupation, competence=competence, level=1)

    first = client.get("/kompetence/obecne-dovednosti/b01/")
    second = client.get("/kompetence/obecne-dovednosti/b01/", {"strana": 2})

    assert "Vyžaduje ji 122 povolání" in text_of(first.content.decode())
    assert len(first.context["page"]) == 100
    # Level 2 (the seeds) first, then level 1 in Czech order.
    assert [link.occupation.nsp_id for link in first.context["page"]][:2] == [102742, 103332]
    assert [link.occupation.title for link in second.context["page"]][-1] == "Zedník 119"


GENERIC_DESCRIPTION = (
    "Popisy povolání z Národní soustavy povolání: činnosti, mzdy podle krajů, pracovní "
    "podmínky, vzdělání a kompetence."
)


def metadata(client, url):
    """{name or property: content} of the page's <meta> tags, and its <title>."""
    document = parse(page(client, url))
    head = only(document, ".//head")
    tags = {
        tag.get("name") or tag.get("property"): tag.get("content")
        for tag in head.findall("meta")
        if tag.get("name") or tag.get("property")
    }
    tags["title"] = text(only(head, "title"))
    tags["locale:alternate"] = [
        tag.get("content") for tag in head.findall("meta[@property='og:locale:alternate']")
    ]
    return tags


@pytest.mark.parametrize(
    ("url", "title", "description"),
    [
        ("/", "Najděte povolání, které vám sedí", GENERIC_DESCRIPTION),
        (
            "/povolani/?q=reditel",
            "Hledání „reditel“",
            "Počet nalezených povolání: 1. Hledejte podle názvu a filtrujte podle oboru, "
            "vzdělání, mzdy v kraji, pracovních podmínek, zdravotních omezení a kompetencí.",
        ),
        (
            SPECIALIST_URL,
            "Pracovník distančního zákaznického servisu",
            "Pracovník distančního zákaznického servisu vyřizuje telefonicky, elektronickou "
            "poštou, přes sociální média, apod., složité požadavky nebo stížnosti zákazníků, …",
        ),
        (
            "/o-datech/",
            "O datech",
            "Odkud pocházejí profily povolání, jak číst mzdy (medián, decily, mzdová a platová "
            "sféra, rok údajů) a kde jsou otevřená data ve formátu JSON.",
        ),
        (
            "/kompetence/",
            "Kompetence",
            "Dovednosti, znalosti a další kompetence, které povolání vyžadují. U každé najdete "
            "povolání, která ji potřebují, i s požadovanou úrovní.",
        ),
        (
            "/kompetence/4.4/",
            "Kompetence s kódem 4.4",
            "Kód 4.4 mají v Národní soustavě povolání tyto kompetence: Ochrana životního "
            "prostředí (Digitální kompetence), Kompetence k řešení problémů (Měkké kompetence).",
        ),
        (
            "/kompetence/odborne-znalosti/h13._.0024/",
            "postupy při reklamacích, práva spotřebitele",
            "Povolání, která vyžadují kompetenci „postupy při reklamacích, práva spotřebitele“, "
            "a požadovaná úroveň.",
        ),
        (
            "/en/povolani/reditel-zakaznickych-sluzeb/",
            "Ředitel zákaznických služeb",
            "Ředitel zákaznických služeb: work activities, wages by region, working conditions, "
            "education and competences, from the Czech National Occupation System (the profile "
            "is in Czech).",
        ),
    ],
)
def test_each_page_type_is_shared_with_its_own_title_and_description(
    client, seeds, url, title, description
):
    tags = metadata(client, url)
    assert tags["og:title"] == title
    assert tags["description"] == tags["og:description"] == description


@pytest.mark.parametrize(
    ("url", "title"),
    [
        ("/povolani/", "Povolání"),
        ("/porovnani/", "Porovnání povolání"),
        ("/mzdy/", "Mzdy podle krajů"),
        (
            "/isco/1221/",
            "CZ-ISCO 1221 Řídící pracovníci v oblasti obchodu, marketingu a v příbuzných oblastech",
        ),
        ("/en/o-datech/", "About the data"),
    ],
)
def test_the_shared_title_is_the_page_title(client, seeds, url, title):
    """Pages that only fill the title block are shared under that title, not the site's."""
    tags = metadata(client, url)
    assert tags["og:title"] == title
    assert tags["title"] == f"{title} · {tags['og:site_name']}"


@pytest.mark.parametrize(
    ("url", "locale", "alternate"),
    [(DIRECTOR_URL, "cs_CZ", ["en_GB"]), (f"/en{DIRECTOR_URL}", "en_GB", ["cs_CZ"])],
)
def test_the_sharing_tags_name_the_language_and_its_alternative(
    client, seeds, url, locale, alternate
):
    tags = metadata(client, url)
    assert tags["og:locale"] == locale
    assert tags["locale:alternate"] == alternate
    assert tags["og:type"] == "article"


def test_the_competence_tables_speak_the_pages_language(client, seeds):
    html = page(client, "/en" + DIRECTOR_URL)

    assert '<th scope="col" role="columnheader">Level 1–8</th>' in html
    assert '<th scope="col" role="columnheader">Level 0–5</th>' in html  # soft competences
    assert '<th scope="col" role="columnheader">Suitability</th>' in html
    assert 'aria-label="level 7 on a scale of 1–8"' in html  # h13._.0024
    assert "Level descriptions (NSP, PDF)" in html
