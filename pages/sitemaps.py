"""The multilingual sitemap: every public page in both languages, with hreflang."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pages.models import Person, SpeakerIndexPage
from pages.models.base import as_links, in_public_sections
from pages.models.people import speaking


class PageSitemap(Sitemap):
    """Each live, public page once per language, with its alternates.

    Wagtail's sitemap asks each page for its entries (`get_sitemap_urls`), which
    list only the active language and have no hreflang (design/i18n.md, trap 7),
    and it loads every page as its specific type. Here the pages are loaded once,
    with the columns a link needs, and each gives an entry per language naming
    all of them (Django's sitemap template writes the `xhtml:link` alternates).
    """

    def items(self):
        pages = in_public_sections(Page.objects.live()).filter(depth__gte=2)
        pages = pages.order_by("path")
        return as_links(pages, "last_published_at", "latest_revision_created_at")

    def get_urls(self, page=1, site=None, protocol=None):
        """The entries of the sitemap's `page`; a page beyond the last raises
        Django's `EmptyPage`, which the view answers with a 404."""
        root = f"{self.get_protocol(protocol)}://{self.get_domain(site)}"
        pages = list(self.items())
        addresses = {item.pk: {} for item in pages}
        # A language at a time: Wagtail keeps the site's root paths in one
        # language on the request, so that each address costs no cache lookup.
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                for item in pages:
                    if language not in self.get_languages_for_item(item):
                        continue
                    parts = item.get_url_parts(self.request)
                    if parts is not None:  # a page outside every site has none
                        addresses[item.pk][language] = root + parts[2]
        urls = [
            url for item in pages for url in self.page_urls(item, addresses[item.pk])
        ]
        urls += self.people_urls(pages, addresses)
        urls = Paginator(urls, self.limit).page(page).object_list
        lastmods = [url["lastmod"] for url in urls]
        # The response's Last-Modified, when every entry has a date.
        if lastmods and None not in lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def people_urls(self, pages, addresses):
        """The entries of each person's page, a route of the speakers page
        (pages/models/people.py): its addresses and the person's slug, which is
        the same in every language. One query, only on a site with the page."""
        indexes = [page for page in pages if page.specific_class is SpeakerIndexPage]
        if not indexes:
            return []
        slugs = list(speaking(Person.objects.all()).values_list("slug", flat=True))
        return [
            url
            for index in indexes
            for slug in slugs
            for url in self.page_urls(
                index,
                {
                    language: f"{address}{slug}/"
                    for language, address in addresses[index.pk].items()
                },
            )
        ]

    def page_urls(self, page, addresses):
        """An entry for each of the page's `addresses` ({language: URL}, with
        the translated slugs of each), every entry naming all of them and the
        English address as x-default.

        Django's i18n sitemap would make x-default the address without a
        language prefix, which on this site only redirects, and to a 404 when
        the slug is translated."""
        alternates = [
            {"lang_code": language, "location": location}
            for language, location in addresses.items()
        ]
        if settings.LANGUAGE_CODE in addresses:
            alternates.append(
                {
                    "lang_code": "x-default",
                    "location": addresses[settings.LANGUAGE_CODE],
                }
            )
        lastmod = self.lastmod(page)
        return [
            {
                "item": page,
                "location": location,
                "lastmod": lastmod,
                "alternates": alternates,
            }
            for location in addresses.values()
        ]


SITEMAPS = {"pages": PageSitemap}
