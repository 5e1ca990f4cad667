from .base import BasePage, ListingMixin
from .home import HomePage
from .images import SiteImage, SiteRendition
from .search import SearchEntry
from .standard import StandardPage

__all__ = [
    "BasePage",
    "HomePage",
    "ListingMixin",
    "SearchEntry",
    "SiteImage",
    "SiteRendition",
    "StandardPage",
]
