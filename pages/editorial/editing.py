"""What every admin form offers beyond Wagtail's defaults (issue 21).

- Date-time pickers list times every quarter of an hour (Wagtail's lists whole
  hours, so a release at 10:30 could only be typed); the page's schedule
  dialog is pages/page_editor/panels.py.
- After a save, a message says when a saved schedule takes effect.
- Slugs are ASCII, however they are written: the slug field turns "é" into "e"
  as the title's auto-filled slug does, and the server refuses accents with the
  slug to write instead.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from wagtail.admin import messages
from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.widgets import SlugInput

from pages.page_editor.panels import MinuteDateTimeInput

# Accented letters as the slug field's own transliteration writes them, for
# slugs typed into the field (Wagtail's "slugify" drops what isn't ASCII: "méxico"
# would become "mxico"). Upper case is lowered afterwards.
ACCENTS = {
    "a": "áàâäãåÁÀÂÄÃÅ",
    "e": "éèêëÉÈÊË",
    "i": "íìîïÍÌÎÏ",
    "o": "óòôöõÓÒÔÖÕ",
    "u": "úùûüÚÙÛÜ",
    "n": "ñÑ",
    "c": "çÇ",
}


class AsciiSlugInput(SlugInput):
    """Wagtail's slug field, which writes accented letters without their accent."""

    def __init__(self, attrs=None, formatters=None, locale=None):
        formatters = [(f"[{letters}]", plain) for plain, letters in ACCENTS.items()]
        super().__init__(attrs=attrs, formatters=formatters, locale=locale)


class AsciiSlugField(forms.SlugField):
    """A slug of ASCII letters, digits and hyphens; one with accents is refused
    with the slug to write instead."""

    def __init__(self, **kwargs):
        kwargs["allow_unicode"] = False
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if value and not value.isascii():
            suggestion = slugify(value)
            if suggestion:
                raise ValidationError(
                    _(
                        "Addresses use letters without accents, digits and "
                        "hyphens: write “%(slug)s”."
                    ),
                    code="invalid",
                    params={"slug": suggestion},
                )


def register_field_overrides():
    """Every admin form's date-time and slug fields (pages/apps.py, at start-up)."""
    register_form_field_override(
        models.DateTimeField, override={"widget": MinuteDateTimeInput}
    )
    register_form_field_override(
        models.SlugField,
        override={"widget": AsciiSlugInput, "form_class": AsciiSlugField},
    )


def explain_saved_schedule(request, page):
    """After the editor saved or submitted a page: if it carries a publishing
    schedule that is not in effect yet, say when it will be (Wagtail's own
    message only says "saved"). Publishing says "scheduled" itself."""
    if request.method != "POST" or not request.accepts("text/html"):
        return  # autosave, whose messages nobody would read
    if "action-publish" in request.POST or "action-workflow-action" in request.POST:
        return
    if not (page.go_live_at and page.go_live_at > timezone.now()) and not (
        page.expire_at
    ):
        return
    if "action-submit" in request.POST or "action-restart-workflow" in request.POST:
        text = _(
            "The publishing schedule takes effect when a moderator approves the page."
        )
    elif page.permissions_for_user(request.user).can_publish():
        text = _(
            "The publishing schedule is saved with the draft. It takes effect "
            "only when you publish the page."
        )
    else:
        text = _(
            "The publishing schedule is saved with the draft. It takes effect "
            "only when a moderator approves the page: submit it for moderation "
            "when it is ready."
        )
    messages.info(request, text)
