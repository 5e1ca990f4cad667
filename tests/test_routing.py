"""URLs find their page as Wagtail's tree walk does, in a fixed number of queries."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import pytest
from bs4 import BeautifulSoup

from pages.routing import WAGTAIL_GET_URL_PARTS
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def nested(home_page):
    parent = StandardPageFactory(parent=home_page, title_en="Concept")
    child = StandardPageFactory(parent=parent, title_en="Beijing 2013")
    grandchild = StandardPageFactory(parent=child, title_en="Declaration")
    return parent, child, grandchild


def crumbs(response):
    page = BeautifulSoup(response.content, "html.parser")
    return [a.get_text(strip=True) for a in page.select(".breadcrumbs a")]


def test_nested_pages_answer_in_each_language_only_at_their_own_url(client, nested):
    parent, child, grandchild = nested
    english = f"/en/{parent.slug_en}/{child.slug_en}/{grandchild.slug_en}/"
    spanish = f"/es/{parent.slug_es}/{child.slug_es}/{grandchild.slug_es}/"
    assert client.get(english).status_code == 200
    assert client.get(spanish).status_code == 200
    mixed = f"/es/{parent.slug_es}/{child.slug_en}/{grandchild.slug_es}/"
    assert client.get(mixed).status_code == 404
    assert client.get(english + "missing/").status_code == 404


def test_breadcrumbs_list_every_ancestor_in_order(client, home_page, nested):
    parent, child, grandchild = nested
    response = client.get(grandchild.url_in("es"))
    assert crumbs(response) == [
        home_page.title_es,
        parent.title_es,
        child.title_es,
        grandchild.title_es,
    ]


def test_an_empty_spanish_slug_falls_back_to_the_english_one(client, home_page):
    page = StandardPageFactory(parent=home_page, slug_es="")
    page.slug_es = ""
    page.save()
    assert page.url_in("es") == f"/es/{page.slug_en}/"
    assert client.get(f"/es/{page.slug_en}/").status_code == 200


def test_drafts_are_not_found_but_their_live_children_are(client, nested):
    parent, child, grandchild = nested
    child.unpublish()
    assert client.get(child.url_in("en")).status_code == 404
    assert client.get(grandchild.url_in("en")).status_code == 200


def test_a_password_on_an_ancestor_protects_its_descendants(client, nested):
    parent, child, grandchild = nested
    PageViewRestriction.objects.create(
        page=parent, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(grandchild.url_in("en"))
    assert grandchild.title_en.encode() not in response.content
    assert b'name="password"' in response.content


def test_a_new_restriction_applies_at_once_though_paths_are_cached(client, nested):
    """pages/restrictions.py caches the private paths under the content generation:
    adding or removing a restriction must take effect on the next visit."""
    parent, child, grandchild = nested
    assert grandchild.title_en.encode() in client.get(grandchild.url_in("en")).content
    restriction = PageViewRestriction.objects.create(
        page=child, restriction_type=PageViewRestriction.PASSWORD, password="s3cret"
    )
    response = client.get(grandchild.url_in("en"))
    assert b'name="password"' in response.content
    assert grandchild.title_en.encode() not in response.content
    assert parent.title_en.encode() in client.get(parent.url_in("en")).content
    restriction.delete()
    assert grandchild.title_en.encode() in client.get(grandchild.url_in("en")).content


def test_deep_pages_cost_the_same_whatever_their_siblings(client, nested):
    """Below a section, routing must not walk the tree level by level (which
    loads every sibling at each level): a page in a section is looked up
    directly; one further down costs one more query (for every page on its
    path at once), however many siblings there are."""
    parent, child, grandchild = nested

    def queries(page):
        url = page.url_in("en")
        client.get(url)
        cache.clear()  # every visit a render, with the site's shared data warm
        client.get(f"/en/{parent.slug_en}/")
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one_level_down = queries(child)
    assert queries(grandchild) == one_level_down + 1
    for _n in range(15):
        StandardPageFactory(parent=parent)
        StandardPageFactory(parent=child)
    assert queries(child) == one_level_down
    assert queries(grandchild) == one_level_down + 1


def test_a_section_published_after_routing_cached_the_sections_is_found(
    client, home_page, nested
):
    parent, _child, _grandchild = nested
    assert client.get(parent.url_in("es")).status_code == 200  # sections cached
    section = StandardPageFactory(parent=home_page, title_en="Legacy")
    section.save_revision().publish()
    section.refresh_from_db()
    for language in ("en", "es"):
        assert client.get(section.url_in(language)).status_code == 200


def test_page_urls_are_the_ones_wagtail_would_build(home_page, nested):
    """Page URLs skip Wagtail's `reverse()` (pages/routing.py); for every page,
    in both languages, with and without accents, they must be Wagtail's own."""
    section = StandardPageFactory(
        parent=home_page, slug_en="education", slug_es="educación"
    )
    StandardPageFactory(parent=section, slug_en="for-all", slug_es="para-todos")
    pages = list(Page.objects.all()) + [p.specific for p in Page.objects.all()]
    assert len(pages) > 10
    for language in ("en", "es"):
        with translation.override(language):
            for page in pages:
                page.refresh_from_db()
                assert page.get_url_parts() == WAGTAIL_GET_URL_PARTS(page), page
    with translation.override("es"):
        assert section.get_url() == "/es/educaci%C3%B3n/"
