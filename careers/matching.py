"""What "Co umím" ranks by: every profile's competence requirements and totals as arrays,
held by each process for the current data version, as the search holds its index.

A person who picks general skills (every profile states all eight) makes the ranking sum
tens of thousands of links. In the database that was one aggregate of 10–30 ms plus the
profiles' totals and a loop over every profile in Python, on each request; over arrays
loaded once per version it is a few milliseconds. Loading reads every link once (about
0.4 s at 3,000 profiles), on the first ranking after a write, in each process.
"""

from dataclasses import dataclass

import numpy as np
from django.db.models import Case, IntegerField, Value, When
from django.db.models.functions import Coalesce

from careers import features as f
from careers.models import RequirementTotals
from competences.models import OccupationCompetence
from nsp import vocabulary as vocab
from portal.caching import HeldPerVersion


@dataclass
class Requirements:
    """The profiles that have totals, in one order (`pks`, `nsp_ids`, `totals`: a row
    each, a column per block of f.MATCH_BLOCK_KEYS), and their required competences
    sorted by competence: `competences[i]` is required by profile row `rows[i]` at
    `levels[i]` in block `blocks[i]` (a column of f.COMPETENCE_BLOCK_KEYS), weighing
    `shares[i]` of its level (f.SUITABLE_SHARE when merely suitable)."""

    pks: np.ndarray
    nsp_ids: np.ndarray
    totals: np.ndarray
    competences: np.ndarray
    rows: np.ndarray
    blocks: np.ndarray
    levels: np.ndarray
    shares: np.ndarray

    @classmethod
    def load(cls):
        profiles = np.array(
            RequirementTotals.objects.order_by("occupation_id").values_list(
                "occupation_id", "occupation__nsp_id", *f.MATCH_BLOCK_KEYS
            ),
            dtype=float,
        ).reshape(-1, 2 + len(f.MATCH_BLOCK_KEYS))
        pks = profiles[:, 0].astype(np.int64)
        block = Case(
            *(
                When(category__in=[c for c, k in f.COMPETENCE_BLOCKS.items() if k == key],
                     then=Value(index))
                for index, key in enumerate(f.COMPETENCE_BLOCK_KEYS)
            ),
            output_field=IntegerField(),
        )  # fmt: skip
        links = np.array(
            OccupationCompetence.objects.filter(level__gt=0)
            .order_by()
            .values_list(
                "competence_id", "occupation_id", "level", Coalesce("suitability", Value(0)), block
            ),
            dtype=np.int64,
        ).reshape(-1, 5)
        rows = np.searchsorted(pks, links[:, 1])
        known = (rows < len(pks)) & (pks[np.minimum(rows, len(pks) - 1)] == links[:, 1])
        links, rows = links[known], rows[known]  # a profile without totals is not ranked
        order = np.argsort(links[:, 0], kind="stable")
        links, rows = links[order], rows[order]
        return cls(
            pks=pks,
            nsp_ids=profiles[:, 1].astype(np.int64),
            totals=profiles[:, 2:],
            competences=links[:, 0],
            rows=rows,
            blocks=links[:, 4],
            levels=links[:, 2].astype(float),
            shares=np.where(links[:, 3] == vocab.SUITABLE_COMPETENCE, f.SUITABLE_SHARE, 1.0),
        )

    def covered(self, picks):
        """The amount covered of each profile's blocks (a row per profile, a column per
        block of f.COMPETENCE_BLOCK_KEYS) by `picks`: a requirement's amount at the level
        picked, or all of it when no level is picked."""
        covered = np.zeros((len(self.pks), len(f.COMPETENCE_BLOCK_KEYS)))
        for pick in {pick.pk: pick for pick in reversed(picks)}.values():  # the first of each
            start, end = np.searchsorted(self.competences, [pick.pk, pick.pk + 1])
            levels = self.levels[start:end]
            if pick.level is not None:
                levels = np.minimum(levels, float(pick.level))
            np.add.at(
                covered,
                (self.rows[start:end], self.blocks[start:end]),
                levels * self.shares[start:end],
            )
        return covered

    def row_of(self, pk):
        row = int(np.searchsorted(self.pks, pk))
        return row if row < len(self.pks) and self.pks[row] == pk else None


_held = HeldPerVersion(lambda key: Requirements.load())  # this process's requirements


def requirements(version=None):
    """The Requirements of the current data (`version`: what the request read)."""
    return _held.get(version)
