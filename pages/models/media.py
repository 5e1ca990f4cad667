"""Photos and multimedia: a gallery for each day, session and venue."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import StreamField

from pages.blocks import VideoBlock
from pages.image_sizes import rendition_prefetch
from pages.renderers import structured_data

from .base import (
    BasePage,
    GalleryPhoto,
    PhotoGalleryMixin,
    as_links,
    for_listing,
    in_public_sections,
)


class MediaIndexPage(BasePage):
    """ "Photos and multimedia": the galleries of the conference, by day.

    One per site, below the home page; its children are gallery pages. Galleries
    without a date (the venues) come after the conference days.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph above the galleries."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.GalleryPage"]
    max_count = 1

    class Meta:
        verbose_name = _("photos and multimedia page")
        verbose_name_plural = _("photos and multimedia pages")

    def get_galleries(self):
        """Live galleries by day, each with its cover image ready to render."""
        return list(
            for_listing(in_public_sections(GalleryPage.objects.child_of(self).live()))
            .select_related("listing_image")
            .prefetch_related(rendition_prefetch("card", through="listing_image"))
            .order_by(models.F("date").asc(nulls_last=True), "path")
        )

    def get_days(self):
        """[(date or None, [galleries])], in conference order."""
        days = []
        for gallery in self.get_galleries():
            if days and days[-1][0] == gallery.date:
                days[-1][1].append(gallery)
            else:
                days.append((gallery.date, [gallery]))
        return days


class GalleryPage(PhotoGalleryMixin, BasePage):
    """The photos (and videos) of one session, ceremony or venue.

    Lives below "Photos and multimedia". Each photo's alt text, caption and credit
    are edited on the image, in both languages, so the same photo can appear in a
    press release with the same description.
    """

    search_kind = pgettext_lazy("kind of search result", "Photo gallery")

    date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_(
            "The conference day; leave empty for galleries such as the venues."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("What happened: one or two sentences above the photos."),
    )
    session = models.ForeignKey(
        "pages.SessionPage",
        verbose_name=_("session"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="galleries",
        help_text=_("The programme session these photos show, if any."),
    )
    videos = StreamField(
        [("video", VideoBlock())],
        verbose_name=_("videos"),
        blank=True,
        help_text=_(
            "Videos hosted elsewhere, shown as a poster and a link: nothing from "
            "the video site loads until a visitor follows it."
        ),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("date"),
        FieldPanel("session"),
        FieldPanel("intro"),
        InlinePanel("gallery_images", label=_("photos")),
        FieldPanel("videos"),
    ]

    parent_page_types = ["pages.MediaIndexPage"]
    subpage_types = []
    serve_related = ("listing_image",)
    serve_linked = {"session": ()}
    # The JSON-LD gives each photo's large size.
    gallery_photo_specs = (structured_data.GALLERY_IMAGE_SPEC,)

    class Meta:
        verbose_name = _("photo gallery")
        verbose_name_plural = _("photo galleries")

    def get_social_image(self):
        first = next(iter(self.gallery_photos), None)
        return self.listing_image or (first.image if first else None)

    def rendition_plan(self):
        """The sizes its images are shown in (pages/renditions/plans.py): the
        photos', and its cover on the card of "Photos and multimedia"."""
        return [(self.listing_image, "card"), *self.gallery_rendition_plan()]

    def related_press_releases(self):
        """Live press releases that point to this gallery, oldest first."""
        if self.pk is None:
            return []  # a new gallery's preview: nothing points to it yet
        # The related manager sets `related_gallery` on what it returns: load its
        # column.
        releases = in_public_sections(self.press_releases.live())
        releases = releases.order_by("release_date")
        return as_links(releases, "related_gallery")

    def get_structured_data(self, request, chrome):
        return structured_data.image_gallery(self, request)


class GalleryImage(GalleryPhoto):
    """A photo in a gallery page, in the order editors choose."""

    page = ParentalKey(
        GalleryPage, on_delete=models.CASCADE, related_name="gallery_images"
    )
