"""A profile's competences grouped by category, in the NSP's order of categories."""

from dataclasses import dataclass

from competences.models import Category
from nsp import vocabulary as vocab


@dataclass
class CompetenceSection:
    category: vocab.CompetenceCategory
    label: str
    links: list  # OccupationCompetence rows, in the profile's order

    @property
    def has_suitability(self):
        return any(link.suitability is not None for link in self.links)


def competence_sections(occupation):
    """From prefetched `competence_links` with their competences."""
    by_category = {}
    for link in occupation.competence_links.all():
        by_category.setdefault(link.competence.category, []).append(link)
    labels = dict(Category.choices)
    return [
        CompetenceSection(category, labels[category.key], by_category[category.key])
        for category in vocab.COMPETENCE_CATEGORIES
        if category.key in by_category
    ]
