"""The newsroom outside its own pages: home page teaser and feed discovery links."""

from django import template
from django.core.cache import cache
from django.utils import translation

from wagtail.models import Site

from pages.models import PressReleaseIndexPage
from pages.signals import FEED_LINKS_KEY

register = template.Library()


def _site(request):
    return Site.find_for_request(request) if request else None


@register.inclusion_tag("pages/tags/press_feed_links.html", takes_context=True)
def press_feed_links(context):
    """`<link rel="alternate">` to the press feeds, for the head of every page.

    Every page of the site renders this, so the addresses are cached per site and
    language (no query per request) and forgotten when the newsroom changes.
    """
    request = context.get("request")
    site = _site(request)
    if site is None:
        return {"feeds": []}
    language = translation.get_language()
    key = FEED_LINKS_KEY.format(site=site.pk, language=language)
    feeds = cache.get(key)
    if feeds is None:
        index = (
            PressReleaseIndexPage.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .first()
        )
        feeds = []
        if index is not None:
            base = index.url_in(language, request)
            feeds = [
                ("application/rss+xml", base + index.reverse_subpage("feed_rss")),
                ("application/atom+xml", base + index.reverse_subpage("feed_atom")),
            ]
        cache.set(key, feeds, 60 * 60)
    return {
        "feeds": [(kind, request.build_absolute_uri(url)) for kind, url in feeds],
    }


@register.simple_tag
def latest_press_releases(count=3):
    """The newest live press releases, for the home page."""
    index = PressReleaseIndexPage.objects.live().first()
    if index is None:
        return []
    return list(index.get_releases()[:count])
