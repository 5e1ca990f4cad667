"""Content that is not a page: organisations, contact offices, conference documents.

Each is edited once under "Conference" in the admin menu (Wagtail snippets
grouped there by pages/wagtail_hooks.py) and shown wherever it belongs (footer,
home page, document lists), in both languages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from pages.image_sizes import LOGO_JSON_LD_SPEC, LOGO_SPEC


class Organisation(models.Model):
    """An organiser, hosting institution or partner of the conference.

    Listed in the footer and on the home page, grouped by role.
    """

    ORGANISER = "organiser"
    HOST = "host"
    PARTNER = "partner"
    ROLE_CHOICES = [
        (ORGANISER, _("Organiser")),
        (HOST, _("Hosting institution")),
        (PARTNER, _("Partner")),
    ]

    name = models.CharField(
        _("name"), max_length=200, help_text=_("The organisation's full name.")
    )
    acronym = models.CharField(
        _("acronym"),
        max_length=30,
        blank=True,
        help_text=_("Short form, e.g. “UIL” or “SEDU”."),
    )
    logo = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Optional; the name is shown in text either way."),
    )
    website = models.URLField(
        _("website"), blank=True, help_text=_("The organisation's home page.")
    )
    role = models.CharField(
        _("role at the conference"),
        max_length=20,
        choices=ROLE_CHOICES,
        default=ORGANISER,
        help_text=_("Where the organisation is listed."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("role"),
        FieldPanel("website"),
        FieldPanel("logo"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["role", "sort_order", "pk"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def rendition_plan(self):
        """Its logo in the footer's list and in its JSON-LD
        (pages/renditions/plans.py)."""
        return [(self.logo, LOGO_SPEC), (self.logo, LOGO_JSON_LD_SPEC)]


class ContactOffice(models.Model):
    """An office visitors and journalists can write to (Mexico City, Hamburg)."""

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("How the office is introduced, e.g. “Office in Mexico”."),
    )
    institution = models.CharField(
        _("institution"),
        max_length=200,
        help_text=_("The institution that runs the office."),
    )
    street = models.CharField(
        _("street address"),
        max_length=200,
        help_text=_("Street, number and neighbourhood."),
    )
    postcode = models.CharField(_("postcode"), max_length=20, blank=True)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("phone"),
        max_length=40,
        blank=True,
        help_text=_("In international format, e.g. +49 40 448041-0."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("institution"),
        MultiFieldPanel(
            [
                FieldPanel("street"),
                FieldPanel("postcode"),
                FieldPanel("city"),
                FieldPanel("country"),
            ],
            heading=_("Address"),
        ),
        FieldPanel("email"),
        FieldPanel("phone"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("contact office")
        verbose_name_plural = _("contact offices")

    def __str__(self):
        return self.name

    @property
    def phone_link(self):
        """The phone number as a `tel:` address (digits and a leading +)."""
        digits = "".join(c for c in self.phone if c.isdigit())
        return f"tel:+{digits}" if self.phone.strip().startswith("+") else ""


class ConferenceDocument(models.Model):
    """An official document of the conference, in English and Spanish files.

    The title and description are translated; each language has its own file
    (Wagtail documents), so a reader of either language can download both.
    Shown by the "conference documents" block on the home and documents pages.
    """

    CONCEPT_NOTE = "concept-note"
    AGENDA = "agenda"
    STATEMENT = "statement"
    REPORT = "report"
    OTHER = "other"
    TYPE_CHOICES = [
        (CONCEPT_NOTE, _("Concept note")),
        (AGENDA, _("Agenda")),
        (STATEMENT, _("Statement")),
        (REPORT, _("Conference report")),
        (OTHER, _("Document")),
    ]

    title = models.CharField(_("title"), max_length=200)
    document_type = models.CharField(
        _("document type"),
        max_length=20,
        choices=TYPE_CHOICES,
        default=OTHER,
        help_text=_("Shown beside the title."),
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("One sentence on what the document contains."),
    )
    file_en = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("English file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The document in English, if there is one."),
    )
    file_es = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("Spanish file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The document in Spanish, if there is one."),
    )
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Lower numbers are listed first.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("document_type"),
        FieldPanel("description"),
        FieldPanel("file_en"),
        FieldPanel("file_es"),
        FieldPanel("sort_order"),
    ]

    class Meta:
        ordering = ["sort_order", "pk"]
        verbose_name = _("conference document")
        verbose_name_plural = _("conference documents")

    def __str__(self):
        return self.title

    def files(self):
        """(language code, link text, document) for each file that exists."""
        pairs = [
            ("en", _("Download the English version"), self.file_en),
            ("es", _("Download the Spanish version"), self.file_es),
        ]
        return [(code, label, doc) for code, label, doc in pairs if doc is not None]
