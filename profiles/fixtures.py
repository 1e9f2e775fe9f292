"""The Django fixture built from the NSP texts in fixtures/nsp/.

It is what `import_nsp fixtures/nsp` writes into an empty catalogue, serialized with
natural keys so that it loads into any database (`make run` loads it).
"""

import json
from pathlib import Path

from django.conf import settings
from django.core import serializers
from django.db import transaction

from occupations import models as m
from profiles.importer import import_profiles, parse_paths
from profiles.sections import CATALOGUES, SECTIONS
from wages.models import WageFigure

TEXTS_DIR = Path(settings.BASE_DIR) / "fixtures" / "nsp"
FIXTURE_PATH = Path(settings.BASE_DIR) / "fixtures" / "nsp.json"

# Shared rows before the rows that refer to them.
CATALOGUE_MODELS = (m.Field, m.Subfield, *(catalogue.model for catalogue in CATALOGUES))
MODELS = (
    *CATALOGUE_MODELS,
    WageFigure,
    m.Occupation,
    *(section.model for section in SECTIONS),
)


def clear_catalogue():
    """Delete every profile and every shared row an import creates (not the regions)."""
    m.Occupation.objects.all().delete()
    for model in reversed(CATALOGUE_MODELS):
        model.objects.all().delete()


def build_fixture(texts_dir=TEXTS_DIR):
    """Return the fixture JSON for the texts in `texts_dir`; the database is unchanged."""
    with transaction.atomic():
        clear_catalogue()
        import_profiles(parse_paths([texts_dir]))
        objects = [obj for model in MODELS for obj in model.objects.order_by("pk")]
        records = serializers.serialize(
            "python", objects, use_natural_foreign_keys=True, use_natural_primary_keys=True
        )
        transaction.set_rollback(True)
    for record in records:
        # The time of the build is not a fact of the texts; loaddata stamps its own.
        record["fields"].pop("updated_at", None)
    return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
