"""Whatever a visitor or a bot sends, no public page or API endpoint answers 500.

The addresses come from the URL patterns: every public route, in both languages, with
the seed profiles' real ids, slugs and codes. A new route without an example here fails
test collection (reverse() cannot build it)."""

from urllib.parse import quote, urlencode

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

# Route parameters, read from the seed texts: 102742 (CZ-ISCO 4222) and 103332
# (CZ-ISCO 1221); 4.4 and 2.1 are soft competences of both, h13._.0024 a skill of 102742.
EXAMPLES = {
    "occupations:by-nsp-id": [{"nsp_id": 102742}],
    "occupations:detail": [
        {"slug": "pracovnik-distancniho-zakaznickeho-servisu"},
        {"slug": "reditel-zakaznickych-sluzeb"},
    ],
    "occupations:isco": [{"code": "4222"}, {"code": "1221"}],
    "competences:by-code": [{"code": "4.4"}],
    "competences:detail": [
        {"category": "mekke", "code": "2.1"},
        {"category": "odborne-znalosti", "code": "h13._.0024"},
    ],
    "api:occupation": [{"nsp_id": 103332}],
    "careers:similar": [{"slug": "pracovnik-distancniho-zakaznickeho-servisu"}],
    "api:similar": [{"nsp_id": 102742}],
    "sitemap-section": [{"section": "pages"}, {"section": "occupations"}],
}
NOT_PUBLIC = {"admin"}  # namespaces
API_CATCH_ALL = "/api/v1/nothing/"  # the API's one unnamed route


def route_names(patterns, namespace=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace not in NOT_PUBLIC:
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from route_names(pattern.url_patterns, inner)
        elif pattern.name:
            yield namespace + pattern.name


def public_urls():
    urls = {API_CATCH_ALL}
    for name in route_names(get_resolver().url_patterns):
        for kwargs in EXAMPLES.get(name, [{}]):
            for language in ("cs", "en"):
                with translation.override(language):
                    urls.add(reverse(name, kwargs=kwargs))
    return sorted(urls)


URLS = public_urls()
KNOWN_PARAMETERS = [
    "q", "obor", "podobor", "druh", "kvalifikace", "vzdelani", "isco", "kompetence",
    "zatez_max", "bez_faktoru", "bez_omezeni", "kraj", "sfera", "mzda_od", "razeni",
    "strana", "id", "hledat", "povolani", "format", "kategorie", "porovnat", "p",
]  # fmt: skip
ALLOWED = {200, 301, 302, 400, 404}
TOO_MANY_PARAMETERS = [("x", str(n)) for n in range(1001)]  # Django refuses over 1,000


def test_the_list_has_every_public_route_in_both_languages(client, seeds):
    answers = {url: client.get(url).status_code for url in URLS}

    assert answers.pop(API_CATCH_ALL) == 404
    assert {url for url, status in answers.items() if status not in (200, 301, 302)} == set()
    assert {"/", "/en/", "/en/povolani/reditel-zakaznickych-sluzeb/", "/sitemap.xml"} <= set(URLS)
    assert "/robots.txt" in URLS and "/en/o-datech/" in URLS
    assert len(URLS) >= 35


def test_a_host_we_do_not_serve_is_a_400_everywhere(client, seeds):
    wrong = {}
    for url in URLS:
        client.get(url)  # a stored copy must not be served to it either
        status = client.get(url, headers={"host": "evil.example"}).status_code
        if status != 400:
            wrong[url] = status
    assert wrong == {}


def test_more_than_a_thousand_parameters_is_a_400_everywhere(client, seeds):
    wrong = {}
    for url in URLS:
        status = client.get(f"{url}?{urlencode(TOO_MANY_PARAMETERS)}").status_code
        if status != 400:
            wrong[url] = status
    assert wrong == {}


def test_a_post_is_refused_everywhere(seeds):
    """Without the CSRF token: the site's 403 page, or the API's 405. With a CSRF cookie
    and over 1,000 fields, reading the token fails first: a 400."""
    client = Client(enforce_csrf_checks=True)
    wrong = {}
    for url in URLS:
        refused = 405 if url.startswith("/api/") else 403
        status = client.post(url, {"q": "x"}).status_code
        if status != refused:
            wrong[url] = status
        client.cookies["csrftoken"] = "a" * 32
        status = client.post(
            url, urlencode(TOO_MANY_PARAMETERS), "application/x-www-form-urlencoded"
        ).status_code
        del client.cookies["csrftoken"]
        if status not in (refused, 400):
            wrong[f"{url} (1,001 fields)"] = status
    assert wrong == {}


odd_values = st.one_of(
    st.text(max_size=40),
    st.text(min_size=300, max_size=3000),
    st.integers().map(str),
    st.integers(min_value=10**18, max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(str),
    st.sampled_from(
        ["", "-1", "0", "1e999", "NaN", "%", "_", "' OR 1=1 --", "<script>", "ⅩⅡ", "٣", "²", "🙂",
         "praha", "public", "business", "mzda-sestupne", "csv", "102742", "103332", "4.4",
         "9" * 5000]
    ),
)  # fmt: skip
parameters = st.lists(
    st.tuples(st.one_of(st.sampled_from(KNOWN_PARAMETERS), st.text(max_size=10)), odd_values),
    max_size=12,
)
odd_hosts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(
        ["", "evil.example", "testserver:99999", "testserver:abc", "[::1", "[::1]:80",
         "testserver.", "TESTSERVER", "localhost:8000", "testserver@evil.example",
         "testserver/evil", "a" * 300, "testserver\r\nX-Injected: 1", "povolání.cz"]
    ),
)  # fmt: skip


def hypothesis_settings(examples):
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@hypothesis_settings(200)
@given(url=st.sampled_from(URLS), params=parameters)
def test_garbage_in_any_query_parameter_never_breaks_a_page(client, seeds, url, params):
    response = client.get(f"{url}?{urlencode(params)}" if params else url)
    assert response.status_code in ALLOWED, (url, params, response.status_code)


PARENTS = sorted({url.rstrip("/").rsplit("/", 1)[0] + "/" for url in URLS})


@hypothesis_settings(100)
@given(prefix=st.sampled_from(PARENTS), segment=st.text(min_size=1, max_size=200))
def test_garbage_in_the_path_is_a_404_at_worst(client, seeds, prefix, segment):
    response = client.get(prefix + quote(segment, safe="") + "/")
    assert response.status_code in ALLOWED, (prefix, segment, response.status_code)


@hypothesis_settings(60)
@given(url=st.sampled_from(URLS), host=odd_hosts)
def test_any_host_header_is_served_or_refused_with_a_400(client, seeds, url, host):
    response = client.get(url, headers={"host": host})
    assert response.status_code in ALLOWED, (url, host, response.status_code)


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
