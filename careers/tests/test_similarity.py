"""The similarity on hand-built profiles whose answer is known, and how it stays current."""

import pytest
from django.core.management import call_command

from careers.models import RequirementTotals, SimilarOccupation
from careers.services import recompute_careers
from careers.tests.profiles import (
    SUITABLE,
    education,
    general,
    import_documents,
    knowledge,
    profile,
    skill,
    soft,
)
from competences.models import OccupationCompetence
from occupations.models import Occupation
from portal.models import DataVersion
from profiles.importer import import_paths

pytestmark = pytest.mark.django_db


def similar_to(nsp_id):
    """[(nsp_id, score)] of a profile's stored similar profiles, best first."""
    return list(
        SimilarOccupation.objects.filter(occupation__nsp_id=nsp_id)
        .order_by("rank")
        .values_list("other__nsp_id", "score")
    )


def base_competences():
    return [
        *(skill(f"x01.A.{n:04d}", 4) for n in range(12)),
        *(knowledge(f"x01._.{n:04d}", 4) for n in range(6)),
        *(general(f"b0{n}", 2) for n in range(1, 8)),
        *(soft(f"{n}.1", 3) for n in range(1, 5)),
    ]


def test_a_score_is_the_weighted_mean_of_the_blocks_both_state():
    """Worked out by hand (docs/SIMILARITY.md):
    professional: {s1: 4, s2: 4} and {s1: 4, s3: 4 suitable = 2}: min 4 / max 10 = 0.4;
    soft 2.1 at 3 and 2: 2/3; CZ-ISCO 4222 and 4223: prefixes 1+2+3 shared of
    1+2+3+4+4 = 3/7; the same field: 1; other subfields: 0. Neither states general or
    digital competences or schools: those blocks do not count.
    (0.55·0.4 + 0.07·2/3 + 0.12·3/7 + 0.03·1 + 0.03·0) / (0.55 + 0.07 + 0.12 + 0.03 + 0.03)"""
    import_documents(
        profile(
            1,
            "První",
            [skill("s1", 4), skill("s2", 4), soft("2.1", 3)],
            groups=["4222"],
            field="Obor",
            subfield="Jeden",
        ),
        profile(
            2,
            "Druhé",
            [skill("s1", 4), skill("s3", 4, SUITABLE), soft("2.1", 2)],
            groups=["4223"],
            field="Obor",
            subfield="Dva",
        ),
    )
    expected = (0.55 * 0.4 + 0.07 * 2 / 3 + 0.12 * 3 / 7 + 0.03) / 0.80

    assert similar_to(1) == [(2, pytest.approx(expected, abs=1e-6))]
    assert similar_to(2) == [(1, pytest.approx(expected, abs=1e-6))]
    assert round(expected, 4) == 0.4351


def test_a_twin_that_differs_in_three_competences_ranks_first():
    base = base_competences()
    twin = [dict(item) for item in base]
    twin[0] = skill("x01.A.0900", 4)  # one skill swapped for another
    twin[13]["level"] = 5  # a knowledge at another level
    twin[-1]["level"] = 1  # a soft competence at another level
    half = base[:6] + [skill(f"x01.A.{n:04d}", 4) for n in range(100, 106)] + base[12:]
    common = {"groups": ["7212"], "field": "Strojírenství", "subfield": "Svařování"}
    import_documents(
        profile(10, "Svářeč", base, schools=[education("2351H")], **common),
        profile(11, "Svářeč dvojče", twin, schools=[education("2351H")], **common),
        profile(12, "Svářeč polovičatý", half, schools=[education("2351H")], **common),
        profile(13, "Zámečník", base[6:], groups=["7222"], field="Strojírenství"),
        profile(14, "Jiný", [skill("y.A.1", 4), *base[18:]], groups=["7212"]),
    )

    assert similar_to(10)[0][0] == 11
    assert similar_to(11)[0][0] == 10
    assert [nsp_id for nsp_id, _ in similar_to(10)] == [11, 12, 13, 14]


def test_sharing_only_the_isco_group_ranks_below_sharing_most_competences():
    base = base_competences()
    most = base[:15] + base[18:]  # all but three knowledge items
    strange = [skill(f"z09.A.{n:04d}", 6) for n in range(10)] + [soft("5.5", 5)]
    import_documents(
        profile(20, "Výchozí", base, groups=["5131"], field="Gastronomie", subfield="Kuchyně"),
        profile(21, "Stejná skupina", strange, groups=["5131"]),
        profile(22, "Stejné kompetence", most, groups=["9412"], field="Úklid"),
    )

    ranked = [nsp_id for nsp_id, _ in similar_to(20)]
    assert ranked.index(22) < ranked.index(21)


def test_each_profile_keeps_its_twenty_best_others_at_most():
    base = base_competences()
    documents = [
        profile(100 + n, f"Profil {n}", base[: 10 + n % 8] + base[18:], groups=["4111"])
        for n in range(23)
    ]
    import_documents(*documents)

    assert SimilarOccupation.objects.filter(occupation__nsp_id=100).count() == 20
    assert list(
        SimilarOccupation.objects.filter(occupation__nsp_id=100).values_list("rank", flat=True)
    ) == list(range(1, 21))
    assert RequirementTotals.objects.count() == 23


def test_the_seeds_are_each_others_only_similar_profile(seeds):
    """Both are in customer service but one is a director: they share a knowledge item,
    general and soft competences, nothing in CZ-ISCO, field or schools."""
    assert [nsp_id for nsp_id, _ in similar_to(102742)] == [103332]
    assert [nsp_id for nsp_id, _ in similar_to(103332)] == [102742]
    director = RequirementTotals.objects.get(occupation__nsp_id=103332)
    # Ten skills and ten knowledge items at 7, two of them suitable (3.5 each).
    assert director.professional == 10 * 7 + 10 * 7 + 2 * 3.5


def test_an_edit_outside_the_admin_leaves_them_stale_until_recomputed(seeds, capsys):
    link = OccupationCompetence.objects.get(
        occupation__nsp_id=103332, competence__code="h13._.0024"
    )
    link.level = 4
    link.save()
    with pytest.raises(SystemExit):
        call_command("recompute_careers", "--check")

    version = DataVersion.current().number
    call_command("recompute_careers")

    call_command("recompute_careers", "--check")
    assert "up to date" in capsys.readouterr().out
    assert DataVersion.current().number > version


def test_recomputing_an_empty_catalogue_stores_nothing(db):
    assert recompute_careers() == 0
    assert not SimilarOccupation.objects.exists()


def test_a_dry_run_and_an_unchanged_import_leave_them_alone(seeds, seed_paths):
    before = list(SimilarOccupation.objects.values_list("pk", flat=True))
    import_paths(seed_paths)
    import_paths(seed_paths, dry_run=True)
    assert list(SimilarOccupation.objects.values_list("pk", flat=True)) == before


def test_deleting_a_profile_takes_it_out_of_the_others_lists(seeds):
    Occupation.objects.get(nsp_id=103332).delete()
    assert similar_to(102742) == []
