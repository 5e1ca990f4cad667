"""The multilingual sitemap: every public page in both languages, with hreflang."""

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.utils import translation

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from pages.models import Person, ProgrammePage, SpeakerIndexPage
from pages.models.base import as_links, in_public_sections, localise_subpath
from pages.models.people import speaking
from pages.models.printed import printed_file_name

# The open data below a page, by page type: its routes (pages/models/programme.py).
DATA_ROUTES = {ProgrammePage: ("schedule_xml", "schedule_json", "sessions_csv")}


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
        urls += self.file_urls(pages, addresses)
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

    def file_urls(self, pages, addresses):
        """The entries of the files pages serve as routes: the programme's open
        data, and each printed edition (a page with `printed_edition_kind`,
        pages/models/printed.py) in the languages whose PDF is in storage. No
        query: the data changes with the page and the pages below it, whose
        dates are loaded already; a PDF's date is its file's."""
        urls = []
        for page in pages:
            model = page.specific_class
            if model is None:
                continue  # a page type whose code was removed
            routes = DATA_ROUTES.get(model, ())
            lastmod = self.section_lastmod(page, pages) if routes else None
            for name in routes:
                files = self.route_addresses(model, name, (), addresses[page.pk])
                urls += self.page_urls(page, files, lastmod)
            kind = getattr(model, "printed_edition_kind", None)
            if kind:
                urls += self.printed_urls(page, model, kind, addresses[page.pk])
        return urls

    def printed_urls(self, page, model, kind, addresses):
        stored = {
            language: printed_file_name(kind, language)
            for language in addresses
            if default_storage.exists(printed_file_name(kind, language))
        }
        if not stored:
            return []
        files = self.route_addresses(
            model,
            "printed_edition",
            (kind,),
            {lang: addresses[lang] for lang in stored},
        )
        try:
            lastmod = max(map(default_storage.get_modified_time, stored.values()))
        except (NotImplementedError, OSError):  # a storage that keeps no dates
            lastmod = None
        return self.page_urls(page, files, lastmod)

    @staticmethod
    def route_addresses(model, name, args, addresses):
        """{language: address} of a page's route from the page's own addresses,
        its words in each language (`sesiones.csv`, `programa.pdf`)."""
        subpath = model.get_resolver().reverse(name, *args).lstrip("/")
        return {
            language: address + localise_subpath(language, subpath)
            for language, address in addresses.items()
        }

    def section_lastmod(self, page, pages):
        """The latest change of the page or of any page below it."""
        dates = [
            self.lastmod(item)
            for item in pages
            if item.path.startswith(page.path) and self.lastmod(item)
        ]
        return max(dates, default=None)

    def page_urls(self, page, addresses, lastmod=None):
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
        lastmod = lastmod or self.lastmod(page)
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
