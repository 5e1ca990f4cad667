"""The newsroom outside its own pages: the home page teaser.

(The feed links in every page's head come with the site chrome.)"""

from django import template

from pages.site_chrome import site_chrome

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
