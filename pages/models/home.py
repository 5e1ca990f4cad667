"""The home page: the root of the site and the conference itself."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from pages.blocks import BodyStreamBlock

from .base import BasePage


class HomePage(BasePage):
    """The site's root page, one per site: the conference at a glance.

    Every other page family (programme, press, showcase, venues…) hangs below it.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph under the conference name."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The sections of the home page."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
