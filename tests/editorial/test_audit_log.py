"""Every publish, unpublish, approval and move is in Wagtail's log: who and when."""

from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from pages.models import StandardPage
from tests.admin_forms import add_page_url, login, stream, submit_form, workflow_action
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def entries(page):
    return list(
        PageLogEntry.objects.filter(page=page)
        .order_by("timestamp", "pk")
        .values_list("action", "user__username")
    )


def test_publish_unpublish_approval_and_move_are_logged_with_who_and_when(
    client, editor, moderator, home_page
):
    started = timezone.now()
    section = StandardPageFactory(parent=home_page, live=True)
    login(client, editor)
    submit_form(
        client,
        add_page_url(StandardPage, home_page),
        {
            "title_en": "Press accreditation",
            "title_es": "Acreditación de prensa",
            "slug_en": "press-accreditation",
            **stream(body_en=[], body_es=[]),
        },
        "action-submit",
    )
    page = StandardPage.objects.get(slug_en="press-accreditation")

    login(client, moderator)
    workflow_action(client, page, "approve", comment="Checked.")
    unpublish = reverse("wagtailadmin_pages:unpublish", args=(page.pk,))
    assert client.post(unpublish).status_code == 302
    page.refresh_from_db()
    assert not page.live
    # Moving needs publish rights where it lands when the page has been live.
    move = reverse("wagtailadmin_pages:move_confirm", args=(page.pk, section.pk))
    assert client.post(move).status_code == 302
    page.refresh_from_db()
    assert page.get_parent().pk == section.pk

    log = entries(page)
    for expected in (
        ("wagtail.workflow.start", "editor"),
        ("wagtail.workflow.approve", "moderator"),
        ("wagtail.publish", "moderator"),
        ("wagtail.unpublish", "moderator"),
        ("wagtail.move", "moderator"),
    ):
        assert expected in log, (expected, log)
    # In that order, each with its time.
    actions = [action for action, _user in log]
    assert actions.index("wagtail.workflow.approve") < actions.index(
        "wagtail.unpublish"
    )
    assert actions.index("wagtail.unpublish") < actions.index("wagtail.move")
    for entry in PageLogEntry.objects.filter(page=page):
        assert started <= entry.timestamp <= timezone.now()

    # Staff read the same history in the admin.
    history = client.get(reverse("wagtailadmin_pages:history", args=(page.pk,)))
    html = history.content.decode()
    for label in ("Approved", "Published", "Unpublished", "Moved"):
        assert label in html, label
