"""The admin dashboard shows each member of staff what waits for them."""

import datetime
import zoneinfo

from django.urls import reverse
from django.utils import timezone, translation

import pytest
from bs4 import BeautifulSoup

from pages.editorial.dashboard import ScheduledPagesPanel
from pages.i18n.dashboard import TranslationGapsPanel
from pages.models import StandardPage
from tests.admin_forms import add_page_url, login, stream, submit_form
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")


def dashboard(client):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def panel_text(soup, panel_id):
    panel = soup.find(id=panel_id)
    return panel.get_text(" ", strip=True) if panel else ""


def new_page(client, home_page, slug, action):
    return submit_form(
        client,
        add_page_url(StandardPage, home_page),
        {
            "title_en": f"Page {slug}",
            "title_es": f"Página {slug}",
            "slug_en": slug,
            **stream(body_en=[], body_es=[]),
        },
        action,
    )


def test_my_drafts_lists_only_my_unsubmitted_drafts(client, editor, home_page):
    other = StandardPageFactory(parent=home_page, live=False)
    other.save_revision()  # a draft, but not the editor's
    login(client, editor)
    new_page(client, home_page, "my-draft", None)
    new_page(client, home_page, "submitted", "action-submit")

    drafts = panel_text(dashboard(client), "my-drafts-section")
    assert "Page my-draft" in drafts
    assert "Page submitted" not in drafts
    assert other.title_en not in drafts


def test_moderators_see_what_awaits_their_review(
    client, editor, moderator, translator, home_page
):
    login(client, editor)
    new_page(client, home_page, "for-review", "action-submit")
    login(client, moderator)
    assert "Page for-review" in panel_text(dashboard(client), "awaiting-review-section")
    # Others can't approve, so it isn't waiting for them.
    login(client, translator)
    assert "for-review" not in panel_text(dashboard(client), "awaiting-review-section")


def test_scheduled_panel_can_be_limited_to_one_page_type(moderator, home_page):
    page = StandardPageFactory(parent=home_page, live=False)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision(user=moderator).publish(user=moderator)
    assert [
        item["page"] for item in ScheduledPagesPanel(StandardPage, "").get_scheduled()
    ] == [page]
    from pages.models import HomePage

    assert ScheduledPagesPanel(HomePage, "").get_scheduled() == []


def test_translation_gaps_panel_shows_the_count_in_the_admins_language(rf, editor):
    request = rf.get("/admin/")
    request.user = editor
    with translation.override("es"):
        html = TranslationGapsPanel(
            count=lambda: 3, report_url="/admin/report/"
        ).render_html({"request": request})
    assert "3 campos" in html
    assert 'href="/admin/report/"' in html
    assert (
        TranslationGapsPanel(count=lambda: None)
        .render_html({"request": request})
        .strip()
        == ""
    )
