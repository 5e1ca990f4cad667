from .base import BasePage, ListingMixin
from .home import HomePage
from .standard import StandardPage

__all__ = ["BasePage", "HomePage", "ListingMixin", "StandardPage"]
