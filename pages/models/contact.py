"""The contact page: the conference's offices and its contact for the press."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from pages.renderers import structured_data

from .base import BasePage


def tel_address(phone):
    """A phone number in international format as a `tel:` address (digits and a
    leading +); empty for a number written otherwise."""
    digits = "".join(c for c in phone if c.isdigit())
    return f"tel:+{digits}" if phone.strip().startswith("+") and digits else ""


class ContactPage(BasePage):
    """How to reach the conference, one under the home page.

    The offices are the contact office snippets (Conference › Contact offices),
    which the footer shows too; the press contact (the conference secretariat)
    is edited here. Its JSON-LD gives each as a schema.org `ContactPoint`.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph that opens the page."),
    )
    press_institution = models.CharField(
        _("press contact: institution"),
        max_length=200,
        blank=True,
        help_text=_("Who answers journalists, e.g. the conference secretariat."),
    )
    press_note = models.TextField(
        _("press contact: note"),
        blank=True,
        help_text=_("One sentence on what journalists can ask for."),
    )
    press_phone = models.CharField(
        _("press contact: phone"),
        max_length=40,
        blank=True,
        help_text=_("In international format, e.g. +49 40 44 80 41 12."),
    )
    press_email = models.EmailField(
        _("press contact: e-mail"),
        blank=True,
        help_text=_("The address journalists write to."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("press_institution"),
                FieldPanel("press_note"),
                FieldPanel("press_phone"),
                FieldPanel("press_email"),
            ],
            heading=_("Press contact"),
        ),
    ]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    @property
    def press_phone_link(self):
        return tel_address(self.press_phone)

    @property
    def has_press_contact(self):
        return bool(self.press_institution and (self.press_phone or self.press_email))

    def get_structured_data(self, request, chrome):
        """A ContactPage with the offices (from the site chrome, which every
        page has loaded already) and the press contact as ContactPoints."""
        return structured_data.contact_page(self, request, chrome.contact_offices)
