"""The 2015 content loader: every page type in both languages, idempotence,
and every translatable field it fills written in both languages."""

import io

from django.core.management import call_command
from django.db.models import Q

from modeltranslation.translator import translator
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision, Site

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from pages.models import (
    ConferenceDocument,
    ConferenceSettings,
    ContactOffice,
    HomePage,
    Organisation,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
    SiteImage,
    StandardPage,
)

pytestmark = pytest.mark.django_db

MODELS = [
    HomePage,
    StandardPage,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
    Organisation,
    ContactOffice,
    ConferenceDocument,
    ConferenceSettings,
    SiteImage,
]
# Values that are rightly the same in both languages: proper names and numbers.
SAME_IN_BOTH = {
    "Beijing 2013",
    "ECOBICI",
    "SALUDARTE",
    "ICLC 2015",
}


@pytest.fixture
def loaded(loaded_content, db):
    """The content, loaded once for the module (tests/conftest.py)."""


def counts():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "snippets": (
            Organisation.objects.count(),
            ContactOffice.objects.count(),
            ConferenceDocument.objects.count(),
            ConferenceSettings.objects.count(),
        ),
    }


def test_loader_twice_gives_the_same_counts(loaded):
    first = counts()
    assert first["pages"] >= 12 and first["images"] >= 8 and first["documents"] == 7
    call_command("load_iclc_content", verbosity=0)
    assert counts() == first


def _plain(value):
    if isinstance(value, StreamValue):
        return str(list(value.raw_data)) if len(value) else ""
    return "" if value is None else str(value).strip()


def test_every_translatable_field_is_filled_in_both_languages(loaded):
    checked = 0
    for model in MODELS:
        fields = translator.get_options_for_model(model).all_fields
        objects = model.objects.all()
        if issubclass(model, Page):
            objects = objects.exclude(depth=1)
        for obj in objects:
            for field in fields:
                if field in (
                    "seo_title",
                    "search_description",
                    "url_path",
                    "draft_title",
                ):
                    continue
                english = _plain(getattr(obj, f"{field}_en"))
                spanish = _plain(getattr(obj, f"{field}_es"))
                if not english:
                    continue
                label = f"{model.__name__} {obj.pk} {field}"
                assert spanish, f"{label} has no Spanish"
                if english not in SAME_IN_BOTH and field != "slug":
                    assert spanish != english, f"{label} is not translated"
                checked += 1
    assert checked > 80


def test_showcase_programmes_have_their_key_figures(loaded):
    ecobici = ShowcaseProgrammePage.objects.get(slug_en="ecobici")
    figures = {f.value["value"]: f.value["label"] for f in ecobici.key_figures_en}
    assert figures["84"] == "stations at launch in 2010"
    assert figures["1,200"] == "bicycles at launch"
    assert {"440", "35 km²", "6,000+", "100,000+", "42"} <= set(figures)
    themes = set(ShowcaseProgrammePage.objects.values_list("theme", flat=True))
    assert themes == {
        "sustainable-city",
        "city-of-rights",
        "city-of-prosperity",
        "educational-city",
        "cultural-city",
    }


