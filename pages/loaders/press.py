"""The newsroom and the three 2015 press releases, linked to each day's gallery."""

import datetime

from django.utils import timezone

from wagtail.images import get_image_model

from pages.models import (
    GalleryPage,
    PressReleaseGalleryImage,
    PressReleaseIndexPage,
    PressReleasePage,
)

from .base import read_content, translated_values, upsert_page


def load(home):
    data = read_content("press")
    spec = data["index"]
    index = upsert_page(
        home,
        PressReleaseIndexPage,
        spec["slug"]["en"],
        {
            "slug_es": spec["slug"]["es"],
            "show_in_menus": True,
            **translated_values(
                {
                    "title": spec["title"],
                    "intro": spec["intro"],
                    "press_contact": spec["press_contact"],
                }
            ),
        },
    )
    images = get_image_model().objects
    for release in data["releases"]:
        photos = [images.get(title=f"Gallery: {key}") for key in release["photos"]]
        gallery = GalleryPage.objects.filter(slug_en=release["gallery"]).first()
        when = datetime.datetime.fromisoformat(release["release_date"])
        page = upsert_page(
            index,
            PressReleasePage,
            release["slug"]["en"],
            {
                "slug_es": release["slug"]["es"],
                "release_date": timezone.make_aware(when),
                "featured_image": photos[0],
                "listing_image": photos[0],
                "related_gallery": gallery,
                **translated_values(
                    {
                        "title": release["title"],
                        "location": release["location"],
                        "summary": release["summary"],
                        "listing_summary": release["summary"],
                        "body": release["body"],
                    }
                ),
            },
        )
        wanted = [photo.pk for photo in photos[1:]]
        if [item.image_id for item in page.gallery_images.all()] != wanted:
            PressReleaseGalleryImage.objects.filter(page=page).delete()
            for order, pk in enumerate(wanted):
                PressReleaseGalleryImage.objects.create(
                    page=page, image_id=pk, sort_order=order
                )
    return index
