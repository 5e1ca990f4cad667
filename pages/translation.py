"""Every modeltranslation registration of the site, in one place."""

from modeltranslation.translator import TranslationOptions, register

from pages.models import (
    GalleryPage,
    HomePage,
    MediaIndexPage,
    PressReleaseIndexPage,
    PressReleasePage,
    SiteImage,
    StandardPage,
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
