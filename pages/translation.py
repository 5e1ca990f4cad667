"""Every modeltranslation registration of the site, in one place."""

from modeltranslation.translator import TranslationOptions, register

from pages.models import (
    ConferenceDocument,
    ConferenceSettings,
    ContactOffice,
    ContactPage,
    GalleryPage,
    HomePage,
    MediaIndexPage,
    Organisation,
    Person,
    PressReleaseIndexPage,
    PressReleasePage,
    ProgrammePage,
    SessionPage,
    ShowcaseIndexPage,
    ShowcaseProgrammePage,
    SiteImage,
    SpeakerIndexPage,
    StandardPage,
    VenueIndexPage,
    VenuePage,
)


class BasePageTR(TranslationOptions):
    fields = ("listing_summary",)


@register(HomePage)
class HomePageTR(BasePageTR):
    fields = BasePageTR.fields + ("theme", "intro", "city", "country", "body")


@register(StandardPage)
class StandardPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro", "body")


@register(SiteImage)
class SiteImageTR(TranslationOptions):
    fields = ("description", "caption", "credit")


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


@register(SpeakerIndexPage)
class SpeakerIndexPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro",)


@register(ContactPage)
class ContactPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro", "press_institution", "press_note")


@register(ShowcaseIndexPage)
class ShowcaseIndexPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro", "body")


@register(ShowcaseProgrammePage)
class ShowcaseProgrammePageTR(BasePageTR):
    fields = BasePageTR.fields + ("summary", "key_figures", "body")


@register(Organisation)
class OrganisationTR(TranslationOptions):
    fields = ("name",)


@register(ContactOffice)
class ContactOfficeTR(TranslationOptions):
    fields = ("name", "institution", "city", "country")


@register(ConferenceDocument)
class ConferenceDocumentTR(TranslationOptions):
    fields = ("title", "description")


@register(ConferenceSettings)
class ConferenceSettingsTR(TranslationOptions):
    fields = ("name", "short_name", "city", "footer_text")


@register(PressReleaseIndexPage)
class PressReleaseIndexPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro", "press_contact")


@register(PressReleasePage)
class PressReleasePageTR(BasePageTR):
    fields = BasePageTR.fields + (
        "location",
        "summary",
        "body",
        "attachments",
        "press_contact",
    )


@register(MediaIndexPage)
class MediaIndexPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro",)


@register(GalleryPage)
class GalleryPageTR(BasePageTR):
    fields = BasePageTR.fields + ("intro", "videos")
