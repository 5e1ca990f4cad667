"""Content pages: "What is a Learning City?", "Beijing 2013", accessibility…"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from pages.blocks import BodyStreamBlock

from .base import BasePage


class StandardPage(BasePage):
    """A page of text, images and documents anywhere in the tree.

    Editors use it for every page that is not a listing or an event: the learning
    cities concept, the first conference in Beijing, the accessibility statement.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph that opens the page."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The content of the page."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        FieldPanel("body"),
    ]

    subpage_types = ["pages.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
