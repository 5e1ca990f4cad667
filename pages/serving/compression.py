"""Brotli or gzip for the site's HTML, feeds, calendars and JSON.

Static files are compressed once by WhiteNoise at `collectstatic`; this middleware
compresses what Django renders. It sits inside `PageCacheMiddleware`, so a page
that is cached is compressed once per coding and then replayed as bytes.

BREACH: CSRF tokens are masked afresh on every response, and a response whose
token was used is compressed with gzip with Django's random length padding
rather than brotli (which has no such padding).
"""

from django.conf import settings
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

import brotli

COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/javascript",
    "application/manifest+json",
    "image/svg+xml",
)
MIN_LENGTH = 200
# Quality 5 with an 18-bit window (pages are far below 256 KB): about 0.4 ms for a
# 40 KB page here; the default 22-bit window costs more to set up than to use.
BROTLI_QUALITY = 5


def accepted_codings(header):
    """The content codings an Accept-Encoding header allows (q > 0)."""
    codings = set()
    for part in header.lower().split(","):
        name, _sep, params = part.strip().partition(";")
        q = params.strip()
        if q.startswith("q="):
            try:
                if float(q[2:]) <= 0:
                    continue
            except ValueError:
                continue
        if name:
            codings.add(name.strip())
    return codings


def chosen_encoding(request):
    """`br`, `gzip` or `identity`: the coding this visitor gets."""
    codings = accepted_codings(request.META.get("HTTP_ACCEPT_ENCODING", ""))
    if "br" in codings:
        return "br"
    if "gzip" in codings or "*" in codings:
        return "gzip"
    return "identity"


class CompressionMiddleware:
    """Compress text responses with the best coding the client accepts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if not self.compressible(response):
            return response
        patch_vary_headers(response, ("Accept-Encoding",))
        encoding = chosen_encoding(request)
        # A response that used the CSRF token (re)sets its cookie.
        if encoding == "br" and settings.CSRF_COOKIE_NAME in response.cookies:
            encoding = "gzip"
        if encoding == "br":
            body = brotli.compress(
                response.content,
                mode=brotli.MODE_TEXT,
                quality=BROTLI_QUALITY,
                lgwin=18,
            )
        elif encoding == "gzip":
            body = compress_string(response.content, max_random_bytes=100)
        else:
            return response
        if len(body) >= len(response.content):
            return response
        response.content = body
        response["Content-Encoding"] = encoding
        response["Content-Length"] = str(len(body))
        etag = response.get("ETag")
        if etag and etag.startswith('"'):
            response["ETag"] = "W/" + etag
        return response

    @staticmethod
    def compressible(response):
        if response.streaming or response.has_header("Content-Encoding"):
            return False
        if len(response.content) < MIN_LENGTH:
            return False
        content_type = response.get("Content-Type", "").lower()
        return content_type.startswith(COMPRESSIBLE_TYPES)
