"""The site search index: one entry per public page (or document) and language."""

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """What the site search matches, kept up to date when pages are published.

    Wagtail's own index holds one entry per page with English stemming; a bilingual
    site needs each language searched with its own stemming and, for Spanish,
    without regard to accents ("sesion" finds "sesión"). Each entry's vector is
    built with the text search configuration of its language (see
    `pages.search.index.CONFIGURATIONS`).
    """

    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.CASCADE
    )
    language = models.CharField(_("language"), max_length=8, db_index=True)
    kind = models.CharField(_("kind"), max_length=100)
    title = models.TextField(_("title"))
    text = models.TextField(_("text"), blank=True)
    search_vector = SearchVectorField(null=True)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [models.Index(fields=["language", "page"])]

    def __str__(self):
        return f"{self.title} ({self.language})"
