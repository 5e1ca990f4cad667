"""Every modeltranslation registration of the site, in one place."""

from modeltranslation.translator import TranslationOptions, register

from pages.models import HomePage, SiteImage, StandardPage


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
