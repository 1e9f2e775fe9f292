"""Read-side views of an occupation's own rows, grouped the way people read them."""

from dataclasses import dataclass
from itertools import groupby

from nsp import vocabulary as vocab


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


def work_conditions(occupation):
    """One WorkCondition per row of the table, from prefetched `work_condition_loads`
    (one load per marked level, the levels of a row at its position)."""
    conditions = []
    for _position, loads in groupby(
        occupation.work_condition_loads.all(), key=lambda load: load.position
    ):
        loads = list(loads)
        conditions.append(WorkCondition(loads[0].factor, [load.level for load in loads]))
    return conditions
