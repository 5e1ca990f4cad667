"""The full-page cache: who gets cached pages, and that they change with the content."""

import uuid

from django.core.cache import cache
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

import pytest
from bs4 import BeautifulSoup

from iclc import urls as site_urls
from pages.content_generation import GENERATION_KEY, current_generation
from pages.serving.cache import CACHE_HEADER
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def menu(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".site-nav__list a")]


def title_in(page, language):
    return getattr(page, f"title_{language}")


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser(
        username="editor", email="editor@example.org", password="x" * 16
    )


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def anonymous(client):
    from django.test import Client

    return Client()


def test_second_anonymous_visit_is_served_from_the_cache(
    client, home_page, lang, django_assert_num_queries
):
    first = client.get(f"/{lang}/")
    assert first[CACHE_HEADER] == "miss"
    with django_assert_num_queries(0):
        second = client.get(f"/{lang}/")
    assert second[CACHE_HEADER] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


def test_each_language_and_coding_has_its_own_entry(client, home_page):
    english = client.get("/en/", HTTP_ACCEPT_ENCODING="br")
    spanish = client.get("/es/", HTTP_ACCEPT_ENCODING="br")
    assert english[CACHE_HEADER] == spanish[CACHE_HEADER] == "miss"
    assert client.get("/es/")[CACHE_HEADER] == "miss"
    hit = client.get("/es/")
    assert hit[CACHE_HEADER] == "hit"
    assert BeautifulSoup(hit.content, "html.parser").html["lang"] == "es"
    assert "Content-Encoding" not in hit
    assert client.get("/en/", HTTP_ACCEPT_ENCODING="br")[CACHE_HEADER] == "hit"


def test_sitemap_is_cached_per_negotiated_language(client, home_page):
    """Addresses outside /en/ and /es/ vary on Accept-Language: the key holds the
    language Django negotiates, so each is cached once per language."""
    spanish = {"HTTP_ACCEPT_LANGUAGE": "es-MX,es;q=0.9"}
    first = client.get("/sitemap.xml", **spanish)
    assert first[CACHE_HEADER] == "miss"
    assert "Accept-Language" in first["Vary"]
    assert client.get("/sitemap.xml", **spanish)[CACHE_HEADER] == "hit"
    english = client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")
    assert english[CACHE_HEADER] == "miss"
    assert client.get("/sitemap.xml", HTTP_ACCEPT_LANGUAGE="en")[CACHE_HEADER] == "hit"
    # The language redirect at / is never stored: it is not a 200.
    for _visit in range(2):
        redirect = client.get("/", **spanish)
        assert redirect.status_code == 302
        assert redirect["Location"].startswith("/es/")
        assert CACHE_HEADER not in redirect


