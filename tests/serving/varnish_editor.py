"""An editor's process for tests/serving/test_varnish.py: publishes as the admin does.

Run as `python -m tests.serving.varnish_editor` with the app servers' settings
and environment; reads one command per line on stdin and answers one JSON line
on stdout. It changes content through Wagtail's own API (revisions published,
pages unpublished), in a process of its own, as the admin or the scheduler
would: its signals bump the shared content generation and send the purge.
"""

import datetime
import json
import sys
import zoneinfo

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import translation  # noqa: E402

from pages.models import (  # noqa: E402
    HomePage,
    PressReleaseIndexPage,
    PressReleasePage,
    SessionPage,
    VenuePage,
)

MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")
DAY = datetime.date(2015, 9, 30)


def urls(page, *routes):
    """The page's address in each language, and its routes' (name, args)."""
    found = {}
    for language in ("en", "es"):
        with translation.override(language):
            url = page.get_url()
            found[language] = [url] + [
                url + page.reverse_subpage(name, args=args) for name, args in routes
            ]
    return found


def pages():
    newsroom = PressReleaseIndexPage.objects.live().first()
    home = HomePage.objects.live().first()
    return {
        "newsroom": urls(
            newsroom,
            ("feed_rss", None),
            ("feed_atom", None),
            ("day_view", [DAY.isoformat()]),
        ),
        "home": urls(home),
    }


def publish(token):
    newsroom = PressReleaseIndexPage.objects.live().first()
    release = PressReleasePage(
        title_en=f"Varnish release {token}",
        title_es=f"Comunicado varnish {token}",
        slug_en=f"varnish-release-{token}",
        slug_es=f"comunicado-varnish-{token}",
        release_date=datetime.datetime(2015, 9, 30, 23, 0, tzinfo=MEXICO_CITY),
        location_en="Mexico City",
        location_es="Ciudad de México",
        summary_en="A release published while the proxy was caching.",
        summary_es="Un comunicado publicado mientras el proxy guardaba páginas.",
        live=False,
    )
    newsroom.add_child(instance=release)
    release.save_revision().publish()
    return {"id": release.pk, **urls(release)}


def unpublish(page_id):
    PressReleasePage.objects.get(pk=page_id).unpublish()
    return {}


def busiest_venue():
    return max(
        VenuePage.objects.live(),
        key=lambda v: (SessionPage.objects.live().filter(venue=v).count(), -v.pk),
    )


def venue_sessions():
    """The addresses of every session at the venue with the most sessions."""
    found = {"en": [], "es": []}
    for session in SessionPage.objects.live().filter(venue=busiest_venue()):
        for language, addresses in urls(session).items():
            found[language] += addresses
    return found


def rename_venue(name):
    venue = busiest_venue()
    venue.title_en = f"{name} (en)"
    venue.title_es = f"{name} (es)"
    venue.save_revision().publish()
    return {}


def make_editor(username, password):
    get_user_model().objects.create_superuser(
        username, f"{username}@example.org", password
    )
    return {}


COMMANDS = {
    "make_editor": make_editor,
    "pages": pages,
    "publish": publish,
    "unpublish": unpublish,
    "rename_venue": rename_venue,
    "venue_sessions": venue_sessions,
}


def main():
    for line in sys.stdin:
        command, *args = json.loads(line)
        answer = COMMANDS[command](*args)
        # Nothing of this process holds the database open between commands
        # (the test stops the server).
        connection.close()
        sys.stdout.write(json.dumps(answer) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
