"""The newsroom: press releases, their listing by day, and their feeds."""

import datetime

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import RichTextField, StreamField

from pages.blocks import BodyStreamBlock
from pages.image_sizes import ENCLOSURE_RENDITION, rendition_prefetch
from pages.page_editor.forms import PressReleasePageForm
from pages.renderers import structured_data
from pages.renderers.feeds import PressReleaseAtomFeed, PressReleaseRssFeed

from .base import (
    BasePage,
    GalleryPhoto,
    PhotoGalleryMixin,
    RoutableBasePage,
    as_links,
    for_listing,
    in_public_sections,
)
from .printed import PrintedEditionMixin


class PressReleaseIndexPage(PrintedEditionMixin, RoutableBasePage):
    """The newsroom: every press release, newest first, with RSS and Atom feeds.

    One per site, below the home page. Its children are the press releases;
    `day/2015-09-28/` lists one conference day, `feed/rss/` and `feed/atom/` are
    the feeds of the visitor's language (`dia/…/` and `canal/…/` in Spanish:
    see `RoutableBasePage`).
    """

    printed_edition_kind = "press-kit"

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph for journalists above the list."),
    )
    press_contact = RichTextField(
        _("press contact"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Who journalists contact; shown beside the list."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("press_contact"),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.PressReleasePage"]
    max_count = 1

    per_page = 10
    feed_size = 20

    class Meta:
        verbose_name = _("press release index")
        verbose_name_plural = _("press release indexes")

    def live_releases(self):
        releases = PressReleasePage.objects.child_of(self).live()
        return for_listing(in_public_sections(releases))

    def get_releases(self, *renditions):
        """Live releases, newest first, with what listings and feeds show: their
        featured images with the `renditions` (presets or filter specs) shown
        of them, the cards' by default."""
        return (
            self.live_releases()
            .select_related("featured_image")
            .prefetch_related(
                rendition_prefetch(*renditions or ("card",), through="featured_image")
            )
            .order_by("-release_date", "-pk")
        )

    def releases_per_day(self):
        """{day: number of live releases} by day (in Mexico City time), in order:
        the day links, and the number of releases the pagination needs, in one
        query."""
        day = TruncDate("release_date", tzinfo=timezone.get_current_timezone())
        rows = (
            self.live_releases()
            .annotate(day=day)
            .order_by("day")
            .values_list("day")
            .annotate(releases=Count("pk"))
        )
        return dict(rows)

    def listing_context(self, request, releases, count, days, day=None):
        """One page of `releases` (`count` of them; a bad page number gives the
        first or the last page) with their cards' images, and the `days` links."""
        paginator = Paginator(releases, self.per_page)
        paginator.count = count  # known already: no COUNT query
        shown = paginator.get_page(request.GET.get("page"))
        shown.object_list = list(shown.object_list)
        return {"releases": shown, "days": list(days), "current_day": day}

    @path("")
    def index_view(self, request):
        days = self.releases_per_day()
        listing = self.listing_context(
            request, self.get_releases(), sum(days.values()), days
        )
        return self.render(request, context_overrides=listing)

    @path("day/<str:day>/", name="day_view")
    def day_view(self, request, day):
        try:
            date = datetime.date.fromisoformat(day)
        except ValueError:
            raise Http404 from None
        days = self.releases_per_day()
        if date not in days:
            raise Http404
        # `__date` compares in the current time zone (Mexico City) and needs no
        # date arithmetic, which overflowed for day/9999-12-31/ (a 500).
        releases = self.get_releases().filter(release_date__date=date)
        listing = self.listing_context(request, releases, days[date], days, date)
        return self.render(request, context_overrides=listing)

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        return PressReleaseRssFeed(self, self.feed_releases())(request)

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        return PressReleaseAtomFeed(self, self.feed_releases())(request)

    def feed_releases(self):
        """The newest releases, with their images' enclosure rendition."""
        return list(self.get_releases(ENCLOSURE_RENDITION)[: self.feed_size])


class PressReleasePage(PhotoGalleryMixin, BasePage):
    """One press release, published by the communications team each conference day.

    Lives below the press release index. The page title is the headline.
    """

    search_kind = pgettext_lazy("kind of search result", "Press release")

    release_date = models.DateTimeField(
        _("release date and time"),
        default=timezone.now,
        help_text=_("When the release is embargoed until; Mexico City time."),
    )
    location = models.CharField(
        _("location"),
        max_length=120,
        default="Mexico City",
        help_text=_("The place in the dateline, e.g. “Mexico City”."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_(
            "Two or three sentences: shown in the list, the feeds and teasers."
        ),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The text of the release."),
    )
    featured_image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("featured image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The photo at the top, in the list and in the feeds."),
    )
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))],
        verbose_name=_("attachments"),
        blank=True,
        help_text=_("Files journalists can download, in this language."),
    )
    related_gallery = models.ForeignKey(
        "pages.GalleryPage",
        verbose_name=_("photo gallery of the day"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="press_releases",
        help_text=_("The gallery with more photos of what the release reports."),
    )
    related_sessions = ParentalManyToManyField(
        "pages.SessionPage",
        verbose_name=_("related sessions"),
        blank=True,
        related_name="press_releases",
        help_text=_("The programme sessions this release reports on."),
    )
    press_contact = RichTextField(
        _("press contact"),
        blank=True,
        features=["bold", "italic", "link"],
        help_text=_("Leave empty to use the contact of the press release index."),
    )

    content_panels = BasePage.content_panels + [
        MultiFieldPanel(
            [FieldPanel("release_date"), FieldPanel("location")],
            heading=_("Dateline"),
        ),
        FieldPanel("summary"),
        FieldPanel("featured_image"),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("photo gallery")),
        FieldPanel("related_gallery"),
        FieldPanel("related_sessions"),
        FieldPanel("attachments"),
        FieldPanel("press_contact"),
    ]

    parent_page_types = ["pages.PressReleaseIndexPage"]
    subpage_types = []
    base_form_class = PressReleasePageForm
    serve_related = ("listing_image", "featured_image")
    serve_linked = {"related_gallery": ()}

    class Meta:
        verbose_name = _("press release")
        verbose_name_plural = _("press releases")

    def get_social_image(self):
        return self.listing_image or self.featured_image

    def rendition_plan(self):
        """The sizes its images are shown in (pages/renditions/plans.py): the
        featured image on its page, on the cards of the newsroom and the home
        page and in the feeds; the photos of its gallery."""
        return [
            (self.featured_image, "figure"),
            (self.featured_image, "card"),
            (self.featured_image, ENCLOSURE_RENDITION),
            *self.gallery_rendition_plan(),
        ]

    def get_structured_data(self, request, chrome):
        organisers = chrome.organisers
        return structured_data.news_article(
            self, request, organisers[0] if organisers else None
        )

    def get_press_contact(self, newsroom=None):
        """This release's contact, or its newsroom's: `newsroom` when it is this
        release's parent (as every release's is today), else looked up."""
        if self.press_contact:
            return self
        parent_pk = self.parent_page().pk
        if newsroom is None or newsroom.pk != parent_pk:
            newsroom = PressReleaseIndexPage.objects.filter(pk=parent_pk).first()
        return newsroom if newsroom is not None and newsroom.press_contact else None

    def get_related_sessions(self):
        sessions = self.related_sessions.all()
        if not isinstance(sessions, QuerySet):
            # A preview: the relation holds the form's choice in memory
            # (modelcluster), not a query; look the chosen sessions up.
            chosen = [session.pk for session in sessions]
            session_model = self._meta.get_field("related_sessions").related_model
            sessions = session_model.objects.filter(pk__in=chosen)
        return as_links(in_public_sections(sessions.live()).order_by("start"), "start")


class PressReleaseGalleryImage(GalleryPhoto):
    """A photo in a press release's gallery; alt text, caption and credit come
    from the image itself, in both languages."""

    page = ParentalKey(
        PressReleasePage, on_delete=models.CASCADE, related_name="gallery_images"
    )
