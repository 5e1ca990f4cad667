"""The <head> of every page: canonical, hreflang, description, social cards, JSON-LD."""

import json

from django.utils import translation

import pytest
from bs4 import BeautifulSoup
from wagtail_factories import ImageFactory

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def head(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").head


def meta(soup, **attrs):
    tag = soup.find("meta", attrs=attrs)
    return tag["content"] if tag else None


@pytest.fixture
def shared_page(home_page):
    image = ImageFactory(
        title="Zócalo",
        description_en="The Zócalo",
        description_es="El Zócalo",
        file__width=1600,
        file__height=1000,
    )
    return StandardPageFactory(
        parent=home_page,
        seo_title_en="Learning cities explained",
        seo_title_es="Las ciudades del aprendizaje, explicadas",
        search_description_en="What a learning city does.",
        search_description_es="Qué hace una ciudad del aprendizaje.",
        listing_image=image,
    )


@pytest.mark.parametrize(
    ("language", "title", "description", "locale", "alternate", "alt"),
    [
        (
            "en",
            "Learning cities explained",
            "What a learning city does.",
            "en_US",
            "es_MX",
            "The Zócalo",
        ),
        (
            "es",
            "Las ciudades del aprendizaje, explicadas",
            "Qué hace una ciudad del aprendizaje.",
            "es_MX",
            "en_US",
            "El Zócalo",
        ),
    ],
)
def test_title_description_and_social_cards_per_language(
    client, shared_page, language, title, description, locale, alternate, alt
):
    slug = getattr(shared_page, f"slug_{language}")
    url = f"http://testserver/{language}/{slug}/"
    soup = head(client, f"/{language}/{slug}/")
    assert soup.title.get_text().startswith(title)
    assert soup.find("link", rel="canonical")["href"] == url
    assert meta(soup, name="description") == description
    assert meta(soup, property="og:title") == title
    assert meta(soup, property="og:description") == description
    assert meta(soup, property="og:url") == url
    assert meta(soup, property="og:locale") == locale
    assert meta(soup, property="og:locale:alternate") == alternate
    assert meta(soup, property="og:image").startswith("http://testserver/media/")
    assert (
        meta(soup, property="og:image:width"),
        meta(soup, property="og:image:height"),
    ) == ("1200", "630")
    assert meta(soup, property="og:image:alt") == alt
    assert meta(soup, name="twitter:card") == "summary_large_image"
    hreflangs = {
        link["hreflang"]: link["href"]
        for link in soup.find_all("link", rel="alternate", hreflang=True)
    }
    assert hreflangs["en"] == f"http://testserver/en/{shared_page.slug_en}/"
    assert hreflangs["es"] == f"http://testserver/es/{shared_page.slug_es}/"
    assert hreflangs["x-default"] == hreflangs["en"]


def test_social_image_is_a_real_rendition(client, shared_page):
    soup = head(client, f"/en/{shared_page.slug_en}/")
    response = client.get(
        meta(soup, property="og:image").replace("http://testserver", "")
    )
    assert response.status_code == 200


def test_json_ld_describes_the_page_in_its_language(client, shared_page, lang):
    slug = getattr(shared_page, f"slug_{lang}")
    soup = head(client, f"/{lang}/{slug}/")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@context"] == "https://schema.org"
    assert data["inLanguage"] == lang
    assert data["url"] == f"http://testserver/{lang}/{slug}/"
    assert data["name"] == getattr(shared_page, f"title_{lang}")


def test_json_ld_cannot_be_closed_by_content(client, home_page):
    page = StandardPageFactory(
        parent=home_page, search_description_en="</script><script>alert(1)</script>"
    )
    html = client.get(f"/en/{page.slug_en}/").content.decode()
    assert "<script>alert(1)" not in html
    soup = BeautifulSoup(html, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["description"] == "</script><script>alert(1)</script>"


def json_ld_of(client, url):
    soup = head(client, url)
    return json.loads(soup.find("script", type="application/ld+json").string)


CONFERENCE = {
    "en": (
        "2nd International Conference on Learning Cities",
        "Mexico City",
        "UNESCO Institute for Lifelong Learning",
    ),
    "es": (
        "2.ª Conferencia Internacional sobre Ciudades del Aprendizaje",
        "Ciudad de México",
        "Instituto de la UNESCO para el Aprendizaje a lo Largo de Toda la Vida",
    ),
}


# Last in the module: the loaded content stays until the module ends.
@pytest.mark.parametrize("language", ["en", "es"])
def test_structured_data_of_the_conference_site(client, loaded_content, db, language):
    """The 2015 content (loaded once), then every page family's JSON-LD."""
    from pages.models import GalleryPage, PressReleasePage, SessionPage, VenuePage

    name, city, organiser = CONFERENCE[language]

    conference = json_ld_of(client, f"/{language}/")
    assert conference["@type"] == "Event"
    assert conference["name"] == name
    assert conference["inLanguage"] == language
    # From the programme, with the zone: Mexico City was on UTC−5 in September 2015.
    assert conference["startDate"].startswith("2015-09-28T")
    assert conference["startDate"].endswith("-05:00")
    assert conference["endDate"].startswith("2015-09-30T")
    assert conference["eventStatus"] == "https://schema.org/EventRescheduled"
    assert conference["previousStartDate"] == "2015-05-07"
    assert (
        conference["eventAttendanceMode"]
        == "https://schema.org/OfflineEventAttendanceMode"
    )
    assert conference["location"]["@type"] == "Place"
    assert conference["location"]["address"]["addressLocality"] == city
    assert conference["location"]["address"]["addressCountry"] == "MX"
    assert all(org["@type"] == "Organization" for org in conference["organizer"])
    assert organiser in {org["name"] for org in conference["organizer"]}
    assert conference["image"].startswith("http://testserver/")

    sessions = list(SessionPage.objects.live())
    assert sessions
    for session in sessions:
        with translation.override(language):
            data = json_ld_of(client, session.get_url())
        assert data["@type"] == "Event"
        assert data["name"] == getattr(session, f"title_{language}")
        assert data["inLanguage"] == language
        assert data["startDate"].endswith("-05:00")
        assert data["endDate"] > data["startDate"]
        assert data["superEvent"]["@type"] == "Event"
        assert data["superEvent"]["url"] == f"http://testserver/{language}/"
        if session.venue_id:
            assert data["location"]["@type"] == "Place"
            assert data["location"]["geo"]["@type"] == "GeoCoordinates"

    venues = list(VenuePage.objects.live())
    assert venues
    for venue in venues:
        with translation.override(language):
            data = json_ld_of(client, venue.get_url())
        assert data["@type"] == "Place"
        assert data["name"] == getattr(venue, f"title_{language}")
        assert data["geo"]["latitude"] == float(venue.latitude)
        assert data["address"]
        assert data["hasMap"].startswith("https://www.openstreetmap.org/")

    releases = list(PressReleasePage.objects.live())
    assert len(releases) >= 3
    for release in releases:
        with translation.override(language):
            data = json_ld_of(client, release.get_url())
        assert data["@type"] == "NewsArticle"
        assert data["headline"] == getattr(release, f"title_{language}")
        assert data["inLanguage"] == language
        assert data["datePublished"].startswith("2015-09-")
        assert data["publisher"]["@type"] == "Organization"
        assert data["image"].startswith("http://testserver/")

    galleries = list(GalleryPage.objects.live())
    assert galleries
    for gallery in galleries:
        with translation.override(language):
            data = json_ld_of(client, gallery.get_url())
        assert data["@type"] == "ImageGallery"
        assert data["name"] == getattr(gallery, f"title_{language}")
        photos = data["image"]
        assert photos and all(photo["@type"] == "ImageObject" for photo in photos)
        assert all(photo["contentUrl"].startswith("http://") for photo in photos)
        assert all(photo.get("description") for photo in photos)
