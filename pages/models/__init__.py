"""Page types, snippets, images and site settings: the bottom of the site.

Models know pages, fields, panels, forms and their querysets, and nothing of
caches, template tags or the site chrome; a page's feed or calendar route hands
its items to a renderer (pages/renderers/). What a page class hands Wagtail's
editor (its form, schedule panel, permission tester, failed-preview page) is in
pages/page_editor/, below the models.
"""

from .base import BasePage, ListingMixin
from .contact import ContactPage
from .home import HomePage
from .images import SiteImage, SiteRendition
from .media import GalleryImage, GalleryPage, MediaIndexPage
from .people import Person, SpeakerIndexPage
from .press import PressReleaseGalleryImage, PressReleaseIndexPage, PressReleasePage
from .programme import ProgrammePage, SessionDocument, SessionPage, SessionParticipant
from .search import SearchEntry
from .showcase import THEME_CHOICES, ShowcaseIndexPage, ShowcaseProgrammePage
from .site_settings import ConferenceSettings
from .snippets import ConferenceDocument, ContactOffice, Organisation
from .standard import StandardPage
from .translations import TranslationSource
from .venues import VenueIndexPage, VenuePage, VenuePhoto
from .workflow import ModeratorsApprovalTask

__all__ = [
    "THEME_CHOICES",
    "BasePage",
    "ConferenceDocument",
    "ConferenceSettings",
    "ContactOffice",
    "ContactPage",
    "GalleryImage",
    "GalleryPage",
    "HomePage",
    "ListingMixin",
    "MediaIndexPage",
    "ModeratorsApprovalTask",
    "Organisation",
    "Person",
    "PressReleaseGalleryImage",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "ProgrammePage",
    "SearchEntry",
    "SessionDocument",
    "SessionPage",
    "SessionParticipant",
    "ShowcaseIndexPage",
    "ShowcaseProgrammePage",
    "SiteImage",
    "SiteRendition",
    "SpeakerIndexPage",
    "StandardPage",
    "TranslationSource",
    "VenueIndexPage",
    "VenuePage",
    "VenuePhoto",
]
