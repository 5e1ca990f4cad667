"""The programme: grouping by day, filters, day views, times, now/next, venues."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
import time_machine
from bs4 import BeautifulSoup
from wagtail_factories import DocumentFactory

from pages.models import SessionDocument
from pages.models.base import localise_subpath
from tests.factories import (
    MEXICO_CITY,
    ProgrammePageFactory,
    SessionPageFactory,
    SessionParticipantFactory,
    VenueIndexPageFactory,
    VenuePageFactory,
)

pytestmark = pytest.mark.django_db


def at(day, hour, minute=0):
    return datetime.datetime(2015, 9, day, hour, minute, tzinfo=MEXICO_CITY)


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def programme(home_page):
    """Two venues and five sessions over three days, created out of order."""
    venues = VenueIndexPageFactory(parent=home_page)
    city_hall = VenuePageFactory(
        parent=venues, title_en="City Hall", title_es="Palacio del Ayuntamiento"
    )
    fine_arts = VenuePageFactory(
        parent=venues, title_en="Fine Arts", title_es="Bellas Artes"
    )
    page = ProgrammePageFactory(parent=home_page)
    sessions = {
        "closing": SessionPageFactory(
            parent=page,
            title_en="Closing ceremony",
            title_es="Ceremonia de clausura",
            session_type="closing",
            start=at(30, 12),
            venue=fine_arts,
        ),
        "plenary": SessionPageFactory(
            parent=page,
            title_en="Plenary session (I)",
            title_es="Sesión plenaria (I)",
            start=at(28, 11, 30),
            venue=fine_arts,
        ),
        "opening": SessionPageFactory(
            parent=page,
            title_en="Opening ceremony",
            title_es="Ceremonia de inauguración",
            session_type="opening",
            start=at(28, 9, 30),
            venue=fine_arts,
        ),
        "forum": SessionPageFactory(
            parent=page,
            title_en="Mayors' Forum",
            title_es="Foro de Alcaldes",
            session_type="mayors_forum",
            start=at(29, 9, 30),
            end=at(29, 13, 30),
            venue=city_hall,
        ),
        "visit": SessionPageFactory(
            parent=page,
            title_en="Visit CDMX",
            title_es="Visita CDMX",
            session_type="city_visit",
            start=at(28, 17, 30),
            venue=city_hall,
        ),
    }
    page.sessions = sessions
    page.venues = {"city_hall": city_hall, "fine_arts": fine_arts}
    return page


def url(page, lang, suffix=""):
    """The page's address in `lang`, a routed `suffix` (`day/…/`) in its words."""
    return page.url_in(lang) + localise_subpath(lang, suffix)


def titles(response):
    return [a.get_text(strip=True) for a in soup(response).select(".session__title a")]


def day_headings(response):
    return [h.get_text(strip=True) for h in soup(response).select("h2[id^=day-]")]


def test_sessions_grouped_by_day_in_time_order(client, programme):
    response = client.get(url(programme, "en"))
    assert response.status_code == 200
    assert day_headings(response) == [
        "Monday 28 September 2015",
        "Tuesday 29 September 2015",
        "Wednesday 30 September 2015",
    ]
    assert titles(response) == [
        "Opening ceremony",
        "Plenary session (I)",
        "Visit CDMX",
        "Mayors' Forum",
        "Closing ceremony",
    ]
    page = soup(response)
    monday = page.select("section.programme-day")[0]
    assert len(monday.select(".session")) == 3
    assert "Opening ceremony" in monday.select_one(".session__type").get_text()
    assert "Fine Arts" in monday.select_one(".session__venue").get_text()


def test_programme_in_spanish(client, programme):
    response = client.get(url(programme, "es"))
    assert response.status_code == 200
    assert day_headings(response)[0] == "Lunes 28 de septiembre de 2015"
    assert titles(response)[0] == "Ceremonia de inauguración"
    first = soup(response).select_one(".session")
    assert "Ceremonia de inauguración" in first.select_one(".session__type").text
    assert first.select_one(".session__venue").get_text(strip=True) == "Bellas Artes"


