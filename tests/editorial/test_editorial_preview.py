"""Preview in either language from the editor, through the admin's preview endpoint."""

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.admin_forms import (
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


PREVIEW_TITLES = {"en": "Preview headline", "es": "Titular de la vista previa"}


def preview_shows(client, url, mode):
    """The preview in `mode`: its `lang` and the draft's title in that language."""
    shown = preview(client, url, mode)
    assert shown.html["lang"] == mode
    assert PREVIEW_TITLES[mode] in shown.title.get_text()
    return shown


def related_items(pages):
    """Form values that link a page to others (a preview holds them in memory,
    not in the database): a release's sessions and gallery, a gallery's session."""
    return {
        "PressReleasePage": {
            "related_sessions": [str(pages["SessionPage"].pk)],
            "related_gallery": str(pages["GalleryPage"].pk),
        },
        "SessionPage": {"venue": str(pages["VenuePage"].pk)},
        "GalleryPage": {"session": str(pages["SessionPage"].pk)},
    }


@pytest.mark.parametrize("mode", ["en", "es"])
def test_every_page_type_previews_its_draft_in_either_language(
    client, editor, every_page_type, mode
):
    login(client, editor)
    for name, page in every_page_type.items():
        edit = client.get(edit_page_url(page))
        assert edit.status_code == 200, name
        data = {
            **form_fields(edit.content),
            **related_items(every_page_type).get(name, {}),
            "title_en": PREVIEW_TITLES["en"],
            "title_es": PREVIEW_TITLES["es"],
        }
        url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
        assert client.post(url, data).json()["is_valid"], name
        preview_shows(client, url, mode)


@pytest.mark.parametrize("mode", ["en", "es"])
def test_every_page_type_previews_as_a_new_page(client, editor, every_page_type, mode):
    login(client, editor)
    for name, page in every_page_type.items():
        parent = page.get_parent().specific
        model = type(page)
        if not model.can_create_at(parent):
            continue  # one per site (home, programme, press room…): no "add"
        add = client.get(add_page_url(model, parent))
        assert add.status_code == 200, name
        data = {
            **form_fields(add.content),
            # The required fields' values of an existing page of the type.
            **{
                key: value
                for key, value in form_fields(
                    client.get(edit_page_url(page)).content
                ).items()
                if not key.startswith(("slug", "title"))
            },
            **related_items(every_page_type).get(name, {}),
            "title_en": PREVIEW_TITLES["en"],
            "title_es": PREVIEW_TITLES["es"],
            "slug_en": "new-preview",
        }
        url = reverse(
            "wagtailadmin_pages:preview_on_add",
            args=(model._meta.app_label, model._meta.model_name, parent.pk),
        )
        response = client.post(url, data).json()
        assert response["is_valid"], (name, response)
        preview_shows(client, url, mode)
