"""The similarity of every pair of profiles, in matrix arithmetic (numpy, scipy.sparse).

For each block b (careers/features.py) a profile p has amounts x_p(f) > 0 for its features
f. Two profiles' similarity in a block is the weighted Jaccard (Ruzicka) similarity of
those amounts:

    s_b(p, q) = Σ_f min(x_p(f), x_q(f)) / Σ_f max(x_p(f), x_q(f))

and their similarity is the weighted mean over the blocks that both profiles state:

    S(p, q) = Σ_b W_b · s_b(p, q) / Σ_b W_b · [p and q both state b]

A block only one of them states says nothing about the pair (an older profile without
digital competences is not unlike every newer one): it is left out, not counted as 0.

Σ min is a matrix product once each amount is written as a "thermometer": with the
distinct amounts of a block t_1 < t_2 < … < t_k, feature f becomes the columns (f, j),
set to √(t_j − t_{j−1}) when x(f) ≥ t_j. Then Σ_j e_p(f, j)·e_q(f, j) = min(x_p(f), x_q(f)),
and Σ max = Σ x_p + Σ x_q − Σ min. Sparse blocks (professional competences, CZ-ISCO)
multiply as scipy.sparse matrices, dense ones (general, digital, soft) through BLAS; rows
go in chunks, so memory grows with N·chunk, not N².
"""

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from threadpoolctl import threadpool_limits

CHUNK_ROWS = 256
DENSE_SHARE = 0.05  # a block with more of its cells set multiplies as a dense matrix
DENSE_MAX_COLUMNS = 4096
SCORE_DECIMALS = 6  # above float32's noise: ties stay ties on every machine
# Candidates beyond `keep` looked at, so that a tie at the last place goes to the lower index.
TIE_MARGIN = 8


@dataclass
class BlockFeatures:
    """One block's amounts: entry i says profile rows[i] has amount values[i] of feature
    columns[i]. A (row, column) pair appears once."""

    weight: float
    rows: np.ndarray
    columns: np.ndarray
    values: np.ndarray


def block_features(weight, triples):
    """BlockFeatures from (row, feature, amount) triples; features may be any hashable.
    The same (row, feature) twice keeps the larger amount."""
    best = {}
    for row, feature, amount in triples:
        if amount > best.get((row, feature), 0):
            best[(row, feature)] = amount
    columns = {}
    for _row, feature in best:
        columns.setdefault(feature, len(columns))
    return BlockFeatures(
        weight,
        np.fromiter((row for row, _ in best), dtype=np.int64, count=len(best)),
        np.fromiter((columns[feature] for _, feature in best), dtype=np.int64, count=len(best)),
        np.fromiter(best.values(), dtype=np.float64, count=len(best)),
    )


def unique_block_features(weight, rows, features, amounts):
    """BlockFeatures from arrays whose (row, feature) pairs are unique already (features
    are integers, e.g. primary keys); amounts of 0 are left out."""
    kept = amounts > 0
    _, columns = np.unique(features[kept], return_inverse=True)
    return BlockFeatures(weight, rows[kept], columns.astype(np.int64), amounts[kept])


def totals(block, count):
    """Σ_f x_p(f) of each of `count` profiles."""
    return np.bincount(block.rows, weights=block.values, minlength=count)


def thermometer(block, count):
    """The block as a (count × features·k) matrix whose row products are Σ min."""
    if not len(block.values):
        return sparse.csr_matrix((count, 0), dtype=np.float32)
    thresholds = np.unique(block.values)
    steps = np.sqrt(np.diff(thresholds, prepend=0.0))
    reached = np.searchsorted(thresholds, block.values, side="right")  # thresholds ≤ x
    starts = np.cumsum(reached) - reached
    within = np.arange(reached.sum()) - np.repeat(starts, reached)
    rows = np.repeat(block.rows, reached)
    columns = np.repeat(block.columns * len(thresholds), reached) + within
    width = (int(block.columns.max()) + 1) * len(thresholds)
    return sparse.csr_matrix(
        (steps[within].astype(np.float32), (rows, columns)), shape=(count, width)
    )


