"""Full-page cache for anonymous visitors, emptied whenever published content changes.

Why a page cache: on launch day thousands of people read the same few pages, and
a cached page costs one cache read instead of a page render (issue 10).

What is cached: the bytes of a `200` response to a `GET` from a visitor without a
session cookie, keyed by scheme, host, path (so language: `/en/` and `/es/` are
different URLs), the query parameters pages read (`PAGE_CACHE_QUERY_PARAMETERS`;
others neither enter the key nor get a response stored) and the content coding
the visitor accepts (`br`, `gzip` or none: `CompressionMiddleware` sits inside
this middleware, so each coding is compressed once and then replayed). Never
cached: editors (they have a session cookie), responses that set a cookie or
carry a CSRF token or a CSP nonce, previews, responses marked
`Cache-Control: private/no-cache/no-store`, and responses that vary on anything
but the cookie and the coding.

Invalidation is the content generation (pages/content_generation.py): every
entry records the generation that was current when its render *started*, and an
entry of another generation is a miss. The lookup is one round trip (`get_many`
of the counter and the entry). Stale entries are not deleted; they are
overwritten or expire (`PAGE_CACHE_SECONDS`, which also bounds anything that
changes with the clock).

A page that may be stored here may also be kept by the HTTP cache in front
(Varnish, a CDN): it is sent with `Cache-Control: max-age=0, s-maxage=…`
(`SHARED_CACHE_SECONDS`), unless the generation moved while it rendered (it may
show what a publish just changed). The cache in front is purged on the same
changes (pages/serving/frontend_cache.py, docs/scaling.md).
"""

import hashlib
import logging

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import cc_delim_re, patch_cache_control

from pages.content_generation import GENERATION_KEY, current_generation

from .compression import chosen_encoding

logger = logging.getLogger(__name__)

CACHE_HEADER = "X-Page-Cache"
# Response headers that a cached page may vary on (see the module docstring).
# Accept-Language is safe because the key holds the language Django negotiates
# from it (addresses outside /en/ and /es/, such as the sitemap, vary on it).
ALLOWED_VARY = {"accept-encoding", "accept-language", "cookie"}
# Headers that belong to one response only and are never replayed.
NOT_REPLAYED = {"set-cookie", "date", "content-length", CACHE_HEADER.lower()}


def page_key(request, encoding):
    """The entry of this address in this content coding. Query parameters no page
    reads are left out, so a shared link's `?utm_source=…` or `?fbclid=…` is
    served the page everyone else gets (see `has_unread_parameters`)."""
    language = translation.get_language_from_request(request, check_path=True)
    query = sorted(
        (name, value)
        for name, values in request.GET.lists()
        if name in settings.PAGE_CACHE_QUERY_PARAMETERS
        for value in values
    )
    raw = f"{language} {request.scheme}://{request.get_host()}{request.path} {query}"
    digest = hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()
    return f"pagecache:page:{encoding}:{digest}"


def has_unread_parameters(request):
    """Whether the query names a parameter no page reads. Such a response is
    served from the entry of the same address without it, and never stored: the
    language links repeat the query, and junk must not fill the cache."""
    return any(name not in settings.PAGE_CACHE_QUERY_PARAMETERS for name in request.GET)


class PageCacheMiddleware:
    """Serve anonymous visitors from the cache; store what may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_serve_from_cache(request):
            return self.get_response(request)
        encoding = chosen_encoding(request)
        try:
            key = page_key(request, encoding)
        except Exception:  # noqa: BLE001 - a bad Host header: Django answers 400
            return self.get_response(request)
        found = cache.get_many([GENERATION_KEY, key])
        generation = current_generation(found.get(GENERATION_KEY))
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            return self.replay(request, entry)

        response = self.get_response(request)
        if self.may_store(request, response):
            self.let_shared_caches_keep(response, generation)
            entry = self.entry(response, generation)
            cache.set(key, entry, settings.PAGE_CACHE_SECONDS)
            response[CACHE_HEADER] = "miss"
        return response

    @staticmethod
    def may_serve_from_cache(request):
        if settings.PAGE_CACHE_SECONDS <= 0 or request.method != "GET":
            return False
        # Wagtail previews run a made-up request for the page's own URL through
        # the middleware: it must render the draft, never get the live page.
        if getattr(request, "is_dummy", False):
            return False
        if request.path_info.startswith(settings.PAGE_CACHE_EXCLUDED_PATHS):
            return False
        # Editors, and anyone who unlocked a private page, have a session.
        if settings.SESSION_COOKIE_NAME in request.COOKIES:
            return False
        return "HTTP_AUTHORIZATION" not in request.META

    @staticmethod
    def may_store(request, response):
        if response.status_code != 200 or response.streaming:
            return False
        if has_unread_parameters(request):
            return False
        if response.cookies:  # a session, a CSRF token, anything personal
            return False
        if getattr(request, "is_preview", False):
            return False
        # A CSP nonce is only worth something if no one else ever sees it.
        # django-csp names it in the policy header only when the page used it
        # (the header is set by then: this middleware is outside django-csp's).
        if "'nonce-" in response.get("Content-Security-Policy", ""):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        control = response.get("Cache-Control", "").lower()
        if any(word in control for word in ("private", "no-cache", "no-store")):
            return False
        vary = {v.lower() for v in cc_delim_re.split(response.get("Vary", "")) if v}
        if vary - ALLOWED_VARY:
            return False
        # Belt and braces: a token rendered without touching the CSRF cookie.
        return b"csrfmiddlewaretoken" not in response.content

    @staticmethod
    def let_shared_caches_keep(response, generation):
        """`s-maxage` for the cache in front, if no change was made while this
        page rendered; browsers ask again each time (`max-age=0`, with the ETag)."""
        seconds = settings.SHARED_CACHE_SECONDS
        if seconds > 0 and cache.get(GENERATION_KEY) == generation:
            patch_cache_control(response, max_age=0, s_maxage=seconds)

    @staticmethod
    def entry(response, generation):
        body = response.content
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in NOT_REPLAYED
        ]
        if not response.has_header("ETag"):
            etag = hashlib.blake2b(body, digest_size=12).hexdigest()
            response["ETag"] = f'"{etag}"'
            headers.append(("ETag", response["ETag"]))
        return {"generation": generation, "headers": headers, "body": body}

    @staticmethod
    def replay(request, entry):
        headers = dict(entry["headers"])
        if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
        if if_none_match and headers.get("ETag") in if_none_match:
            response = HttpResponseNotModified()
            for name in ("ETag", "Vary", "Cache-Control"):
                if name in headers:
                    response[name] = headers[name]
        else:
            response = HttpResponse(entry["body"])
            for name, value in entry["headers"]:
                response[name] = value
            response["Content-Length"] = str(len(entry["body"]))
        response[CACHE_HEADER] = "hit"
        return response
