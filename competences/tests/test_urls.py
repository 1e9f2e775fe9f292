"""competence_url() builds addresses without reverse() per call: it must give what
reverse() gives, in both languages, for every code the `str` converter takes."""

import pytest
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from competences.models import CATEGORY_SLUGS, Category, competence_url

CODES = [
    "h13._.0024",
    "A.1",
    "kód s mezerou",
    "50%+&=?#",
    "tilde~colon:at@",
]


@pytest.mark.parametrize("language", ["cs", "en"])
@pytest.mark.parametrize("code", CODES)
def test_competence_url_is_what_reverse_gives(language, code):
    with translation.override(language):
        for category in Category:
            expected = reverse("competences:detail", args=[CATEGORY_SLUGS[category], code])
            assert competence_url(category, code) == expected


def test_competence_url_follows_the_language():
    with translation.override("cs"):
        czech = competence_url(Category.SOFT, "A.1")
    with translation.override("en"):
        english = competence_url(Category.SOFT, "A.1")
    assert czech == "/kompetence/mekke/A.1/"
    assert english == "/en/kompetence/mekke/A.1/"


def test_a_code_reverse_refuses_is_refused_alike():
    for code in ("a/b", ""):
        with pytest.raises(NoReverseMatch):
            reverse("competences:detail", args=["mekke", code])
        with pytest.raises(NoReverseMatch):
            competence_url(Category.SOFT, code)
