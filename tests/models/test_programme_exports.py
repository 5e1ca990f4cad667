"""The programme's open data: frab schedule.xml and schedule.json for schedule
apps, sessions.csv for spreadsheets (pages/renderers/schedule.py).

The XML is checked against the structure the frab format documents (the c3voc
wiki and the XSDs in the voc/schedule repository's `validator/xsd/`, whose rules
`frab_xml_problems` restates: that repository states no licence, so no copy of
them is kept here); the JSON against the keys of c3voc's schedule.json schema
(`validator/json/schema.json`).
"""

import csv
import datetime
import io
import json
import re
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup
from lxml import etree
from wagtail_factories import DocumentFactory

from pages.models import SessionDocument
from pages.models.base import localise_subpath
from pages.models.printed import printed_file_name
from pages.renderers.schedule import GUID_NAMESPACE
from tests.factories import (
    MEXICO_CITY,
    PersonFactory,
    ProgrammePageFactory,
    SessionPageFactory,
    SessionParticipantFactory,
    VenueIndexPageFactory,
    VenuePageFactory,
)

pytestmark = pytest.mark.django_db

UUID = re.compile(r"[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}")
DATE_TIME_WITH_OFFSET = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d")
HOURS_MINUTES = re.compile(r"\d{2}:\d{2}")
# The XSD's (acronym, id, words) and the JSON schema's slug.
FRAB_SLUG = re.compile(r"[a-z0-9]{4,}-[0-9]{1,6}-[a-z0-9\-_]{4,}")
JSON_SLUG = re.compile(r"[a-z0-9_-]+[a-z0-9]")


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    """A media folder of the test's own: whether a printed edition exists
    depends on no other test."""
    settings.MEDIA_ROOT = str(tmp_path)


def at(day, hour, minute=0):
    return datetime.datetime(2015, 9, day, hour, minute, tzinfo=MEXICO_CITY)


@pytest.fixture
def programme(home_page):
    """Two venues, four sessions over three days: one with a chair and two
    speakers (one name with a comma), one with a document, one in no venue."""
    venues = VenueIndexPageFactory(parent=home_page)
    fine_arts = VenuePageFactory(
        parent=venues,
        title_en="Palace of Fine Arts",
        title_es="Palacio de Bellas Artes",
    )
    city_hall = VenuePageFactory(
        parent=venues, title_en="City Hall", title_es="Palacio del Ayuntamiento"
    )
    page = ProgrammePageFactory(parent=home_page)
    opening = SessionPageFactory(
        parent=page,
        title_en="Opening ceremony",
        title_es="Ceremonia de inauguración",
        session_type="opening",
        start=at(28, 10),
        end=at(28, 11, 30),
        venue=fine_arts,
        room_en="Main hall",
        room_es="Sala Principal",
        summary_en="The host city opens the conference.",
        summary_es="La ciudad anfitriona inaugura la conferencia.",
        interpretation_languages=["en", "es", "fr"],
    )
    SessionParticipantFactory(
        page=opening, person__name="Arne Carlsen", role="chair", sort_order=0
    )
    SessionParticipantFactory(
        page=opening,
        person__name="Mancera, Miguel Ángel",
        person__honorific="",
        sort_order=1,
    )
    SessionParticipantFactory(page=opening, person__name="Qian Tang", sort_order=2)
    forum = SessionPageFactory(
        parent=page,
        title_en="Mayors' Forum",
        title_es="Foro de Alcaldes",
        session_type="mayors_forum",
        start=at(30, 9, 30),
        end=at(30, 13, 30),
        venue=city_hall,
        room_en="Council chamber",
        room_es="Salón de Cabildos",
    )
    agenda = DocumentFactory(title="Forum agenda", file__filename="agenda.pdf")
    SessionDocument.objects.create(page=forum, document=agenda, sort_order=0)
    visit = SessionPageFactory(
        parent=page,
        title_en="Visit CDMX",
        title_es="Visita CDMX",
        session_type="city_visit",
        slug_en="qa",  # shorter than the format's slugs may end
        start=at(28, 17, 30),
        end=at(28, 20),
        venue=None,
        room_en="",
        room_es="",
    )
    plenary = SessionPageFactory(
        parent=page,
        title_en="Plenary session I",
        title_es="Sesión plenaria I",
        start=at(28, 12),
        end=at(28, 14),
        venue=fine_arts,
        room_en="Main hall",
        room_es="Sala Principal",
    )
    page.sessions = {
        "opening": opening,
        "plenary": plenary,
        "forum": forum,
        "visit": visit,
    }
    page.agenda = agenda
    return page


