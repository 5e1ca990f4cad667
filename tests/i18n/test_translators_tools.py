"""Translators use their own tools: the translation report and the PO files.

Their imports are drafts that go to the Moderators; a link to the report is
shown only to those who may open it."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

import polib
import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.admin_forms import login, workflow_action
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def untranslated(home_page):
    """A live page whose Spanish introduction is still empty."""
    page = StandardPageFactory(
        parent=home_page, intro_en="Why cities learn.", intro_es=""
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("translator", True), ("moderator", True), ("editor", False)],
)
def test_the_report_and_its_link_are_for_those_who_may_open_it(
    client, request, role, allowed, home_page
):
    login(client, request.getfixturevalue(role))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    link = f'href="{reverse("translation_report")}"'
    assert (link in dashboard) is allowed
    for name in ("translation_report", "translations"):
        response = client.get(reverse(name))
        assert (response.status_code == 200) is allowed, (role, name)


def translated_catalogue(client, page):
    """The PO file the Translations page gives, with the introduction translated."""
    download = client.post(reverse("translations"), {"export": "1", "language": "es"})
    assert download.status_code == 200
    po = polib.pofile(download.content.decode())
    for entry in po:
        if entry.msgid == page.intro_en:
            entry.msgstr = "Por qué aprenden las ciudades."
    return SimpleUploadedFile("es.po", str(po).encode(), "text/x-gettext-translation")


def test_a_translators_import_is_a_draft_submitted_to_the_moderators(
    client, translator, moderator, untranslated
):
    login(client, translator)
    form = BeautifulSoup(client.get(reverse("translations")).content, "html.parser")
    assert not form.select("input[name=publish]")  # no choice to publish

    response = client.post(
        reverse("translations"),
        {
            "import": "1",
            "language": "es",
            "file": translated_catalogue(client, untranslated),
        },
    )
    # The translator's admin speaks Spanish.
    assert "Enviados a los moderadores para su aprobación" in (
        response.content.decode()
    )
    page = StandardPage.objects.get(pk=untranslated.pk)
    assert page.intro_es == ""  # the live page is unchanged
    assert page.has_unpublished_changes
    assert page.current_workflow_state.requested_by == translator

    login(client, moderator)
    assert page.title_en in client.get(reverse("wagtailadmin_home")).content.decode()
    assert workflow_action(client, page, "approve").status_code == 302
    assert StandardPage.objects.get(pk=page.pk).intro_es == (
        "Por qué aprenden las ciudades."
    )


def test_a_moderators_import_may_publish(client, moderator, untranslated):
    login(client, moderator)
    client.post(
        reverse("translations"),
        {
            "import": "1",
            "language": "es",
            "publish": "publish",
            "file": translated_catalogue(client, untranslated),
        },
    )
    page = StandardPage.objects.get(pk=untranslated.pk)
    assert page.intro_es == "Por qué aprenden las ciudades."
    assert page.current_workflow_state is None
