"""What a visitor does with the site chrome: switch language, open the phone menu."""

import pytest

from tests.browser.conftest import PHONE
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_switching_language_keeps_the_visitor_on_the_same_page(
    live_server, home_page, new_page
):
    child = StandardPageFactory(parent=home_page)
    page = new_page()
    page.goto(f"{live_server.url}/en/{child.slug_en}/")
    page.get_by_role("link", name="Leer esta página en español").click()
    page.wait_for_url(f"**/es/{child.slug_es}/")
    assert page.locator("html").get_attribute("lang") == "es"
    assert page.locator("h1").inner_text() == child.title_es
    page.get_by_role("link", name="Read this page in English").click()
    page.wait_for_url(f"**/en/{child.slug_en}/")


def test_phone_menu_opens_and_closes_with_the_keyboard(
    live_server, home_page, new_page
):
    child = StandardPageFactory(parent=home_page)
    page = new_page(viewport=PHONE)
    page.goto(f"{live_server.url}/en/")
    toggle = page.get_by_role("button", name="Menu")
    link = page.get_by_role("link", name=child.title_en)
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    assert link.is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not link.is_visible()


def test_skip_link_is_the_first_stop_and_moves_focus_to_main(
    live_server, home_page, new_page
):
    page = new_page()
    page.goto(f"{live_server.url}/es/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Saltar al contenido principal"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_without_javascript_the_phone_menu_is_simply_shown(
    live_server, home_page, new_page
):
    child = StandardPageFactory(parent=home_page)
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(f"{live_server.url}/es/")
    assert page.get_by_role("link", name=child.title_es).is_visible()
    assert page.get_by_role("button", name="Menú").count() == 0


def test_keyboard_focus_is_visible(live_server, home_page, new_page):
    page = new_page()
    page.goto(f"{live_server.url}/en/")
    page.keyboard.press("Tab")  # the skip link
    page.keyboard.press("Tab")  # the home link in the header
    focused = page.evaluate(
        """() => {
            const el = document.activeElement, style = getComputedStyle(el);
            return {tag: el.tagName, outline: style.outlineStyle,
                    width: parseFloat(style.outlineWidth)};
        }"""
    )
    assert focused == {"tag": "A", "outline": "solid", "width": 3}
