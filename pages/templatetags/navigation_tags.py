"""Site navigation built from the page tree."""

from django import template

from wagtail.models import Page, Site

register = template.Library()


def site_root(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return site.root_page.specific if site else None


@register.simple_tag(takes_context=True)
def get_site_root(context):
    return site_root(context)


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The home page's live children that editors marked "show in menus".

    Plain `Page`s: the menu needs only their (translated) titles and URLs, and
    `.specific()` would cost a query per page type.
    """
    root = site_root(context)
    if root is None:
        return Page.objects.none()
    return root.get_children().live().in_menu()


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