ZONE_LABELS = {
    "en": "Mexico City time (UTC\u22125 in September 2015)",
    "es": "hora de la Ciudad de México (UTC\u22125 en septiembre de 2015)",
}
ALL_TIMES = {
    "en": "All times are Mexico City time (UTC\u22125 in September 2015).",
    "es": "Todos los horarios corresponden a la hora de la Ciudad de México "
    "(UTC\u22125 en septiembre de 2015).",
}


def test_times_are_mexico_city_time_with_zone_named(client, programme):
    opening = programme.sessions["opening"]
    # Stored in UTC: 09:30 in Mexico City (CDT, UTC-5) is 14:30 UTC.
    opening.refresh_from_db()
    assert opening.start.astimezone(datetime.UTC).hour == 14
    english = soup(client.get(url(programme, "en")))
    spanish = soup(client.get(url(programme, "es")))
    assert english.select_one(".session__time time").get_text() == "9:30 a.m."
    assert spanish.select_one(".session__time time").get_text() == "09:30 h"
    detail = soup(client.get(url(opening, "es")))
    facts = detail.select_one(".session-facts").get_text(" ", strip=True)
    assert "Lunes 28 de septiembre de 2015" in facts
    assert "09:30 h" in facts


@pytest.mark.parametrize(
    ("page", "suffix"),
    [
        ("programme", ""),
        ("programme", "day/2015-09-29/"),
        ("opening", ""),
        ("city_hall", ""),
        ("home", ""),
    ],
)
def test_times_name_their_zone_and_its_offset_not_its_id(
    client, programme, lang, page, suffix
):
    """Visitors read "Mexico City time (UTC−5 …)", never "America/Mexico_City"."""
    pages = {
        "programme": programme,
        "opening": programme.sessions["opening"],
        "city_hall": programme.venues["city_hall"],
        "home": programme.get_parent().specific,
    }
    html = soup(client.get(url(pages[page], lang, suffix)))
    if page == "opening":
        label = html.select_one(".session-facts__zone").get_text(strip=True)
        assert label == ZONE_LABELS[lang]
    else:
        label = html.select_one(".programme__zone").get_text(" ", strip=True)
        assert label == ALL_TIMES[lang]
    assert "America/Mexico_City" not in html.get_text()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?day=2015-09-28", ["Opening ceremony", "Plenary session (I)", "Visit CDMX"]),
        ("?type=closing", ["Closing ceremony"]),
        ("?day=2015-09-28&type=city_visit", ["Visit CDMX"]),
    ],
)
def test_filters_by_day_and_type(client, programme, query, expected):
    response = client.get(url(programme, "en", query))
    assert response.status_code == 200
    assert titles(response) == expected


def test_filter_by_venue(client, programme):
    city_hall = programme.venues["city_hall"]
    response = client.get(url(programme, "en", f"?venue={city_hall.pk}"))
    assert titles(response) == ["Visit CDMX", "Mayors' Forum"]
    selected = soup(response).select_one("#filter-venue option[selected]")
    assert selected["value"] == str(city_hall.pk)


@pytest.mark.parametrize(
    "query",
    [
        "?day=2015-02-30",
        "?day=yesterday",
        "?day=2016-09-28",
        "?type=party",
        "?venue=abc",
        "?venue=99999",
        "?venue=-1",
        "?day=%00&type[]=x",
        "?day=2015-09-28" + "9" * 500,
    ],
)
def test_bad_filter_values_are_ignored(client, programme, query):
    response = client.get(url(programme, "en", query))
    assert response.status_code == 200
    assert len(titles(response)) == 5


