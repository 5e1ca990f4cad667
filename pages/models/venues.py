"""Where the conference happens: the venue index and one page per venue."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable

from pages.blocks import BodyStreamBlock
from pages.image_sizes import SOCIAL_IMAGE_SPEC
from pages.renderers import structured_data

from .base import BasePage, as_links, for_listing
from .programme import SessionPage

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class VenueIndexPage(BasePage):
    """The list of venues, one under the home page; its children are VenuePages."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph above the list of venues."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.VenuePage"]
    max_count = 1

    class Meta:
        verbose_name = _("venue index page")
        verbose_name_plural = _("venue index pages")

    def get_venues(self):
        return for_listing(VenuePage.objects.live().child_of(self)).select_related(
            "listing_image", "map_image"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["venues"] = self.get_venues()
        return context


class VenuePage(BasePage):
    """One building where sessions take place, under the VenueIndexPage.

    Sessions point at their venue, so the venue lists its sessions by itself.
    The map is a self-hosted image plus an OpenStreetMap link built from the
    coordinates: no third-party script sees our visitors.
    """

    search_kind = pgettext_lazy("kind of search result", "Venue")

    address = models.TextField(
        _("address"),
        help_text=_("Postal address, one line per line as on an envelope."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, north positive, e.g. 19.432608."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, east positive, e.g. -99.133209."),
    )
    description = StreamField(
        BodyStreamBlock(),
        verbose_name=_("description"),
        blank=True,
        help_text=_("The building, its history and the rooms the conference uses."),
    )
    map_image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("map"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A static map or illustration of the surroundings, stored here."),
    )
    accessibility = RichTextField(
        _("accessibility"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Step-free entrances, lifts, accessible toilets, seating."),
    )
    getting_there = RichTextField(
        _("how to get there"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Metro, bus, ECOBICI stations nearby, taxis and parking."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("address"),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude"), FieldPanel("map_image")],
            heading=_("Location"),
        ),
        FieldPanel("description"),
        InlinePanel("photos", label=_("photos")),
        FieldPanel("accessibility"),
        FieldPanel("getting_there"),
    ]

    parent_page_types = ["pages.VenueIndexPage"]
    subpage_types = []
    serve_related = ("listing_image", "map_image")

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")

    @property
    def openstreetmap_url(self):
        lat, lon = self.latitude, self.longitude
        return (
            f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
        )

    def get_sessions(self):
        """The live sessions held here, in time order."""
        if self.pk is None:
            return SessionPage.objects.none()  # a new venue's preview
        # Linked with their times and rooms: no speakers are listed here.
        return as_links(
            SessionPage.objects.live().filter(venue=self), "start", "end", "room"
        ).order_by("start")

    @cached_property
    def photo_list(self):
        """The venue's photos, loaded once for the page, its card and its JSON-LD."""
        return list(self.photos.select_related("image"))

    def get_social_image(self):
        photo = next(iter(self.photo_list), None)
        return self.listing_image or (photo.image if photo else self.map_image)

    def rendition_plan(self):
        """The sizes its images are shown in (pages/renditions/plans.py): its
        map, its photos, its card on the venue index, and the JSON-LD's place,
        which shows the first photo."""
        photos = [photo.image for photo in self.photo_list]
        return [
            (self.map_image, "figure"),
            (self.listing_image or self.map_image, "card"),
            *[(photo, "half") for photo in photos],
            (photos[0] if photos else None, SOCIAL_IMAGE_SPEC),
        ]

    def get_structured_data(self, request, chrome):
        return structured_data.venue_place(self, request)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sessions"] = self.get_sessions()
        context["photos"] = self.photo_list
        return context


class VenuePhoto(Orderable):
    """A photo of a venue; alt text and caption come from the image itself."""

    page = ParentalKey(VenuePage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Give the image alt text and a caption in both languages."),
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        verbose_name = _("venue photo")
        verbose_name_plural = _("venue photos")
