"""Admin registrations: snippet viewsets and menu groups."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from axes.models import AccessAttempt


# --- Security (issue 11): staff see and lift sign-in lock-outs ---------------
class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Lock-outs are made by failed sign-ins only: staff can view and delete."""

    def user_has_permission(self, user, action):
        if action in {"add", "change"}:
            return False
        return super().user_has_permission(user, action)


class LockedOutSigninViewSet(ModelViewSet):
    """Failed sign-in counts per username and address (Settings menu).

    Deleting a row lifts that lock-out at once; otherwise it ends after an hour.
    """

    model = AccessAttempt
    icon = "lock"
    menu_label = _("Locked-out sign-ins")
    add_to_settings_menu = True
    url_prefix = "locked-out-sign-ins"
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_filter = []
    search_fields = None
    form_fields = ["username"]
    inspect_view_fields = [
        "username",
        "ip_address",
        "failures_since_start",
        "attempt_time",
        "user_agent",
        "path_info",
    ]


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


@hooks.register("register_admin_viewset")
def register_locked_out_signins():
    return LockedOutSigninViewSet("locked_out_signins")
