"""The cards of career moves, a Jinja2 fragment (careers/jinja2/careers/moves.html) inside
Django pages: translated, escaped, carrying the collected profiles, and loud about a
variable it was not given.

From the seed texts: the director (103332) has a national business median of 74 546 Kč,
the specialization (102742) 37 027 Kč; the director needs h13._.0024 at 7, the
specialization has it at 4."""

import jinja2
import pytest
from django.template import engines
from django.test import RequestFactory

from careers.selectors import competences_of, similar_moves
from occupations.models import Occupation

pytestmark = pytest.mark.django_db

SPECIALIZATION = "/povolani/pracovnik-distancniho-zakaznickeho-servisu/"
DIRECTOR = "/povolani/reditel-zakaznickych-sluzeb/"
NBSP = "\xa0"


def text(response):
    return response.content.decode()


def test_the_card_speaks_the_pages_language(client, seeds):
    page = text(client.get("/en" + SPECIALIZATION))

    assert '<a href="/en/povolani/reditel-zakaznickych-sluzeb/" lang="cs">' in page
    assert f"Median wage (whole Czech Republic, business sphere): 74,546{NBSP}CZK" in page
    assert (
        f"<strong>+37,519{NBSP}CZK</strong> compared with "
        '<span lang="cs">Pracovník distančního zákaznického servisu</span>'
    ) in page
    assert "level 7 needed, now 4" in page  # h13._.0024
    assert "Add to comparison" in page


def test_titles_are_escaped_in_the_card_and_in_its_translated_sentence(client, seeds):
    Occupation.objects.filter(nsp_id=102742).update(title="Pracovník <b>servisu</b>")
    Occupation.objects.filter(nsp_id=103332).update(title="Ředitel & <i>spol.</i>")

    director = text(client.get(DIRECTOR))
    specialization = text(client.get(SPECIALIZATION))

    assert 'lang="cs">Pracovník &lt;b&gt;servisu&lt;/b&gt;</a></h3>' in director
    assert (
        'proti povolání <span lang="cs">Ředitel &amp; &lt;i&gt;spol.&lt;/i&gt;</span>'
    ) in director
    assert "<b>servisu</b>" not in director and "<i>spol.</i>" not in specialization


def test_the_card_carries_the_collected_profiles(client, seeds):
    page = text(client.get(SPECIALIZATION + "?porovnat=103332"))

    assert 'href="/povolani/reditel-zakaznickych-sluzeb/?porovnat=103332" lang="cs"' in page
    card = page[page.index('<article class="card move">') :]
    assert "Odebrat z porovnání" in card[: card.index("</article>")]


def test_a_variable_not_given_to_the_fragment_is_an_error(seeds):
    page = engines["django"].from_string(
        '{% load jinja %}{% jinja_include "careers/moves.html" moves=moves compared_with=it %}'
    )
    occupation = Occupation.objects.prefetch_related("competence_links__competence").get(
        nsp_id=103332
    )
    moves = similar_moves(occupation, competences_of(occupation))
    assert moves  # the specialization

    with pytest.raises(jinja2.UndefinedError, match="'place' is undefined"):
        page.render({"moves": moves, "it": occupation}, RequestFactory().get("/"))
