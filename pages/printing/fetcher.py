"""What WeasyPrint may read while it lays out an edition: the site's own static
files and uploads, from the disk, and nothing from the network.

The print templates link the stylesheet, fonts and images by their addresses on
the site (`/static/…`, `/media/…`, under the site's root URL, so that the PDF's
links lead to the site); this fetcher answers those from the static files
finders and the default storage. Any other address is refused: an edition is
never held up by, nor leaks anything to, another server.
"""

import mimetypes
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedAddress(ValueError):
    """An address the edition may not read (another host, another path)."""


class LocalFetcher(URLFetcher):
    """Serve `<root>/static/…` and `<root>/media/…` from local files.

    `root` is the site's root URL the template's addresses start with.
    """

    def __init__(self, root):
        super().__init__(allowed_protocols=("http", "https", "data"))
        self.origin = urlsplit(root)[:2]

    def fetch(self, url, headers=None):
        parts = urlsplit(url)
        if parts.scheme == "data":
            # Inline data (an SVG's own images): decoded here, no network.
            return super().fetch(url, headers)
        if parts[:2] != self.origin:
            raise RefusedAddress(f"Not the site's own address: {url}")
        path = unquote(parts.path)
        for prefix, open_file in (
            (settings.STATIC_URL, open_static),
            (settings.MEDIA_URL, default_storage.open),
        ):
            if path.startswith(prefix):
                body = open_file(path.removeprefix(prefix))
                content_type = mimetypes.guess_type(path)[0]
                return URLFetcherResponse(
                    url,
                    body,
                    {"Content-Type": content_type} if content_type else None,
                )
        raise RefusedAddress(f"Neither a static file nor an upload: {url}")


def open_static(name):
    """A static file by its source name: from the app and project folders
    (finders), or collected (STATIC_ROOT) where only that exists."""
    found = finders.find(name)
    if found:
        return open(found, "rb")  # WeasyPrint closes it after reading
    return staticfiles_storage.open(name)
