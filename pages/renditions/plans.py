"""Which images a page shows, and in which sizes: its rendition plan.

A plan is a list of `(image, preset or filter spec)`; None images are allowed
and skipped. pages/renditions/tasks.py makes the renditions of a page's plan
when the page is published and when the conference content is loaded, so that no visitor
waits while an image is resized: every size a template asks for must be here.

What every page shows is planned here: its social card, and the images in its
StreamFields in the size their block renders. A page type adds what its own
template shows (and the cards other pages show of it) in a `rendition_plan()`
method, as do the snippets pages show (people's photos, organisations' logos).
"""

from wagtail.blocks import ListBlock, StreamBlock, StructBlock
from wagtail.fields import StreamField

from pages.image_sizes import SOCIAL_IMAGE_SPEC


def rendition_plan(instance):
    """The plan of a page or a snippet: what every page shows (for pages) and
    what its type declares."""
    plan = []
    if hasattr(instance, "social_image"):
        plan += [(instance.social_image, SOCIAL_IMAGE_SPEC)]
        plan += stream_field_plan(instance)
    if hasattr(instance, "rendition_plan"):
        plan += instance.rendition_plan()
    return plan


def stream_field_plan(instance):
    """The images of every StreamField of `instance`, each language's, in the
    preset their block renders (`SiteImageChooserBlock.rendition_preset`)."""
    plan = []
    for field in instance._meta.concrete_fields:
        if isinstance(field, StreamField) and shows_images(field.stream_block):
            value = field.value_from_object(instance)
            plan += images_in(field.stream_block, value)
    return plan


def shows_images(block):
    """Whether `block` or one of its children renders an image chooser's image."""
    if getattr(block, "rendition_preset", None):
        return True
    return any(shows_images(child) for child in child_blocks(block))


def child_blocks(block):
    if isinstance(block, StreamBlock | StructBlock):
        return block.child_blocks.values()
    if isinstance(block, ListBlock):
        return [block.child_block]
    return []


def images_in(block, value):
    """[(image, preset)] of `value` of `block`; children that show no image are
    not converted (their documents and pages are not looked up)."""
    if value is None:
        return []
    preset = getattr(block, "rendition_preset", None)
    if preset:
        return [(value, preset)]
    found = []
    if isinstance(block, StreamBlock):
        for name, child in block.child_blocks.items():
            if shows_images(child):
                for bound in value.blocks_by_name(name):
                    found += images_in(child, bound.value)
    elif isinstance(block, StructBlock):
        for name, child in block.child_blocks.items():
            if shows_images(child):
                found += images_in(child, value.get(name))
    elif isinstance(block, ListBlock):
        for item in value:
            found += images_in(block.child_block, item)
    return found