class _Block:
    """A block ready to multiply: its weighted similarity to all rows is added to a chunk
    of rows at a time. A dense block goes through BLAS and whole arrays; a sparse one
    only touches the pairs that share a feature."""

    def __init__(self, block, count):
        matrix = thermometer(block, count)
        self.weight = np.float32(block.weight)
        self.sums = totals(block, count).astype(np.float32)
        width = matrix.shape[1]
        self.dense = width <= DENSE_MAX_COLUMNS and matrix.nnz > DENSE_SHARE * count * width
        if self.dense:
            self.left = matrix.toarray()
            self.right = np.ascontiguousarray(self.left.T)
        else:
            self.left = matrix
            self.right = matrix.T.tocsr()

    def add_to(self, weighted, start, stop):
        """weighted[i, j] += W · s(start + i, j) for the rows [start, stop)."""
        if self.dense:
            shared = self.left[start:stop] @ self.right
            union = np.add.outer(self.sums[start:stop], self.sums)
            union -= shared
            np.maximum(union, np.float32(1e-12), out=union)  # 0 only where shared is 0
            shared /= union
            shared *= self.weight
            weighted += shared
            return
        shared = (self.left[start:stop] @ self.right).tocoo()
        rows, columns = shared.row, shared.col
        union = self.sums[start + rows] + self.sums[columns] - shared.data
        weighted[rows, columns] += self.weight * shared.data / union


def similar(blocks, count, keep):
    """For each of `count` profiles, its `keep` most similar others with a similarity
    above 0: (indices, scores), each a list per profile, best first; ties go to the lower
    index. `blocks` is a list of BlockFeatures.

    BLAS runs on one thread: the products are small and many, and OpenBLAS's threads cost
    more in handing work over than they save (3,000 profiles: 1.6 s against 0.6 s, on two
    cores)."""
    with threadpool_limits(limits=1, user_api="blas"):
        return _similar(blocks, count, keep)


def _similar(blocks, count, keep):
    prepared = [_Block(block, count) for block in blocks]
    presence = np.stack([block.sums > 0 for block in prepared], axis=1).astype(np.float32)
    weights = np.array([block.weight for block in prepared], dtype=np.float32)
    stated_by = presence * weights  # Σ_b W_b [p states b][q states b] = stated_by @ presence.T
    indices, scores = [], []
    for start in range(0, count, CHUNK_ROWS):
        stop = min(start + CHUNK_ROWS, count)
        weighted = np.zeros((stop - start, count), dtype=np.float32)
        for block in prepared:
            block.add_to(weighted, start, stop)
        stated = stated_by[start:stop] @ presence.T
        np.maximum(stated, np.float32(1e-12), out=stated)
        weighted /= stated
        found, found_scores = _best(weighted, start, keep)
        indices += found
        scores += found_scores
    return indices, scores


def _best(chunk, start, keep):
    """Per row of a chunk starting at row `start`, the `keep` highest positive scores but
    the row's own, ties to the lower index. Scores are rounded to SCORE_DECIMALS first:
    what float32 arithmetic leaves in the last digits differs between machines."""
    rows, count = chunk.shape
    chunk[np.arange(rows), np.arange(start, start + rows)] = -1.0  # not itself
    candidates = min(keep + TIE_MARGIN, count)
    top = np.argpartition(-chunk, candidates - 1, axis=1)[:, :candidates]
    top_scores = np.round(np.take_along_axis(chunk, top, axis=1).astype(np.float64), SCORE_DECIMALS)
    order = np.lexsort((top, -top_scores), axis=1)[:, :keep]
    top = np.take_along_axis(top, order, axis=1).tolist()
    top_scores = np.take_along_axis(top_scores, order, axis=1).tolist()
    indices, scores = [], []
    for row_top, row_scores in zip(top, top_scores, strict=True):
        kept = [i for i, score in enumerate(row_scores) if score > 0]
        indices.append([row_top[i] for i in kept])
        scores.append([row_scores[i] for i in kept])
    return indices, scores
