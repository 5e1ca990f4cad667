"""The Content-Security-Policy in a real browser: the public site and the Wagtail
admin (sign-in, page editor, live preview) run without a single violation."""

from pathlib import Path

from django.contrib.auth import get_user_model

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("/work/tmp/shots/production")
PASSWORD = "a long passphrase for the browser"


def watch_csp(page):
    """Collect the console errors Chromium writes for every CSP violation."""
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text)
            if "Content Security Policy" in message.text
            else None
        ),
    )
    return violations


def shoot(page, name):
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


@pytest.mark.parametrize("language", ["en", "es"])
def test_public_pages_load_without_violations(
    live_server, home_page, new_page, language
):
    page = new_page()
    violations = watch_csp(page)
    response = page.goto(f"{live_server.url}/{language}/")
    assert "'unsafe-inline'" not in response.headers["content-security-policy"]
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    assert violations == []


def test_admin_sign_in_editor_and_preview_work_under_the_policy(
    live_server, home_page, new_page
):
    get_user_model().objects.create_superuser("chief", "chief@example.org", PASSWORD)
    page = new_page()
    violations = watch_csp(page)

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "chief")
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    page.wait_for_load_state("networkidle")
    shoot(page, "admin-dashboard")

    page.goto(f"{live_server.url}/admin/pages/{home_page.pk}/edit/")
    page.wait_for_load_state("networkidle")
    title = page.locator("#id_title_en")
    assert title.input_value() == home_page.title_en
    # The editor's scripts run: the side panel opens the live preview.
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    assert preview.locator("h1").inner_text(timeout=20_000) == home_page.title_en
    shoot(page, "admin-editor-preview")

    # The public page as a signed-in editor, with Wagtail's user bar.
    page.goto(f"{live_server.url}/en/")
    page.wait_for_load_state("networkidle")
    assert page.locator("wagtail-userbar").count() == 1
    shoot(page, "public-with-userbar")

    assert violations == []
