"""Admin form behaviour shared by every page type."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

PUBLISH_WITHOUT_TITLE = _(
    "A page cannot be published without a Spanish title: the Spanish site would "
    "show its English title. Write the Spanish title, or save a draft."
)


class BasePageForm(WagtailAdminPageForm):
    """Refuses to publish a page whose title is empty in a site language.

    Drafts may lack it (the translation report lists them); other empty Spanish
    fields fall back to English and are reported, not refused.
    """

    def clean(self):
        cleaned = super().clean()
        if "action-publish" not in self.data:
            return cleaned
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        for code, _name in settings.LANGUAGES:
            name = f"title_{code}"
            if code == default or (cleaned.get(name) or "").strip():
                continue
            self.add_error(name if name in self.fields else None, PUBLISH_WITHOUT_TITLE)
        return cleaned