def address(page, lang, subpath):
    return page.url_in(lang) + localise_subpath(lang, subpath)


def fetch(client, page, lang, subpath, content_type):
    response = client.get(address(page, lang, subpath))
    assert response.status_code == 200, response.content[:300]
    assert response["Content-Type"] == content_type
    assert response["Access-Control-Allow-Origin"] == "*"
    return response


def schedule_xml(client, page, lang):
    response = fetch(
        client, page, lang, "schedule.xml", "application/xml; charset=utf-8"
    )
    assert response.content.startswith(b'<?xml version="1.0" encoding="utf-8"?>')
    return etree.fromstring(response.content)


def schedule_json(client, page, lang):
    response = fetch(client, page, lang, "schedule.json", "application/json")
    return json.loads(response.content)


def sessions_csv(client, page, lang):
    response = fetch(client, page, lang, "sessions.csv", "text/csv; charset=utf-8")
    assert response.content.startswith(b"\xef\xbb\xbf"), "no byte order mark"
    text = response.content.decode("utf-8-sig")
    return response, list(csv.reader(io.StringIO(text, newline="")))


def guid_of(session):
    return str(uuid.uuid5(GUID_NAMESPACE, f"session:{session.translation_key}"))


# The frab format's rules ---------------------------------------------------------
CONFERENCE_CHILDREN = {"title", "acronym"}
CONFERENCE_OPTIONAL = {
    "start",
    "end",
    "days",
    "timeslot_duration",
    "base_url",
    "time_zone_name",
}
EVENT_CHILDREN = {
    "room",
    "title",
    "subtitle",
    "type",
    "date",
    "start",
    "duration",
    "abstract",
    "slug",
    "track",
}
EVENT_OPTIONAL = {
    "logo",
    "persons",
    "language",
    "description",
    "recording",
    "links",
    "attachments",
    "video_download_url",
    "url",
}


def frab_xml_problems(root):
    """What in `root` breaks the documented schedule.xml structure."""
    problems = []

    def check(condition, message):
        if not condition:
            problems.append(message)

    check(root.tag == "schedule", f"root is {root.tag}")
    tags = [child.tag for child in root]
    head = [tag for tag in tags if tag != "day"]
    check(
        head in (["version", "conference"], ["generator", "version", "conference"]),
        f"schedule starts with {head}",
    )
    check(tags[len(head) :] == ["day"] * (len(tags) - len(head)), "days not last")
    check(tags.count("day") >= 1, "no day")
    conference = root.find("conference")
    children = {child.tag for child in conference}
    check(CONFERENCE_CHILDREN <= children, f"conference lacks {children}")
    check(children <= CONFERENCE_CHILDREN | CONFERENCE_OPTIONAL, f"extra: {children}")
    for name in ("start", "end"):
        datetime.date.fromisoformat(conference.findtext(name))
    check(re.fullmatch(r"[a-z0-9_-]{4,}", conference.findtext("acronym")), "acronym")
    check(conference.findtext("days").isdigit(), "days is not a number")
    check(HOURS_MINUTES.fullmatch(conference.findtext("timeslot_duration")), "slot")
    check(conference.findtext("base_url").startswith("http"), "base_url")
    indexes, ids, guids, slugs = [], [], [], []
    for day in root.iter("day"):
        indexes.append(day.get("index"))
        check(int(day.get("index")) > 0, "day index")
        datetime.date.fromisoformat(day.get("date"))
        for name in ("start", "end"):
            check(DATE_TIME_WITH_OFFSET.fullmatch(day.get(name)), f"day {name}")
        check({child.tag for child in day} <= {"room"}, "a day holds only rooms")
        for room in day:
            check(room.get("name"), "room without a name")
            check(UUID.fullmatch(room.get("guid")), "room guid")
            check({child.tag for child in room} <= {"event"}, "rooms hold events")
            for event in room:
                ids.append(event.get("id"))
                guids.append(event.get("guid"))
                check(int(event.get("id")) > 0, "event id")
                check(UUID.fullmatch(event.get("guid")), "event guid")
                tags = [child.tag for child in event]
                check(len(tags) == len(set(tags)), f"repeated: {tags}")
                check(
                    EVENT_CHILDREN <= set(tags),
                    f"event lacks {EVENT_CHILDREN - set(tags)}",
                )
                check(set(tags) <= EVENT_CHILDREN | EVENT_OPTIONAL, f"extra: {tags}")
                check(event.findtext("room") == room.get("name"), "event's room")
                check(DATE_TIME_WITH_OFFSET.fullmatch(event.findtext("date")), "date")
                check(HOURS_MINUTES.fullmatch(event.findtext("start")), "start")
                check(HOURS_MINUTES.fullmatch(event.findtext("duration")), "duration")
                check(event.findtext("url").startswith("http"), "url")
                slugs.append(event.findtext("slug"))
                slug = event.findtext("slug")
                check(FRAB_SLUG.fullmatch(slug) and JSON_SLUG.fullmatch(slug), "slug")
                for person in event.iterfind("persons/person"):
                    check(int(person.get("id")) > 0 and person.text, "person")
                for tag in ("links/link", "attachments/attachment"):
                    for link in event.iterfind(tag):
                        check(link.get("href").startswith("http"), f"{tag} href")
    for name, values in (("day index", indexes), ("id", ids), ("guid", guids)):
        check(len(values) == len(set(values)), f"{name} not unique")
    check(len(slugs) == len(set(slugs)), "slug not unique")
    return problems