def test_filters_with_no_match_say_so(client, programme):
    fine_arts = programme.venues["fine_arts"]
    response = client.get(
        url(programme, "en", f"?venue={fine_arts.pk}&type=city_visit")
    )
    assert response.status_code == 200
    assert titles(response) == []
    assert "No sessions match" in soup(response).select_one(".programme__empty").text


def test_day_view(client, programme, lang):
    response = client.get(url(programme, lang, "day/2015-09-29/"))
    assert response.status_code == 200
    page = soup(response)
    expected = "Mayors' Forum" if lang == "en" else "Foro de Alcaldes"
    assert titles(response) == [expected]
    heading = (
        "Tuesday 29 September 2015"
        if lang == "en"
        else "Martes 29 de septiembre de 2015"
    )
    assert page.h1.get_text(strip=True) == heading
    assert len(page.find_all("h1")) == 1
    # The language switcher keeps the day, in the words of the other language.
    other = "es" if lang == "en" else "en"
    twin = page.select_one(f".language-switcher a[hreflang={other}]")["href"]
    assert (
        twin
        == {
            "en": "/en/programme/day/2015-09-29/",
            "es": "/es/programa/dia/2015-09-29/",
        }[other]
    )
    assert client.get(twin).status_code == 200
    hreflang = page.select_one(f'head link[rel=alternate][hreflang="{other}"]')
    assert hreflang["href"].endswith(twin)


@pytest.mark.parametrize(
    ("address", "location"),
    [
        ("/es/programa/day/2015-09-28/", "/es/programa/dia/2015-09-28/"),
        (
            "/es/programa/day/2015-09-28/?type=opening",
            "/es/programa/dia/2015-09-28/?type=opening",
        ),
        ("/en/programme/dia/2015-09-28/", "/en/programme/day/2015-09-28/"),
        ("/es/programa/calendar.ics", "/es/programa/calendario.ics"),
        (
            "/es/programa/day/2015-09-28/calendar.ics",
            "/es/programa/dia/2015-09-28/calendario.ics",
        ),
        ("/en/programme/calendario.ics", "/en/programme/calendar.ics"),
        ("/es/programa/sessions.csv", "/es/programa/sesiones.csv"),
        ("/en/programme/sesiones.csv", "/en/programme/sessions.csv"),
    ],
)
def test_sub_paths_in_the_other_language_redirect_for_good(
    client, programme, address, location
):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == location
    assert client.get(location).status_code == 200


def test_session_calendar_reads_spanish_under_es(client, programme):
    session = programme.sessions["opening"].url_in("es")
    response = client.get(session + "calendar.ics")
    assert response.status_code == 301
    assert response["Location"] == session + "calendario.ics"
    assert client.get(session + "calendario.ics").status_code == 200


def test_day_view_filters_by_type(client, programme):
    response = client.get(url(programme, "en", "day/2015-09-28/?type=opening"))
    assert titles(response) == ["Opening ceremony"]


@pytest.mark.parametrize(
    "suffix", ["day/2015-09-27/", "day/2015-13-01/", "day/2015-9-28/", "day/tuesday/"]
)
def test_day_without_sessions_or_bad_date_is_404(client, programme, suffix):
    assert client.get(url(programme, "en", suffix)).status_code == 404


def test_programme_links_each_day(client, programme):
    page = soup(client.get(url(programme, "es")))
    links = [a["href"] for a in page.select("h2[id^=day-] a")]
    assert links == [f"/es/programa/dia/2015-09-{day}/" for day in ("28", "29", "30")]
    day = soup(client.get(links[0]))
    other_days = [a["href"] for a in day.select(".day-nav a")]
    assert other_days == links[1:]
    assert day.select_one("a.calendar-link")["href"] == (
        "/es/programa/dia/2015-09-28/calendario.ics"
    )
    session = soup(client.get(url(programme.sessions["forum"], "es")))
    assert session.select_one(".back-link a")["href"] == links[1]


