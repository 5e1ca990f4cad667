"""A press release from the editor's first draft to both languages and both feeds.

Every step posts the admin's own forms as the person who would do it.
"""

import datetime
import zoneinfo

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest
from bs4 import BeautifulSoup

from pages.models import PressReleasePage
from tests.admin_forms import (
    add_page_url,
    edit_page_url,
    login,
    stream,
    submit_form,
    workflow_action,
)
from tests.factories import PressReleaseIndexPageFactory

pytestmark = pytest.mark.django_db

MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")

RELEASE = {
    "title_en": "Mayors adopt the Mexico City Declaration",
    "title_es": "Alcaldes adoptan la Declaración de la Ciudad de México",
    "slug_en": "mayors-adopt-declaration",
    "slug_es": "alcaldes-adoptan-declaracion",
    "release_date": "2015-09-30 13:00",
    "location_en": "Mexico City",
    "location_es": "Ciudad de México",
    "summary_en": "Mayors from 90 countries committed to lifelong learning.",
    "summary_es": "Alcaldes de 90 países se comprometieron con el aprendizaje.",
}
BODY = stream(
    body_en=[("paragraph", "<p>The declaration was adopted on the last day.</p>")],
    body_es=[("paragraph", "<p>La declaración se adoptó el último día.</p>")],
)
NEW_SUMMARY_ES = (
    "Alcaldes de 90 países se comprometieron con el aprendizaje para todos."
)


@pytest.fixture
def newsroom(home_page):
    return PressReleaseIndexPageFactory(parent=home_page)


def text(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def feed_titles(client, url):
    soup = BeautifulSoup(text(client, url), "xml")
    return [title.get_text() for title in soup.select("item > title, entry > title")]


def test_press_release_from_editor_to_both_languages_and_feeds(
    client, editor, moderator, translator, newsroom
):
    # 1. The editor writes the release in English and Spanish and submits it.
    login(client, editor)
    response = submit_form(
        client,
        add_page_url(PressReleasePage, newsroom),
        {**RELEASE, **BODY},
        "action-submit",
    )
    assert response.status_code == 302, response.context["form"].errors
    release = PressReleasePage.objects.get(slug_en=RELEASE["slug_en"])
    assert release.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert [m.to for m in mail.outbox] == [[moderator.email]]

    # 2. The editor cannot publish it: no button, and pressing it anyway saves a draft.
    edit = text(client, edit_page_url(release))
    assert 'name="action-publish"' not in edit
    submit_form(client, edit_page_url(release), BODY, "action-publish")
    release.refresh_from_db()
    assert not release.live
    assert client.get(f"/en/press/{RELEASE['slug_en']}/").status_code == 404
    assert RELEASE["title_en"] not in feed_titles(client, "/en/press/feed/rss/")

    # 3. A moderator approves it, which publishes it.
    login(client, moderator)
    assert workflow_action(client, release, "approve").status_code == 302
    release.refresh_from_db()
    assert release.live

    # 4. It is live in both languages and in both feeds of each language.
    english = text(client, f"/en/press/{RELEASE['slug_en']}/")
    spanish = text(client, f"/es/prensa/{RELEASE['slug_es']}/")
    assert RELEASE["title_en"] in english and RELEASE["summary_en"] in english
    assert RELEASE["title_es"] in spanish and "se adoptó el último día" in spanish
    for language, title in (("en", "title_en"), ("es", "title_es")):
        prefix = "press/feed" if language == "en" else "prensa/canal"
        for kind in ("rss", "atom"):
            titles = feed_titles(client, f"/{language}/{prefix}/{kind}/")
            assert RELEASE[title] in titles, (language, kind, titles)

    # 5. A translator improves the Spanish summary; it needs approval again.
    mail.outbox.clear()
    login(client, translator)
    changes = {"summary_es": NEW_SUMMARY_ES, **BODY}
    response = submit_form(client, edit_page_url(release), changes, "action-submit")
    assert response.status_code == 302
    release.refresh_from_db()
    assert release.has_unpublished_changes
    assert release.current_workflow_state.requested_by == translator
    assert [m.to for m in mail.outbox] == [[moderator.email]]
    assert NEW_SUMMARY_ES not in text(client, f"/es/prensa/{RELEASE['slug_es']}/")
    assert NEW_SUMMARY_ES not in text(client, "/es/prensa/canal/rss/")

    login(client, moderator)
    assert workflow_action(client, release, "approve").status_code == 302
    assert NEW_SUMMARY_ES in text(client, f"/es/prensa/{RELEASE['slug_es']}/")
    assert NEW_SUMMARY_ES in text(client, "/es/prensa/canal/rss/")
    # The English text did not move.
    assert RELEASE["summary_en"] in text(client, f"/en/press/{RELEASE['slug_en']}/")


def test_scheduled_press_releases_on_the_dashboard(client, moderator, newsroom):
    login(client, moderator)
    go_live = (timezone.now() + datetime.timedelta(days=2)).astimezone(MEXICO_CITY)
    go_live = go_live.replace(hour=17, minute=0, second=0, microsecond=0)
    submit_form(
        client,
        add_page_url(PressReleasePage, newsroom),
        {**RELEASE, **BODY, "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")},
        "action-publish",
    )
    release = PressReleasePage.objects.get(slug_en=RELEASE["slug_en"])
    assert not release.live
    # The moderator then travels: their admin shows Paris time from now on, but
    # the release time stays in Mexico City time, with the zone named.
    profile = moderator.wagtail_userprofile
    profile.current_time_zone = "Europe/Paris"
    profile.save()
    soup = BeautifulSoup(text(client, reverse("wagtailadmin_home")), "html.parser")
    panel = soup.find(id="scheduled-pages-section").get_text(" ", strip=True)
    assert "Scheduled press releases" in panel
    assert RELEASE["title_en"] in panel
    assert "5:00 p.m." in panel
    assert f"Mexico City time ({go_live.strftime('%Z')})" in panel


def test_a_new_release_starts_with_the_dateline_place_in_each_language(
    client, editor, newsroom
):
    login(client, editor)
    form = BeautifulSoup(
        client.get(add_page_url(PressReleasePage, newsroom)).content, "html.parser"
    )
    assert form.select_one("#id_location_en")["value"] == "Mexico City"
    assert form.select_one("#id_location_es")["value"] == "Ciudad de México"
