"""Responsive images: one tag for every `<picture>` the site renders.

    {% load image_tags %}
    {% responsive_image page.listing_image "card" %}
    {% responsive_image page.hero_image "hero" eager=True %}
    {% responsive_image photo "gallery" alt="" %}   {# decorative #}

Each preset (pages/image_sizes.py) names the renditions and the `sizes` that
match the layout, so templates never repeat filter specs. The markup is
Wagtail's own `<picture>` (what `{% picture %}` renders), given the attributes
the site adds: the `<img>` is lazy-loaded unless `eager=True` (the one image
above the fold), decodes off the main thread, and says `lang="en"` when the alt
text is the English one standing in for a missing translation.
"""

from django import template
from django.conf import settings
from django.utils import translation

from wagtail.images.models import Picture
from wagtail.images.shortcuts import (
    get_rendition_or_not_found,
    get_renditions_or_not_found,
)

from pages.image_sizes import LIGHTBOX_SPEC, UnknownPreset, preset_sizes, preset_specs

register = template.Library()


def alt_language(image):
    """The language of the alt text when it fell back to English, else None."""
    language = translation.get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = getattr(image, f"description_{language}", None)
    if language != default and not (own or "").strip() and image.description:
        return default
    return None


@register.simple_tag
def responsive_image(image, preset="figure", alt=None, eager=False, css_class=""):
    """A `<picture>` for `image` (empty output when there is no image).

    `alt` overrides the image's own alt text (its translated description); pass
    `alt=""` for decorative images, such as a thumbnail beside a linked title.
    """
    if not image:
        return ""
    try:
        specs, sizes = preset_specs(preset), preset_sizes(preset)
    except UnknownPreset as error:
        raise template.TemplateSyntaxError(str(error)) from error
    attrs = {
        "alt": image.default_alt_text if alt is None else alt,
        "sizes": sizes,
        "class": css_class or None,
        "decoding": "async",
        "lang": alt_language(image) if alt is None else None,
    }
    if eager:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
    return Picture(get_renditions_or_not_found(image, specs), attrs)


@register.simple_tag
def lightbox_url(image):
    """The address of the large photo a gallery thumbnail links to."""
    return get_rendition_or_not_found(image, LIGHTBOX_SPEC).url
