"""Site search in each language: indexing published pages and documents, querying.

On PostgreSQL each language has its own text search configuration, `iclc_en` and
`iclc_es`, made by migration from the built-in English and Spanish ones with the
`unaccent` dictionary in front of the stemmer: stemming per language, accents
ignored on both sides, and `ts_headline` highlights "sesión" for "sesion". Other
databases (SQLite for `make run`) fall back to a plain substring match.
"""

import unicodedata

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from modeltranslation.translator import NotRegistered, translator
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.rich_text import RichText

from pages.models import SearchEntry

CONFIGURATIONS = {"en": "iclc_en", "es": "iclc_es"}
MAX_QUERY_LENGTH = 200
# Control characters mark the highlight so that the text can be escaped safely
# before the markers become <mark> elements.
START, STOP = "\x02", "\x03"
SKIPPED_FIELDS = {"slug", "url_path"}


def uses_postgres():
    return connection.vendor == "postgresql"


def field_text(value, field=None):
    if value is None:
        return ""
    if isinstance(value, StreamValue):
        return " ".join(
            str(part) for part in value.stream_block.get_searchable_content(value)
        )
    if isinstance(value, RichText):
        value = value.source
    # A space after every tag, so that "…escalones.</p><p>En…" stays two words.
    return " ".join(strip_tags(str(value).replace(">", "> ")).split())


def page_text(page):
    """All translated text of a page in the active language, title excepted."""
    try:
        options = translator.get_options_for_model(type(page))
    except NotRegistered:
        return ""
    parts = []
    for name in sorted(options.all_fields):
        if name in SKIPPED_FIELDS or name == "title":
            continue
        parts.append(field_text(getattr(page, name, None)))
    return " ".join(part for part in parts if part.strip())


def _vectorise(entries):
    """Fill the vectors of the given entries with their language's configuration."""
    if not uses_postgres():
        return
    ids = [entry.pk for entry in entries]
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE pages_searchentry SET search_vector =
              setweight(to_tsvector(cfg, title), 'A') ||
              setweight(to_tsvector(cfg, text), 'B')
            FROM (SELECT id AS entry_id,
                         CASE language WHEN 'es' THEN 'iclc_es'::regconfig
                                       ELSE 'iclc_en'::regconfig END AS cfg
                  FROM pages_searchentry WHERE id = ANY(%s)) AS chosen
            WHERE id = chosen.entry_id
            """,
            [ids],
        )


def _create_entries(describe, **indexed):
    """One entry per language for the `indexed` page or document.

    `describe` gives the entry's kind, title and text; it is called with each
    language active, so the translated fields and labels are that language's.
    """
    entries = []
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            entries.append(
                SearchEntry.objects.create(language=language, **indexed, **describe())
            )
    _vectorise(entries)


def index_page(page):
    """Replace the page's entries: one per language while it is live and public."""
    SearchEntry.objects.filter(page_id=page.pk).delete()
    page = page.specific
    if not page.live or page.get_view_restrictions().exists() or page.depth < 2:
        return
    _create_entries(
        lambda: {
            "kind": str(page._meta.verbose_name),
            "title": page.title,
            "text": page_text(page),
        },
        page=page,
    )


def index_document(document):
    SearchEntry.objects.filter(document_id=document.pk).delete()
    _create_entries(
        lambda: {
            "kind": str(_("document")),
            "title": document.title,
            "text": " ".join(tag.name for tag in document.tags.all()),
        },
        document=document,
    )


def rebuild():
    """Index every page and document again (after a bulk load or a restore)."""
    SearchEntry.objects.all().delete()
    for page in Page.objects.live().filter(depth__gte=2).specific():
        index_page(page)
    for document in get_document_model().objects.all():
        index_document(document)


def clean_query(raw):
    """The visitor's query, trimmed; too long queries are cut, not refused.

    Control and format characters (NUL, bidi overrides) are dropped: PostgreSQL
    refuses NUL and none of them can be part of a word.
    """
    printable = "".join(c for c in raw or "" if unicodedata.category(c)[0] != "C")
    query = " ".join(printable.split())
    return query[:MAX_QUERY_LENGTH], len(query) > MAX_QUERY_LENGTH


def search(query, language):
    """Entries matching `query` in `language`, best first, with a `snippet`."""
    entries = SearchEntry.objects.filter(language=language).select_related(
        "page", "document"
    )
    if not query:
        return entries.none()
    if not uses_postgres():
        return entries.filter(Q(title__icontains=query) | Q(text__icontains=query))
    config = CONFIGURATIONS.get(language, "iclc_en")
    ts_query = SearchQuery(query, config=config, search_type="websearch")
    return (
        entries.filter(search_vector=ts_query)
        .annotate(
            rank=SearchRank(F("search_vector"), ts_query),
            headline=SearchHeadline(
                "text",
                ts_query,
                config=config,
                start_sel=START,
                stop_sel=STOP,
                max_words=35,
                min_words=15,
                max_fragments=2,
                fragment_delimiter=" … ",
            ),
        )
        .order_by("-rank", "title")
    )


def highlight(headline):
    """Escape a headline, then turn the markers into <mark> elements."""
    text = escape(headline or "")
    return text.replace(START, "<mark>").replace(STOP, "</mark>")
