"""A page's canonical address and its language versions: the page itself, page number
included, without what is only being collected for a comparison."""

import pytest

from occupations.models import Occupation

pytestmark = pytest.mark.django_db


@pytest.fixture
def bricklayers(db):
    for number in range(25):  # two pages of 20
        Occupation.objects.create(
            nsp_id=10 + number, kind="occupation", title=f"Zedník {number:02d}"
        )


def test_a_second_page_of_the_list_is_its_own_canonical_page(client, bricklayers):
    html = client.get("/povolani/?q=zednik&strana=2&porovnat=10").content.decode()

    assert "Zedník 24" in html
    assert '<link rel="canonical" href="http://testserver/povolani/?q=zednik&amp;strana=2">' in html
    assert (
        '<link rel="alternate" hreflang="en" '
        'href="http://testserver/en/povolani/?q=zednik&amp;strana=2">' in html
    )
    assert 'href="http://testserver/en/povolani/?q=zednik&amp;strana=2" hreflang="en"' in html
