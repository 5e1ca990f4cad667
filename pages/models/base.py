"""The abstract page every page type of the site builds on."""

from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.models import Page

from pages import structured_data
from pages.permissions import EditorialPagePermissionTester


class ListingMixin(models.Model):
    """How a page appears in listings, teasers and social cards."""

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_("One or two sentences shown where other pages list this one."),
    )
    listing_image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared on social media."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Listings and sharing"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(ListingMixin, Page):
    """Shared base of every page type.

    It exists so that listings, social cards, previews and language links work the
    same way for every page family: one place for the listing fields, the preview
    in either language (Wagtail previews in the admin's language otherwise), and
    the page's address in each language for the language switcher and hreflang.
    """

    promote_panels = Page.promote_panels + ListingMixin.panels

    preview_modes = [("en", _("English")), ("es", _("Spanish"))]
    default_preview_mode = "en"

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        language = mode_name if mode_name in dict(self.preview_modes) else "en"
        with translation.override(language):
            request.LANGUAGE_CODE = language
            response = super().serve_preview(request, mode_name)
            # `serve` returns a lazy TemplateResponse; render it while the preview
            # language is active, or it renders later in the admin's language.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
            return response

    def permissions_for_user(self, user):
        # Translators may edit but not delete or move (pages/permissions.py).
        return EditorialPagePermissionTester(user, self)

    def get_meta_description(self):
        """The description search engines and social cards show, per language."""
        return self.search_description or self.listing_summary or ""

    def get_social_image(self):
        """The image shown when the page is shared; page types may offer another."""
        return self.listing_image

    def get_structured_data(self, request):
        """schema.org data for this page as JSON-LD; page types describe themselves."""
        return structured_data.web_page(self, request)

    def url_in(self, language, request=None):
        """This page's URL in `language` (slugs are translated)."""
        with translation.override(language):
            return self.get_url(request)
