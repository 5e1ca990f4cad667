"""The 2015 newsroom and galleries load on an empty site, in both languages, once."""

import datetime

from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import Revision

import pytest

from pages.loaders import media, press
from pages.models import GalleryPage, MediaIndexPage, PressReleasePage

pytestmark = pytest.mark.django_db

TRANSLATED = {
    PressReleasePage: ("title", "location", "summary", "body"),
    GalleryPage: ("title", "intro"),
    MediaIndexPage: ("title", "intro"),
}


def test_loaders_fill_both_languages_and_a_second_run_changes_nothing(home_page):
    media.load(home_page)
    press.load(home_page)
    releases = PressReleasePage.objects.live().order_by("release_date")
    assert [
        r.release_date.astimezone(timezone.get_current_timezone()).date()
        for r in releases
    ] == [datetime.date(2015, 9, day) for day in (28, 29, 30)]
    for model, fields in TRANSLATED.items():
        for page in model.objects.all():
            for field in fields:
                assert getattr(page, f"{field}_en"), (page, field)
                assert getattr(page, f"{field}_es"), (page, field)
                assert getattr(page, f"{field}_es") != getattr(page, f"{field}_en")
    galleries = GalleryPage.objects.all()
    assert {g.slug_en for g in galleries} >= {
        "opening-ceremony",
        "plenary-session-1",
        "plenary-session-2",
        "mayors-forum",
        "adoption-of-the-statement",
        "closing-ceremony",
        "mexico-city-and-the-venues",
    }
    for gallery in galleries:
        assert gallery.gallery_images.exists()
        for item in gallery.gallery_images.all():
            image = item.image
            assert image.description_en and image.description_es
            assert image.caption_en and image.caption_es
            assert image.credit
    for release in releases:
        assert release.featured_image and release.related_gallery
        assert release.gallery_images.exists()

    counts = (Revision.objects.count(), get_image_model().objects.count())
    media.load(home_page)
    press.load(home_page)
    assert (Revision.objects.count(), get_image_model().objects.count()) == counts


def test_loaded_releases_and_galleries_point_at_their_sessions(home_page):
    from pages.loaders import programme

    programme.load(home_page)
    media.load(home_page)
    press.load(home_page)
    sessions = {
        release.slug_en: sorted(s.slug_en for s in release.related_sessions.all())
        for release in PressReleasePage.objects.all()
    }
    assert sessions["mayors-forum"] == ["mayors-forum"]
    assert sessions["mexico-city-statement-adopted"] == ["closing-ceremony"]
    assert len(sessions["conference-opens-in-mexico-city"]) == 3
    gallery = GalleryPage.objects.get(slug_en="mayors-forum")
    assert gallery.session.slug_en == "mayors-forum"
    assert gallery.session.specific.photo_gallery().pk == gallery.pk
