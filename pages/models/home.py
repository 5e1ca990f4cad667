"""The home page: the root of the site and the conference itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField

from pages.blocks import BodyStreamBlock
from pages.image_sizes import SOCIAL_IMAGE_SPEC
from pages.renderers import structured_data

from .base import BasePage


class HomePage(BasePage):
    """The site's root page, one per site: the conference at a glance.

    Every other page family (programme, press, showcase, venues…) hangs below it.
    The dates and place are structured fields, not only prose: the calendar and
    the structured data (schema.org Event, with the rescheduling) read them.
    """

    theme = models.CharField(
        _("theme"),
        max_length=200,
        blank=True,
        help_text=_(
            "The conference theme, e.g. “Building Sustainable Learning Cities”."
        ),
    )
    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph under the conference name."),
    )
    start_date = models.DateField(
        _("first day"), null=True, blank=True, help_text=_("The opening day.")
    )
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("The closing day.")
    )
    original_start_date = models.DateField(
        _("originally announced first day"),
        null=True,
        blank=True,
        help_text=_("Fill in only if the conference was rescheduled."),
    )
    original_end_date = models.DateField(
        _("originally announced last day"),
        null=True,
        blank=True,
        help_text=_("Fill in only if the conference was rescheduled."),
    )
    city = models.CharField(
        _("city"), max_length=100, blank=True, help_text=_("The host city.")
    )
    country = models.CharField(
        _("country"), max_length=100, blank=True, help_text=_("The host country.")
    )
    hero_image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The large picture at the top; landscape, at least 1600 px."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The sections of the home page."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("theme"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
                FieldRowPanel(
                    [
                        FieldPanel("original_start_date"),
                        FieldPanel("original_end_date"),
                    ]
                ),
                FieldRowPanel([FieldPanel("city"), FieldPanel("country")]),
            ],
            heading=_("Dates and place"),
        ),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_social_image(self):
        return self.listing_image or self.hero_image

    def rendition_plan(self):
        """The sizes its images are shown in (pages/renditions/plans.py): the
        hero, and the conference's JSON-LD, which shows it as a social card."""
        return [(self.hero_image, "hero"), (self.hero_image, SOCIAL_IMAGE_SPEC)]

    def get_structured_data(self, request, chrome):
        return structured_data.conference_event(
            self,
            request,
            chrome.organisers,
            first_start=chrome.first_start,
            last_end=chrome.last_end,
        )

    @property
    def was_rescheduled(self):
        return bool(self.original_start_date) and (
            self.original_start_date != self.start_date
        )
