"""Which translations are missing or out of date, and the hashes that tell.

When an object with translated fields is saved, `remember_sources` (pre_save) and
`store_sources` (post_save) record, for every segment whose translation changed,
a hash of the English it now translates (`TranslationSource`). A translation is
*out of date* when the English of its segment no longer has that hash, *missing*
when the English has text and the translation has none.

A Spanish segment that is the English copied unchanged (whitespace aside) counts
as missing too, unless it is a *name*, which reads the same in both languages:

- a value of a field or block that holds names, identifiers or figures
  (`NAME_FIELDS`: slugs, organisations, places, rooms, addresses, a key figure's
  value, a quotation's attribution);
- an e-mail address or a URL;
- a short text (at most `NAME_MAX_WORDS` words) in which every word is
  capitalised ("UNESCO", "Ecobici", "Ana María López") or a connector
  (`NAME_CONNECTORS`: "Palacio del Ayuntamiento", "Institute for Lifelong
  Learning"); numbers are not words ("ICLC 2015").

A sentence has lowercase words, so a copied one is reported. The rule cannot
tell a name from a single capitalised word that is the same in both languages
("Director", "Video") or from an English heading in Title Case: those pass.

`translation_status_counts()` is the summary for dashboards;
`translation_report_rows()` feeds the admin report.
"""

import re
from dataclasses import dataclass, field
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import Page

from pages.i18n.units import (
    DEFAULT_LANGUAGE,
    PLACEHOLDER,
    adapter_for,
    digest,
    field_hash,
    objects_of,
    translatable_fields,
    translatable_models,
)
from pages.models import TranslationSource


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != DEFAULT_LANGUAGE]


@cache
def _fields(model):
    return tuple(translatable_fields(model))


def content_type_of(obj):
    """The specific type, also for a page loaded as a plain `Page` (moves do that)."""
    if isinstance(obj, Page):
        return ContentType.objects.get_for_id(obj.content_type_id)
    return ContentType.objects.get_for_model(obj, for_concrete_model=False)


def translation_sources(obj, language=None):
    """The stored `TranslationSource` of each translated field of `obj` (in
    `language`, or in every language), by (field, language)."""
    records = TranslationSource.objects.filter(
        content_type=content_type_of(obj),
        object_id=str(obj.pk),
    )
    if language:
        records = records.filter(language=language)
    return {(r.field, r.language): r for r in records}


# --- recording -------------------------------------------------------------------


def remember_sources(sender, instance, raw=False, update_fields=None, **kwargs):
    """pre_save: work out which segments' translations this save changes."""
    if raw:
        return
    fields = _fields(type(instance))
    if not fields:
        return
    if update_fields is not None:
        names = set(update_fields)
        fields = [
            f
            for f in fields
            if names & {f, *(f"{f}_{code}" for code, _n in settings.LANGUAGES)}
        ]
        if not fields:
            return
    languages = target_languages()
    columns = [f"{f}_{code}" for f in fields for code in [DEFAULT_LANGUAGE, *languages]]
    old = None
    records = {}
    if instance.pk is not None:
        old = (
            type(instance)._base_manager.filter(pk=instance.pk).values(*columns).first()
        )
        if old is not None:
            records = translation_sources(instance)
    pending = []
    for name in fields:
        adapter = adapter_for(type(instance), name)
        en_value = getattr(instance, f"{name}_{DEFAULT_LANGUAGE}")
        units = adapter.units(en_value)
        old_units = {}
        if old is not None:
            old_en = old[f"{name}_{DEFAULT_LANGUAGE}"]
            old_units = {u.key: u.text for u in adapter.units(old_en)}
        for language in languages:
            current = adapter.aligned(en_value, getattr(instance, f"{name}_{language}"))
            before = {}
            if old is not None:
                before = adapter.aligned(old_en, old[f"{name}_{language}"])
            record = records.get((name, language))
            stored = record.segment_hashes if record else {}
            hashes = {}
            for unit in units:
                text = current.get(unit.key)
                if not text:
                    continue
                if old is None or before.get(unit.key) != text:
                    hashes[unit.key] = digest(unit.text)
                elif unit.key in stored:
                    hashes[unit.key] = stored[unit.key]
                elif unit.key in old_units:
                    # First record for this field: assume the translation matched
                    # the English as it was before this save.
                    hashes[unit.key] = digest(old_units[unit.key])
            if record is None and not hashes:
                continue
            if record is not None and hashes == stored:
                continue
            pending.append((name, language, field_hash(units), hashes))
    instance.pending_translation_sources = pending


def store_sources(sender, instance, raw=False, **kwargs):
    """post_save: write what `remember_sources` found (the pk is known now)."""
    pending = getattr(instance, "pending_translation_sources", None)
    if raw or not pending:
        return
    content_type = content_type_of(instance)
    for name, language, source_hash, hashes in pending:
        TranslationSource.objects.update_or_create(
            content_type=content_type,
            object_id=str(instance.pk),
            field=name,
            language=language,
            defaults={"source_hash": source_hash, "segment_hashes": hashes},
        )
    instance.pending_translation_sources = []


# --- copies of the English ------------------------------------------------------

