"""The newsroom and the three 2015 press releases, linked to each day's gallery."""

import datetime

from django.utils import timezone

from wagtail.images import get_image_model

from pages.models import (
    ConferenceDocument,
    GalleryPage,
    PressReleaseGalleryImage,
    PressReleaseIndexPage,
    PressReleasePage,
    SessionPage,
)

from .base import read_content, resolve_references, translated_values, upsert_page


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
                        "body": {
                            language: _with_documents(blocks)
                            for language, blocks in release["body"].items()
                        },
                    }
                ),
            },
        )
        sessions = list(
            SessionPage.objects.filter(slug_en__in=release.get("sessions", []))
        )
        if {s.pk for s in sessions} != set(
            page.related_sessions.values_list("pk", flat=True)
        ):
            page.related_sessions = sessions
            page.save_revision().publish()
        wanted = [photo.pk for photo in photos[1:]]
        if [item.image_id for item in page.gallery_images.all()] != wanted:
            PressReleaseGalleryImage.objects.filter(page=page).delete()
            for order, pk in enumerate(wanted):
                PressReleaseGalleryImage.objects.create(
                    page=page, image_id=pk, sort_order=order
                )
    return index


def _with_documents(blocks):
    """Resolve "@document:TYPE" to that conference document; a documents block
    whose documents are not loaded (e.g. without the site loader) is left out."""
    types = dict(ConferenceDocument.objects.values_list("document_type", "pk"))
    kept = []
    for block in blocks:
        block = resolve_references(block, lambda kind, key: types.get(key))
        if block["type"] == "conference_documents":
            block["value"]["documents"] = [
                pk for pk in block["value"]["documents"] if pk is not None
            ]
            if not block["value"]["documents"]:
                continue
        kept.append(block)
    return kept
