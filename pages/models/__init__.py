from .base import BasePage, ListingMixin
from .home import HomePage
from .images import SiteImage, SiteRendition
from .search import SearchEntry
from .showcase import THEME_CHOICES, ShowcaseIndexPage, ShowcaseProgrammePage
from .site_settings import ConferenceSettings
from .snippets import ConferenceDocument, ContactOffice, Organisation
from .standard import StandardPage

__all__ = [
    "THEME_CHOICES",
    "BasePage",
    "ConferenceDocument",
    "ConferenceSettings",
    "ContactOffice",
    "HomePage",
    "ListingMixin",
    "Organisation",
    "SearchEntry",
    "ShowcaseIndexPage",
    "ShowcaseProgrammePage",
    "SiteImage",
    "SiteRendition",
    "StandardPage",
]
