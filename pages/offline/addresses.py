"""What the service worker keeps for reading offline: the programme, its day
views, every session and the venues, each in every site language.

Only live pages in no private section (`in_public_sections`, as the sitemap
does), on the request's site, at their translated addresses; a day view's
sub-path reads in its language (`/es/programa/dia/2015-09-28/`). The list
carries the content generation as its version: any change to published content
moves it on, and the service worker then fetches every page again.
"""

from django.conf import settings
from django.utils import timezone, translation

from pages.content_generation import current_generation
from pages.models import ProgrammePage, SessionPage, VenueIndexPage, VenuePage
from pages.models.base import as_links, in_public_sections

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def public(model):
    """The live pages of `model` in no private section, loaded as links, in the
    tree's order."""
    pages = in_public_sections(model.objects.live()).order_by("path")
    return as_links(pages)


def addresses_in_each_language(page, request, subpath=""):
    """{language: the page's path in it, with `subpath` in its words}, or None
    for a page outside every site."""
    addresses = {}
    for language in LANGUAGES:
        with translation.override(language):
            parts = page.get_url_parts(request)
            if parts is None:
                return None
            addresses[language] = parts[2] + (
                page.reverse_subpage("day", args=[subpath]) if subpath else ""
            )
    return addresses


def programme_days(programme):
    """The days with a live session, as ISO dates: the programme's day views
    (the same sessions the day view lists, so none of these answers 404)."""
    starts = SessionPage.objects.live().child_of(programme).values_list("start")
    return sorted({timezone.localtime(start).date().isoformat() for (start,) in starts})


def offline_pages(request):
    """The pages to keep, as [{"kind": …, "urls": {language: path}}], the
    programme first, then its days, sessions, and the venues."""
    entries = []

    def add(kind, page, subpath=""):
        urls = addresses_in_each_language(page, request, subpath)
        if urls is not None:
            entries.append({"kind": kind, "urls": urls})

    for programme in public(ProgrammePage):
        add("programme", programme)
        for day in programme_days(programme):
            add("day", programme, day)
    for session in public(SessionPage):
        add("session", session)
    for index in public(VenueIndexPage):
        add("venues", index)
    for venue in public(VenuePage):
        add("venue", venue)
    return entries


def offline_list(request):
    """The list the service worker reads: its version and the pages. The
    version is a string: the counter is larger than JavaScript's exact
    integers."""
    return {"version": str(current_generation()), "pages": offline_pages(request)}
