"""The multilingual sitemap: every public page in both languages, with hreflang."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap

from wagtail.models import Page

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

    def items(self):
        return public(Page.objects.live()).filter(depth__gte=2).order_by("path")

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
        return urls


SITEMAPS = {"pages": PageSitemap}
