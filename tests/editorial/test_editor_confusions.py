"""What confused a non-technical editor (issue 21), through the admin's own forms
and addresses. tests/browser/test_editor_confusions.py clicks through the same."""

import datetime
import json
import logging
import re
import zoneinfo
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest
from bs4 import BeautifulSoup

from pages.models import PressReleasePage, SessionPage, StandardPage
from tests.admin_forms import (
    add_page_url,
    edit_page_url,
    form_fields,
    login,
    stream,
    submit_form,
)
from tests.factories import (
    GalleryPageFactory,
    MediaIndexPageFactory,
    PressReleaseIndexPageFactory,
    ProgrammePageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")


def soup_of(response):
    return BeautifulSoup(response.content, "html.parser")


def panel_text(client, panel_id):
    panel = soup_of(client.get(reverse("wagtailadmin_home"))).find(id=panel_id)
    return panel.get_text(" ", strip=True) if panel else ""


def future(days=30, hour=10, minute=15):
    """A go-live time in Mexico City, as the schedule dialog's field takes it."""
    day = (timezone.now() + datetime.timedelta(days=days)).astimezone(MEXICO_CITY)
    return day.replace(hour=hour, minute=minute, second=0, microsecond=0)


def messages_after(client, response):
    assert response.status_code == 302, response.content[:500]
    return [str(m) for m in get_messages(client.get(response["Location"]).wsgi_request)]


# --- 1. The schedule -----------------------------------------------------------
def test_the_schedule_picker_lists_quarter_hours(client, editor, home_page):
    page = StandardPageFactory(parent=home_page)
    html = login(client, editor).get(edit_page_url(page)).content.decode()
    [config] = re.findall(r'initDateTimeChooser\("id_go_live_at", (\{.*?\})\);', html)
    assert json.loads(config)["step"] == 15
    # The dialog says when a schedule takes effect.
    # Panel ids come from the headings in the language of the admin that first
    # built the page type's editor (Wagtail caches it): match the end only.
    help_text = soup_of(client.get(edit_page_url(page))).find(
        id=re.compile(r"-go_live_at-helptext$")
    )
    # (The dialog's content is in a <template>, whose text get_text() skips.)
    assert "takes effect only when the page is published" in str(help_text)


def test_saving_a_schedule_says_it_waits_for_approval(client, editor, home_page):
    page = StandardPageFactory(parent=home_page, title_en="Mayors' forum")
    login(client, editor)
    go_live = future()
    response = submit_form(
        client,
        edit_page_url(page),
        {"go_live_at": go_live.strftime("%Y-%m-%d %H:%M"), **stream(body_en=[])},
    )
    shown = messages_after(client, response)
    assert any("takes effect only when a moderator approves" in m for m in shown)
    page.refresh_from_db()
    # The minutes were kept.
    assert page.get_latest_revision().as_object().go_live_at == go_live
    # Not in effect: still the editor's draft, and scheduled nowhere.
    assert "Mayors' forum" in panel_text(client, "my-drafts-section")
    assert "Mayors' forum" not in panel_text(client, "other-scheduled-pages-section")

    # Submitted, it waits for the moderator, who is told when it takes effect.
    response = submit_form(
        client, edit_page_url(page), stream(body_en=[]), "action-submit"
    )
    assert any(
        "when a moderator approves" in m for m in messages_after(client, response)
    )


def test_a_moderators_saved_schedule_waits_for_publish(client, moderator, home_page):
    page = StandardPageFactory(parent=home_page)
    login(client, moderator)
    response = submit_form(
        client,
        edit_page_url(page),
        {"go_live_at": future().strftime("%Y-%m-%d %H:%M"), **stream(body_en=[])},
    )
    shown = messages_after(client, response)
    assert any("takes effect only when you publish the page" in m for m in shown)


def test_scheduled_pages_are_not_drafts(client, moderator, home_page):
    newsroom = PressReleaseIndexPageFactory(parent=home_page)
    login(client, moderator)
    go_live = future(days=3, hour=17, minute=45)
    for parent, model, title in (
        (home_page, StandardPage, "Volunteers wanted"),
        (newsroom, PressReleasePage, "The statement is adopted"),
    ):
        url = add_page_url(model, parent)
        fields = form_fields(client.get(url).content)
        required = {
            "release_date": "2015-09-30 12:00",
            "location_en": "Mexico City",
            "summary_en": "The mayors adopted the statement.",
        }
        response = submit_form(
            client,
            url,
            {
                **{k: v for k, v in required.items() if k in fields},
                "title_en": title,
                "title_es": f"{title} (es)",
                "slug_en": title.lower().replace(" ", "-"),
                "go_live_at": go_live.strftime("%Y-%m-%d %H:%M"),
                **stream(body_en=[], body_es=[]),
            },
            "action-publish",
        )
        assert response.status_code == 302, soup_of(response).select(".error-message")
        assert not model.objects.get(title_en=title).live

    drafts = panel_text(client, "my-drafts-section")
    assert "Volunteers wanted" not in drafts
    assert "The statement is adopted" not in drafts
    others = panel_text(client, "other-scheduled-pages-section")
    assert "Other scheduled pages" in others
    assert "Volunteers wanted" in others
    assert "5:45 p.m." in others
    assert "The statement is adopted" not in others
    releases = panel_text(client, "scheduled-pages-section")
    assert "The statement is adopted" in releases
    assert "Volunteers wanted" not in releases


# --- 2. Where people are edited ------------------------------------------------
def test_the_people_help_text_names_the_admin_menu(client, editor, home_page):
    programme = ProgrammePageFactory(parent=home_page)
    html = login(client, editor).get(add_page_url(SessionPage, programme))
    text = html.content.decode()
    assert "Choose or create the person under Conference › People." in text
    # And that is where the menu has them.
    props = json.loads(soup_of(html).find(id="wagtail-sidebar-props").string)
    menu = json.dumps(props)
    assert '"Conference"' in menu and '"People"' in menu
    assert "Snippets ›" not in text


def test_no_help_text_points_to_snippets():
    sources = [
        *ROOT.joinpath("pages").rglob("*.py"),
        *ROOT.joinpath("pages").rglob("*.html"),
        *ROOT.joinpath("iclc").rglob("*.html"),
    ]
    pointers = [
        str(path.relative_to(ROOT))
        for path in sources
        if "migrations" not in path.parts and "Snippets ›" in path.read_text()
    ]
    assert pointers == []


# --- 3. Title placeholders and the "Copy content from" buttons -----------------
def test_only_the_required_title_has_an_asterisk(client, editor, home_page):
    login(client, editor)
    soup = soup_of(client.get(add_page_url(StandardPage, home_page)))
    assert soup.find(id="id_title_en")["placeholder"] == "Page title*"
    spanish = soup.find(id="id_title_es")["placeholder"]
    assert spanish == "Spanish page title (needed to publish)"
    # The English title is still required, the Spanish one is not (for a draft).
    refused = submit_form(
        client, add_page_url(StandardPage, home_page), {"title_en": "", "slug_en": "x"}
    )
    assert refused.status_code == 200
    assert "title_en" in refused.context["form"].errors
    saved = submit_form(
        client,
        add_page_url(StandardPage, home_page),
        {"title_en": "Draft", "title_es": "", "slug_en": "draft"},
    )
    assert saved.status_code == 302


# How the package's script (jQuery) asks: Wagtail answers a refusal with a 403
# then, and with a redirect to the dashboard to a person following a link.
XHR = {"X-Requested-With": "XMLHttpRequest"}


def copy_url(page):
    return f"/admin/pages/{page.pk}/edit/copy_translation_content/"


def serialized(origin, blocks):
    """The source field's inputs as the package's script sends them."""
    data = stream(**{origin: blocks})
    return json.dumps([{"name": name, "value": value} for name, value in data.items()])


def copy_request(origin="body_en", target="body_es", blocks=None):
    return {
        "origin_field_name": origin,
        "target_field_name": target,
        "serializedOriginField": serialized(
            origin, blocks or [("quote", {"text": "Learning never ends."})]
        ),
    }


def test_copying_a_stream_between_languages(client, editor, translator, home_page):
    page = StandardPageFactory(parent=home_page)
    for user in (editor, translator):  # translators edit: they may copy too
        response = login(client, user).post(copy_url(page), copy_request())
        assert response.status_code == 200
        html = response.json()
        assert "Learning never ends." in html
        assert 'id="body_es"' in html and "body_en" not in html

    # On a new page's form (the package has no address there) for who may add it.
    add_copy = add_page_url(StandardPage, home_page) + "copy_translation_content/"
    refused = client.post(add_copy, copy_request(), headers=XHR)  # translator
    assert refused.status_code == 403
    login(client, editor)
    copied = client.post(add_copy, copy_request(), headers=XHR)
    assert "Learning never ends." in copied.json()


@pytest.mark.parametrize(
    "request_data",
    [
        {},
        {"origin_field_name": "body_en", "target_field_name": "body_es"},
        {**copy_request(), "serializedOriginField": "not json"},
        {**copy_request(), "serializedOriginField": json.dumps([{"nom": 1}])},
        {**copy_request(), "serializedOriginField": json.dumps({"a": 1})},
        copy_request(origin="photos", target="body_es"),
        copy_request(origin="title_en", target="title_es"),
        copy_request(origin="body_en", target="body_en"),
        copy_request(origin="body_en", target="intro_es"),
        {
            **copy_request(),
            "serializedOriginField": json.dumps(
                [{"name": "body_en-count", "value": "many"}]
            ),
        },
    ],
    ids=[
        "empty",
        "no-content",
        "bad-json",
        "bad-items",
        "not-a-list",
        "untranslated-panel",
        "not-a-stream",
        "same-field",
        "other-field",
        "bad-count",
    ],
)
def test_malformed_copies_are_refused(client, translator, home_page, request_data):
    page = StandardPageFactory(parent=home_page)
    response = login(client, translator).post(copy_url(page), request_data, headers=XHR)
    assert response.status_code == 400


def test_the_copy_address_checks_method_page_and_csrf(client, editor, home_page):
    page = StandardPageFactory(parent=home_page)
    login(client, editor)
    assert client.get(copy_url(page)).status_code == 405
    missing = "/admin/pages/999999/edit/copy_translation_content/"
    response = client.post(missing, copy_request(), headers=XHR)
    # A 404, which Django's LocaleMiddleware turns into a redirect to the address
    # under /en/, as for any unknown address.
    assert response.status_code == 302
    assert response["Location"] == "/en" + missing
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(copy_url(page), copy_request(), headers=XHR).status_code == 403
    anonymous = Client().post(copy_url(page), copy_request())
    assert anonymous.status_code == 302  # to the admin's sign-in


# --- 4. Copying pages ------------------------------------------------------------
def copy_page_url(page):
    return reverse("wagtailadmin_pages:copy", args=(page.pk,))


def test_translators_are_not_offered_copy(client, editor, translator, home_page):
    page = StandardPageFactory(parent=home_page)
    explorer = reverse("wagtailadmin_explore", args=(home_page.pk,))
    for user, offered in ((editor, True), (translator, False)):
        login(client, user)
        for url in (explorer, edit_page_url(page)):
            html = client.get(url).content.decode()
            assert (copy_page_url(page) in html) is offered, (user.username, url)


@pytest.mark.parametrize(
    "data",
    [None, {}, {"new_parent_page": "abc"}, {"new_parent_page": "999999"}],
    ids=["get", "empty", "not-a-number", "no-such-page"],
)
def test_translators_copy_requests_are_refused(client, translator, home_page, data):
    page = StandardPageFactory(parent=home_page)
    login(client, translator)
    url = copy_page_url(page)
    response = client.get(url) if data is None else client.post(url, data)
    # Wagtail's answer to a forbidden admin page: the dashboard, with a message.
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    # Asked from a script, a 403.
    if data is not None:
        assert client.post(url, data, headers=XHR).status_code == 403
    assert Page.objects.count() == 3  # root, home, page: nothing was copied


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"new_parent_page": ""},
        {"new_parent_page": "abc"},
        {"new_parent_page": "999999"},
    ],
    ids=["empty", "blank", "not-a-number", "no-such-page"],
)
def test_malformed_copy_requests_are_bad_requests(client, editor, home_page, data):
    page = StandardPageFactory(parent=home_page)
    response = login(client, editor).post(copy_page_url(page), data)
    assert response.status_code == 400
    assert Page.objects.count() == 3


