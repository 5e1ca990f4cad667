"""Home, content and showcase pages, the snippets and the documents block."""

import datetime

from django.core.exceptions import ValidationError

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from pages.models import (
    HomePage,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
    StandardPage,
)
from tests.factories import (
    ConferenceDocumentFactory,
    ContactOfficeFactory,
    OrganisationFactory,
    ShowcaseIndexPageFactory,
    ShowcaseProgrammePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def text(response):
    return " ".join(soup(response).get_text(" ").split())


@pytest.fixture
def conference_home(home_page):
    home_page.theme_en = "Building Sustainable Learning Cities"
    home_page.theme_es = "Construyendo ciudades del aprendizaje sostenibles"
    home_page.start_date = datetime.date(2015, 9, 28)
    home_page.end_date = datetime.date(2015, 9, 30)
    home_page.original_start_date = datetime.date(2015, 5, 7)
    home_page.original_end_date = datetime.date(2015, 5, 9)
    home_page.city_en, home_page.city_es = "Mexico City", "Ciudad de México"
    home_page.save_revision().publish()
    return home_page


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Building Sustainable Learning Cities",
                "Mexico City",
                "28–30 September 2015",
                "First announced for 7–9 May 2015, the conference was "
                "rescheduled to 28–30 September 2015.",
            ],
        ),
        (
            "es",
            [
                "Construyendo ciudades del aprendizaje sostenibles",
                "Ciudad de México",
                "28 al 30 de septiembre de 2015",
                "Anunciada originalmente para los días 7 al 9 de mayo de 2015",
            ],
        ),
    ],
)
def test_home_shows_theme_dates_and_rescheduling(
    client, conference_home, lang, expected
):
    page_text = text(client.get(f"/{lang}/"))
    for fragment in expected:
        assert fragment in page_text
    assert conference_home.was_rescheduled


def test_standard_page_renders_its_body_in_each_language(client, home_page, lang):
    body = {
        "en": [
            {
                "type": "list",
                "value": {
                    "lead_in": "A learning city aims to:",
                    "ordered": False,
                    "items": ["revitalise learning in families"],
                },
            }
        ],
        "es": [
            {
                "type": "list",
                "value": {
                    "lead_in": "Una ciudad del aprendizaje busca:",
                    "ordered": False,
                    "items": ["revitalizar el aprendizaje en las familias"],
                },
            }
        ],
    }
    page = StandardPageFactory(parent=home_page, body_en=body["en"], body_es=body["es"])
    slug = page.slug_en if lang == "en" else page.slug_es
    html = soup(client.get(f"/{lang}/{slug}/"))
    items = [li.get_text(strip=True) for li in html.select(".content-list li")]
    assert items == [body[lang][0]["value"]["items"][0]]
    assert html.select_one(".breadcrumbs")


@pytest.fixture
def showcase(home_page):
    index = ShowcaseIndexPageFactory(parent=home_page)
    bikes = ShowcaseProgrammePageFactory(parent=index, theme="sustainable-city")
    food = ShowcaseProgrammePageFactory(
        parent=index,
        theme="cultural-city",
        title_en="Gastronomy",
        title_es="Gastronomía",
    )
    return index, bikes, food


def card_titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".card__title a")]


def test_showcase_index_lists_programmes_in_each_language(client, showcase, lang):
    index, bikes, food = showcase
    slug = index.slug_en if lang == "en" else index.slug_es
    titles = card_titles(client.get(f"/{lang}/{slug}/"))
    assert titles == [getattr(bikes, f"title_{lang}"), getattr(food, f"title_{lang}")]


def test_showcase_filter_by_theme_without_javascript(client, showcase):
    index, bikes, food = showcase
    response = client.get("/en/a-learning-city/", {"theme": "cultural-city"})
    assert card_titles(response) == ["Gastronomy"]
    current = soup(response).select_one(".theme-filter a[aria-current]")
    assert current.get_text(strip=True) == "Cultural city"
    spanish = client.get("/es/una-ciudad-del-aprendizaje/?theme=cultural-city")
    assert card_titles(spanish) == ["Gastronomía"]
    assert "Ciudad cultural" in text(spanish)


@pytest.mark.parametrize("bad", ["nonsense", "", "<script>", "cultural-city'--"])
def test_showcase_ignores_unknown_themes(client, showcase, bad):
    response = client.get("/en/a-learning-city/", {"theme": bad})
    assert len(card_titles(response)) == 2


def test_showcase_programme_shows_key_figures(client, showcase, lang):
    _index, bikes, _food = showcase
    url = bikes.url_in(lang)
    html = soup(client.get(url))
    figure = html.select_one(".key-figure")
    label = "stations" if lang == "en" else "cicloestaciones"
    assert figure.dt.get_text(strip=True) == label
    assert figure.dd.get_text(strip=True) == "440"
    assert html.h1.get_text(strip=True) == getattr(bikes, f"title_{lang}")
    assert len(html.find_all("h1")) == 1


