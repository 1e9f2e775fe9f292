"""What the index reads of the profiles: their texts, in a fixed number of queries."""

from collections import defaultdict

from competences.models import OccupationCompetence
from occupations.models import Activity, AlternativeName, Occupation, OccupationIsco


def _grouped(rows):
    grouped = defaultdict(list)
    for occupation_id, *values in rows:
        grouped[occupation_id].append(values[0] if len(values) == 1 else tuple(values))
    return grouped


def index_records():
    """Every profile as the index reads it: its title, alternative names, description,
    activities, CZ-ISCO groups (code, name) and the names of the competences it requires."""
    names = _grouped(
        AlternativeName.objects.order_by("occupation", "position").values_list(
            "occupation_id", "name"
        )
    )
    activities = _grouped(
        Activity.objects.order_by("occupation", "position").values_list("occupation_id", "text")
    )
    isco = _grouped(
        OccupationIsco.objects.order_by("occupation", "position").values_list(
            "occupation_id", "group__code", "group__name"
        )
    )
    competences = _grouped(
        OccupationCompetence.objects.order_by("occupation", "position").values_list(
            "occupation_id", "competence__name"
        )
    )
    occupations = Occupation.objects.order_by("pk").values_list("pk", "title", "description")
    return [
        {
            "pk": pk,
            "title": title,
            "alternative_names": names[pk],
            "description": description,
            "activities": activities[pk],
            "isco": isco[pk],
            "competences": competences[pk],
        }
        for pk, title, description in occupations
    ]
