"""Property-based tests: odd paths, query strings and headers never give a 500.

Every error page comes in the visitor's language with the site's template.
Hypothesis generates the input; the Django test client re-raises any exception
a view lets through, so a would-be 500 fails with its traceback.
"""

from urllib.parse import quote, quote_from_bytes

from django.test import Client

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

pytestmark = pytest.mark.django_db

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
ERROR_HEADINGS = {
    400: {"en": "Bad request", "es": "Solicitud no válida"},
    403: {"en": "Access denied", "es": "Acceso denegado"},
    404: {"en": "Page not found", "es": "Página no encontrada"},
}

# What a WSGI server hands Django: header values are bytes decoded as latin-1.
header_values = st.binary(max_size=300).map(lambda raw: raw.decode("latin-1"))
# Path segments: any text (NUL, slashes, RTL marks …) or raw invalid UTF-8.
segments = st.one_of(
    st.text(max_size=40).map(lambda text: quote(text, safe="")),
    st.binary(max_size=40).map(lambda raw: quote_from_bytes(raw, safe="")),
    st.sampled_from(
        ["..", ".", "%2e%2e", "%00", "%ff", "%c0%af", "~", ";x=1", "inicio", "-"]
        + ["2015-09-28", "2015-02-30", "9999-12-31", "0001-01-01", "calendar.ics"]
        + ["rss", "atom", "day", "dia", "canal", "calendario.ics"]
    ),
)
paths = st.builds(
    lambda prefix, parts, slash: prefix + "/".join(parts) + ("/" if slash else ""),
    st.sampled_from(
        [
            "/",
            "/en/",
            "/es/",
            "/es/acerca/",
            "/en/showcase/",
            "/es/muestra/bicicletas/",
            "/en/programme/",
            "/es/programa/dia/",
            "/en/programme/apertura/",
            "/en/press/day/",
            "/es/prensa/canal/",
            "/en/venues/palace/",
            "/es/fotos/apertura/",
            "/en/search/",
            "/documents/",
            "/media/",
            "/sitemap.xml/",
        ]
    ),
    st.lists(segments, max_size=4),
    st.booleans(),
)
query_strings = st.one_of(
    st.binary(max_size=200).map(lambda raw: quote_from_bytes(raw, safe="=&")),
    st.dictionaries(st.text(max_size=20), st.text(max_size=60), max_size=4).map(
        lambda pairs: "&".join(f"{quote(k)}={quote(v)}" for k, v in pairs.items())
    ),
    st.sampled_from(
        [
            "page=-1",
            "page=99999999999999999999",
            "p=%00",
            "q=%ff%fe",
            "q=%00",
            "q=" + "a" * 5000,
            "theme=%00",
            "theme[]=x",
            "q=ciudad&page=0",
        ]
    ),
)
# The filters and pagination the pages read, with any Unicode value: digits of
# every script and form ("²", "١٢", "①", "🄁") weighted in.
unicode_digits = st.text(
    alphabet=st.characters(categories=("Nd", "No", "Nl")), min_size=1, max_size=4
)
known_parameters = st.builds(
    lambda name, value: f"{name}={quote(value)}",
    st.sampled_from(["venue", "day", "type", "page", "theme", "q", "lang"]),
    st.one_of(st.text(max_size=12), unicode_digits, unicode_digits.map("1".__add__)),
)
query_strings = st.one_of(query_strings, known_parameters)
cookies = st.one_of(
    header_values,
    st.builds(
        lambda session, language, csrf: (
            f"sessionid={session}; django_language={language}; csrftoken={csrf}"
        ),
        st.text(max_size=100).map(lambda text: quote(text, safe="")),
        header_values,
        header_values,
    ),
    # A huge cookie, as a broken tracker or a hostile client sends it.
    st.integers(4_000, 60_000).map(lambda n: "big=" + "x" * n),
    st.just("sessionid=abcdefgh\x00ijkl"),
)


@pytest.fixture
def site(every_page_type):
    return every_page_type["HomePage"]


def expected_language(path, accept_language):
    if path.startswith("/es/"):
        return "es"
    if path.startswith("/en/"):
        return "en"
    return None


def assert_friendly(response, path, accept_language=""):
    assert response.status_code < 500, (path, response.status_code)
    if response.status_code not in ERROR_HEADINGS:
        return
    page = BeautifulSoup(response.content, "html.parser")
    language = page.html["lang"]
    assert language in {"en", "es"}
    wanted = expected_language(path, accept_language)
    if wanted:
        assert language == wanted, path
    assert (
        page.h1.get_text(strip=True) == ERROR_HEADINGS[response.status_code][language]
    )
    # The site's own chrome: header with the language switcher, and footer.
    assert page.select_one("header.site-header") is not None
    assert page.select_one("footer") is not None


