"""Translatable fields split into the segments a translator works on.

Every field registered with modeltranslation becomes a list of *units*: a key that
is stable while the structure stays the same, and the English text. Plain text
fields are one unit; rich text is one unit per paragraph, heading or list item,
with inline markup and links replaced by numbered placeholders (`<1>…</1>`,
`<2/>`) so translators never see HTML; StreamField values are walked through
StructBlock, ListBlock and StreamBlock, keyed by the English block ids.

The same code reads the Spanish twin of a field and writes a new Spanish value
back. The twin is matched by structure and text, never by what the editor
generates per language: Draftail gives every paragraph a random `data-block-key`
and every block a new id, so the Spanish of a body typed in the editor shares
neither with the English. Rich text is compared without those keys (and without
the whitespace between block tags); stream children are paired in order by block
type. Nothing here knows about a particular page type or snippet.
"""

import copy
import difflib
import hashlib
import html
import json
import re
from dataclasses import dataclass
from html.parser import HTMLParser

from django.conf import settings
from django.core.validators import validate_unicode_slug
from django.db import models

from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE

# Fields modeltranslation registers that nobody translates by hand.
UNTRANSLATED_FIELDS = {"url_path"}
# CharBlocks holding identifiers rather than prose. A block can also opt out with
# `Meta.translatable = False`.
UNTRANSLATED_BLOCK_NAMES = {"anchor", "credit"}

BLOCK_TAGS = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "blockquote",
    "div",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "td",
    "th",
    "figure",
    "figcaption",
    "pre",
    "embed",
}
VOID_TAGS = {"br", "hr", "embed", "img"}
# Attributes the editor sets at random in each language: not part of the structure.
EDITOR_ATTRIBUTES = {"data-block-key"}
PLACEHOLDER = re.compile(r"<(/?)(\d+)(/?)>")


class Incomplete(Exception):
    """The Spanish value cannot be written without text for every segment."""


class BadPlaceholders(ValueError):
    """A translation's placeholders do not match the English segment's."""


@dataclass(frozen=True)
class Unit:
    key: str
    text: str
    label: str = ""


def needs_translation(text):
    """Block text with no letters ("6,000", "2015") is the same in every language."""
    return isinstance(text, str) and any(c.isalpha() for c in text)


