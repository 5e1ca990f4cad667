"""The moderation step every page goes through (pages/editorial/roles.py sets it up)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask

from pages.page_editor.rules import may_go_live


class ModeratorsApprovalTask(AbstractGroupApprovalTask):
    """Wagtail's group approval, which publishes on approval, offered only for a
    page that may go live: one with a title in every language.

    For a submitted page without a Spanish title the moderator is offered
    "Request changes" only, labelled with the reason, on the dashboard and in
    the editor; once the title is written and saved, "Approve" comes back.
    """

    class Meta:
        verbose_name = _("moderators' approval task")
        verbose_name_plural = _("moderators' approval tasks")

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions and not may_go_live(obj):
            return [("reject", _("Request changes: no Spanish title"), True)]
        return actions

    def on_action(self, task_state, user, action_name, **kwargs):
        if action_name == "approve" and not may_go_live(
            task_state.revision.content_object
        ):
            raise PermissionDenied  # the button was not offered
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls):
        return _(
            "Members of the chosen groups approve and publish pages that have a "
            "title in every language"
        )
