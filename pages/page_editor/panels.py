"""The page editor's schedule dialog: times to the quarter hour, and a word on
when a schedule takes effect (editors took "Save schedule" for publishing)."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import PublishingPanel
from wagtail.admin.widgets import AdminDateTimeInput

# Minutes between the times the picker lists; any other minute can be typed.
PICKER_STEP_MINUTES = 15


class MinuteDateTimeInput(AdminDateTimeInput):
    """Wagtail's date-time picker, listing times every quarter of an hour."""

    def get_config(self):
        # `step` is the picker's (jQuery datetimepicker) minutes between times.
        return {**super().get_config(), "step": PICKER_STEP_MINUTES}


GO_LIVE_HELP = _(
    "“Save schedule” keeps this time with the draft. It takes effect only when "
    "the page is published: when a moderator approves it, or with Publish."
)


class SchedulePanel(PublishingPanel):
    """Wagtail's "Set schedule" dialog, with times to the quarter hour and a word
    on when the schedule takes effect (editors took "Save schedule" for it)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            widget = child.widget
            if type(widget) is AdminDateTimeInput:  # not yet replaced (clones)
                child.widget = MinuteDateTimeInput(
                    attrs=widget.attrs,
                    format=widget.format,
                    js_overlay_parent_selector=widget.js_overlay_parent_selector,
                )
            if child.field_name == "go_live_at" and not child.help_text:
                child.help_text = GO_LIVE_HELP
