"""The site's image model: alt text and caption in both languages, and a credit."""

import time
from functools import lru_cache

from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import AbstractImage, AbstractRendition, Filter, Image

from pages.cache import copy_lifetime, current_generation, rendition_copies


@lru_cache(maxsize=512)
def shared_filter(spec):
    """One parsed `Filter` per spec and process. Wagtail parses a new filter's
    operations with `inspect` on first use: for the ten renditions of each of a
    dozen images on a page, that was a third of the page's render."""
    return Filter(spec)


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

    # Wagtail writes every rendition it found in the cache back to the cache on
    # each render (only prefetched ones are marked as already cached): with the
    # file cache of `make run` that cost more than the rest of a page's render.
    # Renditions found in the cache are marked here, and single renditions go
    # through the same path, so a rendition is cached once, when it is found in
    # the database or made. This process keeps copies of those it read, for the
    # current content generation (`pages.cache.ProcessCopies`), so a page's
    # images cost no cache round trip either.
    def find_existing_renditions(self, *filters):
        if self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        Rendition = self.get_rendition_model()
        by_key = {
            Rendition.construct_cache_key(self, f.get_cache_key(self), f.spec): f
            for f in filters
        }
        found = {}
        generation = current_generation()
        for key in by_key:
            rendition = rendition_copies.get(key, generation)
            if rendition is not None:
                found[by_key[key]] = rendition
        unread = [key for key, f in by_key.items() if f not in found]
        if unread:
            expires = time.time() + copy_lifetime()
            for key, rendition in Rendition.cache_backend.get_many(unread).items():
                rendition_copies.put(key, generation, rendition, expires)
                found[by_key[key]] = rendition
        for rendition in found.values():
            rendition.image = self
            rendition._from_cache = True
        missing = [f for f in filters if f not in found]
        if missing:
            found.update(super().find_existing_renditions(*missing))
        return found

    def get_rendition(self, filter):
        if not isinstance(filter, str | Filter):
            return super().get_rendition(filter)  # Wagtail's own error
        return next(iter(self.get_renditions(filter).values()))

    def get_renditions(self, *filters):
        return super().get_renditions(
            *(shared_filter(f) if isinstance(f, str) else f for f in filters)
        )


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(
        SiteImage, related_name="renditions", on_delete=models.CASCADE
    )

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)

    def __getstate__(self):
        # Kept in the rendition cache without a copy of its image: whoever reads
        # it back attaches the image that asked (Wagtail's lookup and
        # SiteImage.find_existing_renditions both do), and a picture of twelve
        # renditions no longer unpickles twelve images.
        state = super().__getstate__()
        state["_state"].fields_cache.pop("image", None)
        return state


def with_renditions(relation, *presets_and_specs):
    """Prefetch the renditions a listing shows of the images at `relation`:
    a preset's sizes (pages/templatetags/image_tags.py) and single filter specs.

    Wagtail's `prefetch_related("image__renditions")` loads every size ever made
    of each image, and there are dozens (each preset, the social card, the
    lightbox); a card needs nine. A rendition left out here would be looked up
    again, one query per image: the query-count tests would show it."""
    from pages.templatetags.image_tags import PRESETS, preset_specs

    specs = []
    for name in presets_and_specs:
        specs += preset_specs(name) if name in PRESETS else [name]
    return Prefetch(
        f"{relation}__renditions",
        queryset=SiteRendition.objects.filter(filter_spec__in=specs),
    )
