"""The photo viewer: opened from a thumbnail, driven by the keyboard alone."""

import pytest

from pages.models import GalleryImage
from tests.factories import GalleryPageFactory, MediaIndexPageFactory, SiteImageFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def gallery(home_page):
    page = GalleryPageFactory(parent=MediaIndexPageFactory(parent=home_page))
    for number in range(3):
        image = SiteImageFactory(
            description_en=f"Delegates, photo {number + 1}",
            description_es=f"Delegados, foto {number + 1}",
            caption_en=f"Caption {number + 1}",
            caption_es=f"Pie de foto {number + 1}",
        )
        GalleryImage.objects.create(page=page, image=image, sort_order=number)
    return page


def test_lightbox_opens_traps_focus_moves_with_arrows_and_returns_focus(
    live_server, gallery, new_page
):
    page = new_page()
    page.goto(live_server.url + gallery.url_in("es"))
    thumbnails = page.locator(".gallery__link")
    thumbnails.nth(1).focus()
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog", name="Visor de fotos")
    dialog.wait_for()
    viewer_image = dialog.locator("img")
    assert viewer_image.get_attribute("alt") == "Delegados, foto 2"
    assert "Pie de foto 2" in dialog.inner_text()
    assert "Foto 2 de 3" in dialog.inner_text()
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == (
        "Cerrar"
    )

    page.keyboard.press("ArrowRight")
    assert viewer_image.get_attribute("alt") == "Delegados, foto 3"
    page.keyboard.press("ArrowRight")  # wraps round to the first photo
    assert viewer_image.get_attribute("alt") == "Delegados, foto 1"
    page.keyboard.press("ArrowLeft")
    assert viewer_image.get_attribute("alt") == "Delegados, foto 3"
    # The larger image really loads. (Polled from here: wait_for_function compiles
    # its expression in the page, which the site's CSP rightly forbids.)
    for _ in range(100):
        if page.evaluate("document.querySelector('dialog img').naturalWidth") > 0:
            break
        page.wait_for_timeout(100)
    else:
        raise AssertionError("the larger image never loaded")

    for _ in range(5):  # Tab and Shift+Tab never leave the viewer
        page.keyboard.press("Tab")
        assert page.evaluate("!!document.activeElement.closest('dialog')")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("!!document.activeElement.closest('dialog')")

    page.keyboard.press("Escape")
    assert not dialog.is_visible()
    focused = page.evaluate("document.activeElement.href")
    assert focused == thumbnails.nth(1).evaluate("a => a.href")


def test_without_javascript_a_thumbnail_opens_the_larger_photo(
    live_server, gallery, browser
):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + gallery.url_in("en"))
        href = page.locator(".gallery__link").first.get_attribute("href")
        page.locator(".gallery__link").first.click()
        page.wait_for_url(f"**{href}")
        assert page.evaluate("document.images[0].naturalWidth") == 640
    finally:
        context.close()
