"""No page goes live without a Spanish title, whichever way it is published:
Publish, Approve in the editor or on the dashboard, the scheduler, a PO import,
a bulk action. Each path is driven as staff drive it, through the real admin."""

import datetime

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import polib
import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.admin_forms import (
    add_page_url,
    current_task_state,
    edit_page_url,
    login,
    submit_form,
    workflow_action,
)
from tests.factories import StaffUserFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

UNTITLED = {
    "title_en": "Closing declaration",
    "title_es": "",
    "slug_en": "closing-declaration",
    "intro_en": "What the mayors signed.",
}
REFUSED = "cannot be published without a Spanish title"


def submitted_untitled(client, editor, home_page):
    """An editor's new page without a Spanish title, submitted for moderation."""
    login(client, editor)
    response = submit_form(
        client, add_page_url(StandardPage, home_page), UNTITLED, "action-submit"
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug_en=UNTITLED["slug_en"])
    assert page.current_workflow_state is not None
    return page


def is_live(page):
    return StandardPage.objects.get(pk=page.pk).live


def test_the_dashboard_offers_only_request_changes_with_the_reason(
    client, editor, moderator, home_page
):
    page = submitted_untitled(client, editor, home_page)
    login(client, moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert UNTITLED["title_en"] in dashboard
    assert "Request changes: no Spanish title" in dashboard
    approve = reverse(
        "wagtailadmin_pages:workflow_action",
        args=(page.pk, "approve", current_task_state(page).pk),
    )
    assert approve not in dashboard

    # Pressing Approve anyway (an old tab, a crafted request) is refused: the
    # admin sends the moderator back to the dashboard.
    response = workflow_action(client, page, "approve")
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")
    assert not is_live(page)
    assert page.current_workflow_state.status == "in_progress"


def test_approving_in_the_editor_is_refused_with_the_field_named(
    client, editor, moderator, home_page
):
    page = submitted_untitled(client, editor, home_page)
    login(client, moderator)
    edit = client.get(edit_page_url(page)).content.decode()
    assert 'data-workflow-action-name="approve"' not in edit
    assert "Request changes: no Spanish title" in edit

    # The moderator writes the title, saves, and may then approve.
    response = submit_form(
        client, edit_page_url(page), {"title_es": "Declaración de clausura"}
    )
    assert response.status_code == 302
    edit = client.get(edit_page_url(page)).content.decode()
    assert 'data-workflow-action-name="approve"' in edit

    # Emptying it again while approving is refused in the form, next to the field.
    response = submit_form(
        client,
        edit_page_url(page),
        {"title_es": "", "workflow-action-name": "approve"},
        "action-workflow-action",
    )
    assert response.status_code == 200
    errors = BeautifulSoup(response.content, "html.parser").select(".error-message")
    assert any(REFUSED in error.get_text() for error in errors)
    assert not is_live(page)

    assert workflow_action(client, page, "approve").status_code == 302
    page = StandardPage.objects.get(pk=page.pk)
    assert page.live and page.title_es == "Declaración de clausura"


def test_publishing_in_the_editor_is_refused(client, moderator, home_page):
    login(client, moderator)
    response = submit_form(
        client, add_page_url(StandardPage, home_page), UNTITLED, "action-publish"
    )
    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert not StandardPage.objects.filter(slug_en=UNTITLED["slug_en"]).exists()


def test_a_scheduled_page_without_a_title_is_unscheduled_not_published(
    home_page, caplog
):
    titled = StandardPageFactory(parent=home_page, live=False, slug_en="titled")
    untitled = StandardPageFactory(parent=home_page, live=False, slug_en="untitled")
    past = timezone.now() - datetime.timedelta(minutes=1)
    for page, title_es in ((untitled, ""), (titled, "Con título")):
        page.title_es = title_es
        revision = page.save_revision()
        revision.approved_go_live_at = past
        revision.save()

    call_command("publish_scheduled", verbosity=0)

    # The scheduler went on past the refused page.
    assert StandardPage.objects.get(pk=titled.pk).live
    assert not StandardPage.objects.get(pk=untitled.pk).live
    assert untitled.revisions.filter(approved_go_live_at__isnull=False).count() == 0
    assert "no title in every language" in caplog.text


def test_publishing_from_code_is_refused(home_page):
    page = StandardPageFactory(parent=home_page, live=False)
    page.title_es = ""
    revision = page.save_revision()
    with pytest.raises(ValidationError):
        revision.publish()
    assert not is_live(page)


def test_a_po_import_keeps_an_untitled_page_a_draft(home_page, tmp_path):
    page = StandardPageFactory(parent=home_page, title_es="", intro_es="")
    catalogue = tmp_path / "es.po"
    call_command("export_content_po", "--lang", "es", "--output", str(catalogue))
    po = polib.pofile(str(catalogue))
    for entry in po:
        if entry.msgid == page.intro_en:
            entry.msgstr = "Lo que firmaron los alcaldes."
    po.save()
    call_command("import_content_po", str(catalogue), verbosity=0)
    page = StandardPage.objects.get(pk=page.pk)
    assert page.has_unpublished_changes
    assert page.intro_es != "Lo que firmaron los alcaldes."  # not live


def test_bulk_publish_publishes_nothing_when_a_page_has_no_title(
    client, moderator, home_page
):
    titled = StandardPageFactory(parent=home_page, live=False, slug_en="titled")
    untitled = StandardPageFactory(
        parent=home_page, live=False, slug_en="untitled", title_es=""
    )
    login(client, moderator)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish"))
        + f"?id={titled.pk}&id={untitled.pk}&next=/admin/pages/{home_page.pk}/"
    )
    response = client.post(url, follow=True)
    assert "have no Spanish title" in response.content.decode()
    assert not Page.objects.get(pk=titled.pk).live
    assert not Page.objects.get(pk=untitled.pk).live

    untitled.title_es = "Con título"
    untitled.save_revision()
    client.post(url)
    assert Page.objects.get(pk=titled.pk).live
    assert Page.objects.get(pk=untitled.pk).live


def test_superusers_are_held_to_the_rule_too(client, home_page):
    login(client, StaffUserFactory(is_superuser=True))
    response = submit_form(
        client, add_page_url(StandardPage, home_page), UNTITLED, "action-publish"
    )
    assert REFUSED in response.content.decode()