def test_revisit_with_etag_gets_not_modified(client, home_page):
    first = client.get("/en/")
    again = client.get("/en/", HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again[CACHE_HEADER] == "hit"


def test_editor_never_gets_a_cached_page(client, anonymous, editor, home_page):
    anonymous.get("/en/")
    assert anonymous.get("/en/")[CACHE_HEADER] == "hit"

    client.force_login(editor)
    response = client.get("/en/")
    assert CACHE_HEADER not in response
    assert b"wagtail-userbar" in response.content


def test_editors_view_is_never_stored_for_visitors(editor_client, anonymous, home_page):
    editors_view = editor_client.get("/es/")
    assert b"wagtail-userbar" in editors_view.content

    response = anonymous.get("/es/")
    assert response[CACHE_HEADER] == "miss"
    assert b"wagtail-userbar" not in response.content
    assert anonymous.get("/es/")[CACHE_HEADER] == "hit"


def test_a_draft_preview_never_comes_from_or_goes_to_the_cache(
    editor_client, anonymous, home_page
):
    page = StandardPageFactory(parent=home_page, title_en="Live title")
    page.save_revision().publish()
    url = f"/en/{page.slug_en}/"
    anonymous.get(url)
    assert anonymous.get(url)[CACHE_HEADER] == "hit"

    page.title_en = "Draft title"
    revision = page.save_revision()
    preview = page.make_preview_request(preview_mode="en")
    assert b"Draft title" in preview.content
    assert CACHE_HEADER not in preview
    # The draft saved a revision, nothing live changed: visitors keep the live page.
    assert b"Live title" in anonymous.get(url).content

    revision.publish()
    assert b"Draft title" in anonymous.get(url).content


def set_cookie(request):
    response = HttpResponse("<p>" + "hello " * 100 + "</p>")
    response.set_cookie("visited", "yes")
    return response


def csrf_form(request):
    template = engines["django"].from_string(
        "<form method=post>{% csrf_token %}" + "<p>x</p>" * 50 + "</form>"
    )
    return HttpResponse(template.render({}, request))


def csp_nonce(request):
    template = engines["django"].from_string(
        '<script nonce="{{ request.csp_nonce }}">let x = 1;</script>' + "<p>x</p>" * 50
    )
    return HttpResponse(template.render({}, request))


def private(request):
    response = HttpResponse("<p>" + "secret " * 100 + "</p>")
    response["Cache-Control"] = "private"
    return response


urlpatterns = [
    path("en/test-cookie/", set_cookie),
    path("en/test-csrf/", csrf_form),
    path("en/test-private/", private),
    path("en/test-nonce/", csp_nonce),
    *site_urls.urlpatterns,
]


@pytest.mark.urls(__name__)
@pytest.mark.parametrize(
    "url",
    ["/en/test-cookie/", "/en/test-csrf/", "/en/test-private/", "/en/test-nonce/"],
)
def test_responses_with_cookies_tokens_nonces_or_private_are_never_stored(
    client, db, url
):
    client.get(url)
    again = client.get(url)
    assert again.status_code == 200
    assert CACHE_HEADER not in again
    cookies = client.cookies
    cookies.clear()
    assert CACHE_HEADER not in client.get(url)


def test_admin_and_other_methods_are_not_cached(editor_client, anonymous, home_page):
    editor_client.get("/admin/")
    assert CACHE_HEADER not in editor_client.get("/admin/")
    anonymous.post("/en/")
    assert anonymous.get("/en/")[CACHE_HEADER] == "miss"


@pytest.mark.parametrize("language", ["en", "es"])
def test_publish_and_unpublish_change_the_menu_at_once(anonymous, home_page, language):
    before = anonymous.get(f"/{language}/")
    assert anonymous.get(f"/{language}/")[CACHE_HEADER] == "hit"
    other = "es" if language == "en" else "en"
    anonymous.get(f"/{other}/")

    page = StandardPageFactory(parent=home_page, live=False, show_in_menus=True)
    page.save_revision().publish()
    for code in (language, other):
        shown = anonymous.get(f"/{code}/")
        assert shown[CACHE_HEADER] == "miss"
        assert title_in(page, code) in menu(shown)
    assert menu(before) == []

    page.refresh_from_db()
    page.unpublish()
    for code in (language, other):
        assert title_in(page, code) not in menu(anonymous.get(f"/{code}/"))


def test_move_and_delete_change_every_page_that_shows_the_tree(anonymous, home_page):
    about = StandardPageFactory(parent=home_page, title_en="About")
    child = StandardPageFactory(parent=home_page, title_en="Moving page")
    assert "Moving page" in menu(anonymous.get("/en/"))
    child_url = f"/en/{child.slug_en}/"
    assert anonymous.get(child_url).status_code == 200
    anonymous.get(f"/en/{about.slug_en}/")

    child.move(about, pos="last-child")
    assert "Moving page" not in menu(anonymous.get("/en/"))
    # Wagtail redirects the old address to the new one.
    assert anonymous.get(child_url).status_code == 301
    moved = anonymous.get(f"/en/{about.slug_en}/{child.slug_en}/")
    assert moved.status_code == 200
    assert b"About" in moved.content  # the breadcrumb

    Page.objects.get(pk=about.pk).delete()
    assert "About" not in menu(anonymous.get("/en/"))
    assert anonymous.get(f"/en/{about.slug_en}/").status_code != 200


def test_direct_saves_of_a_page_also_invalidate(anonymous, home_page):
    anonymous.get("/es/")
    home_page.title_es = "Conferencia renovada"
    home_page.save()
    assert b"Conferencia renovada" in anonymous.get("/es/").content


def generation():
    return current_generation()


def test_images_documents_and_sites_invalidate_but_renditions_do_not(
    anonymous, home_page
):
    from wagtail.images.tests.utils import get_test_image_file

    anonymous.get("/en/")
    start = generation()
    image = get_image_model().objects.create(
        title="Zócalo", file=get_test_image_file(), description_es="El Zócalo"
    )
    assert generation() != start

    start = generation()
    image.get_rendition("width-100")
    assert generation() == start

    start = generation()
    get_document_model().objects.create(title="Programme PDF")
    assert generation() != start

    start = generation()
    site = Site.objects.get()
    site.site_name = "ICLC"
    site.save()
    assert generation() != start


def test_logins_and_sessions_do_not_empty_the_cache(client, editor, home_page):
    client.get("/en/")
    start = generation()
    client.login(username="editor", password="x" * 16)
    client.logout()
    assert generation() == start


def test_lost_counter_never_revives_old_entries(anonymous, home_page):
    anonymous.get("/en/")
    old = generation()
    cache.delete(GENERATION_KEY)
    home_page.title_en = "New title"
    home_page.save()
    assert generation() != old
    cache.delete(GENERATION_KEY)
    response = anonymous.get("/en/")
    assert response[CACHE_HEADER] == "miss"
    assert b"New title" in response.content


def footer(response):
    return BeautifulSoup(response.content, "html.parser").select_one("footer").text


def feed_links(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [link["href"] for link in page.select('link[rel="alternate"][type]')]


def test_site_chrome_follows_organisations_and_the_newsroom(
    anonymous, editor_client, home_page, lang
):
    """The footer and feed links are built once per language and generation
    (pages/templatetags/site_chrome.py): a change shows at once, to visitors
    and editors."""
    from tests.factories import OrganisationFactory, PressReleaseIndexPageFactory

    organisation = OrganisationFactory(name_en="Old name", name_es="Nombre antiguo")
    assert "Old name" in footer(anonymous.get("/en/"))
    assert feed_links(anonymous.get(f"/{lang}/")) == []

    organisation.name_en, organisation.name_es = "New name", "Nombre nuevo"
    organisation.save()
    PressReleaseIndexPageFactory(parent=home_page, slug="press", slug_es="prensa")
    for client in (anonymous, editor_client):
        assert "New name" in footer(client.get("/en/"))
        assert "Nombre nuevo" in footer(client.get("/es/"))
        links = feed_links(client.get(f"/{lang}/"))
        assert len(links) == 2
        feed = {"en": "/feed/", "es": "/canal/"}[lang]
        assert all(f"/{lang}/" in link and feed in link for link in links)


@pytest.fixture
def redis_cache(settings):
    """The page cache on the machine's Redis, under a key prefix of its own."""
    from django.core.cache import caches

    prefix = f"iclc-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": prefix,
        }
    }
    redis = caches["default"]
    yield redis
    redis.delete_pattern("*")


