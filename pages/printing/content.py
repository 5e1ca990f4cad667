"""What each printed edition shows, gathered from the live content with the
pages' own querysets, in the active language.

Only live pages in public sections are printed: an edition is as public as
the site. Bodies are printed block by block with the print templates of
`printing/blocks/` (text, headings, quotations, lists, key figures); photos,
videos, documents and buttons belong to the screen and are left out.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from wagtail.models import Site

from pages.models import (
    ConferenceSettings,
    HomePage,
    Organisation,
    PressReleaseIndexPage,
    ProgrammePage,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
    VenueIndexPage,
)
from pages.renderers.dates import zone_label

from .venue_map import venue_map_svg

# The print template of each body block that has a place on paper.
PRINTED_BLOCKS = {
    "heading": "printing/blocks/heading.html",
    "paragraph": "printing/blocks/paragraph.html",
    "quote": "printing/blocks/quote.html",
    "list": "printing/blocks/list.html",
    "key_figures": "printing/blocks/key_figures.html",
}


def conference():
    """The conference as the cover and the metadata name it: the home page of
    the default site, the conference settings and the organisers."""
    site = Site.objects.filter(is_default_site=True).first()
    home = site and HomePage.objects.live().filter(pk=site.root_page_id).first()
    if home is None:
        return None
    conference_settings = ConferenceSettings.for_site(site)
    organisers = Organisation.objects.filter(role=Organisation.ORGANISER)
    return {
        "site": site,
        # The address visitors use (as in the calendars' links), not the
        # Wagtail site's hostname, which may be whatever it was set up with.
        "root_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/"),
        "home": home,
        "name": conference_settings.name or home.title,
        "short_name": conference_settings.short_name or gettext("ICLC 2015"),
        "settings": conference_settings,
        "organisers": [organisation.name for organisation in organisers],
    }


def programme_content(about):
    """The programme's days and sessions, the time zone they are in, and the
    venues with their map; None without a live programme page."""
    programme = ProgrammePage.objects.live().descendant_of(about["home"]).first()
    if programme is None:
        return None
    sessions = with_site_address(list(programme.get_sessions()))
    days = ProgrammePage.group_by_day(sessions)
    # Numbered in the order the programme first goes to them, as on the map;
    # a venue no session uses comes last.
    first_use = {}
    for session in sessions:
        first_use.setdefault(session.venue_id, len(first_use))
    venues = sorted(
        venues_of(about["home"]), key=lambda v: first_use.get(v.pk, len(first_use))
    )
    numbered = list(enumerate(with_site_address(venues), start=1))
    numbers = {venue.pk: number for number, venue in numbered}
    for session in sessions:
        # The venue's number on the map, beside its name in the programme.
        session.venue_number = numbers.get(session.venue_id)
    return {
        "page": programme,
        "days": days,
        "zone": zone_label(days[0][0]) if days else "",
        "venues": numbered,
        "venue_map": venue_map_svg(
            [
                (n, venue.title, venue.latitude, venue.longitude)
                for n, venue in numbered
            ],
            title=gettext("Map of the venues"),
        ),
    }


def with_site_address(pages):
    """`pages`, each with `site_address`: its address on the site's public URL,
    for the links a reader of the PDF follows."""
    for page in pages:
        parts = page.get_url_parts()
        page.site_address = (
            urljoin(settings.WAGTAILADMIN_BASE_URL, parts[2]) if parts else ""
        )
    return pages


def venues_of(home):
    index = VenueIndexPage.objects.live().descendant_of(home).first()
    if index is None:
        return []
    return index.get_venues().order_by("path")


def press_kit_content(about):
    """The press releases of the conference days (oldest first), the press
    contact and the showcase programmes' key figures; None without a live
    newsroom."""
    newsroom = PressReleaseIndexPage.objects.live().descendant_of(about["home"]).first()
    if newsroom is None:
        return None
    home = about["home"]
    # The newsroom's own listing, with the bodies its cards leave out.
    releases = newsroom.live_releases().defer(None).select_related("featured_image")
    if home.start_date and home.end_date:
        releases = releases.filter(
            release_date__date__range=(home.start_date, home.end_date)
        )
    releases = with_site_address(list(releases.order_by("release_date", "pk")))
    for release in releases:
        release.printed_body = printed_stream(release, "body")
    return {
        "page": newsroom,
        "releases": releases,
        "showcase": showcase_programmes(home),
    }


def showcase_programmes(home):
    """The showcase page and its programmes that have key figures, in the
    showcase's order; None without a live showcase."""
    index = ShowcaseIndexPage.objects.live().descendant_of(home).first()
    if index is None:
        return None
    programmes = with_site_address(
        list(ShowcaseProgrammePage.objects.child_of(index).live().order_by("path"))
    )
    for programme in programmes:
        programme.figures = [block.value for block in programme.key_figures]
    return {
        "page": index,
        "programmes": [programme for programme in programmes if programme.figures],
    }


def printed_stream(page, field_name):
    """`page`'s stream field with the blocks that print, in the active
    language; English that stands in for a missing translation is marked
    `lang="en"`, as on the site."""
    value = getattr(page, field_name)
    html = mark_safe(  # each block's template escapes what it shows
        "".join(
            render_to_string(PRINTED_BLOCKS[block.block_type], {"value": block.value})
            for block in value
            if block.block_type in PRINTED_BLOCKS
        )
    )
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    own = getattr(page, f"{field_name}_{translation.get_language()}", value)
    if html and not own and translation.get_language() != default:
        return format_html('<div lang="{}">{}</div>', default, html)
    return html
