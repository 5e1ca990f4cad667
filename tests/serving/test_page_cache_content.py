"""The page cache with the real 2015 site: what a publish changes, visitors see at once.

Every page is visited twice first (the second visit comes from the cache), then an
editor publishes, unpublishes or renames, and the same addresses must show it in
both languages.
"""

import datetime
import zoneinfo

from django.core.management import call_command

import pytest

from pages.models import (
    PressReleaseIndexPage,
    ProgrammePage,
    SessionPage,
    VenuePage,
)
from pages.models.base import localise_subpath
from pages.serving.cache import CACHE_HEADER
from tests.factories import PressReleasePageFactory

pytestmark = pytest.mark.django_db

MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")
LANGUAGES = ("en", "es")


@pytest.fixture
def site(db):
    call_command("load_iclc_content", verbosity=0)


def cached(client, urls):
    """Visit each address twice; the second visit must be a cache hit."""
    for address in urls:
        assert client.get(address).status_code == 200, address
        assert client.get(address)[CACHE_HEADER] == "hit", address


def release_addresses(language):
    newsroom = PressReleaseIndexPage.objects.live().get()
    programme = ProgrammePage.objects.live().get()
    press = newsroom.url_in(language)
    day = localise_subpath(language, "day/2015-09-30/")
    return [
        f"/{language}/",
        press,
        press + localise_subpath(language, "feed/rss/"),
        press + localise_subpath(language, "feed/atom/"),
        press + day,
        programme.url_in(language) + day,
    ]


def test_publishing_a_release_shows_it_everywhere_at_once_then_unpublishing_hides_it(
    client, site
):
    addresses = {code: release_addresses(code) for code in LANGUAGES}
    for code in LANGUAGES:
        cached(client, addresses[code])

    newsroom = PressReleaseIndexPage.objects.live().get()
    release = PressReleasePageFactory(
        parent=newsroom,
        live=False,
        title_en="Learning cities sign the Mexico City Statement",
        title_es="Las ciudades del aprendizaje firman la Declaración de México",
        release_date=datetime.datetime(2015, 9, 30, 23, 0, tzinfo=MEXICO_CITY),
    )
    release.save_revision().publish()
    for code in LANGUAGES:
        title = getattr(release, f"title_{code}").encode()
        for address in addresses[code]:
            response = client.get(address)
            assert response.status_code == 200, address
            assert title in response.content, address

    release.refresh_from_db()
    release.unpublish()
    for code in LANGUAGES:
        title = getattr(release, f"title_{code}").encode()
        for address in addresses[code]:
            assert title not in client.get(address).content, address


def test_renaming_a_venue_changes_every_session_page_that_shows_it(client, site):
    venue = VenuePage.objects.filter(sessions__isnull=False).distinct().first()
    assert venue is not None
    sessions = list(SessionPage.objects.live().filter(venue=venue)[:3])
    addresses = [s.url_in(code) for s in sessions for code in LANGUAGES]
    cached(client, addresses)

    venue.title_en = "Old Town Hall of Mexico City"
    venue.title_es = "Antiguo Palacio del Ayuntamiento"
    venue.save_revision().publish()
    for session in sessions:
        for code in LANGUAGES:
            response = client.get(session.url_in(code))
            assert getattr(venue, f"title_{code}").encode() in response.content
