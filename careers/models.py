"""What the portal derives from the profiles' requirements for career moves: each
profile's most similar profiles, and the totals that "Co umím" divides by.

Both are computed from the catalogue (careers/similarity.py) and stored so that a page
reads one table: by the import and an admin save, inside their transaction, and by
`manage.py recompute_careers`. They are catalogue data, so a write bumps the data version.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from occupations.models import Occupation
from portal.models import VersionedModel, unique


class SimilarOccupation(VersionedModel):
    """`other` is the `rank`-th most similar profile to `occupation` (1 = the most)."""

    # The unique (occupation, rank) index serves lookups by occupation: no index of its own.
    occupation = models.ForeignKey(
        Occupation, models.CASCADE, related_name="similar", db_index=False
    )
    other = models.ForeignKey(Occupation, models.CASCADE, related_name="similar_from")
    rank = models.PositiveSmallIntegerField(_("pořadí"))
    score = models.FloatField(_("podobnost"))  # 0 to 1

    natural_key_fields = ("occupation__nsp_id", "rank")

    class Meta:
        verbose_name = _("podobné povolání")
        verbose_name_plural = _("podobná povolání")
        ordering = ["occupation", "rank"]
        constraints = [
            unique(
                "occupation",
                "rank",
                name="similar_occupation_rank_unique",
                message=_("Toto pořadí už povolání má."),
            ),
            models.CheckConstraint(
                condition=~Q(occupation=models.F("other")),
                name="similar_occupation_not_itself",
                violation_error_message=_("Povolání není podobné samo sobě."),
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1),
                name="similar_occupation_score_0_to_1",
                violation_error_message=_("Podobnost je číslo od 0 do 1."),
            ),
        ]

    def __str__(self):
        return f"{self.occupation} → {self.rank}. {self.other} ({self.score:.2f})"


class RequirementTotals(VersionedModel):
    """What a profile requires in each block that "Co umím" asks about: the sum of its
    amounts (careers/features.py), what full coverage of the block means. 0: the profile
    states nothing in that block, which then does not count."""

    occupation = models.OneToOneField(
        Occupation, models.CASCADE, primary_key=True, related_name="requirement_totals"
    )
    professional = models.FloatField(default=0)
    general = models.FloatField(default=0)
    digital = models.FloatField(default=0)
    soft = models.FloatField(default=0)
    education = models.FloatField(default=0)

    natural_key_fields = ("occupation__nsp_id",)

    class Meta:
        verbose_name = _("součty požadavků povolání")
        verbose_name_plural = _("součty požadavků povolání")

    def __str__(self):
        return str(self.occupation)
