"""Site search: each language with its own stemming, accents ignored, safe output."""

from django.apps import apps

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.fields import StreamField

import pytest
from bs4 import BeautifulSoup

from pages.models import SearchEntry
from tests.factories import (
    ProgrammePageFactory,
    SessionPageFactory,
    SiteImageFactory,
    StandardPageFactory,
)

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


def test_search_results_print_no_hreflang_alternates(client, plenary_page, lang):
    """A noindex page: its query addresses are no alternates of anything."""
    response, soup = results(client, lang, "plenary")
    assert soup.select_one("meta[name=robots]")["content"] == "noindex"
    assert soup.select("link[hreflang]") == []
    home = BeautifulSoup(client.get(f"/{lang}/").content, "html.parser")
    assert {link["hreflang"] for link in home.select("link[hreflang]")} == {
        "en",
        "es",
        "x-default",
    }


def test_results_say_what_kind_of_page_they_are(client, plenary_page):
    programme = ProgrammePageFactory(parent=plenary_page.get_parent())
    SessionPageFactory(
        parent=programme, title_es="Sesión plenaria sobre aprendizaje"
    ).save_revision().publish()

    def kinds(language, query):
        _response, soup = results(client, language, query)
        return {
            r.select_one(".search-result__title a").get_text(strip=True): r.select_one(
                ".search-result__kind"
            ).get_text(strip=True)
            for r in soup.select(".search-result")
        }

    assert kinds("es", "plenaria") == {
        "Sesiones plenarias": "Página",
        "Sesión plenaria sobre aprendizaje": "Sesión",
    }
    assert set(kinds("en", "plenary").values()) == {"Page", "Session"}


def test_index_holds_only_the_text_visitors_see(client, home_page):
    image = SiteImageFactory()
    page = StandardPageFactory(
        parent=home_page,
        title_es="Participantes",
        body_es=[
            {
                "type": "heading",
                "value": {
                    "text": "¿Quiénes participan?",
                    "level": "h2",
                    "anchor": "quienes",
                },
            },
            {
                "type": "image",
                "value": {
                    "image": image.pk,
                    "alt_text": "Fotografía de un auditorio lleno",
                    "caption": "El auditorio del Palacio de Minería",
                    "credit": "Foto: UNESCO",
                },
            },
        ],
    )
    page.save_revision().publish()
    text = SearchEntry.objects.get(page=page, language="es").text
    assert "¿Quiénes participan?" in text
    assert "El auditorio del Palacio de Minería" in text and "Foto: UNESCO" in text
    for internal in ("quienes", "Título de sección", "h2", "auditorio lleno"):
        assert internal not in text
    _response, soup = results(client, "es", "participan")
    snippet = soup.select_one(".search-result__snippet").get_text()
    assert "Título de sección" not in snippet and "quienes" not in snippet


def test_no_choice_of_any_block_is_indexed():
    """A choice's key and label describe the block, not its text (a heading's
    "Section heading" level): whatever block is added, its choices stay out."""

    def struct_blocks(block):
        if isinstance(block, blocks.StructBlock):
            yield block
        for child in getattr(block, "child_blocks", {}).values():
            yield from struct_blocks(child)
        if isinstance(block, blocks.ListBlock):
            yield from struct_blocks(block.child_block)

    checked = 0
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if not isinstance(field, StreamField):
                continue
            for struct in struct_blocks(field.stream_block):
                value = struct.get_default()
                choices = {}
                for name, child in struct.child_blocks.items():
                    if isinstance(child, blocks.ChoiceBlock) and child.field.choices:
                        key, label = [c for c in child.field.choices if c[0]][-1]
                        value[name] = key
                        choices[name] = (str(key), str(label))
                content = " ".join(struct.get_searchable_content(value))
                for key, label in choices.values():
                    checked += 1
                    assert label not in content, (model, struct)
                    assert key not in content.split(), (model, struct)
    assert checked


def test_snippets_are_cut_between_words(client, home_page):
    words = (
        "Durante tres días los alcaldes compartieron experiencias sobre la "
        "construcción de ciudades del aprendizaje sostenibles en todas las "
        "regiones del mundo y conversaron acerca de la inclusión, la "
        "prosperidad y el desarrollo sostenible; al final adoptaron la "
        "Declaración de la Ciudad de México, que guía el trabajo de la red "
        "mundial durante los años siguientes, con metas claras para cada "
        "ciudad participante y para sus responsables de educación."
    )
    StandardPageFactory(
        parent=home_page, title_es="Conclusiones", intro_es=words
    ).save_revision().publish()
    _response, soup = results(client, "es", "declaracion")
    snippet = soup.select_one(".search-result__snippet")
    assert snippet.select_one("mark").get_text() == "Declaración"
    text = " ".join(snippet.get_text().split())
    assert text.startswith("… ") and text.endswith(" …")
    inner = text.removeprefix("… ").removesuffix(" …")
    start = words.index(inner)
    # Whole words at either end: no letter right before or after the snippet.
    assert not words[start - 1].isalnum() and not words[start + len(inner)].isalnum()


def test_text_repeated_in_two_fields_is_indexed_once(home_page):
    summary = "Landmarks of Mexico City's historic centre."
    page = StandardPageFactory(
        parent=home_page, intro_en=summary, listing_summary_en=summary
    )
    page.save_revision().publish()
    assert SearchEntry.objects.get(page=page, language="en").text == summary
