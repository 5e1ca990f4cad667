"""Admin registrations: snippet viewsets, menu groups and dashboard panels."""

from django.http import HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from axes.models import AccessAttempt

from pages.editorial.dashboard import MyDraftsPanel, ScheduledPagesPanel
from pages.editorial.editing import explain_saved_schedule
from pages.i18n.admin_views import (
    TranslationReportView,
    TranslationsView,
    can_manage_translations,
)
from pages.i18n.dashboard import TranslationGapsPanel, translation_outdated_count
from pages.i18n.stream_copy import (
    copy_stream_content,
    copy_stream_content_on_add,
    editor_script,
)
from pages.models import (
    ConferenceDocument,
    ContactOffice,
    Organisation,
    Person,
    PressReleasePage,
)
from pages.page_editor.rules import may_go_live


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


@hooks.register("register_admin_urls")
def translation_urls():
    return [
        path("translations/", TranslationsView.as_view(), name="translations"),
        path(
            "reports/translations/",
            TranslationReportView.as_view(),
            name="translation_report",
        ),
        path(
            "reports/translations/results/",
            TranslationReportView.as_view(results_only=True),
            name="translation_report_results",
        ),
    ]


class TranslatorsMenuItem(MenuItem):
    def is_shown(self, request):
        return can_manage_translations(request.user)


@hooks.register("register_admin_menu_item")
def translations_menu_item():
    return TranslatorsMenuItem(
        _("Translations"), reverse("translations"), icon_name="site", order=850
    )


@hooks.register("register_reports_menu_item")
def translation_report_menu_item():
    return TranslatorsMenuItem(
        _("Translation status"),
        reverse("translation_report"),
        icon_name="site",
        order=900,
    )


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
    # Our own labels: django-axes has no Spanish translation.
    list_display = [
        TitleColumn(
            "username",
            label=_("Username"),
            url_name="locked_out_signins:inspect",
        ),
        Column("ip_address", label=_("IP address")),
        Column("failures_since_start", label=_("Failed sign-ins")),
        DateColumn("attempt_time", label=_("Last attempt")),
    ]
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

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            page_title=_("Locked-out sign-ins"), **kwargs
        )


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
            # Scheduled pages are not drafts (MyDraftsPanel): every type shows.
            ScheduledPagesPanel(
                Page,
                _("Other scheduled pages"),
                exclude=[PressReleasePage],
                panel_id="other-scheduled-pages",
            ),
            TranslationGapsPanel(
                # A link only for those who may open the report.
                report_url=reverse("translation_report")
                if can_manage_translations(request.user)
                else None,
                outdated=translation_outdated_count,
            ),
        ]
    )


# --- The Spanish-title rule for bulk publishing (pages/page_editor/rules.py) -------
@hooks.register("before_bulk_action")
def refuse_bulk_publish_without_titles(request, action_type, objects, action):
    """Publishing several pages at once publishes none of them when one (or,
    with "include descendants", one of their drafts below) has no Spanish
    title: the moderator is told which, and nothing has changed."""
    if action_type != "publish":
        return None
    pages = [page.specific for page in objects]
    if request.POST.get("include_descendants"):
        for page in objects:
            pages += page.get_descendants().filter(has_unpublished_changes=True)
    untitled = [page for page in pages if not may_go_live(page.specific)]
    if not untitled:
        return None
    messages.error(
        request,
        _("Nothing was published: these pages have no Spanish title: %(titles)s")
        % {"titles": ", ".join(page.get_admin_display_title() for page in untitled)},
    )
    return redirect(action.next_url)


# --- What confused editors (issue 21) ----------------------------------------
@hooks.register("after_create_page")
@hooks.register("after_edit_page")
def explain_schedule(request, page):
    """ "Save schedule" saves the draft: say when the schedule takes effect."""
    explain_saved_schedule(request, page)


@hooks.register("before_copy_page", order=-1)
def refuse_copy_without_parent(request, page):
    """A 400, not a 500, for a POST to the copy form without a page to copy to:
    Wagtail's copy view and wagtail-modeltranslation's form read it unchecked.
    (Who may copy at all is `EditorialPagePermissionTester.can_copy`, which
    Wagtail asks before this hook.)"""
    if request.method == "POST":
        parent_id = request.POST.get("new_parent_page", "")
        known = parent_id.isascii() and parent_id.isdigit()
        if not known or not Page.objects.filter(pk=parent_id).exists():
            return HttpResponseBadRequest(_("Choose the page to copy to."))
    return None


@hooks.register("register_admin_urls", order=-1)
def stream_copy_urls():
    """Ahead of wagtail-modeltranslation's view at the same address on the edit
    form (pages/i18n/stream_copy.py), and on the form of a new page."""
    return [
        path(
            "pages/<int:page_id>/edit/copy_translation_content/",
            copy_stream_content,
            name="copy_stream_content",
        ),
        path(
            "pages/add/<str:app_label>/<str:model_name>/<int:parent_page_id>/"
            "copy_translation_content/",
            copy_stream_content_on_add,
            name="copy_stream_content_on_add",
        ),
    ]


@hooks.register("insert_editor_js", order=100)
def stream_copy_buttons():
    """After wagtail-modeltranslation's script, which adds the buttons."""
    return editor_script()
