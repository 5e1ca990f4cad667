"""The site's image model: alt text, caption and credit in both languages."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image


class SiteImage(AbstractImage):
    """Every photo, poster and illustration editors upload.

    Wagtail's `description` is the alt text; with the caption and the credit it
    is translated (`description_en`/`description_es`, …), so galleries and
    figures describe and credit the image in the visitor's language. The credit
    names the photographer or source ("Photo: …" / "Foto: …").
    """

    caption = models.CharField(
        _("caption"),
        max_length=255,
        blank=True,
        help_text=_("Shown under the image in galleries and figures."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=120,
        blank=True,
        help_text=_("Photographer or source, e.g. “Photo: UNESCO/A. Pérez”."),
    )

    admin_form_fields = (
        "title",
        "file",
        "description_en",
        "description_es",
        "caption_en",
        "caption_es",
        "credit_en",
        "credit_es",
        *Image.admin_form_fields[3:],
    )

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")

    @property
    def default_alt_text(self):
        return self.description or ""


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(
        SiteImage, related_name="renditions", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
