"""An editor's path through the admin: sign in, write a page in both languages,
preview it in Spanish, submit it for moderation."""

import re

from wagtail.models import WorkflowState

import pytest
from playwright.sync_api import expect

from pages.models import StandardPage
from tests.admin_forms import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_editor_writes_a_bilingual_page_and_submits_it(
    live_server, home_page, editor, moderator, new_page
):
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{home_page.pk}/")
    page.get_by_role("link", name="Add child page").first.click()
    page.get_by_role("link", name="Standard page", exact=True).click()
    page.wait_for_url("**/admin/pages/add/pages/standardpage/**")
    page.locator("#id_title_en").fill("Volunteers wanted")
    page.locator("#id_title_es").fill("Se buscan voluntarios")
    page.locator("#id_intro_en").fill("Help us welcome 600 delegates.")
    page.locator("#id_intro_es").fill("Ayúdanos a recibir a 600 delegados.")
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug_en").fill("volunteers")
    page.locator("#id_slug_es").fill("voluntarios")

    # The preview panel shows the draft in the language the editor picks.
    page.get_by_role("button", name="Toggle preview").click()
    preview = page.frame_locator("#w-preview-iframe")
    # Let the first (English) preview load before switching language, as a
    # person would; switching mid-load can leave the panel on the old mode.
    expect(preview.locator("h1")).to_have_text("Volunteers wanted", timeout=20_000)
    page.locator("#id_preview_mode").select_option("es")
    # The panel's "preview in a new tab" link follows the chosen language at once
    # (the panel itself reloads on Wagtail's next update cycle).
    new_tab = page.locator("[data-w-preview-target='newTab']")
    expect(new_tab).to_have_attribute("href", re.compile(r"mode=es"))
    spanish = page.context.new_page()
    spanish.goto(new_tab.get_attribute("href"))
    expect(spanish.locator("h1")).to_have_text("Se buscan voluntarios")
    expect(spanish.locator("html")).to_have_attribute("lang", "es")
    spanish.close()
    page.screenshot(path="/work/tmp/shots/editorial/editor_preview.png")

    # Editors have no Publish button, only Save draft and Submit.
    page.get_by_role("button", name="More actions").click()
    assert page.get_by_role("button", name="Publish").count() == 0
    page.get_by_role("button", name="Submit to Moderators approval").click()
    page.wait_for_url("**/admin/pages/*/")
    assert "submitted for moderation" in page.locator(".messages").inner_text()

    created = StandardPage.objects.get(slug_en="volunteers")
    assert created.title_es == "Se buscan voluntarios"
    assert not created.live
    assert created.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert created.current_workflow_state.requested_by == editor
