from .base import BasePage, ListingMixin
from .home import HomePage
from .images import SiteImage, SiteRendition
from .search import SearchEntry
from .standard import StandardPage
from .translations import TranslationSource

__all__ = [
    "BasePage",
    "HomePage",
    "ListingMixin",
    "SearchEntry",
    "SiteImage",
    "SiteRendition",
    "StandardPage",
    "TranslationSource",
]