@PROPERTY
@given(path=paths)
def test_any_path_is_answered_without_a_server_error(site, path):
    response = Client().get(path)
    assert_friendly(response, path)


@PROPERTY
@given(
    path=st.sampled_from(
        [
            "/en/",
            "/es/acerca/",
            "/",
            "/en/showcase/",
            "/es/muestra/",
            "/en/search/",
            "/es/buscar/",
            "/sitemap.xml",
            "/en/programme/",
            "/es/programa/",
            "/es/programa/dia/2015-09-29/",
            "/es/prensa/",
            "/en/press/feed/rss/",
            "/en/venues/",
            "/es/fotos/apertura/",
        ]
    ),
    query=query_strings,
)
def test_any_query_string_is_answered_without_a_server_error(site, path, query):
    response = Client().get(f"{path}?{query}")
    assert_friendly(response, path)


@PROPERTY
@given(
    path=st.sampled_from(
        ["/", "/en/", "/es/acerca/", "/es/nada/", "/admin/login/", "/en/programme/"]
    ),
    accept_language=st.one_of(
        header_values,
        st.sampled_from(["es-MX,es;q=0.9", "*", "es;q=abc", "en-" + "x" * 600]),
    ),
    cookie=cookies,
    referer=header_values,
    forwarded=header_values,
)
def test_any_headers_are_answered_without_a_server_error(
    site, path, accept_language, cookie, referer, forwarded
):
    response = Client().get(
        path,
        HTTP_ACCEPT_LANGUAGE=accept_language,
        HTTP_COOKIE=cookie,
        HTTP_REFERER=referer,
        HTTP_X_FORWARDED_FOR=forwarded,
        HTTP_USER_AGENT=referer,
    )
    assert_friendly(response, path, accept_language)


@PROPERTY
@given(host=header_values)
def test_any_host_header_gets_a_friendly_answer(site, settings, host):
    settings.ALLOWED_HOSTS = ["iclc2015.example.org"]
    response = Client().get("/es/nada/", HTTP_HOST=host)
    assert_friendly(response, "/es/nada/")


@pytest.mark.parametrize(
    ("language", "heading"), [("en", "Bad request"), ("es", "Solicitud no válida")]
)
def test_disallowed_host_gets_the_bad_request_page_in_the_visitors_language(
    site, settings, language, heading
):
    settings.ALLOWED_HOSTS = ["iclc2015.example.org"]
    response = Client().get(f"/{language}/", HTTP_HOST="evil.example.com")
    assert response.status_code == 400
    page = BeautifulSoup(response.content, "html.parser")
    assert page.html["lang"] == language
    assert page.h1.get_text(strip=True) == heading
    assert "evil.example.com" not in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/es/acerca/%00/",
        "/en/%ff%fe/",
        "/es/%c0%af/",
        "/en/" + "a" * 3000 + "/",
        "/en/press/day/9999-12-31/",
        "/en/press/day/0001-01-01/",
        "/es/prensa/dia/2015-02-30/",
        "/en/programme/day/9999-12-31/",
        "/en/programme/day/0000-00-00/calendar.ics",
    ],
)
def test_known_odd_paths_are_not_found_in_the_right_language(site, client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert_friendly(response, path)


@pytest.mark.parametrize("path", ["//x[/", "//evil.example.com/page/"])
def test_paths_that_look_like_a_host_keep_the_language_links_on_the_site(site, path):
    # The test client cannot send such a path; the WSGI environ can.
    response = Client().generic("GET", "/", PATH_INFO=path)
    assert response.status_code == 404
    assert_friendly(response, "/")
    page = BeautifulSoup(response.content, "html.parser")
    links = [a["href"] for a in page.select(".language-switcher a[href]")]
    assert links
    assert all(href.startswith("/") and not href.startswith("//") for href in links)
    alternates = [link["href"] for link in page.select("link[hreflang]")]
    assert all(href.startswith("http://testserver/") for href in alternates)


def test_forged_session_cookie_is_ignored(site, client):
    client.cookies["sessionid"] = "abcdefgh\x00ijkl"
    response = client.get("/es/")
    assert response.status_code == 200


@pytest.mark.parametrize("venue", ["²", "¹²", "①", "⁰", "₁", "🄁", "1²", "١٢"])
@pytest.mark.parametrize(
    "path", ["/en/programme/", "/es/programa/", "/en/programme/day/2015-09-28/"]
)
def test_programme_filters_with_unicode_digits_are_ignored(site, path, venue):
    response = Client().get(path, {"venue": venue})
    assert response.status_code == 200
