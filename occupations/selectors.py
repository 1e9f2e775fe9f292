"""Read-side assembly of a profile page: the stored rows grouped the way people read them."""

from dataclasses import dataclass
from itertools import groupby

from competences.models import Category
from nsp import vocabulary as vocab
from wages.selectors import occupation_national_rows, occupation_wage_tables


@dataclass
class CompetenceSection:
    category: vocab.CompetenceCategory
    label: str
    links: list  # OccupationCompetence rows, in the profile's order

    @property
    def has_suitability(self):
        return any(link.suitability is not None for link in self.links)


@dataclass
class WorkCondition:
    factor: object
    levels: list

    @property
    def marks(self):
        """(level, marked) for the columns 1–4."""
        return [(level, level in self.levels) for level in vocab.WORK_CONDITION_LEVELS]

    @property
    def highest(self):
        return max(self.levels)


def competence_sections(occupation):
    by_category = {}
    for link in occupation.competence_links.all():
        by_category.setdefault(link.competence.category, []).append(link)
    labels = dict(Category.choices)
    return [
        CompetenceSection(category, labels[category.key], by_category[category.key])
        for category in vocab.COMPETENCE_CATEGORIES
        if category.key in by_category
    ]


def work_conditions(occupation):
    return [
        WorkCondition(factor, [load.level for load in loads])
        for factor, loads in groupby(
            occupation.work_condition_loads.all(), key=lambda load: load.factor
        )
    ]


def profile_sections(occupation):
    """Everything the profile page shows, from `Occupation.objects.with_profile()`."""
    education = list(occupation.education_links.all())
    return {
        "qualification_levels": [link.level for link in occupation.qualification_links.all()],
        "alternative_names": list(occupation.alternative_names.all()),
        "related": list(occupation.related.all()),
        "activities": list(occupation.activities.all()),
        "isco_links": list(occupation.isco_links.all()),
        "esco_links": list(occupation.esco_links.all()),
        "wage_tables": occupation_wage_tables(occupation),
        "national_rows": occupation_national_rows(occupation),
        "work_conditions": work_conditions(occupation),
        "work_condition_legend": vocab.WORK_CONDITION_LEGEND,
        "education_best": [link for link in education if link.tier == vocab.BEST],
        "education_suitable": [link for link in education if link.tier == vocab.SUITABLE],
        "competence_sections": competence_sections(occupation),
        "health_restrictions": [link.restriction for link in occupation.health_links.all()],
        "health_disclaimer": vocab.HEALTH_DISCLAIMER,
    }
