"""Rebuild the profile document (nsp-profile.schema.json) of stored occupations.

The JSON API returns it and the importer compares it with freshly parsed files, so
parse -> import -> document gives back what the parser produced. Built from plain rows
(`values_list` with joins): one query per section, the same for one profile or for
thousands, and no model instances, which is what makes comparing a whole export cheap.
"""

import json
from collections import defaultdict

from nsp.parser import SCHEMA_PATH
from occupations.models import Occupation
from profiles.sections import SECTIONS

# The document's keys in the schema's order, the order the API gives them in.
DOCUMENT_KEYS = tuple(json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))["properties"])


def _grouped(queryset, fields):
    """{occupation id: [row without the id]} in the queryset's order; a row of one field is
    its bare value."""
    rows = defaultdict(list)
    for occupation_id, *values in queryset.values_list("occupation_id", *fields):
        rows[occupation_id].append(values[0] if len(values) == 1 else values)
    return rows


def profile_documents(occupations):
    """{occupation pk: document} for a queryset of occupations."""
    ids = occupations.values("pk")
    own = occupations.values_list(
        "pk", "nsp_id", "kind", "title", "description", "field__name", "subfield__name",
        "parent_name", "regulated",
    )  # fmt: skip
    documents = {
        pk: {
            "nsp_id": nsp_id,
            "kind": kind,
            "title": title,
            "description": description,
            "field": field,
            "subfield": subfield,
            "parent": parent or None,
            "regulated": regulated,
        }
        for pk, nsp_id, kind, title, description, field, subfield, parent, regulated in own
    }
    for section in SECTIONS:
        rows = _grouped(
            section.model.objects.filter(occupation_id__in=ids).order_by(*section.order),
            section.read_fields,
        )
        values = section.read_all(rows)
        for pk, document in documents.items():
            document.update(values[pk] if pk in values else section.empty())
    return {pk: {key: document[key] for key in DOCUMENT_KEYS} for pk, document in documents.items()}


def profile_document(nsp_id):
    """The document of the profile with this NSP id, or None."""
    documents = profile_documents(Occupation.objects.filter(nsp_id=nsp_id))
    return next(iter(documents.values()), None)
