"""The sitemap and robots.txt: every public page in both languages, with hreflang."""

from pathlib import Path

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.http import http_date

from wagtail.models import PageViewRestriction

import pytest
from lxml import etree

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "xhtml": "http://www.w3.org/1999/xhtml",
}
SCHEMA = etree.XMLSchema(
    etree.parse(str(Path(__file__).parent / "schemas/sitemap.xsd"))
)


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    document = etree.fromstring(response.content)
    SCHEMA.assertValid(document)
    return document


def entries(document):
    found = {}
    for url in document.findall("s:url", NS):
        alternates = {
            link.get("hreflang"): link.get("href")
            for link in url.findall("xhtml:link", NS)
        }
        lastmod = url.findtext("s:lastmod", namespaces=NS)
        found[url.findtext("s:loc", namespaces=NS)] = (alternates, lastmod)
    return found


def test_pages_inside_a_private_section_are_left_out(client, home_page):
    section = StandardPageFactory(parent=home_page)
    inside = StandardPageFactory(parent=section)
    neighbour = StandardPageFactory(parent=home_page, slug_en=section.slug_en + "-x")
    PageViewRestriction.objects.create(page=section, restriction_type="login")
    found = set(entries(sitemap(client)))
    assert f"http://testserver/en/{neighbour.slug_en}/" in found
    assert not any(section.slug_en + "/" in loc for loc in found), found
    assert inside.url_in("en") not in {
        loc.removeprefix("http://testserver") for loc in found
    }


def test_every_public_page_in_both_languages_with_alternates(client, home_page):
    child = StandardPageFactory(parent=home_page)
    child.save_revision().publish()
    child.refresh_from_db()
    hidden = StandardPageFactory(parent=home_page)
    PageViewRestriction.objects.create(page=hidden, restriction_type="login")
    draft = StandardPageFactory(parent=home_page, live=False)

    found = entries(sitemap(client))
    en = f"http://testserver/en/{child.slug_en}/"
    es = f"http://testserver/es/{child.slug_es}/"
    assert set(found) == {
        "http://testserver/en/",
        "http://testserver/es/",
        en,
        es,
    }
    for loc in (en, es):
        alternates, lastmod = found[loc]
        assert alternates == {"en": en, "es": es, "x-default": en}
        published = timezone.localtime(child.last_published_at)
        assert lastmod == published.date().isoformat()
    assert not any(hidden.slug_en in loc or draft.slug_en in loc for loc in found)


def test_robots_txt_points_to_the_sitemap_and_keeps_out_the_admin(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_addresses_are_the_pages_own_even_with_accented_slugs(client, home_page):
    """The sitemap builds addresses without `Page.get_url()`; they must agree,
    including the percent-encoding of a Spanish slug with accents."""
    section = StandardPageFactory(
        parent=home_page, slug_en="education", slug_es="educación"
    )
    section.save_revision().publish()
    child = StandardPageFactory(
        parent=section, slug_en="sessions-for-all", slug_es="sesiones-para-todos"
    )
    child.save_revision().publish()

    found = entries(sitemap(client))
    for page in (home_page, section, child):
        page.refresh_from_db()
        for language in ("en", "es"):
            assert f"http://testserver{page.url_in(language)}" in found
    assert "http://testserver/es/educaci%C3%B3n/sesiones-para-todos/" in found


def test_queries_do_not_grow_with_the_pages(client, home_page, settings):
    """One query for the pages whatever their number, once the caches are warm."""
    settings.PAGE_CACHE_SECONDS = 0  # count renders, not cache hits

    def queries():
        client.get("/sitemap.xml")  # the restrictions and the site root paths
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/sitemap.xml")
        assert response.status_code == 200
        return len(captured), len(entries(etree.fromstring(response.content)))

    StandardPageFactory(parent=home_page).save_revision().publish()
    few = queries()
    for _n in range(10):
        StandardPageFactory(parent=home_page).save_revision().publish()
    many = queries()
    assert many[1] == few[1] + 20
    assert many[0] == few[0] <= 1


def test_last_modified_is_the_latest_publication(client, home_page):
    home_page.save_revision().publish()
    child = StandardPageFactory(parent=home_page)
    child.save_revision().publish()
    child.refresh_from_db()

    response = client.get("/sitemap.xml")
    assert response["Last-Modified"] == http_date(child.last_published_at.timestamp())


def test_pages_beyond_the_last_are_not_found(client, home_page):
    assert client.get("/sitemap.xml?p=1").status_code == 200
    assert client.get("/sitemap.xml?p=2").status_code == 404
    assert client.get("/sitemap.xml?p=two").status_code == 404
