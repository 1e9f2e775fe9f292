"""The career pages and their API on the seeds and on hand-built profiles.

From the seed texts: the specialization (102742, 4222) has a Praha business median of
42 292 Kč, the director (103332, 1221) 98 245 Kč; national medians 37 027 and 74 546 Kč.
They share the knowledge h13._.0024, at 4 and at 7."""

import pytest

from careers.forms import MAX_PICKS
from careers.selectors import Pick, rank_matches
from careers.tests.profiles import (
    SUITABLE,
    import_documents,
    profile,
    skill,
    soft,
)
from competences.models import OccupationCompetence
from occupations.models import Occupation

pytestmark = pytest.mark.django_db

SPECIALIZATION = "/povolani/pracovnik-distancniho-zakaznickeho-servisu/"
NBSP = "\xa0"


def text(response):
    return response.content.decode()


def test_the_profile_shows_its_similar_profiles_with_the_wage_difference(client, seeds):
    page = text(client.get(SPECIALIZATION + "?kraj=praha"))

    assert 'id="podobna"' in page
    assert "Ředitel zákaznických služeb" in page
    assert f"+55{NBSP}953{NBSP}Kč" in page  # 98 245 − 42 292
    assert "potřebná úroveň 7, nyní 4" in page  # h13._.0024
    assert '<option value="praha" lang="cs" selected>' in page


def test_the_difference_is_national_without_a_region_and_negative_the_other_way(client, seeds):
    assert f"+37{NBSP}519{NBSP}Kč" in text(client.get(SPECIALIZATION))  # 74 546 − 37 027
    director = text(client.get("/povolani/reditel-zakaznickych-sluzeb/"))
    assert f"\u221237{NBSP}519{NBSP}Kč" in director


def test_an_unknown_region_is_named_and_the_country_used(client, seeds):
    page = text(client.get(SPECIALIZATION + "podobna/?kraj=atlantida"))
    assert "Kraj „atlantida“ neznáme" in page
    assert f"+37{NBSP}519{NBSP}Kč" in page


def test_the_similar_page_lists_them_all_and_follows_an_old_address(client, seeds):
    response = client.get(SPECIALIZATION + "podobna/?kraj=praha")
    assert response.status_code == 200
    assert "Přidat do porovnání" in text(response)

    occupation = Occupation.objects.get(nsp_id=102742)
    occupation.slug = "operator-linky"
    occupation.save()
    moved = client.get(SPECIALIZATION + "podobna/?kraj=praha")
    assert moved.status_code == 301
    assert moved["Location"] == "/povolani/operator-linky/podobna/?kraj=praha"
    assert client.get("/povolani/nic-takoveho/podobna/").status_code == 404


def test_the_similar_api(client, seeds):
    body = client.get("/api/v1/occupations/102742/similar/?kraj=praha").json()

    [director] = body["results"]
    assert director["nsp_id"] == 103332
    assert director["title"] == "Ředitel zákaznických služeb"
    assert director["url"] == "http://testserver/povolani/reditel-zakaznickych-sluzeb/"
    assert 0 < director["score"] < 1
    assert "general_skill:b01" in director["shared"]  # 2 in both
    assert {"competence": "professional_knowledge:h13._.0024", "level": 7} in director["missing"]
    assert director["median"] == 98245
    assert director["wage_difference"] == 98245 - 42292


def test_the_similar_api_errors_are_json(client, seeds):
    missing = client.get("/api/v1/occupations/999/similar/")
    assert missing.status_code == 404
    assert missing.json()["error"]["status"] == 404
    bad = client.get("/api/v1/occupations/102742/similar/?kraj=atlantida")
    assert bad.status_code == 400
    assert "atlantida" in bad.json()["error"]["problems"][0]


def two_profiles():
    import_documents(
        profile(1, "První", [skill("s1", 4), skill("s2", 4), soft("2.1", 3)]),
        profile(2, "Druhé", [skill("s1", 4), skill("s3", 4, SUITABLE), soft("2.1", 2)]),
    )


def test_the_match_is_the_weighted_share_of_requirements_covered(client, db):
    """s1 at any level and 2.1 at 2 cover of the first profile 4 of 8 professional and
    2 of 3 soft, of the second 4 of 4 + 2 (s3 suitable) and 2 of 2:
    (0.55·1/2 + 0.07·2/3) / 0.62 and (0.55·2/3 + 0.07·1) / 0.62. A third profile, none
    of whose competences is picked, is not listed."""
    two_profiles()
    import_documents(profile(3, "Třetí", [skill("s9", 5), soft("2.2", 1)]))  # none picked
    body = client.get("/api/v1/match/?kompetence=professional_skill:s1&kompetence=soft:2.1:2")

    results = body.json()["results"]
    assert [r["nsp_id"] for r in results] == [2, 1]
    assert results[0]["score"] == round((0.55 * 2 / 3 + 0.07) / 0.62, 4)
    assert results[1]["score"] == round((0.55 / 2 + 0.07 * 2 / 3) / 0.62, 4)
    assert results[1]["shared"] == ["professional_skill:s1"]
    assert results[1]["missing"] == [
        {"competence": "professional_skill:s2", "level": 4},
        {"competence": "soft:2.1", "level": 3},
    ]


