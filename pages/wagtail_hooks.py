"""Admin registrations: snippet viewsets, menu groups and dashboard panels."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from axes.models import AccessAttempt

from pages.dashboard import MyDraftsPanel, ScheduledPagesPanel, TranslationGapsPanel
from pages.models import (
    ConferenceDocument,
    ContactOffice,
    Organisation,
    Person,
    PressReleasePage,
)


class OrganisationViewSet(SnippetViewSet):
    """Organisers, hosting institutions and partners (footer and home page)."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "role", "sort_order"]
    list_filter = ["role"]
    search_fields = ["name_en", "name_es", "acronym"]
    ordering = ["role", "sort_order"]


class ContactOfficeViewSet(SnippetViewSet):
    """The offices in Mexico City and Hamburg (footer and home page)."""

    model = ContactOffice
    icon = "mail"
    menu_label = _("Contact offices")
    list_display = ["name", "institution", "city", "sort_order"]
    ordering = ["sort_order"]


class ConferenceDocumentViewSet(SnippetViewSet):
    """Official documents with an English and a Spanish file."""

    model = ConferenceDocument
    icon = "doc-full-inverse"
    menu_label = _("Conference documents")
    list_display = ["title", "document_type", "file_en", "file_es", "sort_order"]
    list_filter = ["document_type"]
    ordering = ["sort_order"]


class PersonViewSet(SnippetViewSet):
    """Chairs and speakers, chosen on sessions."""

    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation"]
    search_fields = ["name"]


class ConferenceViewSetGroup(SnippetViewSetGroup):
    """One admin menu item for the conference's non-page content."""

    menu_label = _("Conference")
    menu_icon = "site"
    menu_order = 300
    items = (
        OrganisationViewSet,
        ContactOfficeViewSet,
        ConferenceDocumentViewSet,
        PersonViewSet,
    )


register_snippet(ConferenceViewSetGroup)


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


# --- Editorial workflow (issue 7): what waits for each member of staff -------
@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(
        [
            MyDraftsPanel(),
            ScheduledPagesPanel(PressReleasePage, _("Scheduled press releases")),
            TranslationGapsPanel(),
        ]
    )
