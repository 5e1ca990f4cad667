"""The newsroom outside its own pages: the home page teaser, and a release's
press contact.

(The feed links in every page's head come with the site chrome.)"""

from django import template

from pages.templatetags.site_chrome import site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_press_releases(context, count=3):
    """The newsroom and its newest live press releases, for the home page."""
    index = site_chrome(context.get("request")).newsroom
    if index is None:
        return {"index": None, "releases": []}
    # A handful of images: their renditions come from Wagtail's rendition cache.
    releases = index.get_releases()[:count]
    return {"index": index, "releases": list(releases)}


@register.simple_tag(takes_context=True)
def press_contact(context, release):
    """Whom journalists call about this release: its own contact, or its
    newsroom's (the site chrome holds the newsroom, so that costs no query)."""
    return release.get_press_contact(site_chrome(context.get("request")).newsroom)
