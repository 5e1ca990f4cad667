"""SQL queries per public address, and proof that they do not grow with content.

Every page type, sub-route (day views, feeds, calendars), search results and the
sitemap is rendered with the 2015 content, then again after adding nine times as
many sessions (with speakers), press releases (with their own photos) and
showcase programmes (with photos).

Two situations are measured:
- after a publish (at most `BUDGET` each): every publish moves the page-cache
  generation, so every page is rendered again on its next visit. By then other
  visitors' requests have rebuilt what every page shares, the site chrome (menu,
  footer, feed links: pages/templatetags/site_chrome.py);
  Wagtail's own caches (site root paths, renditions) are warm, as they are on a
  running site;
- with the whole cache emptied (a cache server restarted): each page also pays
  for the site chrome and the renditions' lookups (at most `COLD_BUDGET`).
Neither may grow with the amount of content.
"""

import datetime
import zoneinfo

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from pages.content_generation import bump_generation
from pages.models import (
    PressReleaseIndexPage,
    ProgrammePage,
    SessionPage,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
)
from pages.models.base import localise_subpath
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
    # A person's page (pages/models/people.py).
    "SpeakerIndexPage": ["qian-tang/"],
}
BUDGET = 10
# The site chrome alone is a dozen queries (menu, the sections the home page
# introduces, organisations, offices, settings…), paid once per language after
# the cache server lost everything.
COLD_BUDGET = 25
ADDRESSES = {
    "HomePage",
    "StandardPage",
    "ShowcaseIndexPage",
    "ShowcaseProgrammePage",
    "VenueIndexPage",
    "VenuePage",
    "ProgrammePage",
    "ProgrammePage day/2015-09-28/",
    "ProgrammePage calendar.ics",
    "ProgrammePage day/2015-09-28/calendar.ics",
    "SessionPage",
    "SessionPage calendar.ics",
    "MediaIndexPage",
    "GalleryPage",
    "PressReleaseIndexPage",
    "PressReleaseIndexPage day/2015-09-28/",
    "PressReleaseIndexPage feed/rss/",
    "PressReleaseIndexPage feed/atom/",
    "PressReleasePage",
    "ContactPage",
    "SpeakerIndexPage",
    "SpeakerIndexPage qian-tang/",
    "search results",
    "sitemap.xml",
}


def addresses(language):
    """One page of each type (the first in the tree), its sub-routes and the rest."""
    chosen = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        chosen.setdefault(type(page).__name__, page)
    found = {}
    for name, page in chosen.items():
        found[name] = page.url_in(language)
        for suffix in SUB_ROUTES.get(name, []):
            found[f"{name} {suffix}"] = page.url_in(language) + localise_subpath(
                language, suffix
            )
    with translation.override(language):
        found["search results"] = reverse("search") + "?q=learning"
    found["sitemap.xml"] = "/sitemap.xml"
    return found


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def after_publish(client, url, language):
    """Queries of the first visit to `url` after a publish."""
    assert client.get(url).status_code == 200, url  # renditions, Wagtail's caches
    bump_generation()  # what every publish does
    with translation.override(language):
        other = reverse("search")  # another visitor's page rebuilds the chrome
    assert client.get(other).status_code == 200
    # A broken link: the 404 page shows the chrome too.
    assert client.get(f"/{language}/no-such-section/").status_code == 404
    return queries_of(client, url)


def cold(client, url):
    """Queries of a visit to `url` with the whole cache emptied."""
    assert client.get(url).status_code == 200, url
    cache.clear()
    return queries_of(client, url)


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
def test_queries_per_address_stay_in_budget_and_do_not_grow(
    client, loaded_content, db, language
):
    urls = addresses(language)
    assert set(urls) == ADDRESSES
    before = {name: after_publish(client, url, language) for name, url in urls.items()}
    assert {name: n for name, n in before.items() if n > BUDGET} == {}
    cold_before = {name: cold(client, url) for name, url in urls.items()}
    assert {name: n for name, n in cold_before.items() if n > COLD_BUDGET} == {}

    sessions = SessionPage.objects.count()
    grow_tenfold()
    assert SessionPage.objects.count() == 10 * sessions
    after = {name: after_publish(client, url, language) for name, url in urls.items()}
    assert after == before
    cold_after = {name: cold(client, url) for name, url in urls.items()}
    assert cold_after == cold_before
