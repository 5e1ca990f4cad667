"""Site navigation built from the page tree."""

from django import template

from pages.site_chrome import site_chrome as chrome_for_request

register = template.Library()


@register.simple_tag(takes_context=True)
def site_chrome(context):
    """Menu, footer and feed links of the site, built once per language and
    content generation (pages/site_chrome.py)."""
    return chrome_for_request(context.get("request"))


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
