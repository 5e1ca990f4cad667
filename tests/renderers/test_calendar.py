"""iCalendar exports: every one parsed with the icalendar library."""

import datetime
from zoneinfo import ZoneInfo

import icalendar
import pytest
from bs4 import BeautifulSoup

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


@pytest.fixture
def programme(home_page):
    venues = VenueIndexPageFactory(parent=home_page)
    venue = VenuePageFactory(
        parent=venues,
        title_en="Palace of Fine Arts",
        title_es="Palacio de Bellas Artes",
        address_en="Avenida Juárez s/n\nMexico City",
        address_es="Avenida Juárez s/n\nCiudad de México",
    )
    page = ProgrammePageFactory(parent=home_page)
    opening = SessionPageFactory(
        parent=page,
        title_en="Opening ceremony",
        title_es="Ceremonia de inauguración",
        session_type="opening",
        start=datetime.datetime(2015, 9, 28, 9, 30, tzinfo=MEXICO_CITY),
        venue=venue,
        interpretation_languages=["en", "es"],
    )
    SessionParticipantFactory(page=opening, person__name="Ana Ejemplo")
    SessionPageFactory(
        parent=page,
        title_en="Mayors' Forum",
        title_es="Foro de Alcaldes",
        session_type="mayors_forum",
        start=datetime.datetime(2015, 9, 29, 9, 30, tzinfo=MEXICO_CITY),
    )
    page.opening = opening
    return page


def calendar_url(page, lang, suffix="calendar.ics"):
    """The address of a calendar below `page`, in the words of `lang`
    (`calendario.ics` in Spanish)."""
    return page.url_in(lang) + localise_subpath(lang, suffix)