def events_by_guid(root):
    return {event.get("guid"): event for event in root.iter("event")}


# schedule.xml -----------------------------------------------------------------
def test_schedule_xml_is_a_frab_schedule(client, programme, lang):
    root = schedule_xml(client, programme, lang)
    assert frab_xml_problems(root) == []
    conference = root.find("conference")
    assert conference.findtext("acronym") == "iclc2015"
    assert conference.findtext("title") == programme.get_parent().specific.title
    assert conference.findtext("start") == "2015-09-28"
    assert conference.findtext("end") == "2015-09-30"
    assert conference.findtext("days") == "3"
    assert conference.findtext("time_zone_name") == "America/Mexico_City"
    days = root.findall("day")
    assert [(d.get("index"), d.get("date")) for d in days] == [
        ("1", "2015-09-28"),
        ("2", "2015-09-29"),  # a day with no session is still a day
        ("3", "2015-09-30"),
    ]
    assert days[0].get("start") == "2015-09-28T06:00:00-05:00"
    assert days[0].get("end") == "2015-09-29T00:00:00-05:00"
    assert days[1].findall("room") == []

    opening = events_by_guid(root)[guid_of(programme.sessions["opening"])]
    assert opening.get("id") == str(programme.sessions["opening"].pk)
    assert opening.findtext("date") == "2015-09-28T10:00:00-05:00"
    assert opening.findtext("start") == "10:00"
    assert opening.findtext("duration") == "01:30"
    assert opening.findtext("language") == lang
    names = [person.text for person in opening.iterfind("persons/person")]
    assert names == ["Arne Carlsen", "Mancera, Miguel Ángel", "Qian Tang"]
    visit = events_by_guid(root)[guid_of(programme.sessions["visit"])]
    assert (
        visit.findtext("slug")
        == f"iclc2015-{programme.sessions['visit'].pk}-qa-session"
    )
    assert opening.findtext("url") == "http://testserver" + programme.sessions[
        "opening"
    ].url_in(lang)


def test_rooms_are_a_venue_and_its_room_in_time_order(client, programme):
    root = schedule_xml(client, programme, "en")
    first_day = root.find("day")
    rooms = [
        (room.get("name"), [event.findtext("title") for event in room])
        for room in first_day
    ]
    assert rooms == [
        ("Palace of Fine Arts – Main hall", ["Opening ceremony", "Plenary session I"]),
        ("Venue to be announced", ["Visit CDMX"]),
    ]


