"""The translators' panel of the admin dashboard: how many Spanish fields are
missing or out of date, with a link to the translation report."""

from wagtail.admin.ui.components import Component

from pages.i18n.status import translation_status_counts


def translation_gap_count():
    """How many Spanish fields are still empty (the translation report's count)."""
    return translation_status_counts()["missing_fields"]


def translation_outdated_count():
    """How many Spanish fields translate an English text that has changed since."""
    return translation_status_counts()["outdated_fields"]


class TranslationGapsPanel(Component):
    """How many fields still lack their Spanish text, with a link to the report."""

    name = "translation_gaps"
    template_name = "pages/dashboard/translation_gaps.html"
    order = 260

    def __init__(
        self, count=translation_gap_count, report_url=None, outdated=lambda: None
    ):
        self.count = count
        self.report_url = report_url
        self.outdated = outdated

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            gaps=self.count(), outdated=self.outdated(), report_url=self.report_url
        )
        return context
