"""People who chair or speak at sessions: a snippet, reused across sessions, and
the speakers page, which lists them and gives each a page of their own."""

from django.db import models
from django.db.models import Exists, F, OuterRef
from django.http import Http404
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, TitleFieldPanel
from wagtail.admin.widgets.slug import SlugInput
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.search import index

from pages.image_sizes import rendition_prefetch
from pages.renderers import structured_data

from .base import BasePage, RoutableBasePage, as_links, in_public_sections
from .programme import SessionPage, SessionParticipant

# A person's address below the speakers page: their slug, the same in both
# languages (names are not translated).
PERSON_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"


class Person(index.Indexed, models.Model):
    """A chair or speaker, edited once under Conference › People, chosen on sessions.

    The role, organisation and bio are translated; the name and honorific are
    written as the person writes them.
    """

    name = models.CharField(
        _("name"), max_length=150, help_text=_("Full name, as the person writes it.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=160,
        unique=True,
        blank=True,
        allow_unicode=False,
        help_text=_(
            "The person's address on the speakers page, the same in both "
            "languages. Filled in from the name when left empty."
        ),
    )
    honorific = models.CharField(
        _("honorific"),
        max_length=40,
        blank=True,
        help_text=_("Shown before the name, e.g. “Dr” or “Mtra.”."),
    )
    role = models.CharField(
        _("role"),
        max_length=200,
        blank=True,
        help_text=_("Position held in 2015, e.g. “Head of Government of Mexico City”."),
    )
    organisation = models.CharField(
        _("organisation"),
        max_length=200,
        blank=True,
        help_text=_("Organisation or city the person represents."),
    )
    photo = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("photo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A portrait; its alt text names the person."),
    )
    bio = models.TextField(
        _("short biography"),
        blank=True,
        help_text=_("Two or three sentences about the person's work."),
    )

    panels = [
        FieldPanel("honorific"),
        # The slug follows the name as it is typed, as a page's follows its title.
        TitleFieldPanel("name", classname="", targets=["slug"], placeholder=False),
        FieldPanel("slug", widget=SlugInput),
        FieldPanel("role"),
        FieldPanel("organisation"),
        FieldPanel("photo"),
        FieldPanel("bio"),
    ]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return f"{self.honorific} {self.name}".strip()

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = self.free_slug()
        super().save(*args, **kwargs)

    def free_slug(self):
        """The name as a slug ("Miguel Ángel" → "miguel-angel"), with a number
        after it when another person has it already."""
        base = slugify(self.name)[:150] or "person"
        taken = set(
            Person.objects.exclude(pk=self.pk)
            .filter(slug__startswith=base)
            .values_list("slug", flat=True)
        )
        slug, number = base, 1
        while slug in taken:
            number += 1
            slug = f"{base}-{number}"
        return slug

    def rendition_plan(self):
        """Sessions show their chairs' and speakers' photos
        (pages/renditions/plans.py)."""
        return [(self.photo, "portrait")]


def public_sessions():
    """Live sessions in no private section: what a person's page may list."""
    return in_public_sections(SessionPage.objects.live())


def speaking(people):
    """`people` who chair or speak at a live, public session: those with a page."""
    roles = SessionParticipant.objects.filter(
        person=OuterRef("pk"), page__in=public_sessions().values("pk")
    )
    return people.filter(Exists(roles))


class SpeakerIndexPage(RoutableBasePage):
    """The chairs and speakers, one under the home page, with a page for each.

    A person is a snippet (Conference › People), chosen on sessions, not a page:
    their page is a route of this one, `<slug>/`, the same address in both
    languages after the index's translated slug (`/en/speakers/qian-tang/`,
    `/es/ponentes/qian-tang/`), so the language switcher keeps the person. Only
    people who take part in a live session have a page.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph above the list of people."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("speakers page")
        verbose_name_plural = _("speakers pages")

    def get_people(self):
        """Everyone with a page, by name, with their photos' renditions."""
        return (
            speaking(Person.objects.all())
            .select_related("photo")
            .prefetch_related(rendition_prefetch("portrait", through="photo"))
        )

    def get_person(self, slug):
        person = (
            speaking(Person.objects.filter(slug=slug))
            .select_related("photo")
            .prefetch_related(rendition_prefetch("portrait", through="photo"))
            .first()
        )
        if person is None:
            raise Http404("No such person.")
        return person

    @staticmethod
    def sessions_of(person):
        """The live, public sessions `person` takes part in, by time, each with
        the person's part in it (`part`: "chair" or "speaker")."""
        sessions = public_sessions().filter(participants__person=person)
        sessions = as_links(sessions, "start", "end", "session_type")
        return sessions.annotate(part=F("participants__role")).order_by(
            "start", "path", "part"
        )

    def person_url(self, person, request=None):
        """The address of `person`'s page in the active language."""
        return self.get_url(request) + self.reverse_subpage(
            "person", args=[person.slug]
        )

    def rendition_plan(self):
        """The people's photos in the list and on their pages
        (pages/renditions/plans.py)."""
        return [(person.photo, "portrait") for person in self.get_people()]

    @path("", name="index")
    def index_route(self, request):
        return self.render(request, context_overrides={"people": self.get_people()})

    @re_path(rf"^({PERSON_SLUG})/$", name="person")
    def person_route(self, request, slug):
        person = self.get_person(slug)
        sessions = list(self.sessions_of(person))
        url = self.person_url(person, request)
        return self.render(
            request,
            template="pages/speaker_page.html",
            context_overrides={
                "person": person,
                "sessions": sessions,
                "person_url": url,
                "person_description": person_description(person),
                "person_data": structured_data.person_page(
                    person, request, url, sessions, self
                ),
            },
        )


def person_description(person):
    """The meta description of a person's page: their bio, or who they are."""
    if person.bio.strip():
        return person.bio.strip()
    return ", ".join(part for part in (person.role, person.organisation) if part)