@pytest.mark.parametrize(
    ("moment", "now", "next_"),
    [
        (at(28, 10), ["Opening ceremony"], ["Plenary session (I)"]),
        (at(28, 8), [], ["Opening ceremony"]),
        (at(29, 7), [], ["Mayors' Forum"]),
        (at(30, 12, 30), ["Closing ceremony"], []),
    ],
)
def test_now_and_next_while_the_conference_is_on(client, programme, moment, now, next_):
    with time_machine.travel(moment, tick=False):
        page = soup(client.get(url(programme, "en")))

    def marked(kind):
        return [
            s.select_one(".session__title").get_text(strip=True)
            for s in page.select(f".session--{kind}")
        ]

    assert marked("now") == now
    assert marked("next") == next_
    if now:
        assert page.select_one(".session--now .session__marker").text == "Now"


@pytest.mark.parametrize(
    "moment",
    [at(27, 20), at(30, 14), datetime.datetime(2026, 1, 1, tzinfo=MEXICO_CITY)],
)
def test_no_now_or_next_outside_the_conference(client, programme, moment):
    with time_machine.travel(moment, tick=False):
        page = soup(client.get(url(programme, "en")))
    assert page.select(".session__marker") == []


def test_venue_page_lists_its_sessions(client, programme, lang):
    city_hall = programme.venues["city_hall"]
    programme.sessions["visit"].unpublish()
    response = client.get(url(city_hall, lang))
    assert response.status_code == 200
    listed = [
        a.get_text(strip=True) for a in soup(response).select(".venue__sessions a")
    ]
    assert listed == (["Mayors' Forum"] if lang == "en" else ["Foro de Alcaldes"])
    osm = soup(response).find("a", href=lambda h: h and "openstreetmap.org" in h)
    assert "mlat=19.432000" in osm["href"] and "mlon=-99.133000" in osm["href"]


def test_venue_index_lists_venues(client, programme):
    response = client.get("/es/sedes/")
    assert response.status_code == 200
    names = [a.get_text(strip=True) for a in soup(response).select(".card__title a")]
    assert names == ["Palacio del Ayuntamiento", "Bellas Artes"]


def test_session_page_shows_people_and_calendar_link(client, programme, lang):
    opening = programme.sessions["opening"]
    SessionParticipantFactory(
        page=opening, role="chair", person__name="Miguel Ejemplo", sort_order=0
    )
    response = client.get(url(opening, lang))
    assert response.status_code == 200
    page = soup(response)
    person = page.select_one(".person")
    assert "Miguel Ejemplo" in person.text
    assert ("Mayor" if lang == "en" else "Alcaldesa") in person.text
    calendar = url(opening, lang) + {"en": "calendar.ics", "es": "calendario.ics"}[lang]
    assert page.select_one("a.calendar-link")["href"] == calendar
    assert page.select_one('link[type="text/calendar"]')["href"] == calendar


def test_session_page_lists_its_documents_and_only_then_looks_them_up(
    client, programme
):
    opening, forum = programme.sessions["opening"], programme.sessions["forum"]
    agenda = DocumentFactory(title="Opening agenda", file__filename="agenda.pdf")
    SessionDocument.objects.create(page=opening, document=agenda, sort_order=0)
    listed = soup(client.get(url(opening, "en"))).select(".document-list a")
    assert [(a.get_text(strip=True), a["href"]) for a in listed] == [
        ("Opening agenda", agenda.url)
    ]
    with CaptureQueriesContext(connection) as queries:
        page = soup(client.get(url(forum, "es")))
    assert not page.select(".document-list")
    looked_up = [q for q in queries if q["sql"].startswith('SELECT "pages_sessiondoc')]
    assert not looked_up


