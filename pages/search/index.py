"""Site search in each language: indexing published pages and documents, querying.

On PostgreSQL each language has its own text search configuration, `iclc_en` and
`iclc_es`, made by migration from the built-in English and Spanish ones with the
`unaccent` dictionary in front of the stemmer: stemming per language, accents
ignored on both sides, and `ts_headline` highlights "sesión" for "sesion".

SQLite (the embedded database of `make run`) has neither configurations nor
`unaccent`. There every connection gets one more SQL function, `ICLC_FOLD`
(`fold` below, registered through Django's `connection_created` signal with
`sqlite3.Connection.create_function`): the text in lower case, without accents,
its words separated by single spaces. A word of the query, folded the same way,
matches the start of a word ("educacion" and "EDUCACIÓN" find "educación",
"mexico" finds "México"); a plural query word also finds its singular
("sesiones" finds "sesión"), a stand-in for the stemmer. Every word of the query
must match, in the title or the text; "quoted words" match as a phrase, a
leading "-" excludes a word and "or" between two words accepts either, as in
PostgreSQL's `websearch_to_tsquery`. Entries whose title matches come first,
and the snippet is cut around the first match at word boundaries.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from django.conf import settings
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Q, TextField, Value, When
from django.utils import translation
from django.utils.html import escape, strip_tags
from django.utils.translation import pgettext_lazy

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
ADJACENT_MARKS = re.compile(f"{STOP}(\\s+){START}")
ELLIPSIS = "…"
SKIPPED_FIELDS = {"slug", "url_path"}
DOCUMENT_KIND = pgettext_lazy("kind of search result", "Document")

# SQLite: the folding function, what separates words, and the words a query
# drops as PostgreSQL's configurations do (when it has other words).
FOLD_FUNCTION = "ICLC_FOLD"
NOT_WORD = re.compile(r"[\W_]+")
WORD = re.compile(r"[^\W_]+")
QUERY_PART = re.compile(r'(-?)(?:"([^"]*)"?|([^\s"]+))')
STOPWORDS = {
    "en": frozenset(
        """
        a an and are as at be by for from in is it its of on the to with
    """.split()
    ),
    "es": frozenset(
        """
        a al con de del e el en es la las lo los o para por que se su sus u un una y
    """.split()
    ),
}
# A snippet cut from a longer text: about as long as PostgreSQL's headline,
# starting a few words before the first match.
SNIPPET_WORDS = 30
WORDS_BEFORE_MATCH = 8


def uses_postgres():
    return connection.vendor == "postgresql"


@lru_cache(maxsize=2048)
def fold(value):
    """`value` as the SQLite search compares it: lower case, without accents,
    its words separated by one space, with a space before the first word and
    after the last (so that " word" finds a word's start, " word " a whole word).

    `lru_cache`: SQLite calls it for the same few hundred texts on every search.
    """
    if value is None:
        return None
    text = unicodedata.normalize("NFKD", str(value).casefold())
    if not text.isascii():
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = NOT_WORD.sub(" ", text).split()
    return f" {' '.join(words)} " if words else " "


def register_sqlite_functions(sender, connection, **kwargs):
    """Give every new SQLite connection the `ICLC_FOLD` SQL function.

    Connected to Django's `connection_created` signal by `pages.signals`.
    Deterministic, so SQLite may use it wherever it could use a built-in.
    """
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            FOLD_FUNCTION, 1, fold, deterministic=True
        )


class Folded(Func):
    """`fold` in SQL: the `ICLC_FOLD` function of SQLite connections."""

    function = FOLD_FUNCTION
    output_field = TextField()


@dataclass(frozen=True)
class Needle:
    """Folded words to find one after the other; the last one at a word's start,
    or as a whole word."""

    words: tuple
    whole: bool = False

    @property
    def pattern(self):
        """What the folded title or text contains where the needle matches."""
        found = " " + " ".join(self.words)
        return found + " " if self.whole else found

    def length_at(self, words, index):
        """How many of `words` (folded) it matches from `index` on, or 0."""
        found = words[index : index + len(self.words)]
        if len(found) < len(self.words) or found[:-1] != list(self.words[:-1]):
            return 0
        last, wanted = found[-1], self.words[-1]
        matched = last == wanted if self.whole else last.startswith(wanted)
        return len(self.words) if matched else 0


@dataclass(frozen=True)
class Term:
    """A word or phrase of the query: found when one of its needles is."""

    words: tuple
    needles: tuple
    negated: bool = False


def singulars(word):
    """Words that `word` may be the plural of ("sesiones" → "sesion", "cities" →
    "city"): what the stemmer would find too. Matched as whole words only."""
    if len(word) < 4 or not word.endswith("s"):
        return []
    candidates = [word[:-1]]
    if word.endswith("es"):
        candidates.append(word[:-2])
    if word.endswith("ies"):
        candidates.append(word[:-3] + "y")
    return [candidate for candidate in candidates if len(candidate) > 1]


def make_term(text, negated):
    words = tuple(fold(text).split())
    if not words:
        return None
    needles = [Needle(words)]
    if len(words) == 1:
        needles += [Needle((singular,), whole=True) for singular in singulars(words[0])]
    return Term(words, tuple(needles), negated)


def parse_query(query, language):
    """The query as groups of terms, as `websearch_to_tsquery` reads it: every
    group must match (or, for "-word", must not); one term of a group suffices
    ("a or b"). Stop words are left out unless the query has nothing else."""
    groups = []
    either = False
    for match in QUERY_PART.finditer(query):
        minus, phrase, word = match.groups()
        if phrase is None and not minus and word.casefold() == "or":
            either = bool(groups)
            continue
        term = make_term(phrase if phrase is not None else word, bool(minus))
        if term is None:
            continue
        if either and not term.negated and not groups[-1][0].negated:
            groups[-1].append(term)
        else:
            groups.append([term])
        either = False
    stopwords = STOPWORDS.get(language, frozenset())

    def is_stopword(group):
        return all(len(t.words) == 1 and t.words[0] in stopwords for t in group)

    if any(not group[0].negated and not is_stopword(group) for group in groups):
        groups = [group for group in groups if not is_stopword(group)]
    return groups


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
    """All translated text of a page in the active language, title excepted;
    a text that another field repeats (a listing summary that is the intro) once."""
    try:
        options = translator.get_options_for_model(type(page))
    except NotRegistered:
        return ""
    parts = []
    for name in sorted(options.all_fields):
        if name in SKIPPED_FIELDS or name == "title":
            continue
        part = field_text(getattr(page, name, None))
        if part.strip() and part not in parts:
            parts.append(part)
    return " ".join(parts)


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
            "kind": str(getattr(page, "search_kind", page._meta.verbose_name)),
            "title": page.title,
            "text": page_text(page),
        },
        page=page,
    )


def index_document(document):
    SearchEntry.objects.filter(document_id=document.pk).delete()
    _create_entries(
        lambda: {
            "kind": str(DOCUMENT_KIND),
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
    """Entries matching `query` in `language`, best first.

    On PostgreSQL each entry comes with its `headline`; `snippet` makes the
    snippet shown under a result on either database.
    """
    entries = SearchEntry.objects.filter(language=language).select_related(
        "page", "document"
    )
    if not query:
        return entries.none()
    if not uses_postgres():
        return _search_folded(entries, parse_query(query, language))
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
                fragment_delimiter=f" {ELLIPSIS} ",
            ),
        )
        .order_by("-rank", "title")
    )


def _found(group, field):
    """Where one of the group's needles is in the folded `field`."""
    found = Q()
    for term in group:
        for needle in term.needles:
            found |= Q(**{f"{field}__contains": needle.pattern})
    return found


def _search_folded(entries, groups):
    """The SQLite search: every group in the folded title or text; ranked by the
    number of groups the title has."""
    if not any(not group[0].negated for group in groups):
        return entries.none()
    entries = entries.alias(folded_title=Folded("title"), folded_text=Folded("text"))
    rank = Value(0)
    for group in groups:
        in_title = _found(group, "folded_title")
        anywhere = in_title | _found(group, "folded_text")
        if group[0].negated:
            entries = entries.exclude(anywhere)
        else:
            entries = entries.filter(anywhere)
            rank = rank + Case(
                When(in_title, then=Value(1)),
                default=Value(0),
                output_field=IntegerField(),
            )
    return entries.annotate(rank=rank).order_by("-rank", "title")


def snippet(entry, query, language):
    """The text shown under a result, with START/STOP around what matched.

    PostgreSQL's headline where there is one; otherwise (SQLite, or a headline
    PostgreSQL left empty) a part of the text around the first match of the
    query. Either is cut at word boundaries, with an ellipsis where the text goes on.
    """
    text = unicodedata.normalize("NFC", entry.text or "")
    headline = getattr(entry, "headline", None)
    if headline and headline.strip():
        return _with_ellipses(headline, text)
    return _cut_around_match(text, parse_query(query, language))


def _with_ellipses(headline, text):
    """PostgreSQL's headline with an ellipsis before and after, where it does not
    start or end the text."""
    fragments = headline.replace(START, "").replace(STOP, "").split(f" {ELLIPSIS} ")
    text = " ".join(text.split())
    before = "" if text.startswith(" ".join(fragments[0].split())) else f"{ELLIPSIS} "
    after = "" if text.endswith(" ".join(fragments[-1].split())) else f" {ELLIPSIS}"
    return before + " ".join(headline.split()) + after


def _cut_around_match(text, groups):
    words = list(WORD.finditer(text))
    if not words:
        return ""
    folded = [fold(word.group()).strip() for word in words]
    needles = [
        needle
        for group in groups
        if not group[0].negated
        for term in group
        for needle in term.needles
    ]
    marked = []  # (first word, last word) of every match
    index = 0
    while index < len(words):
        length = max((needle.length_at(folded, index) for needle in needles), default=0)
        if length:
            marked.append((index, index + length - 1))
            index += length
        else:
            index += 1
    first = (
        max(0, min(marked[0][0] - WORDS_BEFORE_MATCH, len(words) - SNIPPET_WORDS))
        if marked
        else 0
    )
    last = min(len(words), first + SNIPPET_WORDS) - 1
    # Cut where the white space is, so that "¿Quiénes" and "participan?" keep
    # their punctuation.
    start = words[first].start()
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = words[last].end()
    while end < len(text) and not text[end].isspace():
        end += 1
    pieces, position = [], start
    for begin, finish in marked:
        if begin >= first and finish <= last:
            pieces += [
                text[position : words[begin].start()],
                START,
                text[words[begin].start() : words[finish].end()],
                STOP,
            ]
            position = words[finish].end()
    pieces.append(text[position:end])
    before = f"{ELLIPSIS} " if text[:start].strip() else ""
    after = f" {ELLIPSIS}" if text[end:].strip() else ""
    return before + " ".join("".join(pieces).split()) + after


def highlight(headline):
    """Escape a headline, then turn the markers into <mark> elements (one for
    words found side by side: "<mark>Mexico City</mark>")."""
    text = ADJACENT_MARKS.sub(r"\1", escape(headline or ""))
    return text.replace(START, "<mark>").replace(STOP, "</mark>")
