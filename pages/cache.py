"""Full-page cache for anonymous visitors, emptied whenever published content changes.

Why a page cache: on launch day thousands of people read the same few pages, and
a cached page costs one cache read instead of a page render (issue 10).

What is cached: the bytes of a `200` response to a `GET` from a visitor without a
session cookie, keyed by scheme, host, full path (so language: `/en/` and `/es/`
are different URLs) and the content coding the visitor accepts (`br`, `gzip` or
none: `CompressionMiddleware` sits inside this middleware, so each coding is
compressed once and then replayed). Never cached: editors (they have a session
cookie), responses that set a cookie or carry a CSRF token or a CSP nonce,
previews, responses marked `Cache-Control: private/no-cache/no-store`, and
responses that vary on anything but the cookie and the coding.

Invalidation is a generation counter. Every entry records the generation that
was current when its render *started*; an entry whose generation is not the
current one is a miss. Any write to content (any model outside `NOT_CONTENT`)
bumps the counter, right away and again when the transaction commits, so:
- nothing needs to know which pages show what (menus, teasers, listings, feeds,
  calendars and both languages are all covered by one bump);
- a render that read the old data before the commit is stored under the old
  generation and never served;
- the lookup is one round trip (`get_many` of the counter and the entry).
Stale entries are not deleted; they are overwritten or expire
(`PAGE_CACHE_SECONDS`, which also bounds anything that changes with the clock).
The counter starts at the current time in nanoseconds, so a counter lost to an
eviction or a cache restart never comes back to a value old entries carry.
"""

import hashlib
import logging
import pickle
import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import translation
from django.utils.cache import cc_delim_re

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

from . import request_memo
from .compression import chosen_encoding

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"
CACHE_HEADER = "X-Page-Cache"
# Response headers that a cached page may vary on (see the module docstring).
# Accept-Language is safe because the key holds the language Django negotiates
# from it (addresses outside /en/ and /es/, such as the sitemap, vary on it).
ALLOWED_VARY = {"accept-encoding", "accept-language", "cookie"}
# Headers that belong to one response only and are never replayed.
NOT_REPLAYED = {"set-cookie", "date", "content-length", CACHE_HEADER.lower()}

# Writes to these models change nothing an anonymous visitor sees: they happen on
# every login, every admin click, every draft or while rendering a page.
NOT_CONTENT_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "modelsearch",
    "sessions",
    "wagtailsearch",
    "wagtailusers",
}
NOT_CONTENT_MODELS = {
    "pages.siterendition",
    "wagtailadmin.editingsession",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtaildocs.uploadeddocument",
    "wagtailembeds.embed",
    "wagtailimages.rendition",
    "wagtailimages.uploadedimage",
}


def current_generation(value=None):
    """The counter (read once per request), started at the current time when
    the cache has none."""
    if value is not None:
        return value
    return request_memo.memoized("generation", read_generation)


def read_generation():
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY) or 0


def per_generation(key, build):
    """`build()`'s value, cached under `key` for the current generation.

    For data derived from content (the site, its sections, the site chrome,
    private paths): any content change moves the generation on and makes the old
    value unreachable. What changes with the clock alone (the programme's "now"
    and "next") is at most `PAGE_CACHE_SECONDS` old, as cached pages are.

    Read once per request (pages/request_memo.py), and from this process's own
    copy when it has one (`ProcessCopies`), so that a page render makes no cache
    round trip for it.
    """
    generation = current_generation()
    key = f"{key}:{generation}"
    return request_memo.memoized(key, lambda: _process_copy(key, generation, build))


class ProcessCopies:
    """This process's copies of values from the shared cache, pickled, for the
    current generation only: a request reads them without a cache round trip and
    unpickles objects of its own, so nothing one render sets on them reaches
    another. A copy lives no longer than `expires` (a time.time())."""

    def __init__(self):
        self.generation = None
        self.values = {}

    def get(self, key, generation):
        if generation != self.generation:
            self.values = {}
            self.generation = generation
        copy = self.values.get(key)
        if copy is None or copy[0] <= time.time():
            return None
        return pickle.loads(copy[1])

    def put(self, key, generation, value, expires):
        if generation == self.generation:
            self.values[key] = (expires, pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


# Renditions are found by image, focal point and filter in Wagtail's rendition
# cache (pages/models/images.py); per-generation values by key.
rendition_copies = ProcessCopies()
_generation_copies = ProcessCopies()


def copy_lifetime():
    """How long a copy of content-derived data may be kept (cached pages too)."""
    return max(settings.PAGE_CACHE_SECONDS, 60)


def _process_copy(key, generation, build):
    value = _generation_copies.get(key, generation)
    if value is None:
        expires, value = _cached(key, build)
        _generation_copies.put(key, generation, value, expires)
    return value


def _cached(key, build):
    """(expiry time, value): the shared cache's, or `build()`'s, stored there."""
    entry = cache.get(key)
    if not isinstance(entry, tuple):
        entry = (time.time() + copy_lifetime(), build())
        cache.set(key, entry, copy_lifetime())
    return entry


def bump_generation():
    """Make every cached page stale."""
    request_memo.forget()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet: any fresh value will do
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate():
    """Bump now (this process may render next) and once the data is committed."""
    bump_generation()
    transaction.on_commit(bump_generation)


def is_content(model):
    meta = model._meta
    return (
        meta.app_label not in NOT_CONTENT_APPS
        and meta.label_lower not in NOT_CONTENT_MODELS
    )


def content_changed(sender, **kwargs):
    # `settings.pages.X` in a template creates a missing settings row with its
    # defaults while rendering: the page shows the same either way, and bumping
    # then would waste the render. Editors' saves update the row (created=False).
    if kwargs.get("created") and issubclass(
        sender, (BaseSiteSetting, BaseGenericSetting)
    ):
        return
    if is_content(sender):
        invalidate()


def tree_changed(sender, **kwargs):
    invalidate()


def connect_signals():
    """Called from `PagesConfig.ready()`."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{id(signal)}")
    # Moves and (un)publishing also update rows with querysets, which send no
    # post_save for descendants: listen to Wagtail's own signals as well.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(tree_changed, dispatch_uid=f"pagecache-{id(signal)}")
    for signal in (published, unpublished):
        signal.connect(tree_changed, dispatch_uid=f"pagecache-{id(signal)}")


def page_key(request, encoding):
    language = translation.get_language_from_request(request, check_path=True)
    raw = f"{language} {request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(raw.encode(), digest_size=20).hexdigest()
    return f"pagecache:page:{encoding}:{digest}"


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
        # The rest of the request (site chrome, private paths) reads this one.
        request_memo.memoized("generation", lambda: generation)
        entry = found.get(key)
        if entry is not None and entry["generation"] == generation:
            return self.replay(request, entry)

        response = self.get_response(request)
        if self.may_store(request, response):
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
