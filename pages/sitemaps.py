"""The multilingual sitemap: every public page in both languages, with hreflang."""

import datetime
from html import escape

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.utils import timezone
from django.utils.safestring import mark_safe

from wagtail.models import Page

from pages.models.base import as_links
from pages.restrictions import public


class PageSitemap(Sitemap):
    """Each live, public page once per language, with its alternates.

    Wagtail's own sitemap lists only the active language and has no hreflang
    (design/i18n.md, trap 7), so Django's i18n sitemap is used instead. Page URLs
    come from the translated slugs of the language being written.
    """

    i18n = True
    alternates = True
    x_default = True

    def __init__(self):
        super().__init__()
        # Each page's path per language: every page is listed once per language
        # and named again as an alternate of each, and under x-default.
        self._paths = {}

    def _location(self, item, force_lang_code=None):
        page, language = item
        key = (page.pk, force_lang_code or language)
        if key not in self._paths:
            self._paths[key] = super()._location(item, force_lang_code)
        return self._paths[key]

    def items(self):
        pages = public(Page.objects.live()).filter(depth__gte=2).order_by("path")
        return as_links(pages, "last_published_at")

    def location(self, page):
        return page.get_url_parts()[2]

    def lastmod(self, page):
        return page.last_published_at

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        # Django's x-default drops the language prefix, which on this site only
        # redirects, and to a 404 when the slug is translated: use the English URL.
        default = settings.LANGUAGE_CODE
        for url in urls:
            by_language = {a["lang_code"]: a for a in url["alternates"]}
            if "x-default" in by_language and default in by_language:
                by_language["x-default"]["location"] = by_language[default]["location"]
            url["xml"] = url_element(url)
        return urls


def url_element(url):
    """One `<url>` of the sitemap, written here rather than by a template loop:
    with two languages and their alternates, the sitemap is hundreds of them."""
    lastmod = url["lastmod"]
    if isinstance(lastmod, datetime.datetime) and timezone.is_aware(lastmod):
        lastmod = timezone.localtime(lastmod)  # as the `date` filter shows it
    parts = [f"<url><loc>{escape(url['location'])}</loc>"]
    if lastmod:
        parts.append(f"<lastmod>{lastmod:%Y-%m-%d}</lastmod>")
    parts += [
        f'<xhtml:link rel="alternate" hreflang="{escape(alternate["lang_code"])}"'
        f' href="{escape(alternate["location"])}"/>'
        for alternate in url["alternates"]
    ]
    parts.append("</url>")
    return mark_safe("".join(parts))


SITEMAPS = {"pages": PageSitemap}
