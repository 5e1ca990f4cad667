"""Admin registrations: snippet viewsets, menu groups and the translators' tools."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component

from pages.translation_admin import (
    TranslationReportView,
    TranslationsView,
    can_manage_translations,
)
from pages.translation_status import translation_status_counts


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


class TranslationStatusPanel(Component):
    """Dashboard counts; `translation_status_counts()` is there for other panels."""

    name = "translation_status"
    order = 150
    template_name = "pages/admin/translation_panel.html"

    def get_context_data(self, parent_context=None):
        return {"counts": translation_status_counts("es")}


@hooks.register("construct_homepage_panels")
def add_translation_panel(request, panels):
    if can_manage_translations(request.user):
        panels.append(TranslationStatusPanel())
