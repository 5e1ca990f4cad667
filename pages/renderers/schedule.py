"""Open schedule data: the programme for schedule apps (frab XML and JSON) and
for spreadsheets (CSV).

The frab format (pentabarf's, then frab's and pretalx's; documented by the
c3voc wiki and the voc/schedule validator's XSD and JSON schema) is what
conference apps read: EventFahrplan, Giggity, ConfClerk, the media teams'
tools. Its document is a `schedule` with its `version`, the `conference`, and
`day`s holding `room`s holding `event`s; the JSON holds the same, with each
day's rooms as {name: [events]}.

Both formats are written from one structure (`schedule_data`), so they agree.
Identifiers never change with the language or between exports: an event's
`guid` is a UUID5 of the session's translation key, a room's of its venue and
English room name, a person's of their id. Texts (titles, abstracts, type
labels, room names, addresses) are in the active language, which comes from the
address (`/en/…`, `/es/…`).

Like every renderer, it is handed the sessions (`ProgrammePage.get_sessions()`,
with each session's documents as `document_list`) and makes no query.
"""

import csv
import datetime
import hashlib
import io
import json
import uuid
from xml.etree import ElementTree

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from .ical import absolute_url, particulars

# Fixed for good: changing it would change every guid and make apps see a new
# programme. (uuid5 of NAMESPACE_URL and "https://iclc2015.learningcities/schedule".)
GUID_NAMESPACE = uuid.uuid5(
    uuid.NAMESPACE_URL, "https://iclc2015.learningcities/schedule"
)
ACRONYM = "iclc2015"
GENERATOR = "ICLC 2015 website"
JSON_SCHEMA = "https://c3voc.de/schedule/schema.json"
# Sessions start on the quarter hour (apps draw their grid with it).
TIMESLOT = datetime.timedelta(minutes=15)
# A day in the apps runs from 06:00 (or its first session, if earlier) to
# midnight (or its last session's end, if later).
DAY_STARTS = datetime.time(6, 0)

# Who may read the data files from another site's page (an app in a browser, a
# partner's programme widget): anyone, as anyone may download them.
CORS = ("Access-Control-Allow-Origin", "*")


# Identifiers -----------------------------------------------------------------
def guid(*parts):
    return str(uuid.uuid5(GUID_NAMESPACE, ":".join(str(part) for part in parts)))


def session_guid(session):
    """The same in both languages and in every export (the iCalendar UID is
    built from the same key)."""
    return guid("session", session.translation_key)


def room_guid(session):
    """A room is its venue and its English name: the same in both languages."""
    return guid("room", session.venue_id or "", session.room_en or "")


def room_name(session):
    """What apps call the room: the venue and the room inside it; a session
    without either is in a room of its own, "Venue to be announced"."""
    venue = session.venue.title if session.venue_id else ""
    parts = [part for part in (venue, session.room) if part]
    return " – ".join(parts) or _("Venue to be announced")


def event_slug(session):
    """frab's slug, unique in the file: the acronym, the id and the English
    slug (at least four characters, as the format wants), the same in both
    languages as the recordings and files named after it are."""
    words = slugify(session.slug_en or session.slug).strip("-_")
    if len(words) < 4:
        words = "-".join(part for part in (words, "session") if part)
    return f"{ACRONYM}-{session.pk}-{words}"


# Times -----------------------------------------------------------------------
def local(moment):
    return timezone.localtime(moment)


