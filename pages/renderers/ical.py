"""iCalendar (RFC 5545) exports of the programme, a day or a session.

Built with the `icalendar` library. Each session is one VEVENT whose UID is
derived from the page's translation key, so it survives edits and is the same in
both languages; SEQUENCE is the session's own change counter. Texts follow the
active language, which comes from the URL (`/en/…`, `/es/…`).
"""

import datetime
from functools import cache
from urllib.parse import urljoin
from zoneinfo import ZoneInfo

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import icalendar

UID_DOMAIN = "iclc2015.learningcities"
PRODID = "-//UNESCO UIL and Mexico City//ICLC 2015 programme//EN"


def session_uid(session):
    return f"session-{session.translation_key}@{UID_DOMAIN}"


def session_event(session, request):
    zone = ZoneInfo(settings.TIME_ZONE)
    event = icalendar.Event()
    event.add("uid", session_uid(session))
    event.add("sequence", session.sequence)
    stamp = session.last_published_at or timezone.now()
    event.add("dtstamp", stamp.astimezone(ZoneInfo("UTC")))
    event.add("last-modified", stamp.astimezone(ZoneInfo("UTC")))
    event.add("dtstart", session.start.astimezone(zone))
    event.add("dtend", session.end.astimezone(zone))
    event.add("summary", session.title)
    event.add("description", describe(session))
    event.add("categories", [str(session.get_session_type_display())])
    event.add("status", "CONFIRMED")
    event.add("transp", "OPAQUE")
    event.add("url", absolute_url(session, request))
    venue = session.venue
    if venue is not None:
        place = [venue.title, session.room, " ".join(venue.address.split())]
        event.add("location", ", ".join(part for part in place if part))
        event.add("geo", (float(venue.latitude), float(venue.longitude)))
    return event


def absolute_url(page, request):
    """The page's address on the scheme and host the calendar was asked on, so
    that it opens under `make run` (http://127.0.0.1:8000/…) as in production;
    without a request, on WAGTAILADMIN_BASE_URL. Not the Wagtail site's root
    URL: its hostname is whatever the site was set up with ("localhost")."""
    if request is None:
        return urljoin(settings.WAGTAILADMIN_BASE_URL, page.get_url())
    return request.build_absolute_uri(page.get_url(request))


def describe(session):
    return "\n\n".join(part for part in (session.summary, particulars(session)) if part)


def particulars(session):
    """What a programme entry says besides the summary: who chairs and speaks,
    and the interpretation."""
    lines = []
    chairs = ", ".join(str(p) for p in session.chairs())
    speakers = ", ".join(str(p) for p in session.speakers())
    if chairs:
        lines.append(_("Chair: %(names)s") % {"names": chairs})
    if speakers:
        lines.append(_("Speakers: %(names)s") % {"names": speakers})
    languages = ", ".join(str(name) for name in session.get_interpretation_display())
    if languages:
        lines.append(_("Interpretation: %(languages)s") % {"languages": languages})
    return "\n\n".join(lines)


def build_calendar(request, sessions, name):
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for session in sessions:
        calendar.add_component(session_event(session, request))
    if sessions:
        # One VTIMEZONE for America/Mexico_City, as RFC 5545 requires for TZID,
        # first in the calendar; it covers the years of the sessions.
        years = [moment.year for s in sessions for moment in (s.start, s.end)]
        calendar.subcomponents.insert(0, vtimezone(min(years), max(years)))
    return calendar


@cache
def vtimezone(first_year, last_year):
    """The site's VTIMEZONE over these years, built once per process: icalendar
    builds it by stepping through the zone's offsets, which took longer than
    the rest of a calendar export. Never modified once built."""
    return icalendar.Timezone.from_tzid(
        settings.TIME_ZONE,
        first_date=datetime.date(first_year - 1, 1, 1),
        last_date=datetime.date(last_year + 1, 12, 31),
    )


def calendar_response(request, sessions, name, filename):
    calendar = build_calendar(request, sessions, name)
    response = HttpResponse(
        calendar.to_ical(), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Language"] = translation.get_language()
    return response
