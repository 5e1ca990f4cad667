"""The contact page: both offices and the press contact, in both languages."""

import json

import pytest
from bs4 import BeautifulSoup

from pages.models import ContactPage

pytestmark = pytest.mark.django_db

ADDRESS = {"en": "/en/contact/", "es": "/es/contacto/"}
OFFICES = {
    "en": ["Office in Mexico", "Office in Hamburg"],
    "es": ["Oficina en México", "Oficina en Hamburgo"],
}
PRESS_PHONE = "+49 40 44 80 41 12"
PRESS_EMAIL = "learningcities@unesco.org"


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def contact_points(data):
    """Every schema.org ContactPoint in the JSON-LD, wherever it is."""
    if isinstance(data, list):
        return [point for item in data for point in contact_points(item)]
    if not isinstance(data, dict):
        return []
    found = [data] if data.get("@type") == "ContactPoint" else []
    return found + [p for value in data.values() for p in contact_points(value)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_loaded_contact_page_in_both_languages(client, loaded_content, language):
    assert ContactPage.objects.live().count() == 1
    url = ADDRESS[language]
    soup = page(client, url)
    assert soup.h1.get_text(strip=True) == {"en": "Contact", "es": "Contacto"}[language]
    offices = [
        p.get_text(strip=True) for p in soup.select("main .contact-office__name")
    ]
    assert offices == OFFICES[language]
    press = soup.select_one("main .press-contact")
    assert press.find("a", href="tel:+494044804112").get_text() == PRESS_PHONE
    assert press.find("a", href=f"mailto:{PRESS_EMAIL}").get_text() == PRESS_EMAIL
    institute = {
        "en": "UNESCO Institute for Lifelong Learning",
        "es": "Instituto de la UNESCO para el Aprendizaje a lo Largo de Toda la Vida",
    }[language]
    assert institute in press.get_text()

    canonical = soup.head.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver{url}"
    twin = ADDRESS["es" if language == "en" else "en"]
    assert soup.select_one(".language-switcher a")["href"] == twin

    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "ContactPage"
    assert data["inLanguage"] == language
    points = contact_points(data)
    assert [point["name"] for point in points[:2]] == OFFICES[language]
    press_point = points[2]
    assert (press_point["telephone"], press_point["email"]) == (
        PRESS_PHONE,
        PRESS_EMAIL,
    )
    assert press_point["contactType"] == {"en": "press", "es": "prensa"}[language]
    hamburg = data["mainEntity"][1]
    assert hamburg["address"]["addressCountry"] == "DE"

    # Every page's footer links to it.
    footer = page(client, f"/{language}/").select_one(".site-footer")
    assert url in {a["href"] for a in footer.find_all("a")}
    # The English slug does not answer in Spanish, nor the Spanish one in English.
    page(client, "/es/contact/" if language == "es" else "/en/contacto/", status=404)


def test_sitemap_lists_the_contact_page_in_both_languages(client, loaded_content):
    response = client.get("/sitemap.xml")
    sitemap = BeautifulSoup(response.content, "xml")
    entries = {
        url.loc.string: {
            link["hreflang"]: link["href"] for link in url.find_all("xhtml:link")
        }
        for url in sitemap.find_all("url")
    }
    en, es = (f"http://testserver{ADDRESS[language]}" for language in ("en", "es"))
    assert entries[en] == entries[es] == {"en": en, "es": es, "x-default": en}
