"""Printed editions: a page's PDF (the programme, the press kit), made when
content is published and served here as a stored file.

A visitor never waits for a PDF to render: the file is written ahead of them
(pages/printing/), under `printed_file_name(kind, language)` in the default
storage; this route only reads it back.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils import translation

from wagtail.contrib.routable_page.models import re_path


def printed_file_name(kind, language):
    """Where the printed edition `kind` ("programme", "press-kit") in
    `language` is stored."""
    return f"printed/{kind}-{language}.pdf"


class PrintedEditionMixin:
    """Adds `<page>/<printed_edition_kind>.pdf` to a routable page.

    Set `printed_edition_kind` on the page class.
    """

    printed_edition_kind = None

    # Wagtail hands sub-routes a trailing "/"; "/?" lets reverse() leave it out.
    @re_path(r"^(?P<kind>[a-z-]+)\.pdf/?$", name="printed_edition")
    def printed_edition(self, request, kind):
        if kind != self.printed_edition_kind:
            raise Http404("No such printed edition.")
        language = translation.get_language()
        name = printed_file_name(kind, language)
        if not default_storage.exists(name):
            raise Http404("This printed edition is not ready yet.")
        return FileResponse(
            default_storage.open(name),
            content_type="application/pdf",
            filename=f"iclc-2015-{kind}-{language}.pdf",
        )