def test_editors_still_copy_pages(client, editor, home_page):
    page = StandardPageFactory(parent=home_page, title_en="Accessibility")
    login(client, editor)
    url = copy_page_url(page)
    form = soup_of(client.get(url)).find("form", action=url)
    data = {
        field["name"]: field.get("value", "")
        for field in form.find_all("input")
        if field.get("name") and field.get("type") != "checkbox"
    }
    data.update(new_slug_en="accessibility-copy", new_slug_es="accesibilidad-copia")
    assert client.post(url, data).status_code == 302
    assert StandardPage.objects.filter(slug_en="accessibility-copy").exists()


# --- 5. ASCII slugs ----------------------------------------------------------------
def test_slugs_are_ascii_in_the_admin(client, editor, home_page):
    assert settings.WAGTAIL_ALLOW_UNICODE_SLUGS is False
    login(client, editor)
    url = add_page_url(StandardPage, home_page)
    soup = soup_of(client.get(url))
    for name in ("slug_en", "slug_es"):
        slug = soup.find(id=f"id_{name}")
        assert slug["data-controller"] == "w-slug"
        # Django leaves out an attribute that is False; the controller's default
        # is then ASCII.
        assert not slug.has_attr("data-w-slug-allow-unicode-value")
        assert "data-w-slug-formatters-value" in slug.attrs  # é → e

    refused = submit_form(
        client,
        url,
        {
            "title_en": "Mexico City",
            "title_es": "Ciudad de México",
            "slug_en": "mexico-city",
            "slug_es": "ciudad-de-méxico",
        },
    )
    assert refused.status_code == 200
    [error] = refused.context["form"].errors["slug_es"]
    assert "“ciudad-de-mexico”" in error
    assert not StandardPage.objects.filter(slug_en="mexico-city").exists()

    # Left empty, the English slug is made from the title, without accents too.
    saved = submit_form(
        client,
        url,
        {"title_en": "Año de México", "title_es": "", "slug_en": "", "slug_es": ""},
    )
    assert saved.status_code == 302
    assert StandardPage.objects.get(title_en="Año de México").slug_en == "ano-de-mexico"


