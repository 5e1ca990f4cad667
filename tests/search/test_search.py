"""Site search: each language with its own stemming, accents ignored, safe output."""

from wagtail.documents import get_document_model

import pytest
from bs4 import BeautifulSoup

from pages.models import SearchEntry
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def results(client, language, query, **params):
    response = client.get(
        f"/{language}/{'buscar' if language == 'es' else 'search'}/",
        {"q": query, **params},
    )
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def titles(soup):
    return [a.get_text(strip=True) for a in soup.select(".search-result__title a")]


def test_every_page_has_a_labelled_search_box(client, home_page, lang):
    soup = BeautifulSoup(client.get(f"/{lang}/").content, "html.parser")
    form = soup.select_one("form[role=search]")
    field = form.select_one("input[type=search]")
    assert soup.select_one(f"label[for={field['id']}]").get_text(strip=True)
    assert form["action"] == ("/es/buscar/" if lang == "es" else "/en/search/")


def test_spanish_search_ignores_accents_and_stems(client, plenary_page):
    _response, soup = results(client, "es", "sesion")
    assert titles(soup) == ["Sesiones plenarias"]
    marks = [m.get_text() for m in soup.select(".search-result__snippet mark")]
    assert "sesión" in marks
    _response, soup = results(client, "es", "aprender")
    assert titles(soup) == ["Sesiones plenarias"]


def test_english_search_stems_and_searches_english_only(client, plenary_page):
    _response, soup = results(client, "en", "discussing")
    assert titles(soup) == ["Plenary sessions"]
    assert soup.select_one(".search-result__kind").get_text(strip=True)
    link = soup.select_one(".search-result__title a")["href"]
    assert link == f"/en/{plenary_page.slug_en}/"
    _response, soup = results(client, "en", "alcaldes")
    assert titles(soup) == []


def test_spanish_results_link_to_spanish_urls(client, plenary_page):
    _response, soup = results(client, "es", "plenaria")
    assert soup.select_one(".search-result__title a")["href"] == (
        f"/es/{plenary_page.slug_es}/"
    )


def test_unpublished_pages_leave_the_index(client, plenary_page):
    plenary_page.unpublish()
    _response, soup = results(client, "en", "plenary")
    assert titles(soup) == []
    assert not SearchEntry.objects.filter(page=plenary_page).exists()


def test_document_titles_are_searchable(client, home_page):
    from django.core.files.base import ContentFile

    document = get_document_model()(title="Provisional agenda")
    document.file.save("agenda.pdf", ContentFile(b"%PDF-1.4 test"), save=True)
    _response, soup = results(client, "en", "agenda")
    assert titles(soup) == ["Provisional agenda"]


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "<script>alert(1)</script>",
        "' OR 1=1 --",
        '"unbalanced',
        "a & | ! ( ) : * <->",
        "x" * 5000,
        "\x00\x01",
        "sesión\u202e",
    ],
)
def test_hostile_queries_give_a_clear_page(client, plenary_page, lang, query):
    response, soup = results(client, lang, query)
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert soup.h1
    assert len(soup.find_all("h1")) == 1


def test_long_query_is_cut_and_says_so(client, plenary_page):
    _response, soup = results(client, "en", "plenary " + "x" * 400)
    assert soup.select_one(".notice[role=status]")


def test_pagination_and_bad_page_numbers(client, home_page):
    for number in range(23):
        StandardPageFactory(
            parent=home_page, intro_en=f"Learning city number {number}"
        ).save_revision().publish()
    _response, soup = results(client, "en", "learning")
    assert len(soup.select(".search-result")) == 10
    _response, soup = results(client, "en", "learning", page="3")
    assert len(soup.select(".search-result")) == 3
    for bad in ["0", "-1", "999", "abc", "1e9"]:
        _response, soup = results(client, "en", "learning", page=bad)
        assert soup.select(".search-result")


def test_switcher_keeps_the_query(client, plenary_page):
    _response, soup = results(client, "en", "plenary")
    link = soup.select_one(".language-switcher a[hreflang=es]")
    assert link["href"] == "/es/buscar/?q=plenary"
