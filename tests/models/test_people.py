"""The speakers page and a page per chair or speaker, in both languages."""

import json

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from pages.content_generation import bump_generation
from pages.models import Person, SessionPage, SpeakerIndexPage
from tests.factories import (
    PersonFactory,
    ProgrammePageFactory,
    SessionPageFactory,
    SessionParticipantFactory,
)

pytestmark = pytest.mark.django_db

INDEX = {"en": "/en/speakers/", "es": "/es/ponentes/"}
OTHER = {"en": "es", "es": "en"}
# The 2015 people (pages/content/programme.yaml) and their sessions' English slugs.
PEOPLE = {
    "miguel-angel-mancera-espinosa": "Miguel Ángel Mancera Espinosa",
    "qian-tang": "Dr. Qian Tang",
    "arne-carlsen": "Arne Carlsen",
    "mara-robles-villasenor": "Mara Robles Villaseñor",
}
ROLES = {
    "en": "Assistant Director-General for Education, UNESCO",
    "es": "Subdirector General de Educación, UNESCO",
}


class SpeakerIndexPageFactory(wagtail_factories.PageFactory):
    title_en = "Speakers"
    title_es = "Ponentes"
    slug_en = "speakers"
    slug_es = "ponentes"

    class Meta:
        model = SpeakerIndexPage