# --- 7. A failing preview --------------------------------------------------------
def test_a_failing_preview_says_what_failed_in_the_admin(
    client, editor, home_page, failing_quote_template, caplog
):
    page = StandardPageFactory(parent=home_page)
    login(client, editor)
    data = {
        **form_fields(client.get(edit_page_url(page)).content),
        **stream(body_en=[("quote", {"text": "Learning never ends."})]),
    }
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    assert client.post(url, data).json()["is_valid"]
    with caplog.at_level(logging.ERROR, logger="pages.models.base"):
        response = client.get(url, {"mode": "en"})
    assert response.status_code == 500
    soup = soup_of(response)
    text = soup.get_text(" ", strip=True)
    # The admin's page, not the public one.
    assert soup.find(class_="preview-error") is not None
    assert "Something went wrong" not in text
    assert "The preview failed" in text
    assert (
        "The page (standard page) could not be shown in the “English” preview." in text
    )
    assert "a “Quote” block of the field “body [en]”" in text
    assert "TemplateDoesNotExist: pages/blocks/no_such_part.html" in text
    # The traceback is in the log.
    [record] = [r for r in caplog.records if r.name == "pages.models.base"]
    assert "StandardPage" in record.getMessage()
    assert record.exc_info is not None


def test_a_failing_preview_speaks_the_admins_language(
    client, translator, home_page, failing_quote_template
):
    page = StandardPageFactory(parent=home_page)
    login(client, translator)  # prefers Spanish
    data = {
        **form_fields(client.get(edit_page_url(page)).content),
        **stream(body_es=[("quote", {"text": "Aprender nunca termina."})]),
    }
    url = reverse("wagtailadmin_pages:preview_on_edit", args=(page.pk,))
    client.post(url, data)
    response = client.get(url, {"mode": "es"})
    assert response.status_code == 500
    assert soup_of(response).html["lang"] == "es"
    assert "La vista previa falló" in soup_of(response).get_text()


# --- 6. The Spanish admin ----------------------------------------------------------
def test_wagtail_modeltranslation_and_dashboard_strings_in_spanish(
    client, translator, home_page
):
    page = StandardPageFactory(parent=home_page)
    GalleryPageFactory(parent=MediaIndexPageFactory(parent=home_page))
    login(client, translator)
    html = client.get(edit_page_url(page)).content.decode()
    assert "Ver / editar campos en" in html
    assert "View / edit fields for" not in html
    assert 'data-label="Copiar contenido de"' in html
    summary = soup_of(client.get(reverse("wagtailadmin_home"))).find(class_="w-summary")
    text = summary.get_text(" ", strip=True)
    assert re.search(r"\d+ páginas", text), text
    assert "Pages" not in text and "Images" not in text