# Fields (and StreamField child blocks) whose values are names, identifiers or
# figures: the same text in both languages is expected there.
NAME_FIELDS = {
    "slug",
    "organisation",
    "institution",
    "city",
    "country",
    "location",
    "room",
    "address",
    "value",
    "attribution",
}
NAME_MAX_WORDS = 8
NAME_CONNECTORS = {
    *("de", "del", "la", "las", "el", "los", "y", "e", "en", "para"),
    *("of", "the", "and", "for", "in", "on", "at", "da", "di", "du", "van", "von"),
}
IDENTIFIER = re.compile(r"^(?:[^@\s]+@[^@\s]+\.\w+|(?:https?://|www\.)\S+)$")


def is_name(text, field_name="", key=""):
    """Whether `text` may read the same in Spanish (see the module docstring)."""
    if {field_name, key.rsplit("/", 1)[-1]} & NAME_FIELDS:
        return True
    text = PLACEHOLDER.sub(" ", text).strip()
    if IDENTIFIER.match(text):
        return True
    words = [w for w in text.split() if any(c.isalpha() for c in w)]
    if not words:
        return True  # numbers and symbols: nothing to translate
    if len(words) > NAME_MAX_WORDS:
        return False
    # A word is capitalised when its first letter is ("(UNESCO)", "O'Higgins").
    lowercase = [w for w in words if not next(filter(str.isalpha, w)).isupper()]
    return len(lowercase) < len(words) and set(lowercase) <= NAME_CONNECTORS


def is_copy(field_name, unit, text):
    """A Spanish segment that is its English copied, and not a name."""
    return text.split() == unit.text.split() and not is_name(
        unit.text, field_name, unit.key
    )


def translated_segments(field_name, units, aligned):
    """The Spanish of each segment (`aligned`), less the copies of the English."""
    return {
        unit.key: aligned[unit.key]
        for unit in units
        if aligned.get(unit.key) and not is_copy(field_name, unit, aligned[unit.key])
    }


def field_segments(model, obj, name, language):
    """One field's English segments, its `language` text aligned to them, and the
    segments really translated (copies of the English left out).

    With no English text there are no segments, and nothing is aligned.
    """
    adapter = adapter_for(model, name)
    en_value = getattr(obj, f"{name}_{DEFAULT_LANGUAGE}")
    units = adapter.units(en_value)
    if not units:
        return units, {}, {}
    aligned = adapter.aligned(en_value, getattr(obj, f"{name}_{language}"))
    return units, aligned, translated_segments(name, units, aligned)


# --- status ----------------------------------------------------------------------


@dataclass
class FieldStatus:
    name: str
    label: str
    segments: int = 0
    missing: list = field(default_factory=list)  # no Spanish, or a copy
    outdated: list = field(default_factory=list)
    copied: list = field(default_factory=list)  # the missing ones that are copies

    @property
    def empty(self):
        return self.segments > 0 and len(self.missing) == self.segments


def field_statuses(obj, language="es", records=None):
    """The status of every translated field of `obj` that has English text."""
    if records is None:
        records = translation_sources(obj, language)
    statuses = []
    for name in _fields(type(obj)):
        units, aligned, current = field_segments(type(obj), obj, name, language)
        if not units:
            continue
        record = records.get((name, language))
        hashes = record.segment_hashes if record else {}
        status = FieldStatus(
            name=name,
            label=str(type(obj)._meta.get_field(name).verbose_name),
            segments=len(units),
        )
        for unit in units:
            if not current.get(unit.key):
                status.missing.append(unit.key)
                if aligned.get(unit.key):
                    status.copied.append(unit.key)
            elif unit.key in hashes and hashes[unit.key] != digest(unit.text):
                status.outdated.append(unit.key)
        statuses.append(status)
    return statuses


def outdated_keys(obj, name, language, records):
    """Segment keys of one field whose translation no longer matches the English."""
    for status in field_statuses(obj, language, records):
        if status.name == name:
            return set(status.outdated)
    return set()


@dataclass
class ReportRow:
    obj: object
    model_name: str
    title: str
    missing: list
    outdated: list


def translation_report_rows(language="es"):
    """Objects whose translation is missing or out of date, with the fields."""
    all_records = {}
    for record in TranslationSource.objects.filter(language=language):
        key = (record.content_type_id, record.object_id)
        all_records.setdefault(key, {})[(record.field, language)] = record
    rows = []
    for model in translatable_models():
        content_type = ContentType.objects.get_for_model(
            model, for_concrete_model=False
        )
        for obj in objects_of(model):
            records = all_records.get((content_type.pk, str(obj.pk)), {})
            statuses = field_statuses(obj, language, records)
            missing = [s for s in statuses if s.missing]
            outdated = [s for s in statuses if s.outdated]
            if missing or outdated:
                with translation.override(DEFAULT_LANGUAGE):
                    title = str(obj)
                rows.append(
                    ReportRow(
                        obj=obj,
                        model_name=str(model._meta.verbose_name),
                        title=title,
                        missing=missing,
                        outdated=outdated,
                    )
                )
    return rows


def translation_status_counts(language="es"):
    """Counts for a dashboard panel: objects and fields missing or out of date.

    Returns a dict with `missing_objects`, `outdated_objects`, `missing_fields`
    and `outdated_fields`.
    """
    rows = translation_report_rows(language)
    return {
        "missing_objects": sum(1 for r in rows if r.missing),
        "outdated_objects": sum(1 for r in rows if r.outdated),
        "missing_fields": sum(len(r.missing) for r in rows),
        "outdated_fields": sum(len(r.outdated) for r in rows),
    }
