"""Purge the HTTP cache in front of the app (Varnish, or a CDN) when content changes.

One invalidation story for both caches: any content change moves the content
generation on (pages/content_generation.py), which makes every page in the
app's own page cache stale at once; once the change is committed, the same
change purges the cache in front, through Wagtail's frontend cache
(`wagtail.contrib.frontend_cache.utils.purge_urls_from_cache` with the backends
of `WAGTAILFRONTENDCACHE`). Nothing is purged when that setting is empty.

Which URLs: a change may show on any page (menus, footers, teasers, listings,
feeds, calendars, the sitemap), so every page is purged. Varnish does that with
one `BAN` (`VarnishBanBackend`, docker/varnish/default.vcl), whatever the URLs;
a backend that purges URL by URL (Cloudflare, CloudFront) is given every
public page in both languages, their feeds and calendars and the sitemap.

When: right after the commit, from a thread of this process, and once more
`FOLLOW_UP_SECONDS` later. The second purge catches a page that a server was
still sending when the first one arrived: rendered from data read before the
commit, stored by the proxy after the purge. (The app's page cache itself does
not let such a page be shared: `PageCacheMiddleware` sends `s-maxage` only if
the generation did not move while it rendered.) Purges coalesce: a thousand
saves in a row (the content loader) make a few purges, not a thousand.
"""

import atexit
import logging
import threading
import time
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import Request, urlopen

from django.db import connections, transaction
from django.urls import NoReverseMatch
from django.utils import translation

from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import BaseBackend
from wagtail.contrib.frontend_cache.utils import get_backends, purge_urls_from_cache
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site

from pages import content_generation as generation

logger = logging.getLogger(__name__)

FOLLOW_UP_SECONDS = 0.5


class VarnishBanBackend(BaseBackend):
    """Drop every cached page of a Varnish with one `BAN` request.

    Settings: `LOCATION`, the Varnish's address as the app servers reach it
    (`http://proxy:80`), and optionally Wagtail's `HOSTNAMES`. The URLs are not
    sent: any content change makes every page stale, so the VCL bans every page
    object (query strings included), as the content generation does in the app.
    """

    purges_every_page = True

    def __init__(self, params):
        super().__init__(params)
        location = urlsplit(params["LOCATION"])
        self.url = urlunsplit((location.scheme, location.netloc, "/", "", ""))
        self.timeout = params.get("TIMEOUT", 2)

    def purge(self, url):
        self.purge_batch([url])

    def purge_batch(self, urls):
        request = Request(
            self.url,
            method="BAN",
            headers={"User-Agent": f"Wagtail-frontendcache/{wagtail_version}"},
        )
        try:
            with urlopen(request, timeout=self.timeout) as response:
                response.read()
        except (URLError, OSError) as error:
            logger.warning("Could not ban the pages in %s: %s", self.url, error)


def public_urls():
    """Every address a content change may show on, for backends that purge URL by
    URL: each live public page in both languages, the sub-pages its routes
    reach without arguments (feeds, calendars), and the sitemap."""
    urls = set()
    cache_object = Site()
    pages = Page.objects.live().public().filter(depth__gt=1).specific(defer=True)
    for language in ("en", "es"):
        with translation.override(language):
            for page in pages:
                url = page.get_full_url(cache_object)
                if url is None:
                    continue
                urls.add(url)
                if isinstance(page, RoutablePageMixin):
                    urls.update(url + path.lstrip("/") for path in route_paths(page))
    for site in Site.objects.all():
        urls.add(site.root_url + "/sitemap.xml")
    return sorted(urls)


def route_paths(page):
    paths = []
    for pattern in page.get_resolver().url_patterns:
        try:
            paths.append(page.reverse_subpage(pattern.name))
        except NoReverseMatch:  # a route with arguments (a day, a person)
            continue
    return paths


def purge_every_page():
    backends = get_backends()
    if not backends:
        return
    if all(getattr(b, "purges_every_page", False) for b in backends.values()):
        # One BAN drops everything: no need to list the pages.
        urls = [site.root_url + "/" for site in Site.objects.all()]
    else:
        urls = public_urls()
    purge_urls_from_cache(urls)


class Purger:
    """Coalesce the purges of one process: a purge now, and a follow-up."""

    def __init__(self):
        self.condition = threading.Condition()
        self.wanted = False
        self.thread = None

    def request(self):
        with self.condition:
            self.wanted = True
            if self.thread is None or not self.thread.is_alive():
                self.thread = threading.Thread(
                    target=self.run, name="frontend-cache-purger", daemon=True
                )
                self.thread.start()
            self.condition.notify()

    def run(self):
        while True:
            with self.condition:
                if not self.condition.wait_for(lambda: self.wanted, timeout=60):
                    self.thread = None
                    return
                self.wanted = False
            self.purge()
            time.sleep(FOLLOW_UP_SECONDS)
            with self.condition:
                # Whatever was asked for meanwhile is covered by this one.
                self.wanted = False
            self.purge()
            # This thread's own connection (the sites' addresses), not kept open.
            connections.close_all()

    @staticmethod
    def purge():
        try:
            purge_every_page()
        except Exception:  # a purge that fails must not stop the next one
            logger.exception("Purging the frontend cache failed")

    def flush(self):
        """At exit (a management command that published): purge what is owed."""
        with self.condition:
            owed = self.wanted or (self.thread is not None and self.thread.is_alive())
        if owed:
            self.purge()


purger = Purger()
atexit.register(purger.flush)


def content_invalidated(sender, **kwargs):
    if get_backends():
        transaction.on_commit(purger.request)


def connect_signals():
    """Called from `PagesConfig.ready()`: purge whenever the content generation
    decides that content changed."""
    generation.content_invalidated.connect(
        content_invalidated, dispatch_uid="frontendcache"
    )
