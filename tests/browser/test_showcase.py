"""A visitor filters the host city's programmes by theme, on a phone, in Spanish."""

import pytest

from tests.browser.conftest import PHONE
from tests.factories import ShowcaseIndexPageFactory, ShowcaseProgrammePageFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_theme_filter_works_without_javascript_on_a_phone(
    live_server, home_page, new_page
):
    index = ShowcaseIndexPageFactory(parent=home_page)
    ShowcaseProgrammePageFactory(parent=index, theme="sustainable-city")
    ShowcaseProgrammePageFactory(
        parent=index, theme="cultural-city", title_es="Gastronomía"
    )
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(f"{live_server.url}/es/{index.slug_es}/")
    cards = page.locator(".card__title")
    assert cards.count() == 2
    page.get_by_role("link", name="Ciudad cultural").click()
    page.wait_for_url("**?theme=cultural-city")
    assert cards.all_inner_texts() == ["Gastronomía"]
    current = page.locator(".theme-filter a[aria-current]")
    assert current.inner_text() == "Ciudad cultural"
    # Nothing is wider than the phone.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]
    page.get_by_role("link", name="Todos los temas").click()
    assert cards.count() == 2
