from .base import BasePage, ListingMixin
from .home import HomePage
from .images import SiteImage, SiteRendition
from .people import Person
from .programme import ProgrammePage, SessionDocument, SessionPage, SessionParticipant
from .standard import StandardPage
from .venues import VenueIndexPage, VenuePage, VenuePhoto

__all__ = [
    "BasePage",
    "HomePage",
    "ListingMixin",
    "Person",
    "ProgrammePage",
    "SessionDocument",
    "SessionPage",
    "SessionParticipant",
    "SiteImage",
    "SiteRendition",
    "StandardPage",
    "VenueIndexPage",
    "VenuePage",
    "VenuePhoto",
]
