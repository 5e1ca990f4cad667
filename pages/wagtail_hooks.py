"""Admin registrations: snippet viewsets, menu groups and dashboard panels."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page

from pages.dashboard import MyDraftsPanel, ScheduledPagesPanel, TranslationGapsPanel


@hooks.register("construct_homepage_panels")
def add_editorial_panels(request, panels):
    panels.extend(
        [
            MyDraftsPanel(),
            ScheduledPagesPanel(Page, _("Scheduled publications")),
            TranslationGapsPanel(),
        ]
    )
