from .base import BasePage, ListingMixin
from .home import HomePage
from .images import SiteImage, SiteRendition
from .media import GalleryImage, GalleryPage, MediaIndexPage
from .press import PressReleaseGalleryImage, PressReleaseIndexPage, PressReleasePage
from .search import SearchEntry
from .standard import StandardPage

__all__ = [
    "BasePage",
    "GalleryImage",
    "GalleryPage",
    "HomePage",
    "ListingMixin",
    "MediaIndexPage",
    "PressReleaseGalleryImage",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "SearchEntry",
    "SiteImage",
    "SiteRendition",
    "StandardPage",
]
