"""Moderation end to end through the admin's own forms, one role at a time."""

import datetime
from html import escape

from django.core import mail
from django.urls import reverse
from django.utils import timezone

from wagtail.models import WorkflowState

import pytest

from pages.models import StandardPage
from tests.admin_forms import (
    add_page_url,
    edit_page_url,
    login,
    stream,
    submit_form,
    workflow_action,
)
from tests.factories import StaffUserFactory

pytestmark = pytest.mark.django_db

NEW_PAGE = {
    "title_en": "Learning cities in Latin America",
    "title_es": "Ciudades del aprendizaje en América Latina",
    "slug_en": "learning-cities-latin-america",
    "slug_es": "ciudades-del-aprendizaje-america-latina",
    "intro_en": "Twelve cities share what they learned.",
    "intro_es": "Doce ciudades comparten lo que aprendieron.",
}
BODY = stream(
    body_en=[("paragraph", "<p>Medellín opened libraries in every district.</p>")],
    body_es=[("paragraph", "<p>Medellín abrió bibliotecas en cada comuna.</p>")],
)
NEW_PAGE.update(BODY)


def recipients():
    return sorted(address for message in mail.outbox for address in message.to)


def create_and_submit(client, editor, home_page):
    login(client, editor)
    response = submit_form(
        client, add_page_url(StandardPage, home_page), NEW_PAGE, "action-submit"
    )
    assert response.status_code == 302, response.context["form"].errors
    return StandardPage.objects.get(slug_en=NEW_PAGE["slug_en"])


def test_editor_submits_and_the_moderators_are_told(
    client, editor, moderator, translator, home_page
):
    superuser = StaffUserFactory(is_superuser=True)
    other_moderator = StaffUserFactory(groups=["Moderators"])
    page = create_and_submit(client, editor, home_page)

    assert not page.live
    assert page.owner == editor
    state = page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == editor
    assert state.current_task_state.task.name == "Moderators approval"
    # Only the Moderators are told: not the editor, the translator or a superuser.
    assert recipients() == sorted([moderator.email, other_moderator.email])
    assert superuser.email not in recipients()
    assert NEW_PAGE["title_en"] in mail.outbox[0].subject
    # Nothing reaches the public before approval.
    assert client.get(f"/en/{NEW_PAGE['slug_en']}/").status_code == 404


def test_editor_cannot_publish(client, editor, home_page):
    login(client, editor)
    response = submit_form(
        client, add_page_url(StandardPage, home_page), NEW_PAGE, "action-publish"
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug_en=NEW_PAGE["slug_en"])
    assert not page.live  # Wagtail saved a draft instead
    edit = client.get(edit_page_url(page)).content.decode()
    assert 'name="action-publish"' not in edit
    assert 'name="action-submit"' in edit
    unpublish = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
    assert client.post(unpublish).status_code in (302, 403)
    page.refresh_from_db()
    assert not page.live


def test_moderator_approves_and_the_page_is_live_in_both_languages(
    client, editor, moderator, home_page
):
    page = create_and_submit(client, editor, home_page)
    mail.outbox.clear()

    login(client, moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert NEW_PAGE["title_en"] in dashboard  # "Awaiting your review"
    response = workflow_action(client, page, "approve", comment="Ready to go.")
    assert response.status_code == 302

    page.refresh_from_db()
    assert page.live
    assert page.current_workflow_state is None
    english = client.get(f"/en/{NEW_PAGE['slug_en']}/")
    spanish = client.get(f"/es/{NEW_PAGE['slug_es']}/")
    assert english.status_code == spanish.status_code == 200
    assert "Medellín opened libraries" in english.content.decode()
    assert "Medellín abrió bibliotecas" in spanish.content.decode()
    # The editor hears that the page was approved.
    assert recipients() == [editor.email]
    assert NEW_PAGE["title_en"] in mail.outbox[0].subject


def test_moderator_requests_changes_with_a_comment(
    client, editor, moderator, home_page
):
    page = create_and_submit(client, editor, home_page)
    mail.outbox.clear()

    login(client, moderator)
    comment = "Please add the mayor's quotation in Spanish."
    assert workflow_action(client, page, "reject", comment=comment).status_code == 302

    page.refresh_from_db()
    assert not page.live
    state = WorkflowState.objects.get(
        base_content_type__model="page", object_id=page.pk
    )
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert recipients() == [editor.email]
    assert comment in mail.outbox[0].body
    # The editor sees the comment when they open the page again.
    login(client, editor)
    assert escape(comment) in client.get(edit_page_url(page)).content.decode()


def test_a_translators_edit_of_a_live_page_needs_approval_again(
    client, editor, moderator, translator, home_page
):
    page = create_and_submit(client, editor, home_page)
    login(client, moderator)
    workflow_action(client, page, "approve")
    mail.outbox.clear()

    login(client, translator)
    changes = {
        "intro_es": "Doce ciudades comparten lo que aprendieron en diez años.",
        **stream(
            body_en=[
                ("paragraph", "<p>Medellín opened libraries in every district.</p>")
            ],
            body_es=[
                ("paragraph", "<p>Medellín abrió bibliotecas en cada comuna.</p>")
            ],
        ),
    }
    # Publishing is not theirs to do: pressing "publish" only saves a draft…
    submit_form(client, edit_page_url(page), changes, "action-publish")
    spanish = client.get(f"/es/{NEW_PAGE['slug_es']}/").content.decode()
    assert "en diez años" not in spanish
    # …and submitting sends it to the moderators, while the live page stays as it was.
    response = submit_form(client, edit_page_url(page), changes, "action-submit")
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.has_unpublished_changes
    assert page.current_workflow_state.requested_by == translator
    assert moderator.email in recipients()
    assert (
        "en diez años" not in client.get(f"/es/{NEW_PAGE['slug_es']}/").content.decode()
    )

    login(client, moderator)
    workflow_action(client, page, "approve")
    assert "en diez años" in client.get(f"/es/{NEW_PAGE['slug_es']}/").content.decode()


def test_moderator_schedules_publication(client, moderator, home_page):
    login(client, moderator)
    go_live = timezone.localtime() + datetime.timedelta(days=2)
    changes = {**NEW_PAGE, "go_live_at": go_live.strftime("%Y-%m-%d %H:%M")}
    response = submit_form(
        client, add_page_url(StandardPage, home_page), changes, "action-publish"
    )
    assert response.status_code == 302
    page = StandardPage.objects.get(slug_en=NEW_PAGE["slug_en"])
    assert not page.live
    revision = page.latest_revision
    assert revision.approved_go_live_at.replace(
        second=0, microsecond=0
    ) == go_live.replace(second=0, microsecond=0)
