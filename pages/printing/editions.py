"""Make the printed editions: each kind in each language, rendered from its
print template and stored under `printed_file_name(kind, language)`.

A visitor's request only reads the stored file (pages/models/printed.py); this
runs when content is published (pages/printing/tasks.py), after the content is
loaded, and by hand (`manage.py make_printed_editions`).
"""

import logging
import os
import re
import tempfile
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from pages.content_generation import bump_generation
from pages.models.printed import printed_file_name

from .content import conference, press_kit_content, programme_content

logger = logging.getLogger(__name__)

# Kind → (print template, what it shows).
EDITIONS = {
    "programme": ("printing/programme.html", programme_content),
    "press-kit": ("printing/press_kit.html", press_kit_content),
}


def render_edition(kind, language):
    """The PDF of one edition in `language` as bytes; None when the site has no
    live page for it."""
    template, gather = EDITIONS[kind]
    with translation.override(language):
        about = conference()
        content = gather(about) if about else None
        if content is None:
            return None
        html = render_to_string(
            template,
            {
                "conference": about,
                "language": language,
                "static_url": settings.STATIC_URL,
                "page_numbers": page_numbers_css(),
                **content,
            },
        )
        # Here, not at the top: WeasyPrint loads Pango, which only the
        # processes that make editions need (pages/printing/pdf.py).
        from .pdf import write_pdf

        return write_pdf(html, about["root_url"])


def make_editions(kinds=None, languages=None):
    """Make and store the editions (all of them by default); a list of
    (file name, seconds) for each one made. An edition whose page is gone
    is removed."""
    made, appeared_or_gone = [], False
    for kind in kinds or EDITIONS:
        for language in languages or [code for code, _name in settings.LANGUAGES]:
            started = time.perf_counter()
            name = printed_file_name(kind, language)
            existed = default_storage.exists(name)
            data = render_edition(kind, language)
            if data is None:
                default_storage.delete(name)
            else:
                store(name, data)
                made.append((name, time.perf_counter() - started))
                logger.info("Printed edition %s made in %.2f s", name, made[-1][1])
            appeared_or_gone |= existed != (data is not None)
    if appeared_or_gone:
        # Pages link to an edition only while it exists: render them again.
        bump_generation()
    return made


def store(name, data):
    """Put `data` at `name` in the default storage, replacing the file at once
    where the storage is a folder: a visitor downloading the old edition, or
    arriving while this runs, gets a whole file."""
    try:
        path = default_storage.path(name)
    except NotImplementedError:  # a remote storage: replace it as it allows
        default_storage.delete(name)
        default_storage.save(name, ContentFile(data))
        return
    folder = os.path.dirname(path)
    os.makedirs(folder, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=folder, suffix=".part", delete=False) as part:
        part.write(data)
    try:
        os.chmod(part.name, settings.FILE_UPLOAD_PERMISSIONS or 0o644)
        os.replace(part.name, path)
    except OSError:
        os.unlink(part.name)
        raise


def page_numbers_css():
    """The CSS `content` of the page numbers ("Page 3 of 12" / "Página 3 de
    12"): the translated sentence around the page and pages counters."""
    sentence = gettext("Page %(page)s of %(pages)s")
    pieces = re.split(r"%\((page|pages)\)s", sentence)
    return mark_safe(  # the translated words are escaped by css_string
        " ".join(
            f"counter({piece})" if odd else css_string(piece)
            for odd, piece in ((i % 2, piece) for i, piece in enumerate(pieces))
            if odd or piece
        )
    )


def css_string(text):
    """`text` as a CSS string, safe inside a `<style>` element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'