def hours_minutes(delta):
    minutes = max(int(delta.total_seconds() // 60), 0)
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def day_bounds(date, sessions):
    zone = timezone.get_current_timezone()
    starts = datetime.datetime.combine(date, DAY_STARTS, tzinfo=zone)
    ends = datetime.datetime.combine(
        date + datetime.timedelta(days=1), datetime.time.min, tzinfo=zone
    )
    if sessions:
        starts = min(starts, *(local(s.start) for s in sessions))
        ends = max(ends, *(local(s.end) for s in sessions))
    return starts, ends


# The structure both formats are written from ---------------------------------
def people(session):
    """Chairs and speakers in the page's order, each once."""
    found = {}
    for participant in session.participant_list:
        found.setdefault(participant.person.pk, participant.person)
    return [
        {"id": person.pk, "guid": guid("person", person.pk), "name": person.name}
        for person in found.values()
    ]


def links(session, request):
    """The venue's page (address, map, access). Not the recording: the listing
    does not load it, and the session's page, the event's `url`, shows it."""
    if not session.venue_id:
        return []
    return [{"url": absolute_url(session.venue, request), "title": session.venue.title}]


def attachments(session, request):
    return [
        {
            "url": request.build_absolute_uri(item.document.url),
            "title": item.document.title,
        }
        for item in getattr(session, "document_list", [])
    ]


def event(session, request, language):
    start = local(session.start)
    label = str(session.get_session_type_display())
    return {
        "id": session.pk,
        "guid": session_guid(session),
        "date": start.isoformat(),
        "start": start.strftime("%H:%M"),
        "duration": hours_minutes(session.end - session.start),
        "room": room_name(session),
        "slug": event_slug(session),
        "url": absolute_url(session, request),
        "title": session.title,
        "subtitle": "",
        # The programme's one way of sorting sessions, which apps filter and
        # colour by: the type is the track.
        "track": label,
        "type": label,
        # The language the text is written in (pretalx's `content_locale`): the
        # model records no floor language, and every session offers the
        # interpretation the description lists.
        "language": language,
        "abstract": session.summary,
        "description": particulars(session),
        "persons": people(session),
        "links": links(session, request),
        "attachments": attachments(session, request),
    }


def schedule_data(sessions, request, *, title, url):
    """The programme as c3voc's schedule.json has it (`{"schedule": …}`), for
    sessions sorted by start. `title` is the conference's name, `url` the
    programme page's address. None when there is no session."""
    sessions = sorted(sessions, key=lambda s: (s.start, s.end, s.pk))
    if not sessions:
        return None
    language = translation.get_language()
    rooms = {}  # name: guid, in the order rooms first appear
    by_day = {}
    for session in sessions:
        name = room_name(session)
        rooms.setdefault(name, room_guid(session))
        by_day.setdefault(local(session.start).date(), []).append(session)
    first, last = min(by_day), max(by_day)
    days = []
    for index in range((last - first).days + 1):
        date = first + datetime.timedelta(days=index)
        on_day = by_day.get(date, [])
        starts, ends = day_bounds(date, on_day)
        events = {name: [] for name in rooms}
        for session in on_day:
            events[room_name(session)].append(event(session, request, language))
        days.append(
            {
                "index": index + 1,
                "date": date.isoformat(),
                "day_start": starts.isoformat(),
                "day_end": ends.isoformat(),
                "rooms": {name: found for name, found in events.items() if found},
            }
        )
    conference = {
        "acronym": ACRONYM,
        "title": title,
        "start": first.isoformat(),
        "end": last.isoformat(),
        "daysCount": len(days),
        "timeslot_duration": hours_minutes(TIMESLOT),
        "time_zone_name": settings.TIME_ZONE,
        "url": url,
        "rooms": [{"name": name, "guid": value} for name, value in rooms.items()],
        "days": days,
    }
    schedule = {
        "version": "",
        "base_url": request.build_absolute_uri("/"),
        "conference": conference,
    }
    schedule["version"] = version(sessions, schedule)
    return {
        "$schema": JSON_SCHEMA,
        "generator": {"name": GENERATOR},
        "schedule": schedule,
    }


def version(sessions, schedule):
    """Changes whenever what the file says changes: the latest publication (for
    people) and a digest of everything else (a renamed venue or speaker moves no
    session's publication time)."""
    content = json.dumps(schedule, sort_keys=True, ensure_ascii=False)
    digest = hashlib.blake2b(content.encode(), digest_size=4).hexdigest()
    published = [s.last_published_at for s in sessions if s.last_published_at]
    if not published:
        return digest
    return f"{local(max(published)):%Y-%m-%d %H:%M} {digest}"


# frab XML --------------------------------------------------------------------
def sub(parent, tag, text=None, **attributes):
    element = ElementTree.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = str(text)
    return element


def references(parent, tag, item_tag, items):
    container = sub(parent, tag)
    for item in items:
        sub(container, item_tag, item["title"], href=item["url"])


def event_element(parent, data):
    element = sub(parent, "event", guid=data["guid"], id=str(data["id"]))
    for name in ("date", "start", "duration", "room", "slug", "url", "title"):
        sub(element, name, data[name])
    for name in ("subtitle", "track", "type", "language", "abstract", "description"):
        sub(element, name, data[name])
    persons = sub(element, "persons")
    for person in data["persons"]:
        sub(
            persons, "person", person["name"], id=str(person["id"]), guid=person["guid"]
        )
    references(element, "links", "link", data["links"])
    references(element, "attachments", "attachment", data["attachments"])


def schedule_xml(data):
    """The frab schedule.xml of `schedule_data`'s structure."""
    schedule = data["schedule"]
    conference = schedule["conference"]
    root = ElementTree.Element("schedule")
    sub(root, "generator", name=data["generator"]["name"])
    sub(root, "version", schedule["version"])
    head = sub(root, "conference")
    for name in ("acronym", "title", "start", "end"):
        sub(head, name, conference[name])
    sub(head, "days", conference["daysCount"])
    for name in ("timeslot_duration", "time_zone_name"):
        sub(head, name, conference[name])
    sub(head, "base_url", schedule["base_url"])
    guids = {room["name"]: room["guid"] for room in conference["rooms"]}
    for day in conference["days"]:
        day_element = sub(
            root,
            "day",
            index=str(day["index"]),
            date=day["date"],
            start=day["day_start"],
            end=day["day_end"],
        )
        for name, events in day["rooms"].items():
            room = sub(day_element, "room", name=name, guid=guids[name])
            for item in events:
                event_element(room, item)
    ElementTree.indent(root)
    body = ElementTree.tostring(root, encoding="unicode")
    return f'<?xml version="1.0" encoding="utf-8"?>\n{body}\n'.encode()


# Responses -------------------------------------------------------------------
def data_response(body, content_type):
    response = HttpResponse(body, content_type=content_type)
    response[CORS[0]] = CORS[1]
    response["Content-Language"] = translation.get_language()
    return response


def schedule_xml_response(data):
    return data_response(schedule_xml(data), "application/xml; charset=utf-8")


def schedule_json_response(data):
    body = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return data_response(body.encode(), "application/json")


# Spreadsheet (CSV) -----------------------------------------------------------
def csv_header():
    return [
        pgettext("spreadsheet column", "Date"),
        pgettext("spreadsheet column", "Start"),
        pgettext("spreadsheet column", "End"),
        pgettext("spreadsheet column", "Title"),
        pgettext("spreadsheet column", "Type"),
        pgettext("spreadsheet column", "Venue"),
        pgettext("spreadsheet column", "Room"),
        pgettext("spreadsheet column", "Chairs"),
        pgettext("spreadsheet column", "Speakers"),
        pgettext("spreadsheet column", "Interpretation"),
        pgettext("spreadsheet column", "Web page"),
    ]


def csv_row(session, request):
    start, end = local(session.start), local(session.end)
    return [
        start.date().isoformat(),
        start.strftime("%H:%M"),
        end.strftime("%H:%M"),
        session.title,
        str(session.get_session_type_display()),
        session.venue.title if session.venue_id else "",
        session.room,
        ", ".join(str(person) for person in session.chairs()),
        ", ".join(str(person) for person in session.speakers()),
        ", ".join(str(name) for name in session.get_interpretation_display()),
        absolute_url(session, request),
    ]


def sessions_csv(sessions, request):
    """One row per session under a header in the active language; UTF-8 with a
    byte order mark, without which Excel reads the accents as Latin-1."""
    out = io.StringIO()
    writer = csv.writer(out)  # quotes what needs it; rows end in CRLF (RFC 4180)
    writer.writerow(csv_header())
    for session in sorted(sessions, key=lambda s: (s.start, s.end, s.pk)):
        writer.writerow(csv_row(session, request))
    return out.getvalue().encode("utf-8-sig")


def sessions_csv_response(sessions, request, filename):
    response = data_response(sessions_csv(sessions, request), "text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
