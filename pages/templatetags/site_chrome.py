"""What every page shows around its own content: menu, footer and feed links.

The same for every page of a site in one language, and it costs nine queries
(the site root, the menu, the conference settings, the accessibility page,
organisations, contact offices, the newsroom and its view restrictions, the
contact and speakers pages). So it
is built once per site, language and page-cache generation, kept in the cache,
and shared by every render until anything is published: the generation counter
of `pages.content_generation` moves on every content change, which makes
the old entry unreachable, exactly as it does for cached pages.

Pickled in the cache: the cache's key prefix names the release (settings), so
code of one release never reads another's chrome.
"""

from dataclasses import dataclass, field

from django.db.models import Max, Min
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import pgettext

from wagtail.models import Page, Site

from pages.content_generation import per_generation
from pages.models import (
    ConferenceSettings,
    ContactOffice,
    ContactPage,
    Organisation,
    PressReleaseIndexPage,
    ProgrammePage,
    SessionPage,
    ShowcaseIndexPage,
    SpeakerIndexPage,
)
from pages.models.base import as_links, in_public_sections


@dataclass
class MenuItem:
    pk: int
    path: str
    title: str
    url: str


@dataclass
class SiteChrome:
    root_url: str = ""
    menu: list = field(default_factory=list)
    # The press release index, the programme and the showcase index (sections
    # the home page's teasers introduce) and, as (MIME type, site-relative URL),
    # the newsroom's feeds.
    newsroom: object = None
    programme: object = None
    showcase: object = None
    feeds: list = field(default_factory=list)
    # [(role, heading, [Organisation])] and [ContactOffice], for the home page too.
    organisation_groups: list = field(default_factory=list)
    contact_offices: list = field(default_factory=list)
    # The addresses of the contact page and the speakers page ("" without one);
    # a person's page is the speakers page's address and the person's slug.
    contact_url: str = ""
    speakers_url: str = ""
    # The first start and last end of the live sessions (the conference's JSON-LD).
    first_start: object = None
    last_end: object = None
    footer_html: str = ""

    @property
    def organisers(self):
        for role, _heading, organisations in self.organisation_groups:
            if role == Organisation.ORGANISER:
                return organisations
        return []

    @property
    def footer(self):
        return mark_safe(self.footer_html)


def site_chrome(request):
    """The chrome of the request's site in the active language."""
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        return SiteChrome()
    key = f"chrome:{site.pk}:{translation.get_language()}"
    return per_generation(key, lambda: build(request, site))


def build(request, site):
    root = site.root_page.specific
    newsroom, programme, showcase = (
        in_public_sections(model.objects.live()).descendant_of(site.root_page).first()
        for model in (PressReleaseIndexPage, ProgrammePage, ShowcaseIndexPage)
    )
    menu = [
        MenuItem(page.pk, page.path, page.title, page.get_url(request))
        for page in root.get_children().live().in_menu()
    ]
    chrome = SiteChrome(
        root_url=root.get_url(request),
        **contact_and_speakers(request, site),
        menu=menu,
        newsroom=newsroom,
        programme=programme,
        showcase=showcase,
        feeds=feed_links(request, newsroom),
        organisation_groups=organisations_by_role(
            Organisation.objects.select_related("logo")
        ),
        contact_offices=list(ContactOffice.objects.all()),
        **SessionPage.objects.live()
        .descendant_of(site.root_page)
        .aggregate(first_start=Min("start"), last_end=Max("end")),
    )
    conference = ConferenceSettings.for_site(site)
    chrome.footer_html = render_to_string(
        "includes/footer.html",
        {
            "conference": conference,
            "accessibility_page": live_or_none(conference.accessibility_page),
            "site_root": root,
            "chrome": chrome,
        },
        request=request,
    )
    return chrome


def contact_and_speakers(request, site):
    """{"contact_url": …, "speakers_url": …} of the site's live, public contact
    and speakers pages, in one query."""
    pages = Page.objects.live().type(ContactPage, SpeakerIndexPage)
    pages = as_links(in_public_sections(pages).descendant_of(site.root_page))
    found = {}
    for page in pages.order_by("-path"):  # the first in the tree wins
        found[page.specific_class] = page.get_url(request)
    return {
        "contact_url": found.get(ContactPage, ""),
        "speakers_url": found.get(SpeakerIndexPage, ""),
    }


def live_or_none(page):
    return page if page is not None and page.live else None


def feed_links(request, index):
    if index is None:
        return []
    base = index.get_url(request)
    return [
        ("application/rss+xml", base + index.reverse_subpage("feed_rss")),
        ("application/atom+xml", base + index.reverse_subpage("feed_atom")),
    ]


def organisations_by_role(organisations):
    """[(role, heading, [organisations])] for each role that has organisations."""
    groups = {}
    for organisation in organisations:
        groups.setdefault(organisation.role, []).append(organisation)
    headings = {
        Organisation.ORGANISER: pgettext("heading", "Organisers"),
        Organisation.HOST: pgettext("heading", "Hosting institutions"),
        Organisation.PARTNER: pgettext("heading", "Partners"),
    }
    return [
        (role, headings[role], groups[role])
        for role, _label in Organisation.ROLE_CHOICES
        if role in groups
    ]
