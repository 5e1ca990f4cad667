"""No visitor waits for an image to be resized: the renditions every page shows
are made when the content is loaded and when an editor publishes."""

import logging

from django.core.cache import cache
from django.core.management import call_command

from wagtail.models import Page

import pytest

from pages.models import (
    PressReleaseGalleryImage,
    PressReleaseIndexPage,
    PressReleasePage,
    SiteRendition,
)
from pages.models.base import localise_subpath
from pages.renditions.tasks import make_renditions
from tests.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    SiteImageFactory,
)

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "es")
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}


@pytest.fixture
def tasks_run_at_once(settings):
    """Renditions are made when their task is enqueued, as on the site (the
    other tests turn that off)."""
    settings.TASKS = {**settings.TASKS, "renditions": IMMEDIATE}


def photo():
    """Large enough for every width of every preset."""
    return SiteImageFactory(file__width=1600, file__height=900)


def addresses():
    """Every live page in both languages, and the newsroom's feeds."""
    urls = []
    for page in Page.objects.live().specific():
        if page.depth < 2:  # Wagtail's root
            continue
        urls += [page.url_in(language) for language in LANGUAGES]
    for newsroom in PressReleaseIndexPage.objects.live():
        for language in LANGUAGES:
            urls += [
                newsroom.url_in(language) + localise_subpath(language, f"feed/{f}/")
                for f in ("rss", "atom")
            ]
    return urls


def crawl(client, urls):
    cache.clear()  # every page rendered, none replayed from the page cache
    for url in urls:
        assert client.get(url).status_code == 200, url


def test_no_page_makes_a_rendition_after_loading_or_publishing(
    client, tasks_run_at_once, django_capture_on_commit_callbacks
):
    call_command("load_iclc_content", verbosity=0)
    made = SiteRendition.objects.count()
    assert made
    urls = addresses()
    crawl(client, urls)
    assert SiteRendition.objects.count() == made

    # A new release with new photos: featured, in its body and in its gallery.
    newsroom = PressReleaseIndexPage.objects.live().get()
    featured, in_body, in_gallery = photo(), photo(), photo()
    figure = {"image": in_body, "alt_text": "", "caption": "", "credit": ""}
    release = PressReleasePageFactory(
        parent=newsroom,
        live=False,
        featured_image=featured,
        body_en=[("image", figure)],
        body_es=[("image", figure)],
    )
    PressReleaseGalleryImage.objects.create(page=release, image=in_gallery)
    with django_capture_on_commit_callbacks(execute=True):
        release.save_revision().publish()
    assert SiteRendition.objects.count() > made
    made = SiteRendition.objects.count()
    release.refresh_from_db()
    crawl(client, [*urls, *(release.url_in(language) for language in LANGUAGES)])
    assert SiteRendition.objects.count() == made


@pytest.mark.parametrize("damage", ["missing", "not an image"])
def test_a_broken_image_is_logged_and_publishing_carries_on(
    home_page, caplog, damage, tasks_run_at_once, django_capture_on_commit_callbacks
):
    broken, sound = photo(), photo()
    storage, name = broken.file.storage, broken.file.name
    if damage == "missing":
        storage.delete(name)
    else:
        with storage.open(name, "wb") as file:
            file.write(b"not an image at all")
    newsroom = PressReleaseIndexPageFactory(parent=home_page)
    release = PressReleasePageFactory(
        parent=newsroom, live=False, featured_image=broken
    )
    PressReleaseGalleryImage.objects.create(page=release, image=sound)
    with caplog.at_level(logging.ERROR, logger="pages.renditions.tasks"):
        with django_capture_on_commit_callbacks(execute=True):
            release.save_revision().publish()
    assert PressReleasePage.objects.live().filter(pk=release.pk).exists()
    errors = [r for r in caplog.records if r.name == "pages.renditions.tasks"]
    assert [r.levelno for r in errors] == [logging.ERROR]
    assert str(broken.pk) in errors[0].getMessage()
    # The sound photo's renditions were made all the same.
    assert SiteRendition.objects.filter(image=sound).exists()
    assert not SiteRendition.objects.filter(image=broken).exists()


def test_make_renditions_skips_missing_images_and_counts_the_ready_ones():
    image = photo()
    assert make_renditions([(image, "portrait"), (None, "card")]) == 1
    assert SiteRendition.objects.filter(image=image).count() == 6
