"""StreamField blocks shared by every page body.

Each page stores one body per language (`body_en`, `body_es`), so captions, alt texts
and labels inside blocks are simply written in the body's language.
"""

import re
from urllib.parse import parse_qs, urlsplit

from django.db.models import prefetch_related_objects
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from pages.image_sizes import rendition_prefetch


class SiteImageChooserBlock(ImageChooserBlock):
    """An image chooser whose images arrive with the renditions its block's
    template shows (`rendition_preset`, pages/image_sizes.py).

    A body with twenty photos then costs one query for the images and one for
    their renditions, instead of one more each time `{% responsive_image %}`
    asks for an image's sizes. The task that makes a published page's
    renditions reads the preset too (pages/renditions/plans.py).
    """

    rendition_preset = "figure"

    def bulk_to_python(self, values):
        images = super().bulk_to_python(values)
        prefetch_related_objects(
            [image for image in images if image is not None],
            rendition_prefetch(self.rendition_preset),
        )
        return images


class PosterChooserBlock(SiteImageChooserBlock):
    """A video's poster image."""

    rendition_preset = "poster"


class HeadingBlock(blocks.StructBlock):
    """A section heading; level 2 or 3 so that every page keeps one <h1>."""

    text = blocks.CharBlock(label=_("text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("level"),
        choices=[("h2", _("Section heading")), ("h3", _("Subheading"))],
        default="h2",
    )
    anchor = blocks.CharBlock(
        label=_("anchor"),
        required=False,
        max_length=60,
        help_text=_("Optional id so other pages can link to this section."),
    )

    def get_searchable_content(self, value):
        """The heading's words only: its level and anchor are not text a visitor
        reads (the site search shows what it indexes)."""
        return self.child_blocks["text"].get_searchable_content(value["text"])

    class Meta:
        icon = "title"
        template = "pages/blocks/heading_block.html"
        description = _("A section heading")


class CaptionedImageBlock(blocks.StructBlock):
    """An image with alt text, caption and photo credit."""

    image = SiteImageChooserBlock(label=_("image"))
    alt_text = blocks.CharBlock(
        label=_("alternative text"),
        required=False,
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("caption"), required=False, max_length=250)
    credit = blocks.CharBlock(label=_("credit"), required=False, max_length=120)

    def get_searchable_content(self, value):
        """The caption and credit shown under the image; the alternative text is
        read out instead of the image, not shown beside it."""
        return [
            text
            for name in ("caption", "credit")
            for text in self.child_blocks[name].get_searchable_content(value[name])
        ]

    class Meta:
        icon = "image"
        template = "pages/blocks/captioned_image_block.html"
        description = _("An image with caption and credit")


class QuoteBlock(blocks.StructBlock):
    """A quotation with its author."""

    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False)

    class Meta:
        icon = "openquote"
        template = "pages/blocks/quote_block.html"
        description = _("A quotation")


class ListBlock(blocks.StructBlock):
    """A real HTML list (bulleted or numbered) with an optional lead-in."""

    lead_in = blocks.CharBlock(label=_("lead-in"), required=False)
    ordered = blocks.BooleanBlock(label=_("numbered"), required=False)
    items = blocks.ListBlock(blocks.CharBlock(label=_("item")), label=_("items"))

    class Meta:
        icon = "list-ul"
        template = "pages/blocks/list_block.html"
        description = _("A bulleted or numbered list")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("value"), max_length=30)
    label = blocks.CharBlock(label=_("label"), max_length=120)


class KeyFiguresBlock(blocks.StructBlock):
    """Headline numbers, each a value and what it counts."""

    heading = blocks.CharBlock(label=_("heading"), required=False)
    figures = blocks.ListBlock(KeyFigureBlock(), label=_("figures"))

    class Meta:
        icon = "table"
        template = "pages/blocks/key_figures_block.html"
        description = _("Key figures: numbers with labels")


class DocumentListBlock(blocks.StructBlock):
    """Downloadable documents, each shown with its file type and size."""

    heading = blocks.CharBlock(label=_("heading"), required=False)
    documents = blocks.ListBlock(
        DocumentChooserBlock(label=_("document")), label=_("documents")
    )

    class Meta:
        icon = "doc-full"
        template = "pages/blocks/document_list_block.html"
        description = _("A list of downloadable documents")


class ConferenceDocumentChooserBlock(SnippetChooserBlock):
    """A conference document with both its files.

    The conference has a handful of official documents, shown on many pages
    (home, documents, press releases): a body's documents and their files are
    read in one query, however many it lists."""

    def bulk_to_python(self, values):
        documents = self.model_class.objects.select_related("file_en", "file_es")
        found = documents.in_bulk([value for value in values if value is not None])
        return [found.get(value) for value in values]


class ConferenceDocumentsBlock(blocks.StructBlock):
    """The conference's official documents, each with its English and Spanish file.

    Editors pick "conference document" snippets; each is listed with its type and,
    per language, a download link with the file type and size.
    """

    heading = blocks.CharBlock(label=_("heading"), required=False)
    intro = blocks.TextBlock(label=_("introduction"), required=False)
    documents = blocks.ListBlock(
        ConferenceDocumentChooserBlock("pages.ConferenceDocument", label=_("document")),
        label=_("documents"),
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "pages/blocks/conference_documents_block.html"
        description = _("Official conference documents in English and Spanish")


def is_one_video(url):
    """Whether `url` is the address of one video (not a channel or a site).

    Only then is the link labelled "Watch the video"; a link to a channel or a
    general page is labelled by its title, which names what it opens.
    """
    address = urlsplit(url or "")
    host = address.netloc.lower().removeprefix("www.").removeprefix("m.")
    path = address.path.rstrip("/")
    if host == "youtube.com":
        return (path == "/watch" and "v" in parse_qs(address.query)) or bool(
            re.fullmatch(r"/(embed|shorts|live)/[\w-]+", path)
        )
    if host == "youtu.be":
        return bool(re.fullmatch(r"/[\w-]+", path))
    if host in ("vimeo.com", "player.vimeo.com"):
        return bool(re.fullmatch(r"(/video)?/\d+", path))
    return False


class VideoBlock(blocks.StructBlock):
    """A video hosted elsewhere, shown as a poster and a link.

    Nothing from the video host loads until the visitor follows the link, so no
    third party sees our visitors by default.
    """

    title = blocks.CharBlock(label=_("title"))
    url = blocks.URLBlock(label=_("video address"))
    poster = PosterChooserBlock(label=_("poster image"), required=False)
    description = blocks.TextBlock(label=_("description"), required=False)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["one_video"] = is_one_video(value["url"])
        return context

    class Meta:
        icon = "media"
        template = "pages/blocks/video_block.html"
        description = _("An external video, shown as a poster and a link")


class CallToActionBlock(blocks.StructBlock):
    """A prominent link to a page or address."""

    text = blocks.CharBlock(label=_("text"), max_length=120)
    page = blocks.PageChooserBlock(label=_("page"), required=False)
    url = blocks.URLBlock(label=_("address"), required=False)

    class Meta:
        icon = "link"
        template = "pages/blocks/call_to_action_block.html"
        description = _("A prominent link")


class BodyStreamBlock(blocks.StreamBlock):
    """The body of every page type."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul"],
        template="pages/blocks/paragraph_block.html",
        icon="pilcrow",
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    list = ListBlock()
    key_figures = KeyFiguresBlock()
    documents = DocumentListBlock()
    conference_documents = ConferenceDocumentsBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
