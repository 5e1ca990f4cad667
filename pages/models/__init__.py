from .base import BasePage, ListingMixin
from .home import HomePage
from .images import SiteImage, SiteRendition
from .standard import StandardPage

__all__ = [
    "BasePage",
    "HomePage",
    "ListingMixin",
    "SiteImage",
    "SiteRendition",
    "StandardPage",
]