def test_documents_are_attachments_and_the_venue_a_link(client, programme):
    root = schedule_xml(client, programme, "en")
    forum = events_by_guid(root)[guid_of(programme.sessions["forum"])]
    assert [
        (a.text, a.get("href")) for a in forum.iterfind("attachments/attachment")
    ] == [("Forum agenda", "http://testserver" + programme.agenda.url)]
    venue = programme.sessions["forum"].venue
    assert [(a.text, a.get("href")) for a in forum.iterfind("links/link")] == [
        ("City Hall", "http://testserver" + venue.url_in("en"))
    ]


def test_texts_follow_the_address_and_identifiers_do_not(client, programme):
    english, spanish = (schedule_xml(client, programme, lang) for lang in ("en", "es"))
    assert (
        set(events_by_guid(english))
        == set(events_by_guid(spanish))
        == {guid_of(session) for session in programme.sessions.values()}
    )
    opening = guid_of(programme.sessions["opening"])
    en, es = events_by_guid(english)[opening], events_by_guid(spanish)[opening]
    assert es.findtext("title") == "Ceremonia de inauguración"
    assert es.findtext("type") == "Ceremonia de inauguración"
    assert es.findtext("abstract") == "La ciudad anfitriona inaugura la conferencia."
    assert es.findtext("room") == "Palacio de Bellas Artes – Sala Principal"
    assert "Interpretación: inglés, español, francés" in es.findtext("description")
    assert es.findtext("url").startswith("http://testserver/es/programa/")
    assert en.findtext("title") == "Opening ceremony"
    for name in ("slug", "date", "start", "duration"):
        assert en.findtext(name) == es.findtext(name)
    assert en.get("id") == es.get("id")
    rooms = [
        {r.get("name"): r.get("guid") for r in doc.iterfind("day/room")}
        for doc in (english, spanish)
    ]
    assert sorted(rooms[0].values()) == sorted(rooms[1].values())
    assert (
        events_by_guid(spanish)[guid_of(programme.sessions["visit"])].findtext("room")
        == "Sede por confirmar"
    )


