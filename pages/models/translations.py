"""Bookkeeping for the translators' workflow (not content)."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationSource(models.Model):
    """What the English said when one field's translation was last written.

    One row per object, field and target language. `segment_hashes` maps each
    segment of the field (a paragraph, a block, the whole value for plain text) to
    a hash of its English text at the moment its translation changed. When the
    English of a segment no longer hashes the same, that translation is out of
    date: the translation report lists it and the PO export marks it fuzzy.
    """

    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64)
    field = models.CharField(max_length=100)
    language = models.CharField(max_length=10)
    source_hash = models.CharField(
        max_length=16,
        help_text=_("Hash of the whole English field when its translation changed."),
    )
    segment_hashes = models.JSONField(default=dict)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation source")
        verbose_name_plural = _("translation sources")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="unique_translation_source",
            )
        ]
        permissions = [
            ("manage_translations", _("Can export and import content translations"))
        ]

    def __str__(self):
        return (
            f"{self.content_type.model}:{self.object_id}:{self.field} ({self.language})"
        )
