"""SQL queries per public address with an empty cache, and with ten times the content.

Every page type, sub-route (day views, feeds, calendars), search results and the
sitemap is rendered with the 2015 content, then again after adding nine times as
many sessions (with speakers), press releases (with their own photos) and
showcase programmes (with photos). The count must not change, and it is pinned
here, so any N+1 query shows up as a failure. The whole cache is emptied before
each measured visit; images' renditions exist (they are made once, ever).

Issue 10 asks for at most 10 queries per page; `WITHIN_TEN` lists the addresses
that meet it (docs/performance.md explains the others).
"""

import datetime
import zoneinfo

from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from pages.models import (
    PressReleaseIndexPage,
    ProgrammePage,
    SessionPage,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
)
from tests.factories import (
    PressReleasePageFactory,
    SessionPageFactory,
    SessionParticipantFactory,
    ShowcaseProgrammePageFactory,
    SiteImageFactory,
)

pytestmark = pytest.mark.django_db

MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")
SUB_ROUTES = {
    "ProgrammePage": ["day/2015-09-28/", "calendar.ics", "day/2015-09-28/calendar.ics"],
    "SessionPage": ["calendar.ics"],
    "PressReleaseIndexPage": ["day/2015-09-28/", "feed/rss/", "feed/atom/"],
}
# Exact queries of one visit with an empty cache, whatever the amount of content.
# Pages with social images and JSON-LD pay for their renditions and schema.org data.
EXPECTED = {
    "HomePage": 39,
    "StandardPage": 15,
    "ShowcaseIndexPage": 16,
    "ShowcaseProgrammePage": 17,
    "VenueIndexPage": 16,
    "VenuePage": 26,
    "ProgrammePage": 15,
    "ProgrammePage day/2015-09-28/": 19,
    "ProgrammePage calendar.ics": 8,
    "ProgrammePage day/2015-09-28/calendar.ics": 8,
    "SessionPage": 34,
    "SessionPage calendar.ics": 12,
    "MediaIndexPage": 16,
    "GalleryPage": 22,
    "PressReleaseIndexPage": 19,
    "PressReleaseIndexPage day/2015-09-28/": 20,
    "PressReleaseIndexPage feed/rss/": 9,
    "PressReleaseIndexPage feed/atom/": 9,
    "PressReleasePage": 32,
    "search results": 12,
    "sitemap.xml": 3,
}
# Spanish search results make one query fewer than English ones.
EXPECTED_ES = {**EXPECTED, "search results": 11}
WITHIN_TEN = {name for name, count in EXPECTED.items() if count <= 10}


def addresses(language):
    """One page of each type (the first in the tree), its sub-routes and the rest."""
    chosen = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        chosen.setdefault(type(page).__name__, page)
    found = {}
    for name, page in chosen.items():
        found[name] = page.url_in(language)
        for suffix in SUB_ROUTES.get(name, []):
            found[f"{name} {suffix}"] = page.url_in(language) + suffix
    with translation.override(language):
        found["search results"] = reverse("search") + "?q=learning"
    found["sitemap.xml"] = "/sitemap.xml"
    return found


def count_queries(client, url):
    assert client.get(url).status_code == 200, url  # renditions, content types
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def grow_tenfold():
    programme = ProgrammePage.objects.live().get()
    sessions = list(SessionPage.objects.child_of(programme).live())
    venues = [s.venue for s in sessions if s.venue_id]
    start = datetime.datetime(2015, 9, 28, 8, 0, tzinfo=MEXICO_CITY)
    for n in range(9 * len(sessions)):
        session = SessionPageFactory(
            parent=programme,
            start=start + datetime.timedelta(days=n % 3, minutes=7 * n),
            venue=venues[n % len(venues)] if venues else None,
        )
        SessionParticipantFactory(page=session)
    newsroom = PressReleaseIndexPage.objects.live().get()
    releases = newsroom.get_children().live().count()
    for n in range(9 * releases):
        PressReleasePageFactory(
            parent=newsroom,
            release_date=datetime.datetime(2015, 9, 28, n % 24, 0, tzinfo=MEXICO_CITY),
            featured_image=SiteImageFactory(),
        )
    showcase = ShowcaseIndexPage.objects.live().get()
    programmes = ShowcaseProgrammePage.objects.child_of(showcase).count()
    for _n in range(9 * programmes):
        ShowcaseProgrammePageFactory(parent=showcase, image=SiteImageFactory())


@pytest.mark.parametrize("language", ["en", "es"])
def test_queries_per_address_are_pinned_and_do_not_grow(client, db, language):
    call_command("load_iclc_content", verbosity=0)
    urls = addresses(language)
    assert set(urls) == set(EXPECTED)
    before = {name: count_queries(client, url) for name, url in urls.items()}
    assert before == (EXPECTED if language == "en" else EXPECTED_ES)

    sessions = SessionPage.objects.count()
    grow_tenfold()
    assert SessionPage.objects.count() == 10 * sessions
    after = {name: count_queries(client, url) for name, url in urls.items()}
    assert after == before
    assert all(EXPECTED[name] <= 10 for name in WITHIN_TEN)