def test_page_tree_rules(home_page):
    assert ShowcaseIndexPage.can_create_at(home_page)
    assert not ShowcaseProgrammePage.can_create_at(home_page)
    index = ShowcaseIndexPageFactory(parent=home_page)
    assert ShowcaseProgrammePage.can_create_at(index)
    assert not StandardPage.can_create_at(index)
    assert not ShowcaseIndexPage.can_create_at(index)  # one showcase per site
    assert not HomePage.can_create_at(home_page)
    assert ShowcaseIndexPage.allowed_subpage_models() == [ShowcaseProgrammePage]
    assert ShowcaseProgrammePage.allowed_subpage_models() == []
    assert HomePage.allowed_parent_page_models() == [Page]


def test_programme_theme_must_be_a_known_theme(home_page):
    index = ShowcaseIndexPageFactory(parent=home_page)
    page = ShowcaseProgrammePageFactory(parent=index)
    page.theme = "flying-city"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_home_showcase_teaser_updates_when_a_programme_is_published(
    client, home_page, lang
):
    index = ShowcaseIndexPageFactory(parent=home_page)
    assert not soup(client.get(f"/{lang}/")).select(".home-showcase")
    draft = ShowcaseProgrammePage(
        title_en="Learning in the streets",
        title_es="Aprender en las calles",
        slug_en="learning-in-the-streets",
        slug_es="aprender-en-las-calles",
        theme="educational-city",
        summary_en="Street classes.",
        summary_es="Clases en la calle.",
        live=False,
    )
    index.add_child(instance=draft)
    assert not soup(client.get(f"/{lang}/")).select(".home-showcase")
    draft.save_revision().publish()
    teaser = soup(client.get(f"/{lang}/")).select_one(".home-showcase")
    link = teaser.select_one(".card__title a")
    assert link.get_text(strip=True) == getattr(draft, f"title_{lang}")
    assert link["href"] == draft.url_in(lang)


def test_organisations_and_offices_in_footer_and_on_home(client, home_page, lang):
    organiser = OrganisationFactory(role="organiser")
    host = OrganisationFactory(role="host")
    office = ContactOfficeFactory()
    html = soup(client.get(f"/{lang}/"))
    footer = html.select_one(".site-footer").get_text(" ")
    home = html.select_one(".home-organisers").get_text(" ")
    for part in (footer, home):
        assert getattr(organiser, f"name_{lang}") in part
        assert getattr(host, f"name_{lang}") in part
        assert getattr(office, f"city_{lang}") in part
        assert office.email in part
    headings = {"en": "Hosting institutions", "es": "Instituciones anfitrionas"}
    assert headings[lang] in footer


def test_conference_documents_block_lists_both_files(client, home_page, lang):
    document = ConferenceDocumentFactory()
    english_only = ConferenceDocumentFactory(file_es=None)
    block = {
        "type": "conference_documents",
        "value": {
            "heading": "Docs",
            "intro": "",
            "documents": [document.pk, english_only.pk],
        },
    }
    page = StandardPageFactory(parent=home_page, body_en=[block], body_es=[block])
    html = soup(client.get(page.url_in(lang)))
    items = html.select(".conference-document")
    assert [i.select_one("h3").get_text(strip=True) for i in items] == [
        getattr(document, f"title_{lang}"),
        getattr(english_only, f"title_{lang}"),
    ]
    links = items[0].select(".conference-document__files a")
    assert [a["hreflang"] for a in links] == ["en", "es"]
    assert links[0]["href"] == document.file_en.url
    assert [
        a["hreflang"] for a in items[1].select(".conference-document__files a")
    ] == ["en"]
    meta = items[0].select_one(".document-meta").get_text()
    assert document.file_en.file_extension.upper() in meta
    assert any(unit in meta for unit in ("bytes", "KB", "byte"))
    type_label = {"en": "Concept note", "es": "Nota conceptual"}[lang]
    assert (
        items[0].select_one(".conference-document__type").get_text(strip=True)
        == type_label
    )