def test_junk_query_parameters_neither_fill_the_cache_nor_miss_it(
    anonymous, home_page, redis_cache
):
    """A link shared with `?utm_source=…` gets the cached page; random values of
    parameters no page reads add no entries (the cache would fill with junk)."""
    page = anonymous.get("/en/")
    assert page[CACHE_HEADER] == "miss"
    entries = len(redis_cache.keys("*"))
    for n in range(300):
        response = anonymous.get(f"/en/?x={uuid.uuid4().hex}&utm_source={n}")
        assert response.status_code == 200
        assert response[CACHE_HEADER] == "hit"
        assert response.content == page.content
    assert len(redis_cache.keys("*")) == entries
    # Nothing is stored from a request with junk, which the language links repeat.
    redis_cache.clear()
    junk = anonymous.get("/es/?fbclid=abc")
    assert CACHE_HEADER not in junk
    assert "fbclid=abc" in junk.content.decode()
    assert anonymous.get("/es/")[CACHE_HEADER] == "miss"
    # The parameters pages do read are part of the address.
    search = anonymous.get("/en/search/?q=learning")
    assert search[CACHE_HEADER] == "miss"
    assert anonymous.get("/en/search/?q=cities")[CACHE_HEADER] == "miss"
    assert anonymous.get("/en/search/?q=learning&x=1")[CACHE_HEADER] == "hit"
