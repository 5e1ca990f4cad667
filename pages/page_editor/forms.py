"""Admin form behaviour shared by every page type."""

from wagtail.admin.forms import WagtailAdminPageForm

from pages.page_editor.rules import PUBLISH_WITHOUT_TITLE, untitled_languages


class BasePageForm(WagtailAdminPageForm):
    """Refuses to publish, or to approve, a page whose title is empty in a site
    language.

    Drafts may lack it (the translation report lists them); other empty Spanish
    fields fall back to English and are reported, not refused. The rule holds
    however a page goes live (`BasePage.publish`); this form says so in the
    editor, next to the field.
    """

    def clean(self):
        cleaned = super().clean()
        if not self.goes_live():
            return cleaned
        for code in untitled_languages(cleaned):
            name = f"title_{code}"
            self.add_error(name if name in self.fields else None, PUBLISH_WITHOUT_TITLE)
        return cleaned

    def goes_live(self):
        """Whether the button pressed publishes: Publish (now or at a scheduled
        time), or a moderator's Approve in the editor."""
        if "action-publish" in self.data:
            return True
        return (
            "action-workflow-action" in self.data
            and self.data.get("workflow-action-name") == "approve"
        )


class PressReleasePageForm(BasePageForm):
    """A new release's dateline place starts in each language's own words: the
    field's one default would put "Mexico City" in the Spanish column too."""

    DEFAULT_LOCATION = {"en": "Mexico City", "es": "Ciudad de México"}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            for code, place in self.DEFAULT_LOCATION.items():
                if f"location_{code}" in self.fields:
                    self.initial[f"location_{code}"] = place