def fetch(client, address, **headers):
    response = client.get(address, **headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events(calendar):
    return {str(e["UID"]): e for e in calendar.walk("VEVENT")}


def test_whole_programme(client, programme, lang):
    calendar = fetch(client, calendar_url(programme, lang))
    assert str(calendar["VERSION"]) == "2.0"
    zones = calendar.walk("VTIMEZONE")
    assert [str(z["TZID"]) for z in zones] == ["America/Mexico_City"]
    found = events(calendar)
    assert len(found) == 2
    uid = f"session-{programme.opening.translation_key}@iclc2015.learningcities"
    opening = found[uid]
    start = opening.decoded("DTSTART")
    assert start.tzinfo.key == "America/Mexico_City"
    assert opening["DTSTART"].params["TZID"] == "America/Mexico_City"
    assert (start.hour, start.minute) == (9, 30)
    assert start.utcoffset() == datetime.timedelta(hours=-5)
    assert opening.decoded("DTEND") - start == datetime.timedelta(hours=1)
    assert start.astimezone(ZoneInfo("UTC")).hour == 14
    if lang == "en":
        assert str(opening["SUMMARY"]) == "Opening ceremony"
        assert str(opening["LOCATION"]).startswith(
            "Palace of Fine Arts, Main hall, Avenida Juárez s/n Mexico City"
        )
        assert "Ana Ejemplo" in str(opening["DESCRIPTION"])
        assert "English, Spanish" in str(opening["DESCRIPTION"])
    else:
        assert str(opening["SUMMARY"]) == "Ceremonia de inauguración"
        assert str(opening["LOCATION"]).startswith(
            "Palacio de Bellas Artes, Sala principal, "
            "Avenida Juárez s/n Ciudad de México"
        )
        assert "Los alcaldes hablan del aprendizaje." in str(opening["DESCRIPTION"])
        assert "inglés, español" in str(opening["DESCRIPTION"])
    # On the host the calendar was asked on (the test client's), not the
    # Wagtail site's "localhost".
    assert str(opening["URL"]) == "http://testserver" + programme.opening.url_in(lang)
    assert opening["GEO"].latitude == pytest.approx(19.432)
    assert opening["GEO"].longitude == pytest.approx(-99.133)
    expected_category = (
        "Opening ceremony" if lang == "en" else "Ceremonia de inauguración"
    )
    assert opening.categories == [expected_category]
    assert opening["SEQUENCE"] == 0


def test_uids_are_the_same_in_both_languages(client, programme):
    english = events(fetch(client, calendar_url(programme, "en")))
    spanish = events(fetch(client, calendar_url(programme, "es")))
    assert set(english) == set(spanish)


def test_day_export_has_only_that_day(client, programme, lang):
    calendar = fetch(
        client, calendar_url(programme, lang, "day/2015-09-29/calendar.ics")
    )
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert summaries == (["Mayors' Forum"] if lang == "en" else ["Foro de Alcaldes"])
    assert calendar.walk("VTIMEZONE")


def test_day_export_for_a_day_without_sessions_is_404(client, programme):
    address = programme.url_in("en") + "day/2015-10-01/calendar.ics"
    assert client.get(address).status_code == 404
    assert (
        client.get(programme.url_in("en") + "day/2015-02-31/calendar.ics").status_code
        == 404
    )


def test_session_export(client, programme, lang):
    calendar = fetch(client, calendar_url(programme.opening, lang))
    (event,) = calendar.walk("VEVENT")
    assert str(event["UID"]).startswith(f"session-{programme.opening.translation_key}")
    assert calendar.walk("VTIMEZONE")


def test_uid_survives_edits_and_sequence_follows_time_and_place(client, programme):
    session = programme.opening
    address = session.url_in("en") + "calendar.ics"
    (before,) = fetch(client, address).walk("VEVENT")

    # A new title is not a new time or place: same UID, same SEQUENCE.
    session.title_en = "Opening ceremony of the conference"
    session.save_revision().publish()
    (renamed,) = fetch(client, address).walk("VEVENT")
    assert renamed["UID"] == before["UID"]
    assert renamed["SEQUENCE"] == 0
    assert str(renamed["SUMMARY"]) == "Opening ceremony of the conference"

    # Moved by half an hour: SEQUENCE goes up.
    session = type(session).objects.get(pk=session.pk)
    session.start += datetime.timedelta(minutes=30)
    session.end += datetime.timedelta(minutes=30)
    session.save_revision().publish()
    (moved,) = fetch(client, address).walk("VEVENT")
    assert moved["UID"] == before["UID"]
    assert moved["SEQUENCE"] == 1
    assert moved.decoded("DTSTART").hour == 10

    # Publishing an edit made from an older revision never lowers it.
    session = type(session).objects.get(pk=session.pk)
    session.room_es = "Sala Manuel M. Ponce"
    revision = session.save_revision()
    revision.publish()
    (roomed,) = fetch(client, address).walk("VEVENT")
    assert roomed["SEQUENCE"] == 2

    old = session.revisions.order_by("created_at").first().as_object()
    old.title_en = "Back to the old schedule"
    old.save_revision().publish()
    (restored,) = fetch(client, address).walk("VEVENT")
    assert restored["SEQUENCE"] == 3
    assert restored.decoded("DTSTART").hour == 9


def test_programme_page_announces_its_calendar(client, programme, lang):
    page = BeautifulSoup(client.get(programme.url_in(lang)).content, "html.parser")
    link = page.select_one('head link[rel=alternate][type="text/calendar"]')
    assert link["href"] == calendar_url(programme, lang)
    assert link["href"].endswith({"en": "calendar.ics", "es": "calendario.ics"}[lang])
    visible = page.select_one("a.calendar-link")
    assert visible["href"] == link["href"]
    assert fetch(client, visible["href"]).walk("VEVENT")


def test_day_calendar_is_named_after_the_day(client, programme):
    calendar = fetch(client, "/es/programa/dia/2015-09-28/calendario.ics")
    assert str(calendar["X-WR-CALNAME"]) == "Programa: lunes 28 de septiembre de 2015"


@pytest.mark.parametrize(
    "address", ["/en/calendar.ics", "/es/programa/nada/calendar.ics", "/en/x/y.ics"]
)
def test_unknown_calendar_addresses_are_404(client, programme, address):
    assert client.get(address).status_code == 404


@pytest.mark.parametrize(
    ("host", "secure", "root"),
    [
        ("127.0.0.1:8000", False, "http://127.0.0.1:8000"),
        ("iclc2015.example.org", True, "https://iclc2015.example.org"),
    ],
)
def test_event_links_open_on_the_host_the_calendar_came_from(
    client, programme, lang, host, secure, root
):
    """Under `make run` and in production alike: never "http://localhost/…"."""
    calendar = fetch(
        client, calendar_url(programme, lang), HTTP_HOST=host, secure=secure
    )
    links = sorted(str(event["URL"]) for event in calendar.walk("VEVENT"))
    sessions = programme.get_children().live().specific().order_by("path")
    assert links == sorted(root + session.url_in(lang) for session in sessions)
    response = client.get(links[0].removeprefix(root), HTTP_HOST=host, secure=secure)
    assert response.status_code == 200
