"""The sizes the site shows images in, named by where they appear.

A preset names the renditions of one slot of the layout (AVIF, WebP and a JPEG
fallback at several widths) and the `sizes` that match it in site.css. The
template tag (`{% responsive_image %}`) renders them; listings prefetch them and
the rendition task generates them ahead of visitors, so all three read the same
table here, which imports nothing of models or templates (the rendition model is
Wagtail's `get_image_model().get_rendition_model()`).
"""

from django.db.models import Prefetch

from wagtail.images import get_image_model
from wagtail.images.models import Filter

FORMATS = "format-{avif,webp,jpeg}"

# Single sizes outside the presets. The social card (Open Graph and JSON-LD).
SOCIAL_IMAGE_SPEC = "fill-1200x630|format-jpeg|jpegquality-80"
# An organisation's logo in the footer's list (includes/organisation_list.html
# names it too) and in its JSON-LD.
LOGO_SPEC = "max-240x120"
LOGO_JSON_LD_SPEC = "max-600x600|format-png"
# A press release's featured image as its feeds' enclosure: one JPEG that any
# reader shows.
ENCLOSURE_RENDITION = "width-1200|format-jpeg"
# A gallery photo opened full size (the lightbox).
LIGHTBOX_SPEC = "max-1600x1200"

# name: (size operation with widths, `sizes` attribute). Widths cover 1x and 2x
# screens for the largest slot the layout gives the image.
PRESETS = {
    # Home page and page headers: half the wide container on desktop.
    "hero": ("width-{480,800,1200,1600}", "(min-width: 60rem) 34rem, 100vw"),
    # Full-width figure in the main column: 42rem wide until the side column
    # appears (site.css, .page-layout), then at most 53rem.
    "figure": (
        "width-{400,700,1000,1400}",
        "(min-width: 64rem) 53rem, (min-width: 46rem) 42rem, 100vw",
    ),
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


class UnknownPreset(ValueError):
    pass


def preset_specs(preset):
    """The expanded filter specs of a preset, smallest first within each format."""
    if preset not in PRESETS:
        raise UnknownPreset(
            f"Unknown image preset {preset!r}; choose one of {', '.join(PRESETS)}."
        )
    sizes_spec, _sizes = PRESETS[preset]
    return Filter.expand_spec(f"{sizes_spec}|{FORMATS}")


def preset_sizes(preset):
    """The `sizes` attribute of a preset's `<img>` and `<source>`s."""
    preset_specs(preset)  # the same error for an unknown name
    return PRESETS[preset][1]


def filter_specs(*presets_and_specs):
    """The filter specs of presets and of single filter specs, in order, once each."""
    specs = []
    for name in presets_and_specs:
        specs += preset_specs(name) if name in PRESETS else [name]
    return list(dict.fromkeys(specs))


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
    renditions = get_image_model().get_rendition_model().objects.all()
    if presets_and_specs:  # else every rendition: any size the page may ask for
        renditions = renditions.filter(filter_spec__in=filter_specs(*presets_and_specs))
    return Prefetch(lookup, queryset=renditions, to_attr="prefetched_renditions")