def page(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def json_ld(soup):
    return json.loads(soup.find("script", type="application/ld+json").string)


def alternates(soup):
    return {
        link["hreflang"]: link["href"]
        for link in soup.head.find_all("link", rel="alternate", hreflang=True)
    }


def test_only_people_of_live_sessions_have_a_page(client, home_page):
    SpeakerIndexPageFactory(parent=home_page)
    programme = ProgrammePageFactory(parent=home_page)
    speaking = SessionParticipantFactory(
        page=SessionPageFactory(parent=programme), person__name="Ana Pérez"
    ).person
    draft = SessionPageFactory(parent=programme, live=False)
    unannounced = SessionParticipantFactory(page=draft).person
    unused = PersonFactory()

    assert speaking.slug == "ana-perez"
    listing = page(client, "/en/speakers/")
    assert [a["href"] for a in listing.select(".person a")] == [
        "/en/speakers/ana-perez/"
    ]
    page(client, "/es/ponentes/ana-perez/")
    page(client, f"/en/speakers/{unannounced.slug}/", status=404)
    page(client, f"/en/speakers/{unused.slug}/", status=404)


def test_a_person_slug_is_made_from_the_name_once_and_is_unique(db):
    first = PersonFactory(name="José Ángel Núñez")
    second = PersonFactory(name="José Ángel Núñez")
    chosen = PersonFactory(name="Someone", slug="chosen")
    assert (first.slug, second.slug, chosen.slug) == (
        "jose-angel-nunez",
        "jose-angel-nunez-2",
        "chosen",
    )
    first.name = "José Á. Núñez"
    first.save()
    first.refresh_from_db()
    assert first.slug == "jose-angel-nunez"  # links to the page keep working


def test_a_person_page_costs_the_same_whatever_the_number_of_people(
    client, home_page, django_assert_max_num_queries
):
    SpeakerIndexPageFactory(parent=home_page)
    programme = ProgrammePageFactory(parent=home_page)
    person = SessionParticipantFactory(page=SessionPageFactory(parent=programme)).person
    urls = ["/en/speakers/", f"/es/ponentes/{person.slug}/"]
    for url in urls:
        page(client, url)  # the site chrome, Wagtail's caches

    def queries(url):
        with django_assert_max_num_queries(8) as captured:
            page(client, url)
        return len(captured.captured_queries)

    bump_generation()  # no page cache; the chrome is rebuilt once, here:
    page(client, "/en/")
    page(client, "/es/")
    before = {url: queries(url) for url in urls}
    for _n in range(5):
        session = SessionPageFactory(parent=programme)
        SessionParticipantFactory(page=session)
        SessionParticipantFactory(page=session, person=person, role="chair")
    bump_generation()
    page(client, "/en/")
    page(client, "/es/")
    assert {url: queries(url) for url in urls} == before


# The 2015 content, loaded once: last in the module, as it stays until the end.
@pytest.mark.parametrize("language", ["en", "es"])
def test_loaded_speakers_pages_in_both_languages(client, loaded_content, language):
    assert set(Person.objects.values_list("slug", flat=True)) == set(PEOPLE)
    index = INDEX[language]

    listing = page(client, index)
    links = {a["href"]: a.get_text(strip=True) for a in listing.select(".person a")}
    assert links == {f"{index}{slug}/": name for slug, name in PEOPLE.items()}
    assert (
        listing.h1.get_text(strip=True)
        == {"en": "Speakers", "es": "Ponentes"}[language]
    )

    url = f"{index}qian-tang/"
    person = page(client, url)
    assert person.h1.get_text(strip=True) == "Dr. Qian Tang"
    assert person.select_one(".lead").get_text(strip=True) == ROLES[language]
    canonical = person.head.find("link", rel="canonical")["href"]
    assert canonical == f"http://testserver{url}"
    assert person.title.get_text().startswith("Dr. Qian Tang · ")
    description = person.head.find("meta", attrs={"name": "description"})["content"]
    assert "UNESCO" in description
    # The other language's address of the same person, in the head and the switcher.
    twin = f"{INDEX[OTHER[language]]}qian-tang/"
    assert alternates(person) == {
        "en": f"http://testserver{INDEX['en']}qian-tang/",
        "es": f"http://testserver{INDEX['es']}qian-tang/",
        "x-default": f"http://testserver{INDEX['en']}qian-tang/",
    }
    switcher = person.select_one(".language-switcher a")
    assert switcher["href"] == twin
    assert page(client, twin).h1.get_text(strip=True) == "Dr. Qian Tang"

    # The sessions the person takes part in, with their part, in the language.
    opening = SessionPage.objects.get(slug_en="opening-ceremony")
    sessions = person.select(".speaker-sessions li")
    assert len(sessions) == 1
    assert sessions[0].a["href"] == opening.url_in(language)
    part = sessions[0].select_one(".speaker-sessions__part").get_text(strip=True)
    assert part == {"en": "(speaker)", "es": "(ponente)"}[language]
    chair = page(client, f"{index}mara-robles-villasenor/")
    parts = [s.get_text(strip=True) for s in chair.select(".speaker-sessions__part")]
    assert parts == [{"en": "(chair)", "es": "(preside)"}[language]]

    data = json_ld(person)
    assert data["@type"] == "ProfilePage"
    assert data["inLanguage"] == language
    someone = data["mainEntity"]
    assert someone["@type"] == "Person"
    assert (someone["name"], someone["honorificPrefix"]) == ("Qian Tang", "Dr.")
    assert someone["url"] == canonical
    assert [event["name"] for event in someone["performerIn"]] == [opening.title]

    # Unknown people, and addresses the route does not take, are not found.
    page(client, f"{index}nobody/", status=404)
    page(client, f"{index}Qian-Tang/", status=404)
    page(client, f"{index}qian-tang/more/", status=404)


@pytest.mark.parametrize("language", ["en", "es"])
def test_sessions_link_their_people_to_their_pages(client, loaded_content, language):
    opening = SessionPage.objects.get(slug_en="opening-ceremony")
    expected = {
        f"{INDEX[language]}{slug}/"
        for slug in ("miguel-angel-mancera-espinosa", "qian-tang", "arne-carlsen")
    }
    session = page(client, opening.url_in(language))
    assert {a["href"] for a in session.select(".person__name a")} == expected
    programme = page(client, opening.get_parent().specific.url_in(language))
    linked = {a["href"] for a in programme.select(".session__people a")}
    assert expected <= linked
    # The footer links to the speakers page.
    footer = page(client, f"/{language}/").select_one(".site-footer")
    assert INDEX[language] in {a["href"] for a in footer.find_all("a")}


def test_sitemap_lists_each_person_in_both_languages(client, loaded_content):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    sitemap = BeautifulSoup(response.content, "xml")
    entries = {
        url.loc.string: {
            link["hreflang"]: link["href"] for link in url.find_all("xhtml:link")
        }
        for url in sitemap.find_all("url")
    }
    for slug in PEOPLE:
        en = f"http://testserver/en/speakers/{slug}/"
        es = f"http://testserver/es/ponentes/{slug}/"
        for location in (en, es):
            assert entries[location] == {"en": en, "es": es, "x-default": en}
    assert "http://testserver/es/ponentes/" in entries
