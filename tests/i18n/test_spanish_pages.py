"""Every Spanish page of the 2015 site reads in Spanish, with no English left over.

A crawl starts from the home page and the sitemap and follows every `/es/` link.
On each page, the visible text and the texts read aloud (alt, title, aria-label,
placeholder) must not hold an English interface word, nor a string exactly as the
English catalogue writes it (a `{% translate %}` whose Spanish is missing or was
never marked). Text marked `lang="en"` (the language switcher's "English", an
English document's title) is English on purpose and is left out.
"""

import re
from collections import deque
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command

import polib
import pytest
from lxml import etree, html

pytestmark = pytest.mark.django_db

CATALOGUE = Path(settings.BASE_DIR) / "locale/es/LC_MESSAGES/django.po"
READ_ALOUD = ("alt", "title", "aria-label", "placeholder")
SKIPPED_ELEMENTS = {"script", "style", "code", "pre"}
# Words of the English interface and of English captions that Spanish never uses.
ENGLISH_WORDS = re.compile(
    r"\b(Illustration|Photo|Photos|Previous|Next|Watch|Download|Downloads|Programme|"
    r"Press releases?|Mexico City|Chairs?|Speakers?|Search|More|Venues?|Sessions?|"
    r"Contact|the|and|with|from|of|for|View|Read|Open|Day|All|Show|Filter|Time)\b"
    # A raw time zone id is no more Spanish than English.
    r"|America/\w+"
)
# Addresses a crawl must not fetch: files and machine formats, not pages.
NOT_PAGES = re.compile(r"\.(ics|xml|pdf|docx?|jpe?g|png|webp|svg)$|/(feed|canal)/")
MAX_PAGES = 600


def english_catalogue_patterns():
    """A full-match pattern per English msgid whose Spanish differs from it."""
    patterns = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.msgid_plural or not entry.msgstr or entry.msgstr == entry.msgid:
            continue
        text = " ".join(entry.msgid.split())
        if len(text) < 4 or "<" in text:
            continue
        parts = re.split(r"%\(\w+\)[sd]|\{\w*\}", text)
        # "%(title)s (%(language)s)" would match any text with brackets.
        if sum(char.isalpha() for part in parts for char in part) < 4:
            continue
        patterns.append(re.compile(".+".join(re.escape(part) for part in parts)))
    return patterns


def is_english_on_purpose(element):
    for ancestor in element.iterancestors():
        if ancestor.get("lang", "").startswith("en"):
            return True
    return element.get("lang", "").startswith("en")


def texts_a_visitor_meets(document):
    """(where, text) for each visible text node and read-aloud attribute."""
    for element in document.iter():
        if not isinstance(element.tag, str) or element.tag in SKIPPED_ELEMENTS:
            continue
        if is_english_on_purpose(element):
            continue
        for name in READ_ALOUD:
            if element.get(name):
                yield f"<{element.tag} {name}>", element.get(name)
        for text in (
            element.text,
            element.tail if element.getparent() is not None else None,
        ):
            if text and text.strip():
                parent = element if text is element.text else element.getparent()
                if parent.tag in SKIPPED_ELEMENTS or is_english_on_purpose(parent):
                    continue
                yield f"<{parent.tag}>", text


def english_left(document, catalogue):
    problems = []
    for where, raw in texts_a_visitor_meets(document):
        text = " ".join(raw.split())
        word = ENGLISH_WORDS.search(text)
        if word:
            problems.append(f"{where} English word “{word.group()}”: {text[:120]}")
        elif any(pattern.fullmatch(text) for pattern in catalogue):
            problems.append(f"{where} untranslated interface string: {text[:120]}")
    return problems


def spanish_links(document):
    for anchor in document.iter("a"):
        address = urlsplit(anchor.get("href", ""))
        if address.netloc in ("", "testserver") and address.path.startswith("/es/"):
            yield address.path + (f"?{address.query}" if address.query else "")


def sitemap_addresses(client):
    tree = etree.fromstring(client.get("/sitemap.xml").content)
    for loc in tree.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc"):
        path = urlsplit(loc.text).path
        if path.startswith("/es/"):
            yield path


@pytest.fixture
def site(db):
    call_command("load_iclc_content", verbosity=0)


def test_every_spanish_page_reads_in_spanish(client, site):
    catalogue = english_catalogue_patterns()
    start = [
        "/es/",
        "/es/buscar/?q=ciudad",
        "/es/no-existe/",
        *sitemap_addresses(client),
    ]
    queue, seen, problems = deque(start), set(start), {}
    while queue and len(seen) <= MAX_PAGES:
        address = queue.popleft()
        response = client.get(address)
        assert response.status_code in (200, 404), (address, response.status_code)
        if not response["Content-Type"].startswith("text/html"):
            continue
        document = html.fromstring(response.content)
        assert document.get("lang") == "es", address
        found = english_left(document, catalogue)
        if found:
            problems[address] = found
        for link in spanish_links(document):
            if link not in seen and not NOT_PAGES.search(urlsplit(link).path):
                seen.add(link)
                queue.append(link)
    assert len(seen) > 40, "the crawl found too few Spanish pages"
    report = "\n".join(
        f"{address}\n  " + "\n  ".join(sorted(set(found)))
        for address, found in sorted(problems.items())
    )
    assert not problems, f"English on Spanish pages:\n{report}"


def test_the_check_finds_an_english_caption_and_an_untranslated_string():
    catalogue = english_catalogue_patterns()
    page = html.fromstring(
        "<html lang='es'><body><figcaption>Illustration: ICLC 2015 website"
        "</figcaption><p>Todos los días</p><a href='/es/'>Newer</a>"
        "<p lang='en'>English</p></body></html>"
    )
    found = english_left(page, catalogue)
    assert len(found) == 2, found
