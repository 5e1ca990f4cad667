"""The host city's showcase: "A learning city" and its programmes."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField

from pages.blocks import BodyStreamBlock, KeyFigureBlock
from pages.image_sizes import rendition_prefetch

from .base import BasePage, for_listing

THEME_CHOICES = [
    ("sustainable-city", _("Sustainable city")),
    ("city-of-rights", _("City of rights")),
    ("city-of-prosperity", _("City of prosperity")),
    ("educational-city", _("Educational city")),
    ("cultural-city", _("Cultural city")),
]


class ShowcaseIndexPage(BasePage):
    """ "A learning city": Mexico City's programmes, filterable by theme.

    A child of the home page; its children are ShowcaseProgrammePages. The theme
    filter is a plain link with `?theme=…`, so it works without JavaScript.
    """

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("A short paragraph above the list of programmes."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("Optional text below the list of programmes."),
    )

    content_panels = BasePage.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["pages.HomePage"]
    subpage_types = ["pages.ShowcaseProgrammePage"]
    max_count = 1

    class Meta:
        verbose_name = _("showcase index page")
        verbose_name_plural = _("showcase index pages")

    def get_programmes(self):
        """Every live programme, each with its card's image ready to render."""
        return list(
            for_listing(ShowcaseProgrammePage.objects.child_of(self).live())
            .select_related("image")
            .prefetch_related(rendition_prefetch("card", through="image"))
            .order_by("path")
        )

    @staticmethod
    def valid_theme(value):
        """The theme asked for in the query string, or None if it is not one."""
        return value if value in dict(THEME_CHOICES) else None

    @staticmethod
    def themes(programmes):
        """The themes that `programmes` show, in the usual order."""
        used = {programme.theme for programme in programmes}
        return [(value, label) for value, label in THEME_CHOICES if value in used]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        theme = self.valid_theme(request.GET.get("theme"))
        # All of them, filtered here: the theme links need every theme in use.
        programmes = self.get_programmes()
        context["active_theme"] = theme
        context["active_theme_label"] = dict(THEME_CHOICES).get(theme)
        context["themes"] = self.themes(programmes)
        context["programmes"] = [
            programme for programme in programmes if theme in (None, programme.theme)
        ]
        return context


class ShowcaseProgrammePage(BasePage):
    """One programme of Mexico City (ECOBICI, SALUDARTE…) under "A learning city"."""

    search_kind = pgettext_lazy("kind of search result", "City programme")

    theme = models.CharField(
        _("theme"),
        max_length=30,
        choices=THEME_CHOICES,
        help_text=_("Which face of the learning city the programme shows."),
    )
    summary = models.TextField(
        _("summary"),
        help_text=_("Two or three sentences shown in lists and on the home page."),
    )
    image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A landscape picture of the programme."),
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        verbose_name=_("key figures"),
        blank=True,
        help_text=_("Numbers that tell the programme's story: a value and a label."),
    )
    body = StreamField(
        BodyStreamBlock(),
        verbose_name=_("body"),
        blank=True,
        help_text=_("The full story of the programme."),
    )

    content_panels = BasePage.content_panels + [
        FieldPanel("theme"),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]

    parent_page_types = ["pages.ShowcaseIndexPage"]
    subpage_types = []
    serve_related = ("listing_image", "image")

    def get_social_image(self):
        return self.listing_image or self.image

    def rendition_plan(self):
        """The sizes its image is shown in (pages/renditions/plans.py): its own
        page's, and its card on the showcase index and the home page."""
        return [(self.image, "wide"), (self.image, "card")]

    class Meta:
        verbose_name = _("showcase programme page")
        verbose_name_plural = _("showcase programme pages")
