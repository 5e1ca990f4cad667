"""The conference programme: the programme page, its sessions and who speaks.

The programme page lists every session grouped by day, with filters by day, type
and venue (plain query parameters), a page per day and iCalendar exports. Sessions
are its children; each knows its venue, its people and its own `.ics` file.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.http import Http404
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page

from pages.blocks import BodyStreamBlock
from pages.query_values import parse_id
from pages.renderers import structured_data
from pages.renderers.dates import long_day
from pages.renderers.ical import absolute_url, calendar_response
from pages.renderers.schedule import (
    schedule_data,
    schedule_json_response,
    schedule_xml_response,
    sessions_csv_response,
)

from .base import (
    BasePage,
    RoutableBasePage,
    as_links,
    in_public_sections,
    localise_subpath,
)
from .home import HomePage
from .media import GalleryPage
from .press import PressReleasePage
from .printed import PrintedEditionMixin

# What a session shows of its venue besides the link: the calendars' location
# and the JSON-LD place give its address and coordinates.
VENUE_FIELDS = ("address", "latitude", "longitude")

SESSION_TYPES = [
    ("opening", _("Opening ceremony")),
    ("plenary", _("Plenary session")),
    ("mayors_forum", _("Mayors' Forum")),
    ("parallel", _("Parallel session")),
    ("city_visit", _("City visit")),
    ("side_event", _("Side event")),
    ("closing", _("Closing ceremony")),
]
SESSION_TYPE_LABELS = dict(SESSION_TYPES)

# The six official UN languages plus the host's; interpretation is offered in some.
# Own context: Spanish writes them in lower case in a list ("inglés, francés").
INTERPRETATION_LANGUAGES = [
    ("en", pgettext_lazy("interpretation language", "English")),
    ("es", pgettext_lazy("interpretation language", "Spanish")),
    ("fr", pgettext_lazy("interpretation language", "French")),
    ("ar", pgettext_lazy("interpretation language", "Arabic")),
    ("zh", pgettext_lazy("interpretation language", "Chinese")),
    ("ru", pgettext_lazy("interpretation language", "Russian")),
]

PARTICIPANT_ROLES = [("chair", _("Chair")), ("speaker", _("Speaker"))]

# Changing any of these moves the event in people's calendars: SEQUENCE goes up.
SCHEDULE_FIELDS = ("start", "end", "venue_id", "room_en", "room_es")


class ChoiceListFormField(forms.TypedMultipleChoiceField):
    """Checkboxes for a `ChoiceListField`. JSONField hands its form field the
    JSON encoder and decoder, which a list of choices has no use for."""

    widget = forms.CheckboxSelectMultiple

    def __init__(self, *, encoder=None, decoder=None, **kwargs):
        super().__init__(**kwargs)


class ChoiceListField(models.JSONField):
    """A list of choices stored as JSON, edited as checkboxes.

    JSON rather than PostgreSQL's ArrayField, so that `make run` works on SQLite.
    """

    def __init__(self, *args, item_choices=(), **kwargs):
        self.item_choices = list(item_choices)
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["item_choices"] = self.item_choices
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        return super().formfield(
            **{
                "form_class": ChoiceListFormField,
                "choices": self.item_choices,
                "coerce": str,
                **kwargs,
            }
        )


def parse_day(value):
    """A `YYYY-MM-DD` string as a date, or None for anything else."""
    try:
        return datetime.date.fromisoformat(value) if len(value or "") == 10 else None
    except ValueError:
        return None


def releases_and_galleries(condition):
    """Links to the live, public press releases (oldest first) and photo
    galleries (in the tree's order) among the pages matching `condition` (on
    `pressreleasepage__…` and `gallerypage__…`), as two lists from one query."""
    pages = in_public_sections(Page.objects.live().filter(condition))
    pages = as_links(pages).order_by(
        F("pressreleasepage__release_date").asc(nulls_last=True), "path"
    )
    releases, galleries = [], []
    for page in pages:
        if page.specific_class is PressReleasePage:
            releases.append(page)
        elif page.specific_class is GalleryPage:
            galleries.append(page)
    return releases, galleries


class ProgrammePage(PrintedEditionMixin, RoutableBasePage):
    """The programme, one under the home page; its children are SessionPages.

    Sub-paths read in the language of the address (`RoutableBasePage`):
    `day/2015-09-28/` (a day; `dia/2015-09-28/` in Spanish), `calendar.ics`
    (everything; `calendario.ics`), `day/2015-09-28/calendar.ics` (a day in a
    calendar app), and the open data: `schedule.xml` and `schedule.json` (frab
    format, for schedule apps) and `sessions.csv` (`sesiones.csv`, for
    spreadsheets).
    """

    search_kind = pgettext_lazy("kind of search result", "Programme")
    printed_edition_kind = "programme"

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph above the programme."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.SessionPage"]
    max_count = 1

    class Meta:
        verbose_name = _("programme page")
        verbose_name_plural = _("programme pages")

    def get_sessions(self):
        """Every live session with what the listing shows (its venue as a link
        with its address, its people), in a fixed number of queries whatever the
        number of sessions."""
        sessions = as_links(
            SessionPage.objects.live().child_of(self),
            *SessionPage.listed_fields,
            joined={"venue": VENUE_FIELDS},
        )
        return sessions.prefetch_related(
            Prefetch(
                "participants",
                queryset=SessionParticipant.objects.select_related("person"),
                to_attr="participant_list",
            )
        ).order_by("start", "end", "path")

    # Filters ---------------------------------------------------------------
    def read_filters(self, request, sessions):
        """The valid filters of the query string; anything else is ignored."""
        days = sorted({s.local_day for s in sessions})
        venues = {s.venue_id: s.venue for s in sessions if s.venue_id}
        chosen = {}
        day = parse_day(request.GET.get("day"))
        if day in days:
            chosen["day"] = day
        session_type = request.GET.get("type")
        if session_type in dict(SESSION_TYPES):
            chosen["type"] = session_type
        venue = parse_id(request.GET.get("venue"))
        if venue in venues:
            chosen["venue"] = venue
        options = {
            "days": days,
            "types": [
                (value, label)
                for value, label in SESSION_TYPES
                if any(s.session_type == value for s in sessions)
            ],
            "venues": sorted(venues.values(), key=lambda v: v.title),
        }
        return chosen, options

    @staticmethod
    def apply_filters(sessions, chosen):
        return [
            s
            for s in sessions
            if ("day" not in chosen or s.local_day == chosen["day"])
            and ("type" not in chosen or s.session_type == chosen["type"])
            and ("venue" not in chosen or s.venue_id == chosen["venue"])
        ]

    @staticmethod
    def mark_now_next(sessions, now=None):
        """Flag what is on now and what comes next, while the conference is on.

        "On" means from midnight of the first day to the end of the last session,
        Mexico City time.
        """
        if not sessions:
            return
        now = now or timezone.now()
        first_day = sessions[0].local_day
        opens = timezone.make_aware(
            datetime.datetime.combine(first_day, datetime.time.min)
        )
        closes = max(s.end for s in sessions)
        if not opens <= now < closes:
            return
        upcoming = [s.start for s in sessions if s.start > now]
        next_start = min(upcoming) if upcoming else None
        for session in sessions:
            session.is_now = session.start <= now < session.end
            session.is_next = session.start == next_start

    @staticmethod
    def group_by_day(sessions):
        days = {}
        for session in sessions:
            days.setdefault(session.local_day, []).append(session)
        return list(days.items())

    def programme_context(self, request, day=None):
        sessions = list(self.get_sessions())
        self.mark_now_next(sessions)
        chosen, options = self.read_filters(request, sessions)
        if day is not None:
            if day not in options["days"]:
                raise Http404("No sessions on this day.")
            chosen["day"] = day
        shown = self.apply_filters(sessions, chosen)
        return {
            "days": self.group_by_day(shown),
            "filters": chosen,
            "filter_options": options,
            # On a day view the day is the page, not a filter.
            "filtered": any(key != "day" or day is None for key in chosen),
            "day": day,
            "day_extras": self.day_extras(day) if day else {},
        }

    def day_extras(self, day):
        """What else the day view shows for `day`: links to that day's press
        releases (by time) and photo galleries (keys: "press_releases",
        "galleries"), in one query."""
        starts = datetime.datetime.combine(
            day, datetime.time.min, tzinfo=timezone.get_current_timezone()
        )
        releases, galleries = releases_and_galleries(
            Q(
                pressreleasepage__release_date__gte=starts,
                pressreleasepage__release_date__lt=starts + datetime.timedelta(1),
            )
            | Q(gallerypage__date=day)
        )
        return {"press_releases": releases, "galleries": galleries}

    # Routes ----------------------------------------------------------------
    @path("", name="programme")
    def index_route(self, request):
        return self.render(request, context_overrides=self.programme_context(request))

    @re_path(r"^day/(\d{4}-\d{2}-\d{2})/$", name="day")
    def day_view(self, request, day):
        day = parse_day(day)
        if day is None:
            raise Http404("Not a date.")
        return self.render(
            request,
            context_overrides=self.programme_context(request, day),
            template="pages/programme_day.html",
        )

    # Wagtail hands sub-routes a trailing "/"; "/?" lets reverse() leave it out.
    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar(self, request):
        return calendar_response(
            request, self.get_sessions(), self.title, "iclc-2015-programme.ics"
        )

    @re_path(r"^day/(\d{4}-\d{2}-\d{2})/calendar\.ics/?$", name="day_calendar")
    def day_calendar(self, request, day):
        day = parse_day(day)
        sessions = [s for s in self.get_sessions() if s.local_day == day]
        if not sessions:
            raise Http404("No sessions on this day.")
        name = f"{self.title}: {long_day(day)}"
        return calendar_response(
            request, sessions, name, f"iclc-2015-{day.isoformat()}.ics"
        )

    # Open data (pages/renderers/schedule.py) --------------------------------
    def schedule_sessions(self):
        """`get_sessions()` with each session's documents (`document_list`),
        which the schedule lists as attachments: one query more."""
        documents = SessionDocument.objects.select_related("document")
        return self.get_sessions().prefetch_related(
            Prefetch("documents", queryset=documents, to_attr="document_list")
        )

    def schedule_export(self, request):
        data = schedule_data(
            self.schedule_sessions(),
            request,
            title=self.parent_page().title,
            url=absolute_url(self, request),
        )
        if data is None:
            raise Http404("No sessions yet.")
        return data

    @re_path(r"^schedule\.xml/?$", name="schedule_xml")
    def schedule_xml(self, request):
        return schedule_xml_response(self.schedule_export(request))

    @re_path(r"^schedule\.json/?$", name="schedule_json")
    def schedule_json(self, request):
        return schedule_json_response(self.schedule_export(request))

    @re_path(r"^sessions\.csv/?$", name="sessions_csv")
    def sessions_csv(self, request):
        # The file is named as its address reads: sessions.csv, sesiones.csv.
        name = localise_subpath(translation.get_language(), "sessions.csv")
        return sessions_csv_response(self.get_sessions(), request, f"iclc-2015-{name}")


class SessionPage(RoutableBasePage):
    """One session of the programme, a child of the ProgrammePage.

    Start and end are stored in UTC and shown in Mexico City time. `sequence`
    counts changes of time or place so calendar apps update the event instead of
    keeping the old one; it is never edited by hand.
    """

    search_kind = pgettext_lazy("kind of search result", "Session")

    session_type = models.CharField(
        _("session type"),
        max_length=20,
        choices=SESSION_TYPES,
        help_text=_("Used for the programme filters and calendar categories."),
    )
    start = models.DateTimeField(
        _("start"), help_text=_("Date and time in Mexico City time.")
    )
    end = models.DateTimeField(
        _("end"), help_text=_("Date and time in Mexico City time.")
    )
    venue = models.ForeignKey(
        "pages.VenuePage",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sessions",
        help_text=_("Where the session takes place."),
    )
    room = models.CharField(
        _("room"),
        max_length=120,
        blank=True,
        help_text=_("Hall or room inside the venue."),
    )
    interpretation_languages = ChoiceListField(
        item_choices=INTERPRETATION_LANGUAGES,
        verbose_name=_("interpretation"),
        default=list,
        blank=True,
        help_text=_("Languages with simultaneous interpretation."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("Two or three sentences shown in the programme."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The full description: agenda, background, outcomes."),
    )
    video_url = models.URLField(
        _("video"),
        blank=True,
        help_text=_("Address of the recording (e.g. on UNESCO's video channel)."),
    )
    sequence = models.PositiveIntegerField(
        _("calendar sequence"),
        default=0,
        editable=False,
        help_text=_("Raised automatically when the time or place changes."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("session_type"),
        FieldRowPanel([FieldPanel("start"), FieldPanel("end")], heading=_("When")),
        FieldRowPanel([FieldPanel("venue"), FieldPanel("room")], heading=_("Where")),
        FieldPanel("summary"),
        InlinePanel("participants", label=_("chairs and speakers")),
        FieldPanel("interpretation_languages"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("video_url"), InlinePanel("documents", label=_("documents"))],
            heading=_("Video and documents"),
        ),
    ]

    parent_page_types = ["pages.ProgrammePage"]
    subpage_types = []
    serve_related = ("listing_image",)
    # The venue is named, linked and located (the JSON-LD place).
    serve_linked = {"venue": VENUE_FIELDS}

    @staticmethod
    def serve_annotations():
        # Few sessions have documents: those without need no query for them.
        documents = SessionDocument.objects.filter(page=OuterRef("pk"))
        return {"has_documents": Exists(documents)}

    # What the programme, its days and its calendars show of each session.
    listed_fields = (
        "start",
        "end",
        "session_type",
        "venue",
        "room",
        "summary",
        "interpretation_languages",
        "sequence",
        "translation_key",
        "last_published_at",
    )

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    is_now = False
    is_next = False

    def clean(self):
        super().clean()
        if self.start and self.end and self.end <= self.start:
            raise ValidationError({"end": _("The session must end after it starts.")})

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        watched = {"start", "end", "venue", "venue_id", "room", "room_en", "room_es"}
        if self.pk and (update_fields is None or watched & set(update_fields)):
            stored = (
                SessionPage.objects.filter(pk=self.pk)
                .values("sequence", *SCHEDULE_FIELDS)
                .first()
            )
            if stored:
                # A page restored from an older revision carries an older number.
                self.sequence = max(self.sequence, stored["sequence"])
                if any(stored[f] != getattr(self, f) for f in SCHEDULE_FIELDS):
                    self.sequence += 1
                    if update_fields is not None:
                        kwargs["update_fields"] = [*update_fields, "sequence"]
        super().save(*args, **kwargs)

    def get_session_type_display(self):
        # Django's builds a dict of the choices on each call: the programme
        # shows one per session.
        return SESSION_TYPE_LABELS.get(self.session_type, self.session_type)

    @property
    def local_day(self):
        return timezone.localtime(self.start).date()

    def programme_day_url(self):
        """The programme's page for this session's day, in the active language."""
        day = ProgrammePage.get_resolver().reverse("day", self.local_day.isoformat())
        day = localise_subpath(translation.get_language(), day.lstrip("/"))
        return self.parent_page().get_url() + day

    @cached_property
    def participant_list(self):
        """Chairs and speakers with their people, loaded once for the page, its
        JSON-LD and its calendar entry. Listings prefetch them into this same
        attribute (`Prefetch(..., to_attr="participant_list")`): this query is
        then never made."""
        return list(self.participants.select_related("person__photo"))

    def rendition_plan(self):
        """The sizes its images are shown in (pages/renditions/plans.py): its
        picture, and its chairs' and speakers' photos."""
        people = [participant.person for participant in self.participant_list]
        return [
            (self.listing_image, "figure"),
            *[(person.photo, "portrait") for person in people],
        ]

    def chairs(self):
        return [p.person for p in self.participant_list if p.role == "chair"]

    def speakers(self):
        return [p.person for p in self.participant_list if p.role == "speaker"]

    def get_interpretation_display(self):
        names = dict(INTERPRETATION_LANGUAGES)
        return [names[code] for code in self.interpretation_languages if code in names]

    @cached_property
    def linked_from(self):
        """(press releases that name this session, its photo galleries)."""
        if self.pk is None:
            return [], []  # the preview of a new session: nothing links to it yet
        return releases_and_galleries(
            Q(pressreleasepage__related_sessions=self) | Q(gallerypage__session=self)
        )

    def related_press_releases(self):
        """Live press releases that name this session, oldest first."""
        return self.linked_from[0]

    def photo_gallery(self):
        """The session's first live photo gallery, if any."""
        return next(iter(self.linked_from[1]), None)

    @re_path(r"^calendar\.ics/?$", name="calendar")
    def calendar(self, request):
        return calendar_response(
            request, [self], self.title, f"iclc-2015-{self.slug_en}.ics"
        )

    def get_structured_data(self, request, chrome):
        # Routing has usually loaded the home page already (pages/routing.py).
        found = getattr(self, "route_ancestors", [])
        conference = next(
            (page for page in found if isinstance(page, HomePage)), None
        ) or (HomePage.objects.ancestor_of(self).first())
        return structured_data.session_event(self, request, conference)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["participants"] = self.participant_list
        context["documents"] = (
            self.documents.select_related("document")
            if getattr(self, "has_documents", True)
            else []
        )
        context["press_releases"] = self.related_press_releases()
        context["gallery"] = self.photo_gallery()
        return context


class SessionParticipant(Orderable):
    """A person chairing or speaking at a session, in the order shown."""

    page = ParentalKey(
        SessionPage, on_delete=models.CASCADE, related_name="participants"
    )
    person = models.ForeignKey(
        "pages.Person",
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="session_roles",
        help_text=_("Choose or create the person under Conference › People."),
    )
    role = models.CharField(
        _("role in the session"),
        max_length=10,
        choices=PARTICIPANT_ROLES,
        default="speaker",
        help_text=_("Chairs are listed before speakers."),
    )

    panels = [FieldPanel("person"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("chair or speaker")
        verbose_name_plural = _("chairs and speakers")


class SessionDocument(Orderable):
    """A document to download from the session page (agenda, concept note…)."""

    page = ParentalKey(SessionPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Upload it under Documents first, or from the chooser."),
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("session document")
        verbose_name_plural = _("session documents")
