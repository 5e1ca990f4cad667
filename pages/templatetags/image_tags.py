"""Responsive images: one tag for every `<picture>` the site renders.

    {% load image_tags %}
    {% responsive_image page.listing_image "card" %}
    {% responsive_image page.hero_image "hero" eager=True %}
    {% responsive_image photo "gallery" alt="" %}   {# decorative #}

Each preset names the renditions (AVIF, WebP and a JPEG fallback at several
widths) and the `sizes` that match the layout in site.css, so templates never
repeat filter specs. The `<img>` always carries width and height (no layout
shift) and is lazy-loaded unless `eager=True` (the one image above the fold).
"""

from html import escape

from django import template
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.utils import translation
from django.utils.encoding import filepath_to_uri
from django.utils.safestring import mark_safe

from wagtail.images.models import Filter, Picture
from wagtail.images.shortcuts import (
    get_rendition_or_not_found,
    get_renditions_or_not_found,
)

register = template.Library()

FORMATS = "format-{avif,webp,jpeg}"

# name: (size operation with widths, `sizes` attribute). Widths cover 1x and 2x
# screens for the largest slot the layout gives the image.
PRESETS = {
    # Home page and page headers: half the wide container on desktop.
    "hero": ("width-{480,800,1200,1600}", "(min-width: 60rem) 34rem, 100vw"),
    # Full-width figure inside the reading column (42rem).
    "figure": ("width-{400,700,1000,1400}", "(min-width: 46rem) 42rem, 100vw"),
    # Wide figure across the container (75rem).
    "wide": ("width-{640,1000,1400,2000}", "(min-width: 78rem) 75rem, 100vw"),
    # Half the reading column: photos side by side.
    "half": ("width-{400,800}", "(min-width: 46rem) 21rem, 100vw"),
    # Listing cards: 16:10, three to a row on desktop.
    "card": (
        "fill-{400x250,640x400,960x600}-c50",
        "(min-width: 64rem) 22rem, (min-width: 40rem) 45vw, 100vw",
    ),
    # Gallery thumbnails: 4:3, four to a row on desktop.
    "gallery": (
        "fill-{320x240,480x360,800x600}-c50",
        "(min-width: 64rem) 17rem, (min-width: 30rem) 45vw, 100vw",
    ),
    # Large gallery view / lightbox.
    "full": ("max-{800x800,1400x1400,2000x2000}", "(min-width: 75rem) 72rem, 100vw"),
    # Video posters: 16:9.
    "poster": (
        "fill-{480x270,800x450,1280x720}-c50",
        "(min-width: 46rem) 42rem, 100vw",
    ),
    # People's photos: small squares.
    "portrait": ("fill-{96x96,192x192}-c50", "4.5rem"),
    # Organisers' logos: kept whole, never cropped.
    "logo": ("height-{64,128}", "8rem"),
}


def preset_specs(preset):
    """The expanded filter specs of a preset, smallest first within each format."""
    if preset not in PRESETS:
        raise template.TemplateSyntaxError(
            f"Unknown image preset {preset!r}; choose one of {', '.join(PRESETS)}."
        )
    sizes_spec, _sizes = PRESETS[preset]
    return Filter.expand_spec(f"{sizes_spec}|{FORMATS}")


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
    renditions = get_renditions_or_not_found(image, preset_specs(preset))
    attrs = {
        "alt": image.default_alt_text if alt is None else alt,
        "sizes": PRESETS[preset][1],
        "class": css_class or None,
        "decoding": "async",
    }
    if alt is None:
        attrs["lang"] = alt_language(image)
    if eager:
        attrs["fetchpriority"] = "high"
    else:
        attrs["loading"] = "lazy"
    return picture_html(renditions, attrs)


@register.simple_tag
def lightbox_url(image):
    """The address of the large photo a gallery thumbnail links to."""
    from pages.models.base import LIGHTBOX_SPEC

    return rendition_url(get_rendition_or_not_found(image, LIGHTBOX_SPEC))


def picture_html(renditions, attrs):
    """What Wagtail's `Picture(renditions, attrs)` renders, with a fraction of
    its work: a listing shows a dozen pictures of nine renditions each.

    One `<source>` per modern format (Wagtail's order), then the fallback
    format's `<img>` with its first rendition's src, width and height; values
    are escaped as `flatatt` does, and attributes whose value is None left out.
    tests/test_images.py checks the markup against Wagtail's own."""
    by_format = {}
    for spec, rendition in renditions.items():
        fmt = next((f for f in FORMAT_ORDER if f"format-{f}" in spec), None)
        by_format.setdefault(fmt, []).append(rendition)
    if None in by_format or len(by_format) < 2:
        return mark_safe(Picture(renditions, attrs).__html__())  # flatatt escapes
    fallback = next(f for f in reversed(FORMAT_ORDER) if f in by_format)
    sizes = attrs.get("sizes")
    sources = "".join(
        "<source{}>".format(
            attributes(
                {
                    "srcset": srcset(by_format[fmt]),
                    "sizes": sizes,
                    "type": MIME_TYPES[fmt],
                }
            )
        )
        for fmt in FORMAT_ORDER
        if fmt != fallback and fmt in by_format
    )
    first = by_format[fallback][0]
    img = {
        "src": rendition_url(first),
        "width": first.width,
        "height": first.height,
        "alt": first.alt,
        **attrs,
    }
    if len(by_format[fallback]) > 1:
        img["srcset"] = srcset(by_format[fallback])
    return mark_safe(f"<picture>{sources}<img{attributes(img)}></picture>")


# Wagtail's Picture.source_format_order: the browser takes the first it supports.
FORMAT_ORDER = ("avif", "webp", "jpeg", "png", "gif")
MIME_TYPES = {fmt: f"image/{fmt}" for fmt in FORMAT_ORDER}


def attributes(values):
    """`flatatt` for str and int values: ` name="value"` in name order, None
    left out."""
    return "".join(
        f' {name}="{escape(str(value))}"'
        for name, value in sorted(values.items())
        if value is not None
    )


def srcset(renditions):
    if len(renditions) == 1:
        return rendition_url(renditions[0])
    return ", ".join(f"{rendition_url(r)} {r.width}w" for r in renditions)


def rendition_url(rendition):
    """`rendition.url`; for files on disk without `urljoin`, which gives the same
    address for the relative names renditions are stored under."""
    file = rendition.file
    storage = file.storage
    if isinstance(storage, FileSystemStorage) and storage.base_url.endswith("/"):
        return storage.base_url + filepath_to_uri(file.name).lstrip("/")
    return rendition.url
