"""The site serving a request, with its home page, read from the cache.

Wagtail finds the site with a query on every request (`Site.find_for_request`),
and its router then loads the home page as its own type with a second one,
before any page-specific work starts. Both change only with content, so the site,
its home page already specific, is kept in the cache under the page-cache
generation (any content change moves it on) and handed to Wagtail on the request.
"""

from django.http.request import split_domain_port

from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from pages.cache import per_generation


def cached_site(hostname, port):
    """The site for this host and port, its root page specific, or None."""

    def load():
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None
        site.root_page = site.root_page.specific
        return site

    return per_generation(f"site:{hostname}:{port}", load)


class CachedSiteMiddleware:
    """Give Wagtail the request's site from the cache.

    Placed after `CommonMiddleware`, which has already refused hosts outside
    `ALLOWED_HOSTS`: only allowed host names become cache keys.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request.get_host())[0]
        site = cached_site(hostname, request.get_port())
        if site is not None:
            request._wagtail_site = site
        return self.get_response(request)
