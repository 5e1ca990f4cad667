"""URLs find their page as Wagtail's tree walk does, in a fixed number of queries."""

from urllib.parse import unquote

from django.core.cache import cache
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, PageViewRestriction, Site

import pytest
from bs4 import BeautifulSoup

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


def test_a_new_restriction_applies_at_once(client, nested):
    """Routing asks whether a page is in a private section in the query that
    loads it: adding or removing a restriction takes effect on the next visit."""
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
    """Routing must not walk the tree level by level (which loads every sibling
    at each level, design trap 10): every page on the path is found at once, so
    a page costs the same however deep it is and however many siblings it has."""
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
    two_levels_down = queries(grandchild)
    assert two_levels_down <= one_level_down + 1
    for _n in range(15):
        StandardPageFactory(parent=parent)
        StandardPageFactory(parent=child)
    assert queries(child) == one_level_down
    assert queries(grandchild) == two_levels_down


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


def walked(root, language, components):
    """The page a level-by-level walk finds: at each level, the child whose slug
    in `language` (or English, where it has none) is the next component."""
    page = root
    for component in components:
        children = page.get_children()
        page = next(
            (
                child
                for child in children
                if (getattr(child, f"slug_{language}") or child.slug_en) == component
            ),
            None,
        )
        if page is None:
            return None
    return page


def test_routing_finds_what_a_walk_of_the_tree_finds(home_page, nested):
    """For every page in both languages (with and without accents), the route
    override answers as a level-by-level walk of translated slugs does; a
    component that names no page is a 404."""
    section = StandardPageFactory(
        parent=home_page, slug_en="education", slug_es="educación"
    )
    StandardPageFactory(parent=section, slug_en="for-all", slug_es="para-todos")
    draft = StandardPageFactory(parent=section, slug_en="draft", slug_es="borrador")
    draft.unpublish()
    site = Site.objects.get(is_default_site=True)
    pages = list(Page.objects.descendant_of(site.root_page, inclusive=True))
    assert len(pages) > 5
    for language in ("en", "es"):
        with translation.override(language):
            for page in pages:
                page.refresh_from_db()
                url = page.get_url()
                components = [unquote(c) for c in url.split("/")[2:] if c]
                request = RequestFactory().get(url)
                expected = walked(site.root_page, language, components)
                assert expected is not None and expected.pk == page.pk, url
                root = site.root_page.specific
                if page.live:
                    found = root.route(request, components)
                    assert found.page.pk == page.pk, url
                else:
                    with pytest.raises(Http404):
                        root.route(request, components)
                with pytest.raises(Http404):
                    root.route(request, [*components, "no-such-page"])
    with translation.override("es"):
        assert section.get_url() == "/es/educaci%C3%B3n/"
