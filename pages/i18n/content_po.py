"""Page and snippet content as a gettext PO file, and back.

`export_catalogue()` writes one entry per segment (see pages/i18n/units.py):
`msgctxt` is `<app.model>:<pk>:<field>[:<segment key>]`, stable while the content
keeps its structure; `msgid` is the English, `msgstr` the current translation.
Translations whose English changed since they were written are marked fuzzy.

`import_catalogue()` checks every entry against the current English (unknown
contexts and changed source text are conflicts, not applied), writes the new
translations as a new revision (published or draft) and returns what it did.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.models import Page

import polib

from pages.content_generation import invalidate
from pages.i18n.status import (
    field_segments,
    outdated_keys,
    translation_sources,
)
from pages.i18n.units import (
    DEFAULT_LANGUAGE,
    BadPlaceholders,
    Incomplete,
    StreamAdapter,
    adapter_for,
    check_placeholders,
    context_prefix,
    objects_of,
    translatable_fields,
    translatable_models,
    working_copy,
)
from pages.page_editor.rules import untitled_languages


def _describe(obj, name, label=""):
    with translation.override(DEFAULT_LANGUAGE):
        model = type(obj)._meta
        field_label = str(model.get_field(name).verbose_name)
        where = f"{capfirst(model.verbose_name)}: {obj}"
    parts = [where, field_label] + ([str(label)] if label else [])
    return " › ".join(parts)


def export_catalogue(language, only_missing=False):
    """A polib.POFile with every translatable segment of every object."""
    po = polib.POFile(wrapwidth=0)
    po.metadata = {
        "Project-Id-Version": "ICLC 2015 content",
        "POT-Creation-Date": timezone.now().strftime("%Y-%m-%d %H:%M%z"),
        "Language": language,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "X-Source-Language": DEFAULT_LANGUAGE,
    }
    for model in translatable_models():
        for stored in objects_of(model):
            obj = working_copy(stored)
            records = translation_sources(stored, language)
            for name in translatable_fields(model):
                # A copy of the English is exported untranslated, as the report has it.
                units, _aligned, current = field_segments(model, obj, name, language)
                if not units:
                    continue
                stale = outdated_keys(obj, name, language, records)
                prefix = context_prefix(obj, name)
                for unit in units:
                    msgstr = current.get(unit.key, "")
                    fuzzy = bool(msgstr) and unit.key in stale
                    if only_missing and msgstr and not fuzzy:
                        continue
                    entry = polib.POEntry(
                        msgctxt=f"{prefix}:{unit.key}" if unit.key else prefix,
                        msgid=unit.text,
                        msgstr=msgstr,
                        comment=_describe(obj, name, unit.label),
                        flags=["fuzzy"] if fuzzy else [],
                    )
                    po.append(entry)
    return po


@dataclass
class ImportResult:
    applied: int = 0
    skipped: int = 0
    conflicts: list = field(default_factory=list)
    drafts: list = field(default_factory=list)
    saved_objects: list = field(default_factory=list)
    # Objects of the file this import left unchanged that have an unpublished
    # draft (an earlier --draft import, an editor's): the Spanish may be
    # waiting there, so "applied: 0" is not the whole story.
    waiting: list = field(default_factory=list)

    def summary(self):
        return _("applied: %(applied)s, skipped: %(skipped)s, conflicts: %(c)s") % {
            "applied": self.applied,
            "skipped": self.skipped,
            "c": len(self.conflicts),
        }


def _parse_context(msgctxt):
    """(model label, pk, field, segment key) or None."""
    parts = (msgctxt or "").split(":", 3)
    if len(parts) < 3:
        return None
    label, pk, name = parts[:3]
    return label, pk, name, parts[3] if len(parts) == 4 else ""


def _find_object(label, pk):
    try:
        model = apps.get_model(label)
    except (LookupError, ValueError):
        return None
    if model not in translatable_models():
        return None
    try:
        return objects_of(model).get(pk=pk)
    except (model.DoesNotExist, ValueError, ValidationError):
        return None


def import_catalogue(po, language, user=None, publish=True, dry_run=False):
    """Apply the translations of `po` (a polib.POFile) and report what happened."""
    result = ImportResult()
    languages = {code for code, _n in settings.LANGUAGES} - {DEFAULT_LANGUAGE}
    if language not in languages:
        raise ValueError(language)
    grouped = defaultdict(lambda: defaultdict(list))
    for entry in po:
        if entry.obsolete:
            continue
        parsed = _parse_context(entry.msgctxt)
        if parsed is None:
            result.conflicts.append(
                _("%(ctx)s: unknown context") % {"ctx": entry.msgctxt or "—"}
            )
            continue
        label, pk, name, key = parsed
        grouped[(label, pk)][name].append((key, entry))

    for (label, pk), fields in grouped.items():
        stored = _find_object(label, pk)
        if stored is None:
            for entries in fields.values():
                for _key, entry in entries:
                    result.conflicts.append(
                        _("%(ctx)s: unknown context") % {"ctx": entry.msgctxt}
                    )
            continue
        obj = working_copy(stored)
        changed = _apply_fields(obj, fields, language, result)
        if changed and not dry_run:
            _save(stored, obj, user, publish, result)
        elif getattr(stored, "has_unpublished_changes", False):
            result.waiting.append(str(stored))
    if result.saved_objects:
        invalidate()  # the whole import at once, as a restore or a content load
    return result


def _apply_fields(obj, fields, language, result):
    model = type(obj)
    known = set(translatable_fields(model))
    changed = False
    for name, entries in fields.items():
        if name not in known:
            for _key, entry in entries:
                result.conflicts.append(
                    _("%(ctx)s: unknown context") % {"ctx": entry.msgctxt}
                )
            continue
        adapter = adapter_for(model, name)
        en_value = getattr(obj, f"{name}_{DEFAULT_LANGUAGE}")
        es_value = getattr(obj, f"{name}_{language}")
        sources = {u.key: u.text for u in adapter.units(en_value)}
        current = adapter.aligned(en_value, es_value)
        new = {}
        for key, entry in entries:
            if key not in sources:
                result.conflicts.append(
                    _("%(ctx)s: unknown context (the English has changed shape)")
                    % {"ctx": entry.msgctxt}
                )
            elif sources[key] != entry.msgid:
                result.conflicts.append(
                    _("%(ctx)s: the English changed since the export")
                    % {"ctx": entry.msgctxt}
                )
            elif not entry.msgstr.strip() or entry.fuzzy:
                result.skipped += 1
            elif entry.msgstr == current.get(key):
                result.skipped += 1
            else:
                try:
                    check_placeholders(entry.msgid, entry.msgstr)
                except BadPlaceholders:
                    result.conflicts.append(
                        _("%(ctx)s: placeholders (<1>…</1>) differ from the English")
                        % {"ctx": entry.msgctxt}
                    )
                    continue
                new[key] = entry.msgstr
        if not new:
            continue
        try:
            value = adapter.rebuild(en_value, es_value, new)
        except Incomplete:
            result.conflicts.append(
                _(
                    "%(ctx)s: not applied, the translation of this field would be "
                    "incomplete; translate all its %(n)s segments"
                )
                % {"ctx": context_prefix(obj, name), "n": len(sources)}
            )
            continue
        except ValidationError as error:
            result.conflicts.append(
                f"{context_prefix(obj, name)}: {' '.join(error.messages)}"
            )
            continue
        if isinstance(adapter, StreamAdapter):
            value = adapter.stream_block.to_python(value)
        setattr(obj, f"{name}_{language}", value)
        result.applied += len(new)
        changed = True
    return changed


def _save(stored, obj, user, publish, result):
    """Save as a new revision where the model has revisions; publish if asked."""
    try:
        with transaction.atomic():
            if hasattr(obj, "save_revision"):
                was_draft = getattr(stored, "has_unpublished_changes", False)
                revision = obj.save_revision(user=user, log_action=True)
                live = getattr(stored, "live", True)
                if publish and live and not was_draft and _publishable(obj):
                    revision.publish(user=user)
                else:
                    result.drafts.append(str(obj))
            else:
                obj.full_clean()
                obj.save()
    except ValidationError as error:
        result.conflicts.append(f"{type(obj)._meta.label_lower}:{obj.pk}: {error}")
        return
    result.saved_objects.append(obj)


def _publishable(obj):
    if isinstance(obj, Page):
        return not untitled_languages(vars(obj))  # its field values by name
    return True
