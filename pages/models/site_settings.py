"""Site-wide settings editors change under Settings → Conference."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="site")
class ConferenceSettings(BaseSiteSetting):
    """The conference's name, dates, place, social links and footer text.

    The site chrome (footer, titles) reads these instead of hard-coded strings, so
    communications staff can correct them without a developer. Name, short name,
    city and footer text are translated.
    """

    name = models.CharField(
        _("conference name"),
        max_length=200,
        blank=True,
        help_text=_("The full name, e.g. “2nd International Conference on …”."),
    )
    short_name = models.CharField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("Used where space is short, e.g. “ICLC 2015”."),
    )
    start_date = models.DateField(_("first day"), null=True, blank=True)
    end_date = models.DateField(_("last day"), null=True, blank=True)
    city = models.CharField(
        _("city"),
        max_length=100,
        blank=True,
        help_text=_("Where the conference takes place."),
    )
    footer_text = models.TextField(
        _("footer text"),
        blank=True,
        help_text=_("A sentence at the bottom of every page."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Linked from the footer of every page."),
    )
    twitter_url = models.URLField(_("X / Twitter"), blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    flickr_url = models.URLField(_("Flickr"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        MultiFieldPanel(
            [FieldPanel("start_date"), FieldPanel("end_date"), FieldPanel("city")],
            heading=_("Dates and place"),
        ),
        FieldPanel("footer_text"),
        FieldPanel("accessibility_page"),
        MultiFieldPanel(
            [
                FieldPanel("twitter_url"),
                FieldPanel("facebook_url"),
                FieldPanel("youtube_url"),
                FieldPanel("flickr_url"),
            ],
            heading=_("Social media"),
        ),
    ]

    class Meta:
        verbose_name = _("conference")

    def social_links(self):
        """(label, URL) for each social network that has an address."""
        links = [
            ("Twitter", self.twitter_url),
            ("Facebook", self.facebook_url),
            ("YouTube", self.youtube_url),
            ("Flickr", self.flickr_url),
        ]
        return [(label, url) for label, url in links if url]
