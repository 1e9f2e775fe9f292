"""Whatever a visitor or a bot sends, no public page or API endpoint answers 500."""

from urllib.parse import quote, urlencode

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

URLS = [
    "/",
    "/povolani/",
    "/povolani/reditel-zakaznickych-sluzeb/",
    "/povolani/102742/",
    "/kompetence/",
    "/kompetence/mekke/2.1/",
    "/kompetence/4.4/",
    "/isco/1221/",
    "/porovnani/",
    "/mzdy/",
    "/o-datech/",
    "/api/v1/occupations/",
    "/api/v1/occupations/103332/",
    "/api/v1/schema.json",
]
KNOWN_PARAMETERS = [
    "q", "obor", "podobor", "druh", "kvalifikace", "vzdelani", "isco", "kompetence",
    "zatez_max", "bez_faktoru", "bez_omezeni", "kraj", "sfera", "mzda_od", "razeni",
    "strana", "id", "hledat", "povolani", "format", "kategorie", "porovnat",
]  # fmt: skip
ALLOWED = {200, 301, 302, 400, 404}

odd_values = st.one_of(
    st.text(max_size=40),
    st.text(min_size=300, max_size=3000),
    st.integers().map(str),
    st.integers(min_value=10**18, max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        ["", "-1", "0", "1e999", "NaN", "%", "_", "' OR 1=1 --", "<script>", "ⅩⅡ", "٣", "²", "🙂",
         "praha", "public", "business", "mzda-sestupne", "csv", "102742", "103332", "4.4"]
    ),
)  # fmt: skip
parameters = st.lists(
    st.tuples(st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.text(max_size=10)), odd_values),
    max_size=6,
)
HYPOTHESIS = settings(
    max_examples=250,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@HYPOTHESIS
@given(url=st.sampled_from(URLS), params=parameters)
def test_garbage_in_any_query_parameter_never_breaks_a_page(client, seeds, url, params):
    response = client.get(f"{url}?{urlencode(params)}" if params else url)
    assert response.status_code in ALLOWED, (url, params, response.status_code)


@HYPOTHESIS
@given(
    prefix=st.sampled_from(["/povolani/", "/kompetence/", "/kompetence/mekke/", "/isco/",
                            "/api/v1/occupations/", "/en/povolani/"]),
    segment=st.text(min_size=1, max_size=200),
)  # fmt: skip
def test_garbage_in_the_path_is_a_404_at_worst(client, seeds, prefix, segment):
    response = client.get(prefix + quote(segment, safe="") + "/")
    assert response.status_code in ALLOWED, (prefix, segment, response.status_code)


HUGE = "9" * 30


@pytest.mark.parametrize(
    "url",
    [
        f"/povolani/?podobor={HUGE}",
        f"/povolani/?kvalifikace={HUGE}",
        f"/povolani/?bez_faktoru={HUGE}",
        f"/povolani/?bez_omezeni={HUGE}&bez_omezeni=1",
        f"/povolani/?strana={HUGE}",
        f"/povolani/{HUGE}/",
        f"/api/v1/occupations/{HUGE}/",
        f"/api/v1/occupations/?podobor={HUGE}",
        f"/porovnani/?id={HUGE}&id=1",
        f"/mzdy/?povolani={HUGE}",
    ],
)
def test_numbers_too_big_for_the_database_are_not_a_500(client, seeds, url):
    assert client.get(url).status_code in ALLOWED


# str.isdigit() accepts these, int() does not.
@pytest.mark.parametrize(
    "url",
    [
        "/porovnani/?id=%C2%B2&id=102742",
        "/porovnani/?id=%C2%B2&id=102742&format=csv",
        "/povolani/?porovnat=%C2%B2",
        "/povolani/reditel-zakaznickych-sluzeb/?porovnat=%C2%B2",
        "/mzdy/?povolani=%C2%B2",
        "/povolani/?isco=%C2%B2",
    ],
)
def test_digits_that_are_not_ascii_are_not_a_500(client, seeds, url):
    assert client.get(url).status_code in ALLOWED