def test_a_changed_conference_document_shows_at_once_in_both_languages(
    client, home_page
):
    """Conference documents are kept per content generation (pages/blocks.py):
    editing one must reach the pages that list it, cached or not."""
    document = ConferenceDocumentFactory(title_en="Agenda", title_es="Orden del día")
    block = {
        "type": "conference_documents",
        "value": {"heading": "", "intro": "", "documents": [document.pk]},
    }
    page = StandardPageFactory(parent=home_page, body_en=[block], body_es=[block])

    def titles(lang):
        html = soup(client.get(page.url_in(lang)))
        return [h.get_text(strip=True) for h in html.select(".conference-document h3")]

    assert (titles("en"), titles("es")) == (["Agenda"], ["Orden del día"])
    document.title_en, document.title_es = "Final agenda", "Orden del día final"
    document.save()
    assert (titles("en"), titles("es")) == (["Final agenda"], ["Orden del día final"])
    document.delete()
    assert (titles("en"), titles("es")) == ([], [])


def test_editor_can_create_a_showcase_programme_in_the_admin(
    client, home_page, django_user_model
):
    user = django_user_model.objects.create_superuser(
        "ed", "ed@example.org", "a-long-test-password"
    )
    client.force_login(user)
    index = ShowcaseIndexPageFactory(parent=home_page)
    url = f"/admin/pages/add/pages/showcaseprogrammepage/{index.pk}/"
    assert client.get(url).status_code == 200
    data = nested_form_data(
        {
            "title_en": "Urban gardens",
            "title_es": "Huertos urbanos",
            "slug_en": "urban-gardens",
            "slug_es": "huertos-urbanos",
            "theme": "sustainable-city",
            "summary_en": "Gardens on rooftops.",
            "summary_es": "Huertos en las azoteas.",
            "key_figures_en": streamfield([]),
            "key_figures_es": streamfield([]),
            "body_en": streamfield([]),
            "body_es": streamfield([]),
            "listing_summary_en": "",
            "listing_summary_es": "",
            "action-publish": "publish",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content[:2000]
    page = ShowcaseProgrammePage.objects.get(slug_en="urban-gardens")
    assert page.live and page.summary_es == "Huertos en las azoteas."


@pytest.mark.parametrize(
    ("lang", "start", "end", "expected"),
    [
        ("en", (2015, 9, 28), (2015, 9, 30), "28–30 September 2015"),
        ("es", (2015, 9, 28), (2015, 9, 30), "28 al 30 de septiembre de 2015"),
        ("en", (2015, 9, 30), (2015, 10, 2), "30 September–2 October 2015"),
        (
            "es",
            (2015, 9, 30),
            (2015, 10, 2),
            "30 de septiembre al 2 de octubre de 2015",
        ),
        ("en", (2015, 12, 31), (2016, 1, 1), "31 December 2015–1 January 2016"),
        ("en", (2015, 9, 28), (2015, 9, 28), "28 September 2015"),
    ],
)
def test_date_range_follows_the_language(lang, start, end, expected):
    from django.utils import translation

    from pages.templatetags.conference_tags import date_range

    with translation.override(lang):
        assert date_range(datetime.date(*start), datetime.date(*end)) == expected


@pytest.fixture
def editor(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "editor", "editor@example.org", "a-long-test-password"
    )
    client.force_login(user)
    return user


@pytest.mark.parametrize(
    ("url_name", "fields"),
    [
        ("organisation", ["name_en", "name_es", "role", "website"]),
        ("contactoffice", ["name_en", "name_es", "city_es", "country_es", "email"]),
        ("conferencedocument", ["title_en", "title_es", "file_en", "file_es"]),
    ],
)
def test_editors_edit_snippets_in_both_languages(client, editor, url_name, fields):
    listing = client.get(f"/admin/snippets/pages/{url_name}/")
    assert listing.status_code == 200
    form = soup(client.get(f"/admin/snippets/pages/{url_name}/add/"))
    names = {field["name"] for field in form.select("[name]")}
    assert set(fields) <= names


def test_editors_edit_the_conference_settings_in_both_languages(
    client, editor, home_page
):
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    form = soup(client.get(f"/admin/settings/pages/conferencesettings/{site.pk}/"))
    names = {field["name"] for field in form.select("[name]")}
    assert {"name_en", "name_es", "footer_text_es", "start_date"} <= names


def test_footer_reads_the_conference_settings(client, home_page, lang):
    from wagtail.models import Site

    from pages.models import ConferenceSettings

    conference = ConferenceSettings.for_site(Site.objects.get(is_default_site=True))
    conference.name_en, conference.name_es = "Learning Cities 2015", "Ciudades 2015"
    conference.footer_text_en = "Organised by the learning city."
    conference.footer_text_es = "Organizada por la ciudad del aprendizaje."
    conference.youtube_url = "https://www.youtube.com/user/unesco"
    conference.save()
    footer = soup(client.get(f"/{lang}/")).select_one(".site-footer")
    assert getattr(conference, f"name_{lang}") in footer.get_text()
    assert getattr(conference, f"footer_text_{lang}") in footer.get_text()
    assert footer.select_one(".site-footer__social a")["href"] == conference.youtube_url
