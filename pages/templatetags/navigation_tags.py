"""Site navigation built from the page tree."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import slugify

from wagtail.blocks import StructValue

from pages.blocks import HeadingBlock
from pages.content_generation import current_generation
from pages.templatetags.site_chrome import site_chrome as chrome_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Menu, footer and feed links of the site, built once per language and
    content generation (pages/templatetags/site_chrome.py)."""
    return chrome_for_request(context.get("request"))


@register.simple_tag
def content_generation():
    """The page cache's content generation, for fragment caches that must end
    with any publish: `{% wagtailcache … generation %}`."""
    return current_generation()


CURRENT = mark_safe(' aria-current="page"')
ANCESTOR = mark_safe(' class="is-ancestor"')


@register.simple_tag(takes_context=True)
def main_menu(context, chrome):
    """The menu's items: the page itself marked as the current page, the section
    it is in as its ancestor (sections are at depth 3, so their tree paths are
    the first 12 characters of the paths below them)."""
    page = context.get("page")

    def marked(item):
        if page is None:
            return ""
        if item.pk == page.pk:
            return CURRENT
        if page.path[:12] == item.path:
            return ANCESTOR
        return ""

    return format_html_join(
        "\n",
        '<li><a href="{}"{}>{}</a></li>',
        ((item.url, marked(item), item.title) for item in chrome.menu),
    )


@register.inclusion_tag("pages/tags/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    if hasattr(page, "breadcrumb_ancestors"):
        ancestors = page.breadcrumb_ancestors()
    else:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return {"ancestors": ancestors, "page": page, "request": context.get("request")}


@register.simple_tag
def page_sections(body):
    """The (id, heading) of each section of a body, for the "On this page" list.

    A section starts at a level-2 heading block, or at a block that opens with a
    heading of its own (key figures, documents); their templates give the heading
    the same id: the heading block's anchor, otherwise the heading as a slug.
    """
    sections = []
    for child in body or ():
        value = child.value
        if isinstance(child.block, HeadingBlock):
            if value["level"] == "h2":
                sections.append(
                    (value["anchor"] or slugify(value["text"]), value["text"])
                )
        elif isinstance(value, StructValue) and value.get("heading"):
            sections.append((slugify(value["heading"]), value["heading"]))
    return sections
