"""The layout of the loaded 2015 site at 1280 px and on a 390 px phone.

At 1280 px the pages with facts, related links or sections of their own use the
width: a main column of at least 60 % of the screen with a side column beside
it, running text at a comfortable measure, and the main menu on one line in both
languages. On a phone everything is one column and nothing scrolls sideways.
Headings sit above what they head, never beside it.
"""

import pytest

from pages.models import (
    HomePage,
    PressReleasePage,
    SessionPage,
    StandardPage,
    VenuePage,
)
from tests.browser.conftest import DESKTOP

PHONE_390 = {"width": 390, "height": 844}
LANGUAGES = ["en", "es"]
# The first visit to a page makes its image renditions: on a busy machine that
# takes longer than Playwright's default 30 s.
SLOW_FIRST_VISIT_MS = 120_000

# The content is loaded once for the module (`loaded_site`); each test only reads.
pytestmark = pytest.mark.django_db(serialized_rollback=True)


@pytest.fixture(scope="module")
def urls(loaded_site):
    """{name: {language: path}} for one page of each layout."""
    pages = {
        "home": HomePage.objects.get(),
        "session": SessionPage.objects.get(slug_en="opening-ceremony"),
        "press release": PressReleasePage.objects.get(slug_en="mayors-forum"),
        "standard page": StandardPage.objects.get(slug_en="beijing-2013"),
        "venue": VenuePage.objects.get(slug_en="palacio-de-bellas-artes"),
    }
    return {
        name: {lang: page.url_in(lang) for lang in LANGUAGES}
        for name, page in pages.items()
    }


@pytest.fixture(scope="module")
def desktop(browser):
    context = browser.new_context(viewport=DESKTOP)
    context.set_default_timeout(SLOW_FIRST_VISIT_MS)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def phone(browser):
    context = browser.new_context(viewport=PHONE_390)
    context.set_default_timeout(SLOW_FIRST_VISIT_MS)
    yield context.new_page()
    context.close()


def box(page, selector):
    """The bounding box of the first element matching `selector`."""
    return page.locator(selector).first.bounding_box()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize(
    "name", ["home", "session", "press release", "standard page", "venue"]
)
def test_a_phone_never_scrolls_sideways(loaded_site, urls, phone, name, lang):
    phone.goto(loaded_site.url + urls[name][lang])
    width = phone.evaluate("document.documentElement.scrollWidth")
    wider = phone.evaluate(
        """limit => [...document.querySelectorAll('body *')]
            .filter(e => e.getBoundingClientRect().right > limit + 0.5)
            .map(e => `${e.tagName}.${e.className}`).slice(0, 5)""",
        PHONE_390["width"],
    )
    assert width <= PHONE_390["width"], f"{name} ({lang}): {width} px, {wider}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("width", [1200, 1280, 1440])
def test_the_main_menu_is_one_line_on_a_desktop(
    loaded_site, urls, new_page, width, lang
):
    desktop = new_page(viewport={"width": width, "height": 900})
    desktop.set_default_timeout(SLOW_FIRST_VISIT_MS)
    desktop.goto(loaded_site.url + urls["session"][lang])
    items = desktop.locator(".site-nav__list a")
    assert items.count() >= 8
    tops = {round(items.nth(i).bounding_box()["y"]) for i in range(items.count())}
    assert len(tops) == 1, f"the menu wraps at {width} px in {lang}: {tops}"
    lines = desktop.evaluate(
        """() => [...document.querySelectorAll('.site-nav__list a')].map(a => {
            const range = document.createRange();
            range.selectNodeContents(a);
            const tops = [...range.getClientRects()].map(r => Math.round(r.top));
            return new Set(tops).size;
        })"""
    )
    assert set(lines) == {1}, "a menu label wraps inside itself"
    assert desktop.evaluate("document.documentElement.scrollWidth") <= width


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_session_page_uses_the_width_of_a_desktop(loaded_site, urls, desktop, lang):
    desktop.goto(loaded_site.url + urls["session"][lang])
    main = box(desktop, ".page-layout__main")
    facts = box(desktop, ".page-layout__facts")
    related = box(desktop, ".page-layout__related")
    screen = DESKTOP["width"]
    assert main["width"] >= 0.6 * screen
    # The facts and the related pages are in a side column to the right.
    assert facts["x"] >= main["x"] + main["width"]
    assert related["x"] == facts["x"]
    assert facts["y"] < related["y"]
    # Together the columns fill the container: no half-empty screen.
    assert facts["x"] + facts["width"] - main["x"] >= 0.85 * screen
    # The facts include the programme of the day, not under "Photos".
    day_link = box(desktop, ".page-layout__facts .back-link a")
    assert day_link is not None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["session", "press release", "standard page"])
def test_running_text_keeps_a_comfortable_measure(
    loaded_site, urls, desktop, name, lang
):
    desktop.goto(loaded_site.url + urls[name][lang])
    lines = desktop.evaluate(
        """() => [...document.querySelectorAll('.page-layout__main p')]
            .filter(p => p.textContent.trim().length > 160 && !p.closest('figure'))
            .map(p => {
                const style = getComputedStyle(p);
                const rows = Math.round(p.getBoundingClientRect().height
                                        / parseFloat(style.lineHeight));
                return p.textContent.trim().length / rows;
            })"""
    )
    assert lines, f"no long paragraph on the {name} page"
    for characters in lines:
        assert 50 <= characters <= 85, f"{characters:.0f} characters a line"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["session", "press release", "standard page", "venue"])
def test_headings_sit_above_what_they_head(
    loaded_site, urls, desktop, phone, name, lang
):
    for tab in (desktop, phone):
        tab.goto(loaded_site.url + urls[name][lang])
        pairs = tab.evaluate(
            """() => [...document.querySelectorAll('main h2')]
                .filter(h => h.nextElementSibling && h.offsetParent)
                .map(h => {
                    const a = h.getBoundingClientRect();
                    const b = h.nextElementSibling.getBoundingClientRect();
                    return [h.textContent.trim(), a.bottom, b.top, a.left, b.left];
                })"""
        )
        assert pairs, f"no section heading on the {name} page"
        for heading, bottom, top, left, next_left in pairs:
            assert top >= bottom - 1, f"{heading!r} is beside what follows it"
            assert abs(left - next_left) < 2, f"{heading!r} is not aligned"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_phone_shows_one_column_with_the_facts_first(loaded_site, urls, phone, lang):
    phone.goto(loaded_site.url + urls["session"][lang])
    title = box(phone, "h1")
    main = box(phone, ".page-layout__main")
    facts = box(phone, ".page-layout__facts")
    related = box(phone, ".page-layout__related")
    assert title["y"] < facts["y"] < main["y"] < related["y"]
    assert facts["x"] == main["x"] == related["x"]
