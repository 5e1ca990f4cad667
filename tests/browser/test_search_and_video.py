"""Search from the header on a phone, and a video shown as a poster and a link."""

import re

import pytest

from pages.models import SiteImage
from tests.browser.conftest import PHONE
from tests.factories import (
    GalleryPageFactory,
    MediaIndexPageFactory,
    SiteImageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

VIDEO_URL = "https://www.youtube.com/watch?v=iclc2015-opening"


def test_search_from_the_header_finds_highlights_and_keeps_the_query(
    live_server, plenary_page, new_page
):
    page = new_page(viewport=PHONE)
    page.goto(live_server.url + "/es/")
    box = page.get_by_role("searchbox", name="Buscar en el sitio")
    box.fill("sesion")  # without the accent
    box.press("Enter")
    page.wait_for_url(re.compile(r"/es/buscar/\?q=sesion$"))

    assert "1 resultado" in page.get_by_role("status").inner_text()
    result = page.locator(".search-result__title a")
    assert result.inner_text() == "Sesiones plenarias"
    assert page.locator(".search-result__snippet mark").first.inner_text() == "sesión"
    # The results page offers a new search, filled in with the query.
    new_search = page.get_by_role("search", name="Nueva búsqueda")
    assert new_search.get_by_role("searchbox").input_value() == "sesion"

    result.click()
    page.wait_for_url(re.compile(plenary_page.url_in("es") + "$"))

    page.go_back()
    page.get_by_role("link", name="Read this page in English").click()
    page.wait_for_url(re.compile(r"/en/search/\?q=sesion$"))
    assert page.locator("html").get_attribute("lang") == "en"
    assert "sesion" in page.get_by_role("status").inner_text()


@pytest.fixture
def gallery_with_video(home_page):
    poster = SiteImageFactory(description_en="Opening", description_es="Apertura")
    return GalleryPageFactory(
        parent=MediaIndexPageFactory(parent=home_page),
        title_en="Opening ceremony",
        title_es="Ceremonia de inauguración",
        videos=[
            (
                "video",
                {
                    "title": "Opening ceremony",
                    "url": VIDEO_URL,
                    "poster": SiteImage.objects.get(pk=poster.pk),
                    "description": "The mayors' welcome.",
                },
            )
        ],
    )


def test_video_is_a_poster_and_a_link_and_loads_nothing_from_the_host(
    live_server, gallery_with_video, new_page
):
    page = new_page(viewport=PHONE)
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(live_server.url + gallery_with_video.url_in("en"))
    page.locator(".video__poster img").scroll_into_view_if_needed()

    link = page.get_by_role("link", name="Watch the video: Opening ceremony")
    assert link.get_attribute("href") == VIDEO_URL
    poster = page.locator(".video__poster img")
    poster.wait_for()
    for _poll in range(50):  # polled: the site's CSP blocks wait_for_function
        if poster.evaluate("img => img.complete && img.naturalWidth > 0"):
            break
        page.wait_for_timeout(100)
    assert poster.evaluate("img => img.naturalWidth > 0")
    assert poster.get_attribute("alt") == ""  # the link's text names the video
    assert page.locator("iframe").count() == 0
    assert "The video plays on an external site." in page.locator(".video").inner_text()
    assert all(url.startswith(live_server.url) for url in requested), requested

    page.keyboard.press("Tab")
    for _step in range(40):
        if page.evaluate("document.activeElement.href") == VIDEO_URL:
            break
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.href") == VIDEO_URL
