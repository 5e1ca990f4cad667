"""Every modeltranslation registration of the site, in one place."""

from modeltranslation.translator import TranslationOptions, register

from pages.models import (
    HomePage,
    Person,
    ProgrammePage,
    SessionPage,
    SiteImage,
    StandardPage,
    VenueIndexPage,
    VenuePage,
)


class BasePageTR(TranslationOptions):
    fields = ("listing_summary",)


@register(HomePage)
class HomePageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro", "body")


@register(StandardPage)
class StandardPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro", "body")


@register(SiteImage)
class SiteImageTR(TranslationOptions):
    fields = ("description", "caption")


@register(ProgrammePage)
class ProgrammePageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro",)


@register(SessionPage)
class SessionPageTR(BasePageTR):
    fields = BasePageTR.fields + ("room", "summary", "body")


@register(VenueIndexPage)
class VenueIndexPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro",)


@register(VenuePage)
class VenuePageTR(BasePageTR):
    fields = BasePageTR.fields + (
        "address",
        "description",
        "accessibility",
        "getting_there",
    )


@register(Person)
class PersonTR(TranslationOptions):
    fields = ("role", "organisation", "bio")
