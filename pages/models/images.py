"""The site's image model: alt text and caption in both languages, and a credit."""

import copy
import time
from collections import Counter
from functools import lru_cache

from django.db import models
from django.db.models import Q
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

    # Renditions a listing attached (`attach_renditions`) come first. The others
    # are read from this process's copies or the rendition cache
    # (`read_cached_renditions`), then the database. Wagtail would write every
    # rendition it found in the cache back to it on each render (it marks only
    # prefetched ones as cached), which with the file cache of `make run` cost
    # more than the rest of a page; marked here, a rendition is cached once, when
    # it is found in the database or made. A size a listing did not attach (the
    # social card's of a gallery's first photo) is thus found, not made again.
    def find_existing_renditions(self, *filters):
        found = {}
        if self._get_prefetched_renditions() is not None:
            found = super().find_existing_renditions(*filters)
        by_key = {rendition_cache_key(self, f): f for f in filters if f not in found}
        if not by_key:
            return found
        for key, rendition in read_cached_renditions(by_key).items():
            rendition.image = self
            found[by_key[key]] = rendition
        missing = [f for f in filters if f not in found]
        if missing:
            found.update(self.stored_renditions(missing))
        return found

    def stored_renditions(self, filters):
        """{filter: rendition} of those of `filters` in the database."""
        lookup = Q()
        for f in filters:
            lookup |= Q(filter_spec=f.spec, focal_point_key=f.get_cache_key(self))
        by_spec = {f.spec: f for f in filters}
        return {by_spec[r.filter_spec]: r for r in self.renditions.filter(lookup)}

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


def rendition_cache_key(image, filter):
    """Wagtail's rendition cache key of `image` through `filter`."""
    return SiteRendition.construct_cache_key(
        image, filter.get_cache_key(image), filter.spec
    )


def read_cached_renditions(keys):
    """{key: rendition} for the rendition cache keys in `keys` that this process's
    copies or the shared cache hold (one round trip at most), marked as read
    from the cache so that Wagtail does not write them back."""
    generation = current_generation()
    found = {}
    for key in keys:
        rendition = rendition_copies.get(key, generation)
        if rendition is not None:
            found[key] = rendition
    unread = [key for key in keys if key not in found]
    if unread:
        expires = time.time() + copy_lifetime()
        for key, rendition in SiteRendition.cache_backend.get_many(unread).items():
            rendition_copies.put(key, generation, rendition, expires)
            found[key] = rendition
    for rendition in found.values():
        rendition._from_cache = True
    return found


def listed_specs(presets_and_specs):
    """The filter specs of presets (pages/templatetags/image_tags.py) and specs."""
    from pages.templatetags.image_tags import PRESETS, preset_specs

    specs = []
    for name in presets_and_specs:
        specs += preset_specs(name) if name in PRESETS else [name]
    return specs


def attach_renditions(images, *presets_and_specs):
    """Give each of `images` (None is skipped) the renditions a listing shows of
    it: a preset's sizes and single filter specs.

    They come from this process's copies or the rendition cache, and for the
    images the cache lacks some of, from the database in one query; Wagtail then
    looks no further (`prefetched_renditions`). A page of images thus costs no
    query once their renditions are cached, and one whatever their number when
    they are not; renditions read from the database are cached for next time."""
    images = [image for image in images if image is not None]
    filters = [shared_filter(spec) for spec in listed_specs(presets_and_specs)]
    # Per image: the cache key of each size it is shown in, by (spec, focal point).
    keys = {
        image.pk: {
            (f.spec, f.get_cache_key(image)): rendition_cache_key(image, f)
            for f in filters
        }
        for image in images
    }
    cached = read_cached_renditions(
        [k for sizes in keys.values() for k in sizes.values()]
    )
    found = {
        pk: [cached[key] for key in sizes.values() if key in cached]
        for pk, sizes in keys.items()
    }
    lacking = [
        pk for pk, found_here in found.items() if len(found_here) < len(keys[pk])
    ]
    if lacking:
        specs = [f.spec for f in filters]
        stored = SiteRendition.objects.filter(
            image_id__in=lacking, filter_spec__in=specs
        )
        found.update({pk: [] for pk in lacking})
        to_cache = {}
        for rendition in stored:
            found[rendition.image_id].append(rendition)
            size = (rendition.filter_spec, rendition.focal_point_key)
            if size in keys[rendition.image_id]:
                to_cache[keys[rendition.image_id][size]] = rendition
        SiteRendition.cache_backend.set_many(to_cache)
    # An image shown twice (the same photo on two cards) gets renditions of its own.
    shown = Counter(image.pk for image in images)
    for image in images:
        renditions = found[image.pk]
        if shown[image.pk] > 1:
            renditions = [copy.copy(rendition) for rendition in renditions]
        for rendition in renditions:
            rendition.image = image
        image.prefetched_renditions = renditions
