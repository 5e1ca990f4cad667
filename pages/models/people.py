"""People who chair or speak at sessions: a snippet, reused across sessions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Person(index.Indexed, models.Model):
    """A chair or speaker, edited once under Conference › People, chosen on sessions.

    The role, organisation and bio are translated; the name and honorific are
    written as the person writes them.
    """

    name = models.CharField(
        _("name"), max_length=150, help_text=_("Full name, as the person writes it.")
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
        FieldPanel("name"),
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

    def rendition_plan(self):
        """Sessions show their chairs' and speakers' photos
        (pages/renditions/plans.py)."""
        return [(self.photo, "portrait")]