def test_the_ranking_follows_every_write(client, db):
    """The requirements a process holds belong to a data version: a profile imported after
    a ranking is in the next one."""
    two_profiles()
    url = "/api/v1/match/?kompetence=professional_skill:s1"
    assert [r["nsp_id"] for r in client.get(url).json()["results"]] == [2, 1]
    import_documents(profile(3, "Třetí", [skill("s1", 4)]))
    assert [r["nsp_id"] for r in client.get(url).json()["results"]] == [3, 2, 1]


def test_picking_all_of_a_profiles_competences_gives_it_100_and_the_first_place(client, db):
    two_profiles()
    body = client.get(
        "/api/v1/match/?kompetence=professional_skill:s1&kompetence=professional_skill:s2"
        "&kompetence=soft:2.1"
    ).json()
    assert body["results"][0]["nsp_id"] == 1
    assert body["results"][0]["score"] == 1
    assert body["results"][0]["missing"] == []
    page = text(
        client.get(
            "/co-umim/?kompetence=professional_skill:s1&kompetence=soft:2.1:3"
            "&kompetence=professional_skill:s2:8"
        )
    )
    assert "Shoda 100 %" in page


def test_every_seed_comes_first_for_all_its_competences(seeds):
    """31 competences for the specialization: more than a person may pick, so the
    ranking itself."""
    for nsp_id in (102742, 103332):
        links = OccupationCompetence.objects.filter(occupation__nsp_id=nsp_id).select_related(
            "competence"
        )
        picks = [
            Pick(link.category, link.competence.code, "", link.competence_id, None)
            for link in links
        ]
        ranked = rank_matches(picks)
        assert ranked[0].nsp_id == nsp_id
        assert ranked[0].score == 1


def test_an_education_field_counts_when_given(client, seeds):
    """The specialization names KKOV 6341M among its best preparations; the director no
    field of group 63. Without a competence, the school alone ranks: 0.10 of the blocks
    the specialization states (no digital competences)."""
    body = client.get("/api/v1/match/?vzdelani=63-41-M/01").json()
    assert [r["nsp_id"] for r in body["results"]] == [102742]
    assert body["results"][0]["score"] == round(0.10 / (0.55 + 0.05 + 0.07 + 0.10), 4)


def test_bad_picks_are_named_on_the_page_and_the_others_count(client, seeds):
    page = text(
        client.get(
            "/co-umim/?kompetence=soft:2.1:3&kompetence=nesmysl&kompetence=soft:9.9"
            "&kompetence=soft:2.1:7&kompetence=vesmir:1&vzdelani=abc"
        )
    )
    assert "„nesmysl“ není kompetence" in page
    assert "Kompetenci „soft:9.9“ katalog nemá." in page
    assert "„vesmir:1“: kategorie „vesmir“ neexistuje" in page
    assert "„abc“ není kód oboru vzdělání" in page
    assert "Shoda" in page  # soft:2.1:3 still counts
    assert "Kompetence k efektivní komunikaci" in page


def test_a_bad_level_is_named(client, seeds):
    page = text(client.get("/co-umim/?kompetence=soft:2.1:7&kompetence=general_skill:b01"))
    assert "„soft:2.1:7“: úroveň „7“ je mimo stupnici 0–5" in page
    assert "Shoda" in page


def test_more_than_thirty_picks_are_refused(client, seeds):
    query = "&".join(f"kompetence=soft:{n}.{m}" for n in range(1, 9) for m in range(1, 5))
    page = text(client.get(f"/co-umim/?{query}"))
    assert f"Vybrat lze nejvýše {MAX_PICKS} kompetencí, zadáno je 32." in page
    assert "Shoda" not in page

    api = client.get(f"/api/v1/match/?{query}")
    assert api.status_code == 400
    assert "32" in api.json()["error"]["problems"][0]


def test_the_match_api_answers_400_naming_the_bad_input(client, seeds):
    response = client.get("/api/v1/match/?kompetence=soft:2.1&kompetence=soft:nic")
    assert response.status_code == 400
    assert response.json()["error"]["problems"] == ["Kompetenci „soft:nic“ katalog nemá."]
    empty = client.get("/api/v1/match/")
    assert empty.status_code == 200
    assert empty.json() == {"count": 0, "next": None, "previous": None, "results": []}
    assert client.get("/api/v1/match/?kompetence=soft:2.1&strana=x").status_code == 400
    assert client.get("/api/v1/match/?kompetence=soft:2.1&strana=9").status_code == 404


def test_the_competence_search_offers_what_is_not_picked_yet(client, seeds):
    page = text(client.get("/co-umim/?hledat=reklamac&kompetence=professional_skill:h13.D.5241"))
    assert 'value="professional_skill:h13.D.2241"' in page  # zamezení vzniku reklamací
    assert 'name="kompetence" value="professional_skill:h13.D.5241"' not in page
    assert "Vyhodnocování a provádění rozborů příčin reklamací" in page  # the pick itself


def test_the_match_page_without_input_asks_for_it(client, db):
    page = text(client.get("/co-umim/"))
    assert "Zatím žádné" in page
    assert "Shoda" not in page
