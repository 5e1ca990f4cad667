"""Printed editions: a page's PDF (the programme, the press kit), made when
content is published and served here as a stored file.

A visitor never waits for a PDF to render: the file is written ahead of them
(pages/printing/), under `printed_file_name(kind, language)` in the default
storage; this route only reads it back.
"""

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils import translation
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

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

    def printed_edition_url(self):
        """The address of this page's edition in the active language, or None
        while there is none to serve (links to it are left out)."""
        name = printed_file_name(self.printed_edition_kind, translation.get_language())
        if not default_storage.exists(name):
            return None
        return self.url + self.reverse_subpage(
            "printed_edition", kwargs={"kind": self.printed_edition_kind}
        )

    # Wagtail hands sub-routes a trailing "/"; "/?" lets reverse() leave it out.
    @re_path(r"^(?P<kind>[a-z-]+)\.pdf/?$", name="printed_edition")
    def printed_edition(self, request, kind):
        if kind != self.printed_edition_kind:
            raise Http404("No such printed edition.")
        language = translation.get_language()
        name = printed_file_name(kind, language)
        try:
            modified = default_storage.get_modified_time(name).timestamp()
            size = default_storage.size(name)
            stored = default_storage.open(name)
        except FileNotFoundError:
            raise Http404("This printed edition is not ready yet.") from None
        # A new edition replaces the file: its time and size are its version.
        etag = f'"{int(modified)}-{size}"'
        unchanged = get_conditional_response(
            request, etag=etag, last_modified=int(modified)
        )
        if unchanged is not None:
            stored.close()
            return unchanged
        response = FileResponse(
            stored,
            content_type="application/pdf",
            filename=f"iclc-2015-{kind}-{language}.pdf",
        )
        response["ETag"] = etag
        response["Last-Modified"] = http_date(modified)
        # Kept, but asked after each time: an edition changes with the content.
        patch_cache_control(response, no_cache=True)
        return response