def digest(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# --- registry ------------------------------------------------------------------


def translatable_fields(model):
    """Names of the fields of `model` that are translated, in a stable order."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return []
    names = []
    for name in options.all_fields:
        if name in UNTRANSLATED_FIELDS:
            continue
        field = model._meta.get_field(name)
        if isinstance(field, StreamField | RichTextField | models.CharField) or (
            isinstance(field, models.TextField)
        ):
            names.append(name)
    return sorted(names, key=_field_order(model))


def _field_order(model):
    order = {f.name: i for i, f in enumerate(model._meta.get_fields())}
    return lambda name: order.get(name, 0)


def translatable_models():
    """Every concrete model with translated fields: page types, snippets, images."""
    found = []
    for model in translator.get_registered_models(abstract=False):
        if model is Page or model._meta.proxy:
            continue
        if translatable_fields(model):
            found.append(model)
    return sorted(found, key=lambda m: m._meta.label_lower)


def objects_of(model):
    if issubclass(model, Page):
        # Only pages of exactly this type; a subclass is listed on its own.
        return model.objects.exact_type(model).order_by("path")
    return model._default_manager.order_by("pk")


def working_copy(obj):
    """The version editors are working on: the latest draft for pages/snippets."""
    if getattr(obj, "has_unpublished_changes", False) and hasattr(
        obj, "get_latest_revision_as_object"
    ):
        return obj.get_latest_revision_as_object()
    return obj


def context_prefix(obj, field_name):
    return f"{obj._meta.label_lower}:{obj.pk}:{field_name}"


# --- field adapters --------------------------------------------------------------


def adapter_for(model, field_name):
    field = model._meta.get_field(field_name)
    if isinstance(field, StreamField):
        return StreamAdapter(field)
    if isinstance(field, RichTextField):
        return RichTextAdapter()
    if isinstance(field, models.SlugField):
        return SlugAdapter()
    return TextAdapter()


def units_of(obj, field_name, language=DEFAULT_LANGUAGE):
    adapter = adapter_for(type(obj), field_name)
    return adapter.units(getattr(obj, f"{field_name}_{language}"))


def field_hash(units):
    return digest(json.dumps([[u.key, u.text] for u in units], ensure_ascii=False))


class TextAdapter:
    """A CharField or TextField: the whole value is one unit."""

    def units(self, value):
        text = (value or "").strip()
        return [Unit("", text)] if text else []

    def aligned(self, value_en, value_es):
        text = (value_es or "").strip()
        return {"": text} if text else {}

    def rebuild(self, value_en, value_es, new):
        text = new.get("")
        if text is None:
            if (value_es or "").strip():
                return value_es
            raise Incomplete
        return text


class SlugAdapter(TextAdapter):
    """A slug: translated, but it must stay a valid slug."""

    def rebuild(self, value_en, value_es, new):
        value = super().rebuild(value_en, value_es, new)
        validate_unicode_slug(value)
        return value


# --- rich text -------------------------------------------------------------------


class _Tokenizer(HTMLParser):
    """Rich text HTML as a skeleton of block markup with inline segments between."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []  # ("lit", html) or ("seg", [tokens])
        self.current = []
        self.open_stack = []
        self.counter = 0

    def _literal(self, text):
        if self.parts and self.parts[-1][0] == "lit":
            self.parts[-1] = ("lit", self.parts[-1][1] + text)
        else:
            self.parts.append(("lit", text))

    def flush(self):
        tokens = self.current
        self.current = []
        self.open_stack = []
        self.counter = 0
        if not any(t[0] == "text" and t[1].strip() for t in tokens):
            self._literal("".join(_token_html(t) for t in tokens))
            return
        # Leading and trailing whitespace stays in the skeleton.
        if tokens[0][0] == "text":
            stripped = tokens[0][1].lstrip()
            self._literal(tokens[0][1][: len(tokens[0][1]) - len(stripped)])
            tokens[0] = ("text", stripped)
        if tokens[-1][0] == "text":
            stripped = tokens[-1][1].rstrip()
            trailing = tokens[-1][1][len(stripped) :]
            tokens[-1] = ("text", stripped)
        else:
            trailing = ""
        self.parts.append(("seg", tokens))
        if trailing:
            self._literal(trailing)

    def handle_starttag(self, tag, attrs):
        raw = self.get_starttag_text()
        if tag in BLOCK_TAGS:
            self.flush()
            self._literal(raw)
        elif tag in VOID_TAGS:
            self.counter += 1
            self.current.append(("void", self.counter, tag, raw))
        else:
            self.counter += 1
            self.open_stack.append((tag, self.counter))
            self.current.append(("open", self.counter, tag, raw))

    def handle_startendtag(self, tag, attrs):
        raw = self.get_starttag_text()
        if tag in BLOCK_TAGS:
            self.flush()
            self._literal(raw)
        else:
            self.counter += 1
            self.current.append(("void", self.counter, tag, raw))

    def handle_endtag(self, tag):
        if tag in BLOCK_TAGS:
            self.flush()
            self._literal(f"</{tag}>")
            return
        for i in range(len(self.open_stack) - 1, -1, -1):
            if self.open_stack[i][0] == tag:
                number = self.open_stack.pop(i)[1]
                self.current.append(("close", number, tag, f"</{tag}>"))
                return
        self.current.append(("text", ""))  # stray end tag: dropped

    def handle_data(self, data):
        self.current.append(("text", data))

    def close(self):
        super().close()
        self.flush()


def _token_html(token):
    if token[0] == "text":
        return html.escape(token[1], quote=False)
    return token[3]


def parse_rich_text(value):
    parser = _Tokenizer()
    parser.feed(value or "")
    parser.close()
    return parser.parts


def segment_text(tokens, numbers=None):
    """A segment as the translator sees it: text with numbered placeholders.

    `numbers` maps a token's own number to the one its placeholder shows; by
    default each placeholder keeps its token's number.
    """
    out = []
    for token in tokens:
        kind = token[0]
        if kind == "text":
            out.append(token[1])
            continue
        number = numbers[token[1]] if numbers is not None else token[1]
        if kind == "open":
            out.append(f"<{number}>")
        elif kind == "close":
            out.append(f"</{number}>")
        else:
            out.append(f"<{number}/>")
    return "".join(out)


def segment_html(tokens):
    return "".join(_token_html(t) for t in tokens)


def render_translation(source_tokens, translation):
    """HTML for a translated segment, with the English segment's markup restored."""
    tags = {}
    for token in source_tokens:
        if token[0] in ("open", "void"):
            tags[token[1]] = token
    out = []
    stack = []
    used = set()
    position = 0
    for match in PLACEHOLDER.finditer(translation):
        out.append(html.escape(translation[position : match.start()], quote=False))
        position = match.end()
        closing, number, selfclosing = (
            match.group(1),
            int(match.group(2)),
            match.group(3),
        )
        token = tags.get(number)
        if token is None:
            raise BadPlaceholders(number)
        if closing:
            if not stack or stack[-1] != number:
                raise BadPlaceholders(number)
            stack.pop()
            out.append(f"</{token[2]}>")
        elif selfclosing:
            if token[0] != "void":
                raise BadPlaceholders(number)
            used.add(number)
            out.append(token[3])
        else:
            if token[0] != "open" or number in used:
                raise BadPlaceholders(number)
            used.add(number)
            stack.append(number)
            out.append(token[3])
    out.append(html.escape(translation[position:], quote=False))
    if stack or used != set(tags):
        raise BadPlaceholders(sorted(set(tags) - used) or stack)
    return "".join(out)


def _renumbered(es_tokens, en_tokens):
    """A Spanish segment's text with placeholders numbered like the English one."""
    candidates = [t for t in en_tokens if t[0] in ("open", "void")]
    mapping = {}
    for token in es_tokens:
        if token[0] not in ("open", "void"):
            continue
        match = next((c for c in candidates if c[3] == token[3]), None) or next(
            (c for c in candidates if c[2] == token[2] and c[0] == token[0]), None
        )
        if match is None:
            return None
        candidates.remove(match)
        mapping[token[1]] = match[1]
    return segment_text(es_tokens, mapping)


class _Shape(HTMLParser):
    """The tags of a skeleton literal, as compared between languages."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags = []

    def handle_starttag(self, tag, attrs):
        kept = sorted((k, v or "") for k, v in attrs if k not in EDITOR_ATTRIBUTES)
        self.tags.append((tag, tuple(kept)))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)  # `<br/>` and `<br>` are the same

    def handle_endtag(self, tag):
        self.tags.append((f"/{tag}",))


def _shape(literal):
    parser = _Shape()
    parser.feed(literal)
    parser.close()
    return tuple(parser.tags)  # text in a literal is whitespace: left out


def _skeleton(parts):
    """The block structure of parsed rich text: its tags, with a None per segment.

    Two languages have the same skeleton when their paragraphs, headings and list
    items line up, whatever `data-block-key` the editor gave each of them.
    """
    return [_shape(p[1]) if p[0] == "lit" else None for p in parts]


class RichTextAdapter:
    """Rich text: one unit per paragraph, heading or list item (`#1`, `#2`, …)."""

    def __init__(self, prefix=""):
        self.prefix = prefix

    def units(self, value):
        parts = parse_rich_text(str(value or ""))
        segments = [p[1] for p in parts if p[0] == "seg"]
        return [
            Unit(f"{self.prefix}#{i}", segment_text(tokens))
            for i, tokens in enumerate(segments, 1)
        ]

    def aligned(self, value_en, value_es):
        en_parts = parse_rich_text(str(value_en or ""))
        es_parts = parse_rich_text(str(value_es or ""))
        if not value_es or _skeleton(en_parts) != _skeleton(es_parts):
            return {}
        found = {}
        en_segments = [p[1] for p in en_parts if p[0] == "seg"]
        es_segments = [p[1] for p in es_parts if p[0] == "seg"]
        for i, (en, es) in enumerate(zip(en_segments, es_segments, strict=True), 1):
            text = _renumbered(es, en)
            if text:
                found[f"{self.prefix}#{i}"] = text
        return found

    def rebuild(self, value_en, value_es, new):
        en_parts = parse_rich_text(str(value_en or ""))
        es_parts = parse_rich_text(str(value_es or ""))
        same_shape = bool(value_es) and _skeleton(en_parts) == _skeleton(es_parts)
        out = []
        index = 0
        for position, part in enumerate(en_parts):
            if part[0] == "lit":
                out.append(part[1])
                continue
            index += 1
            key = f"{self.prefix}#{index}"
            if key in new:
                out.append(render_translation(part[1], new[key]))
            elif same_shape:
                out.append(segment_html(es_parts[position][1]))
            else:
                raise Incomplete(key)
        return "".join(out)


# --- StreamField -----------------------------------------------------------------


def _is_text_block(block, name):
    if getattr(block.meta, "translatable", True) is False:
        return False
    if name in UNTRANSLATED_BLOCK_NAMES:
        return False
    return isinstance(block, blocks.CharBlock | blocks.TextBlock)


def _child_items(raw):
    """A ListBlock's raw items as (key, container, index) — old and new formats."""
    for i, item in enumerate(raw or []):
        if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
            yield item.get("id") or str(i), item, "value"
        else:
            yield str(i), raw, i


def _align_list(en_items, es_items, kind=lambda raw: None):
    """Pair English and Spanish children in order, by `kind` (the block type).

    Ids are never compared: the editor gives each language's blocks their own.
    The pairing is a diff of the two sequences of kinds, so a block missing from
    the Spanish leaves only its English partner unpaired. Returns (key, container,
    index, Spanish (container, index) or None) for each English child.
    """
    en_kinds = [kind(container[index]) for _key, container, index in en_items]
    es_kinds = [kind(container[index]) for _key, container, index in es_items]
    partner = {}
    matcher = difflib.SequenceMatcher(None, en_kinds, es_kinds, autojunk=False)
    for en_start, es_start, size in matcher.get_matching_blocks():
        for offset in range(size):
            partner[en_start + offset] = es_items[es_start + offset][1:]
    return [(*item, partner.get(i)) for i, item in enumerate(en_items)]


def _block_type(raw):
    return raw.get("type")


class StreamAdapter:
    """A StreamField walked block by block; keys are the English block-id paths."""

    def __init__(self, field):
        self.stream_block = field.stream_block

    def _raw(self, value):
        if value is None:
            return []
        if isinstance(value, str):
            return json.loads(value) if value.strip() else []
        if isinstance(value, list):
            return copy.deepcopy(value)
        return copy.deepcopy(self.stream_block.get_prep_value(value))

    def _slots(self, block, en, es, path, label):
        """Yield (key, label, leaf block, en container+index, es container+index)."""
        en_container, en_index = en
        value = en_container[en_index]
        es_value = es[0][es[1]] if es else None
        if isinstance(block, blocks.StreamBlock):
            en_items = [
                (c.get("id") or str(i), value, i)
                for i, c in enumerate(value or [])
                if isinstance(c, dict)
            ]
            es_items = []
            if isinstance(es_value, list):
                es_items = [
                    (c.get("id") or str(i), es_value, i)
                    for i, c in enumerate(es_value)
                    if isinstance(c, dict)
                ]
            pairs = _align_list(en_items, es_items, _block_type)
            for key, container, i, es_pair in pairs:
                child = container[i]
                child_block = block.child_blocks.get(child.get("type"))
                if child_block is None:
                    continue
                es_child = None
                if es_pair is not None:
                    es_raw = es_pair[0][es_pair[1]]
                    if es_raw.get("type") == child.get("type"):
                        es_child = (es_raw, "value")
                yield from self._slots(
                    child_block,
                    (child, "value"),
                    es_child,
                    f"{path}/{key}" if path else key,
                    f"{label} › {child_block.label}"
                    if label
                    else str(child_block.label),
                )
        elif isinstance(block, blocks.StructBlock):
            if not isinstance(value, dict):
                return
            for name, child_block in block.child_blocks.items():
                if name not in value:
                    continue
                es_child = (
                    (es_value, name)
                    if isinstance(es_value, dict) and name in es_value
                    else None
                )
                if _is_text_block(child_block, name) or isinstance(
                    child_block,
                    blocks.RichTextBlock
                    | blocks.StructBlock
                    | blocks.ListBlock
                    | blocks.StreamBlock,
                ):
                    yield from self._slots(
                        child_block,
                        (value, name),
                        es_child,
                        f"{path}/{name}",
                        f"{label} › {child_block.label}",
                    )
        elif isinstance(block, blocks.ListBlock):
            en_items = list(_child_items(value))
            es_items = (
                list(_child_items(es_value)) if isinstance(es_value, list) else []
            )
            for key, container, index, es_pair in _align_list(en_items, es_items):
                yield from self._slots(
                    block.child_block,
                    (container, index),
                    es_pair,
                    f"{path}/{key}",
                    label,
                )
        elif isinstance(block, blocks.RichTextBlock):
            yield path, label, "rich", en, es
        elif _is_text_block(block, path.rsplit("/", 1)[-1]):
            yield path, label, "text", en, es

    def _walk(self, value_en, value_es):
        en = self._raw(value_en)
        es = self._raw(value_es)
        holder_en, holder_es = {"v": en}, {"v": es}
        slots = list(
            self._slots(
                self.stream_block,
                (holder_en, "v"),
                (holder_es, "v") if es else None,
                "",
                "",
            )
        )
        return holder_en, holder_es, slots

    def units(self, value):
        _en, _es, slots = self._walk(value, None)
        found = []
        for key, label, kind, (container, index), _es_slot in slots:
            text = container[index]
            if kind == "rich":
                found.extend(
                    Unit(u.key, u.text, label) for u in RichTextAdapter(key).units(text)
                )
            elif needs_translation(text):
                found.append(Unit(key, text.strip(), label))
        return found

    def labels(self, value):
        return {u.key: u.label for u in self.units(value)}

    def aligned(self, value_en, value_es):
        _en, _es, slots = self._walk(value_en, value_es)
        found = {}
        for key, _label, kind, (container, index), es_slot in slots:
            if es_slot is None:
                continue
            es_text = es_slot[0][es_slot[1]]
            if kind == "rich":
                found.update(RichTextAdapter(key).aligned(container[index], es_text))
            elif needs_translation(container[index]) and needs_translation(es_text):
                found[key] = es_text.strip()
        return found

    def rebuild(self, value_en, value_es, new):
        holder_en, holder_es, slots = self._walk(value_en, value_es)
        in_place = bool(holder_es["v"]) and all(s[4] is not None for s in slots)
        for key, _label, kind, (container, index), es_slot in slots:
            source = container[index]
            if in_place:
                target_container, target_index = es_slot
                current = target_container[target_index]
            else:
                target_container, target_index = container, index
                current = None
            if kind == "rich":
                value = RichTextAdapter(key).rebuild(source, current, new)
            elif key in new:
                value = new[key]
            elif not needs_translation(source):
                value = current if in_place and current else source
            elif in_place and isinstance(current, str) and current.strip():
                value = current
            else:
                raise Incomplete(key)
            target_container[target_index] = value
        return holder_es["v"] if in_place else holder_en["v"]


def check_placeholders(source, translation):
    """Raise BadPlaceholders unless `translation` uses the source's placeholders.

    Each `<n>…</n>` and `<n/>` of the English must appear once, properly nested;
    the order may change (Spanish puts words in another order).
    """

    def shape(text, strict):
        opened, voids, stack = set(), set(), []
        for match in PLACEHOLDER.finditer(text):
            closing, number, selfclosing = match.groups()
            if closing:
                if not stack or stack[-1] != number:
                    raise BadPlaceholders(number)
                stack.pop()
            elif selfclosing:
                if strict and number in voids:
                    raise BadPlaceholders(number)
                voids.add(number)
            else:
                if strict and number in opened:
                    raise BadPlaceholders(number)
                opened.add(number)
                stack.append(number)
        if stack:
            raise BadPlaceholders(stack[-1])
        return opened, voids

    if shape(source, strict=False) != shape(translation, strict=True):
        raise BadPlaceholders(translation)