@pytest.mark.parametrize(
    ("path", "fragments"),
    [
        (
            "/en/",
            [
                "Who participates?",
                "Mexico City Statement on Sustainable Learning Cities",
                "7–9 May 2015",
                "ECOBICI",
                "UNESCO Institute for Lifelong Learning",
                "Feldbrunnenstraße 58",
            ],
        ),
        (
            "/es/",
            [
                "¿Quiénes participan?",
                "Declaración de la Ciudad de México sobre Ciudades del Aprendizaje "
                "Sostenibles",
                "7 al 9 de mayo de 2015",
                "Secretaría de Educación de la Ciudad de México",
                "Instituto de la UNESCO para el Aprendizaje a lo Largo de Toda la Vida",
                "Hamburgo, Alemania",
                "Declaración de accesibilidad",
            ],
        ),
        (
            "/en/what-is-a-learning-city/",
            ["foster a culture of learning throughout life"],
        ),
        (
            "/es/que-es-una-ciudad-del-aprendizaje/",
            ["fomentar una cultura de aprendizaje a lo largo de toda la vida"],
        ),
        (
            "/en/beijing-2013/",
            ["more than 550 mayors", "102 countries", "UNESCO's learning cities site"],
        ),
        (
            "/es/beijing-2013-primera-conferencia/",
            ["más de 550 alcaldes", "102 países", "sitio de ciudades del aprendizaje"],
        ),
        ("/en/documents/", ["Provisional agenda", "Download the Spanish version"]),
        ("/es/documentos/", ["Programa provisional", "Descargar la versión en inglés"]),
        ("/en/a-learning-city/", ["City of rights", "SALUDARTE"]),
        ("/es/una-ciudad-del-aprendizaje/", ["Ciudad de derechos", "Gastronomía"]),
        ("/en/a-learning-city/saludarte/", ["from 47 to 43 per cent", "Key figures"]),
        (
            "/es/una-ciudad-del-aprendizaje/saludarte/",
            ["de 47 a 43 por ciento", "Cifras clave"],
        ),
        ("/en/accessibility/", ["WCAG"]),
        ("/es/accesibilidad/", ["Pautas de Accesibilidad"]),
    ],
)
def test_loaded_pages_show_the_2015_content(client, loaded, path, fragments):
    response = client.get(path)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    words = " ".join(page.get_text(" ").split())
    for fragment in fragments:
        assert fragment in words, fragment
    assert len(page.find_all("h1")) == 1
    assert not page.select(".untranslated")


def test_menu_reaches_the_content_pages_in_both_languages(client, loaded):
    english = BeautifulSoup(client.get("/en/").content, "html.parser")
    spanish = BeautifulSoup(client.get("/es/").content, "html.parser")
    en = {
        a.get_text(strip=True): a["href"] for a in english.select(".site-nav__list a")
    }
    es = {
        a.get_text(strip=True): a["href"] for a in spanish.select(".site-nav__list a")
    }
    assert en["What is a Learning City?"] == "/en/what-is-a-learning-city/"
    assert (
        es["¿Qué es una ciudad del aprendizaje?"]
        == "/es/que-es-una-ciudad-del-aprendizaje/"
    )
    assert en["A learning city"] == "/en/a-learning-city/"
    assert es["Una ciudad del aprendizaje"] == "/es/una-ciudad-del-aprendizaje/"
    assert es["Documentos"] == "/es/documentos/"


def test_documents_are_real_pdfs_in_both_languages(client, loaded):
    statement = ConferenceDocument.objects.get(document_type="statement")
    expected = {
        "en": "Mexico City Statement on Sustainable Learning Cities",
        "es": "Declaración de la Ciudad de México sobre Ciudades del Aprendizaje",
    }
    for language, title in expected.items():
        document = getattr(statement, f"file_{language}")
        response = client.get(document.url)
        assert response.status_code == 200
        data = b"".join(response.streaming_content)
        reader = PdfReader(io.BytesIO(data))
        assert reader.metadata.title.startswith(title)
        words = " ".join(reader.pages[0].extract_text().split())
        assert title in words
        assert document.file_size == len(data)
    report = ConferenceDocument.objects.get(document_type="report")
    assert report.file_en and report.file_es is None


def test_home_has_structured_dates_and_settings(loaded):
    import datetime

    home = Site.objects.get(is_default_site=True).root_page.specific
    assert (home.start_date, home.end_date) == (
        datetime.date(2015, 9, 28),
        datetime.date(2015, 9, 30),
    )
    assert home.original_start_date == datetime.date(2015, 5, 7)
    assert home.hero_image and home.hero_image.description_es
    conference = ConferenceSettings.objects.get()
    assert conference.short_name_en == "ICLC 2015"
    assert conference.city_es == "Ciudad de México"
    assert ShowcaseProgrammePage.objects.filter(~Q(image=None)).count() == 5
