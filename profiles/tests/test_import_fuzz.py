"""Whatever the parser accepts, the database stores: no constraint is left for the import
to trip over (each rule is checked by the parser first, with a line number)."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings

from nsp.parser import ParseError, parse_profile
from nsp.tests.test_parser_fuzz import mutated_lines
from occupations.models import Occupation
from profiles.documents import profile_documents
from profiles.importer import ImportFailed, import_profiles, parse_sources


@pytest.mark.django_db
@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=mutated_lines())
def test_every_document_the_parser_accepts_imports(text):
    data = text.encode("utf-8", errors="surrogatepass")
    try:
        parse_profile(data)
    except ParseError:
        return
    try:
        profiles = parse_sources([("mutated.txt", data)])
    except ImportFailed:  # a value longer than its column: refused before writing
        return
    with transaction.atomic():
        import_profiles(profiles)
        document = profiles[0].document
        [stored] = profile_documents(Occupation.objects.filter(nsp_id=document["nsp_id"])).values()
        assert stored["title"] == document["title"]
        assert stored["competences"] == document["competences"]
        transaction.set_rollback(True)
