"""Preview in either language from the editor, through the admin's preview endpoint."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.editorial import (
    add_page_url,
    edit_page_url,
    form_fields,
    login,
    stream,
    submit_form,
)
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

DRAFT = {
    "title_en": "Draft: the Mexico City declaration",
    "title_es": "Borrador: la declaración de la Ciudad de México",
    "intro_en": "What the mayors will sign.",
    "intro_es": "Lo que firmarán los alcaldes.",
    **stream(body_en=[], body_es=[]),
}


def preview(client, url, mode):
    response = client.get(url, {"mode": mode})
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("mode", "title", "intro"),
    [
        ("en", DRAFT["title_en"], DRAFT["intro_en"]),
        ("es", DRAFT["title_es"], DRAFT["intro_es"]),
    ],
)
def test_editor_previews_unsaved_changes_in_the_chosen_language(
    client, editor, home_page, mode, title, intro
):
    page = StandardPageFactory(parent=home_page, live=True)
    login(client, editor)
    edit = client.get(edit_page_url(page))
    data = {**form_fields(edit.content), **DRAFT}
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert client.post(url, data).json() == {"is_valid": True, "is_available": True}

    shown = preview(client, url, mode)
    assert shown.html["lang"] == mode
    assert shown.h1.get_text(strip=True) == title
    assert intro in shown.get_text()
    # Nothing was saved: the live page keeps its text.
    page.refresh_from_db()
    assert page.title_en != DRAFT["title_en"]


def test_the_editor_offers_both_preview_languages(client, editor, home_page):
    login(client, editor)
    html = client.get(add_page_url(StandardPage, home_page)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    modes = {option["value"] for option in soup.select("select#id_preview_mode option")}
    assert modes == {"en", "es"}


def test_new_page_preview_in_spanish(client, editor, home_page):
    login(client, editor)
    url = reverse(
        "wagtailadmin_pages:preview_on_add",
        args=("pages", "standardpage", home_page.pk),
    )
    page = client.get(add_page_url(StandardPage, home_page))
    data = {**form_fields(page.content), **DRAFT, "slug_en": "declaration"}
    assert client.post(url, data).json()["is_valid"]
    assert preview(client, url, "es").h1.get_text(strip=True) == DRAFT["title_es"]


def test_moderator_previews_the_submitted_revision_in_either_language(
    client, editor, moderator, home_page
):
    login(client, editor)
    submit_form(
        client,
        add_page_url(StandardPage, home_page),
        {**DRAFT, "slug_en": "declaration"},
        "action-submit",
    )
    page = StandardPage.objects.get(slug_en="declaration")
    login(client, moderator)
    url = reverse(
        "wagtailadmin_pages:revisions_view",
        args=(page.pk, page.current_workflow_state.current_task_state.revision_id),
    )
    assert preview(client, url, "es").h1.get_text(strip=True) == DRAFT["title_es"]
    assert preview(client, url, "en").h1.get_text(strip=True) == DRAFT["title_en"]
    # Wagtail's dashboard "Preview" link (workflow preview) always shows the
    # default mode, English; the revision and editor previews offer both.
    task_preview = reverse(
        "wagtailadmin_pages:workflow_preview",
        args=(page.pk, page.current_workflow_task.pk),
    )
    assert (
        preview(client, task_preview, "en").h1.get_text(strip=True)
        == (DRAFT["title_en"])
    )