def test_identifiers_and_version_hold_until_the_programme_changes(
    client, programme, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # two real exports
    first, second = (schedule_xml(client, programme, "en") for _n in range(2))
    assert set(events_by_guid(first)) == set(events_by_guid(second))
    assert first.findtext("version") == second.findtext("version")

    session = programme.sessions["plenary"]
    session.title_en = "Plenary session I: learning cities"
    session.save_revision().publish()
    third = schedule_xml(client, programme, "en")
    assert third.findtext("version") != first.findtext("version")
    assert set(events_by_guid(third)) == set(events_by_guid(first))


# schedule.json ---------------------------------------------------------------
SCHEDULE_JSON_CONFERENCE = {
    "required": {
        "title",
        "acronym",
        "days",
        "daysCount",
        "start",
        "end",
        "timeslot_duration",
    },
    "allowed": {
        "description",
        "time_zone_name",
        "logo",
        "colors",
        "keywords",
        "url",
        "tracks",
        "rooms",
        "meta",
    },
}
SCHEDULE_JSON_EVENT = {
    "required": {
        "abstract",
        "date",
        "duration",
        "guid",
        "id",
        "language",
        "links",
        "persons",
        "room",
        "slug",
        "start",
        "subtitle",
        "title",
        "track",
        "type",
        "url",
    },
    "allowed": {
        "logo",
        "description",
        "recording_license",
        "do_not_record",
        "do_not_stream",
        "attachments",
        "answers",
    },
}


def test_schedule_json_mirrors_the_xml(client, programme, lang):
    data = schedule_json(client, programme, lang)
    assert set(data) <= {"$schema", "schedule", "generator"}
    schedule = data["schedule"]
    assert {"version", "conference"} <= set(schedule)
    conference = schedule["conference"]
    keys = set(conference)
    assert SCHEDULE_JSON_CONFERENCE["required"] <= keys
    assert (
        keys
        <= SCHEDULE_JSON_CONFERENCE["required"] | SCHEDULE_JSON_CONFERENCE["allowed"]
    )
    assert conference["daysCount"] == len(conference["days"]) == 3
    for room in conference["rooms"]:
        assert set(room) == {"name", "guid"} and UUID.fullmatch(room["guid"])

    root = schedule_xml(client, programme, lang)
    assert schedule["version"] == root.findtext("version")
    xml_events = events_by_guid(root)
    found = 0
    for day, day_element in zip(conference["days"], root.iter("day"), strict=True):
        assert set(day) == {"index", "date", "day_start", "day_end", "rooms"}
        assert (day["index"], day["date"]) == (
            int(day_element.get("index")),
            day_element.get("date"),
        )
        assert (day["day_start"], day["day_end"]) == (
            day_element.get("start"),
            day_element.get("end"),
        )
        assert list(day["rooms"]) == [room.get("name") for room in day_element]
        for room, events in day["rooms"].items():
            for event in events:
                found += 1
                keys = set(event)
                assert SCHEDULE_JSON_EVENT["required"] <= keys
                assert (
                    keys
                    <= SCHEDULE_JSON_EVENT["required"] | SCHEDULE_JSON_EVENT["allowed"]
                )
                assert isinstance(event["id"], int) and event["id"] >= 1
                assert event["room"] == room
                twin = xml_events[event["guid"]]
                for name in (
                    "title",
                    "date",
                    "start",
                    "duration",
                    "slug",
                    "url",
                    "type",
                    "language",
                    "abstract",
                ):
                    assert event[name] == (twin.findtext(name) or ""), name
                for person in event["persons"]:
                    # c3voc's schema: a person is frab's (public_name and id)
                    # or pretalx's (name), never both.
                    assert "name" in person and "public_name" not in person
                    assert UUID.fullmatch(person["guid"])
                assert [p["name"] for p in event["persons"]] == [
                    p.text for p in twin.iterfind("persons/person")
                ]
    assert found == len(xml_events) == 4


# sessions.csv ------------------------------------------------------------------
HEADERS = {
    "en": [
        "Date",
        "Start",
        "End",
        "Title",
        "Type",
        "Venue",
        "Room",
        "Chairs",
        "Speakers",
        "Interpretation",
        "Web page",
    ],
    "es": [
        "Fecha",
        "Inicio",
        "Fin",
        "Título",
        "Tipo",
        "Sede",
        "Sala",
        "Presidencia",
        "Ponentes",
        "Interpretación",
        "Página web",
    ],
}


def test_sessions_csv_opens_in_a_spreadsheet(client, programme, lang):
    response, rows = sessions_csv(client, programme, lang)
    filename = {"en": "iclc-2015-sessions.csv", "es": "iclc-2015-sesiones.csv"}[lang]
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert rows[0] == HEADERS[lang]
    assert [row[3] for row in rows[1:]] == {
        "en": ["Opening ceremony", "Plenary session I", "Visit CDMX", "Mayors' Forum"],
        "es": [
            "Ceremonia de inauguración",
            "Sesión plenaria I",
            "Visita CDMX",
            "Foro de Alcaldes",
        ],
    }[lang]
    opening = dict(zip(rows[0], rows[1], strict=True))
    assert opening[HEADERS[lang][0]] == "2015-09-28"
    assert (opening[HEADERS[lang][1]], opening[HEADERS[lang][2]]) == ("10:00", "11:30")
    # A name with a comma stays in its cell (quoted); the chair has a column of its own.
    assert opening[HEADERS[lang][7]] == "Dr Arne Carlsen"
    assert opening[HEADERS[lang][8]] == "Mancera, Miguel Ángel, Dr Qian Tang"
    assert opening[HEADERS[lang][10]] == "http://testserver" + programme.sessions[
        "opening"
    ].url_in(lang)
    if lang == "es":
        assert opening["Interpretación"] == "inglés, español, francés"
        assert opening["Sede"] == "Palacio de Bellas Artes"
        assert opening["Sala"] == "Sala Principal"
    assert b'"Mancera, Miguel \xc3\x81ngel, Dr Qian Tang"' in response.content


# Addresses, caching, queries ---------------------------------------------------
@pytest.mark.parametrize(
    "subpath",
    [
        "schedule.xml/",
        "schedule.json/",
        "sessions.csv/",
        "schedule.yaml",
        "schedule.xml.json",
        "schedule.xml/extra.xml",
        "day/2015-09-28/schedule.xml",
        "schedule.xml?day=not-a-day&venue=-1&type=%00",
    ],
)
def test_odd_addresses_are_not_found_or_served_never_an_error(
    client, programme, subpath
):
    response = client.get("/en/programme/" + subpath)
    assert response.status_code in (200, 301, 404), response.status_code


def test_an_empty_programme_has_no_schedule_but_an_empty_spreadsheet(client, home_page):
    page = ProgrammePageFactory(parent=home_page)
    assert client.get(address(page, "en", "schedule.xml")).status_code == 404
    assert client.get(address(page, "en", "schedule.json")).status_code == 404
    _response, rows = sessions_csv(client, page, "en")
    assert rows == [HEADERS["en"]]


def test_a_new_start_time_shows_at_once(client, programme):
    """With the page cache on, as visitors get it: an editor moves a session
    and publishes; the next download has the new time."""
    files = ("schedule.xml", "schedule.json", "sessions.csv")
    for subpath in files:
        first = client.get(address(programme, "en", subpath))
        # Varnish keeps what carries s-maxage, and is banned on the same change.
        assert "s-maxage" in first["Cache-Control"]
        cached = client.get(address(programme, "en", subpath))
        assert cached["X-Page-Cache"] == "hit"
        assert b"12:00" in cached.content

    session = programme.sessions["plenary"]
    session.start, session.end = at(28, 12, 45), at(28, 14, 15)
    session.save_revision().publish()

    for subpath in files:
        response = client.get(address(programme, "en", subpath))
        assert response["X-Page-Cache"] == "miss"
        assert b"12:45" in response.content, subpath
        for old in (b">12:00<", b'"12:00"', b",12:00,"):
            assert old not in response.content, subpath


# Routing (the site, its home page, the pages on the path, the programme), the
# sessions, their people and (not in the CSV) their documents: a fixed number.
QUERY_BUDGETS = {"schedule.xml": 7, "schedule.json": 7, "sessions.csv": 6}


@pytest.mark.parametrize(("subpath", "budget"), QUERY_BUDGETS.items())
def test_queries_do_not_grow_with_the_sessions(
    client, programme, settings, django_assert_max_num_queries, subpath, budget
):
    settings.PAGE_CACHE_SECONDS = 0  # count renders, not cache hits
    target = address(programme, "en", subpath)

    def queries():
        client.get(target)  # the site root paths
        with CaptureQueriesContext(connection) as captured:
            assert client.get(target).status_code == 200
        return len(captured)

    few = queries()
    for index in range(20):
        session = SessionPageFactory(
            parent=programme,
            start=at(28 + index % 3, 8) + datetime.timedelta(minutes=15 * index),
            venue=programme.sessions["opening"].venue,
        )
        SessionParticipantFactory(page=session, person=PersonFactory())
        agenda = DocumentFactory(file__filename=f"agenda-{index}.pdf")
        SessionDocument.objects.create(page=session, document=agenda, sort_order=0)
    client.get(target)
    with django_assert_max_num_queries(budget):
        response = client.get(target)
    assert response.status_code == 200
    assert queries() == few


# The programme page links them -------------------------------------------------
def test_programme_page_links_the_files_in_its_language(client, programme, lang):
    base = programme.url_in(lang)
    csv_name = {"en": "sessions.csv", "es": "sesiones.csv"}[lang]
    data = {base + "schedule.xml", base + "schedule.json", base + csv_name}

    def links():
        page = BeautifulSoup(client.get(base).content, "html.parser")
        return {a["href"]: a.get_text(strip=True) for a in page.select("#open-data a")}

    assert set(links()) == data  # no printed programme made yet
    for href in data:
        assert client.get(href).status_code == 200, href


def test_the_printed_programme_is_linked_once_made(client, programme, settings):
    settings.PAGE_CACHE_SECONDS = 0  # the printing task moves the generation on
    name = printed_file_name("programme", "es")
    default_storage.save(name, ContentFile(b"%PDF-1.7 test"))
    try:
        page = BeautifulSoup(client.get("/es/programa/").content, "html.parser")
        links = {a["href"]: a.get_text(strip=True) for a in page.select("#open-data a")}
        # In the words of the address: no redirect on the way.
        assert links["/es/programa/programa.pdf"] == "Programa para imprimir (PDF)"
        assert links["/es/programa/sesiones.csv"] == "Hoja de cálculo (CSV)"
        response = client.get("/es/programa/programa.pdf")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/pdf"
        english = BeautifulSoup(client.get("/en/programme/").content, "html.parser")
        assert not english.select('#open-data a[href$=".pdf"]')  # none in English yet
    finally:
        default_storage.delete(name)
