"""Panels of the admin dashboard for the communications team.

Wagtail's own panels already show "Awaiting your review" (pages waiting for my
moderation) and "Your pages in a workflow"; these add what the team asked for on
top: my drafts and scheduled publications in Mexico City time (the translators'
panel is pages/i18n/dashboard.py). `wagtail_hooks.py` puts them on the dashboard.
"""

import zoneinfo

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef
from django.db.models.functions import Cast

from wagtail.admin.ui.components import Component
from wagtail.models import Page, Revision, WorkflowState

# Scheduled times are shown in the conference's time zone whatever the staff
# member's own admin time zone is, and the zone is named next to them.
CONFERENCE_TIME_ZONE = zoneinfo.ZoneInfo(settings.TIME_ZONE)


class MyDraftsPanel(Component):
    """Pages whose latest revision is mine and not yet published or submitted.

    A revision scheduled to go live (a moderator's Publish or approval with a
    go-live time) is no draft: it is listed by the scheduled pages panels only.
    """

    name = "my_drafts"
    template_name = "pages/dashboard/my_drafts.html"
    order = 230
    limit = 10

    def get_drafts(self, user):
        # WorkflowState points at pages through a text `object_id`.
        in_workflow = WorkflowState.objects.active().filter(
            base_content_type_id=ContentType.objects.get_for_model(Page).pk,
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
        return (
            Page.objects.filter(
                has_unpublished_changes=True, latest_revision__user=user
            )
            .exclude(Exists(in_workflow))
            .exclude(latest_revision__approved_go_live_at__isnull=False)
            .order_by("-latest_revision_created_at")
            .specific(defer=True)[: self.limit]
        )

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["drafts"] = self.get_drafts(parent_context["request"].user)
        return context


class ScheduledPagesPanel(Component):
    """Approved pages of one type waiting for their publication time.

    The dashboard shows one for press releases and one for every other page type
    (`exclude`); the times are Mexico City time, named as such, because releases
    are timed to the conference's day.
    """

    name = "scheduled_pages"
    template_name = "pages/dashboard/scheduled_pages.html"
    order = 240

    def __init__(self, page_model, heading, exclude=(), panel_id="scheduled-pages"):
        self.page_model = page_model
        self.heading = heading
        self.exclude = exclude
        self.panel_id = panel_id

    def get_scheduled(self):
        revisions = Revision.page_revisions.filter(approved_go_live_at__isnull=False)
        if self.page_model is not Page:
            revisions = revisions.filter(
                content_type=ContentType.objects.get_for_model(self.page_model)
            )
        if self.exclude:
            revisions = revisions.exclude(
                content_type__in=list(
                    ContentType.objects.get_for_models(*self.exclude).values()
                )
            )
        revisions = revisions.select_related("user").order_by("approved_go_live_at")
        # Every type's own page, whose admin title is in the admin's language.
        pages = self.page_model.objects.specific().in_bulk(
            [int(revision.object_id) for revision in revisions]
        )
        return [
            {"page": pages[int(revision.object_id)], "revision": revision}
            for revision in revisions
            if int(revision.object_id) in pages
        ]

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(
            heading=self.heading,
            panel_id=self.panel_id,
            scheduled=self.get_scheduled(),
            time_zone=CONFERENCE_TIME_ZONE,
        )
        return context
