"""The site's image model: alt text and caption in both languages, and a credit."""

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Image

from pages.image_sizes import filter_specs


class SiteImage(AbstractImage):
    """Every photo, poster and illustration editors upload.

    Wagtail's `description` is the alt text; with the caption it is translated
    (`description_en`/`description_es`), so galleries and figures describe the
    image in the visitor's language. The credit names the photographer.
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
        "credit",
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


def rendition_prefetch(*presets_and_specs, through=None):
    """A `Prefetch` of the renditions a listing shows of its images: presets'
    sizes (pages/image_sizes.py) and single filter specs.

    What `SiteImage.objects.prefetch_renditions(*specs)` does on a queryset of
    images, for images reached through a foreign key (`through`, e.g.
    "featured_image") or already loaded (`prefetch_related_objects`): one query
    for the renditions of every image, which Wagtail then looks up in
    `prefetched_renditions` instead of its cache or the database.
    """
    lookup = f"{through}__renditions" if through else "renditions"
    renditions = SiteRendition.objects.all()
    if presets_and_specs:  # else every rendition: any size the page may ask for
        renditions = renditions.filter(filter_spec__in=filter_specs(*presets_and_specs))
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")