def test_home_page_shows_the_programme_by_day(client, programme):
    page = soup(client.get("/es/"))
    teaser = page.select_one(".programme-teaser")
    days = [h.get_text(strip=True) for h in teaser.select("h3")]
    assert days[0] == "Lunes 28 de septiembre de 2015"
    assert teaser.select_one("h3 a")["href"] == "/es/programa/dia/2015-09-28/"
    assert "Ceremonia de inauguración" in teaser.text


def test_programme_query_count_does_not_grow_with_sessions(
    client, programme, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # count renders, not cache hits
    # 5 sessions from the fixture + 2 = 7, each with speakers.
    for index in range(2):
        SessionPageFactory(parent=programme, start=at(29, 15 + index))
    for session in programme.get_children().specific():
        SessionParticipantFactory(page=session)
    assert programme.get_children().count() == 7
    address = url(programme, "en")
    client.get(address)  # warm the site-root cache
    with CaptureQueriesContext(connection) as seven:
        assert client.get(address).status_code == 200
    # Count now: connection.queries keeps only the last 9000 queries.
    with_seven = len(seven.captured_queries)
    for index in range(143):
        session = SessionPageFactory(
            parent=programme,
            start=at(28 + index % 3, 8) + datetime.timedelta(minutes=5 * index),
            venue=programme.venues["city_hall"],
        )
        SessionParticipantFactory(page=session)
    assert programme.get_children().count() == 150
    client.get(address)  # the first render after a change rebuilds the site chrome
    with django_assert_num_queries(with_seven):
        response = client.get(address)
    assert len(titles(response)) == 150


def test_page_tree_rules(programme):
    from pages.models import HomePage, ProgrammePage, SessionPage, VenuePage

    assert ProgrammePage.allowed_parent_page_models() == [HomePage]
    assert SessionPage.allowed_parent_page_models() == [ProgrammePage]
    assert ProgrammePage.allowed_subpage_models() == [SessionPage]
    assert VenuePage.allowed_subpage_models() == []
    assert not ProgrammePage.can_create_at(programme.get_parent())  # max_count = 1


def test_editors_manage_people_and_sessions(admin_client, programme):
    SessionParticipantFactory(
        page=programme.sessions["opening"], person__name="Ana Ruiz"
    )
    listing = admin_client.get("/admin/snippets/pages/person/")
    assert listing.status_code == 200
    assert "Ana Ruiz" in listing.content.decode()
    form = admin_client.get(f"/admin/pages/add/pages/sessionpage/{programme.pk}/")
    assert form.status_code == 200
    html = soup(form)
    assert html.select("input[type=checkbox][name=interpretation_languages][value=fr]")
    assert html.select("[name=title_es]") and html.select("[name=summary_es]")


def test_editor_creates_a_session_with_interpretation(admin_client, programme):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        streamfield,
    )

    from pages.models import SessionPage

    city_hall = programme.venues["city_hall"]
    data = nested_form_data(
        {
            "title_en": "Parallel session A",
            "title_es": "Sesión paralela A",
            "slug_en": "parallel-session-a",
            "slug_es": "sesion-paralela-a",
            "session_type": "parallel",
            "start": "2015-09-29 15:00",
            "end": "2015-09-29 16:30",
            "venue": city_hall.pk,
            "room_en": "Room 2",
            "room_es": "Sala 2",
            "participants": inline_formset([]),
            "documents": inline_formset([]),
            "body_en": streamfield([]),
            "body_es": streamfield([]),
            "action-publish": "publish",
        }
    )
    data["interpretation_languages"] = ["en", "fr"]
    response = admin_client.post(
        f"/admin/pages/add/pages/sessionpage/{programme.pk}/", data
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    session = SessionPage.objects.get(slug_en="parallel-session-a")
    assert session.live
    assert session.interpretation_languages == ["en", "fr"]
    assert session.start == at(29, 15)
    listing = soup(admin_client.get(url(programme, "en", "?type=parallel")))
    assert [a.get_text(strip=True) for a in listing.select(".session__title a")] == [
        "Parallel session A"
    ]
