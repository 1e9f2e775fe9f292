"""Compute and store what careers derives from the catalogue: each profile's most similar
profiles and its competence totals.

    recompute_careers()      # all profiles, inside the caller's transaction

The import (profiles/importer.py) and the Occupation admin call it after they write, in
their transaction; `manage.py recompute_careers` runs it by hand, after any other change
to what profiles require (a shell edit of a level, a competence moved to another
category in the admin).
"""

import logging
import time
from dataclasses import dataclass

import numpy as np
from django.db import transaction
from django.db.models.functions import Coalesce

from careers import features as f
from careers.models import RequirementTotals, SimilarOccupation
from careers.selectors import SIMILAR_STORED
from careers.similarity import block_features, similar, totals, unique_block_features
from competences.models import OccupationCompetence
from nsp import vocabulary as vocab
from occupations.models import EducationField, Occupation, OccupationEducation, OccupationIsco
from portal.bulk import insert_rows
from portal.models import DataVersion

logger = logging.getLogger(__name__)


@dataclass
class Catalogue:
    """Every profile's features, block by block, in NSP id order."""

    pks: list
    blocks: dict  # block key -> BlockFeatures


def load_catalogue():
    """Read what the similarity compares, a few queries for the whole catalogue."""
    occupations = list(Occupation.objects.order_by("nsp_id").values_list("pk", "field", "subfield"))
    pks = [pk for pk, _field, _subfield in occupations]
    row = {pk: index for index, pk in enumerate(pks)}
    blocks = {}
    for key, categories in _categories_by_block().items():
        links = np.array(
            OccupationCompetence.objects.filter(category__in=categories)
            .values_list("occupation", "competence", "level", Coalesce("suitability", 0))
            .order_by(),
            dtype=np.int64,
        ).reshape(-1, 4)
        rows = np.array([row[pk] for pk in links[:, 0].tolist()], dtype=np.int64)
        amounts = links[:, 2] * np.where(
            links[:, 3] == vocab.SUITABLE_COMPETENCE, f.SUITABLE_SHARE, 1.0
        )
        blocks[key] = unique_block_features(f.BLOCK_BY_KEY[key].weight, rows, links[:, 1], amounts)
    triples = {"field": [], "subfield": [], "education": [], "isco": []}
    for index, (_pk, field, subfield) in enumerate(occupations):
        triples["field"].append((index, field, 1.0 if field else 0.0))
        triples["subfield"].append((index, subfield, 1.0 if subfield else 0.0))
    codes = dict(EducationField.objects.values_list("pk", "code"))
    education = {}  # (field, tier) -> features: a few hundred fields for thousands of links
    for occupation, field, tier in OccupationEducation.objects.values_list(
        "occupation", "field", "tier"
    ):
        if (field, tier) not in education:
            education[(field, tier)] = f.education_features(codes[field], tier).items()
        for feature, amount in education[(field, tier)]:
            triples["education"].append((row[occupation], feature, amount))
    for occupation, code in OccupationIsco.objects.values_list("occupation", "group__code"):
        for feature, amount in f.isco_features(code).items():
            triples["isco"].append((row[occupation], feature, amount))
    for key, block_triples in triples.items():
        blocks[key] = block_features(f.BLOCK_BY_KEY[key].weight, block_triples)
    return Catalogue(pks, {block.key: blocks[block.key] for block in f.BLOCKS})


def _categories_by_block():
    categories = {}
    for category, key in f.COMPETENCE_BLOCKS.items():
        categories.setdefault(key, []).append(category)
    return categories


def compute(catalogue, keep=SIMILAR_STORED):
    """The rows to store: (similar rows, totals rows), as tuples for insert_rows()."""
    pks, count = catalogue.pks, len(catalogue.pks)
    indices, scores = similar(list(catalogue.blocks.values()), count, keep)
    similar_rows = [
        (pks[index], pks[other], rank, score)
        for index in range(count)
        for rank, (other, score) in enumerate(zip(indices[index], scores[index], strict=True), 1)
    ]
    sums = {key: totals(catalogue.blocks[key], count) for key in f.MATCH_BLOCK_KEYS}
    totals_rows = [
        (pk, *(float(sums[key][index]) for key in f.MATCH_BLOCK_KEYS))
        for index, pk in enumerate(pks)
    ]
    return similar_rows, totals_rows


SIMILAR_COLUMNS = ("occupation", "other", "rank", "score")
TOTALS_COLUMNS = ("occupation", *f.MATCH_BLOCK_KEYS)


def recompute_careers():
    """Replace the stored similarities and totals with those of the catalogue now."""
    started = time.perf_counter()
    with transaction.atomic():
        similar_rows, totals_rows = compute(load_catalogue())
        SimilarOccupation.objects.all().delete()
        RequirementTotals.objects.all().delete()
        insert_rows(SimilarOccupation, SIMILAR_COLUMNS, similar_rows)
        insert_rows(RequirementTotals, TOTALS_COLUMNS, totals_rows)
        DataVersion.bump()
    logger.info(
        "careers: %s profiles, %s similar rows in %.2f s",
        len(totals_rows),
        len(similar_rows),
        time.perf_counter() - started,
    )
    return len(totals_rows)


def stored_rows():
    """What is stored now, in the shape compute() gives."""
    similar_rows = list(
        SimilarOccupation.objects.order_by("occupation__nsp_id", "rank").values_list(
            *SIMILAR_COLUMNS
        )
    )
    totals_rows = list(
        RequirementTotals.objects.order_by("occupation__nsp_id").values_list(*TOTALS_COLUMNS)
    )
    return similar_rows, totals_rows
