"""The section declarations cover the whole profile: every part model has one, and every
list of the document is some section's."""

from django.apps import apps

from occupations.models import OccupationPart
from profiles.admin import OccupationAdmin
from profiles.documents import DOCUMENT_KEYS
from profiles.sections import SECTIONS

# The document's keys that the occupation's own row stores.
OWN_KEYS = {"nsp_id", "kind", "title", "description", "field", "subfield", "parent", "regulated"}


def test_every_part_model_is_declared_as_one_section():
    parts = {model for model in apps.get_models() if issubclass(model, OccupationPart)}
    declared = [section.model for section in SECTIONS]
    assert sorted(declared, key=str) == sorted(parts, key=str)


def test_the_sections_fill_every_list_of_the_document():
    filled = {key for section in SECTIONS for key in section.empty()}
    assert filled | OWN_KEYS == set(DOCUMENT_KEYS)
    assert not filled & OWN_KEYS


def test_the_admin_shows_one_inline_per_section_in_their_order():
    assert [inline.model for inline in OccupationAdmin.inlines] == [s.model for s in SECTIONS]
