"""The newsroom outside its own pages: the home page teaser.

(The feed links in every page's head come with the site chrome.)"""

from django import template

from pages.models import PressReleaseIndexPage

register = template.Library()


@register.simple_tag
def latest_press_releases(count=3):
    """The newest live press releases, for the home page."""
    index = PressReleaseIndexPage.objects.live().first()
    if index is None:
        return []
    return list(index.get_releases()[:count])
