"""Views outside the page tree: the language redirect at `/` and error pages."""

import sys

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.paginator import Paginator
from django.db import connection
from django.db.utils import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from pages.search import index as site_search

SUPPORTED = {code for code, _name in settings.LANGUAGES}
# How long a visitor's browser should wait before retrying during an outage.
RETRY_AFTER_SECONDS = 30
RESULTS_PER_PAGE = 10


def language_redirect(request):
    """Send `/` to `/es/` or `/en/` by the browser's Accept-Language."""
    language = translation.get_language_from_request(request)
    if language not in SUPPORTED:
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def _language_from_path(request):
    language = translation.get_language_from_path(request.path_info)
    return language or translation.get_language_from_request(request)


def _render_error(request, template, status):
    with translation.override(_language_from_path(request)):
        return render(request, template, status=status)


def bad_request(request, exception=None):
    if isinstance(exception, DisallowedHost):
        # The page chrome builds absolute links from the host; use ours.
        request.META["HTTP_HOST"] = next(
            (host for host in settings.ALLOWED_HOSTS if "*" not in host), "localhost"
        ).lstrip(".")
    return _render_error(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _render_error(request, "403.html", 403)


def page_not_found(request, exception=None):
    return _render_error(request, "404.html", 404)


def server_error(request):
    """500, or 503 when the database is unreachable (Django calls this while
    handling the exception, so it is still in `sys.exc_info()`)."""
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        return database_unavailable(request)
    with translation.override(_language_from_path(request)):
        return render(request, "500.html", status=500)


def database_unavailable(request):
    """The friendly outage page. It renders without the database: no session,
    no user, no page tree, just the language from the address or the browser."""
    language = _language_from_path(request)
    with translation.override(language):
        html = loader.get_template("503.html").render({"LANGUAGE_CODE": language})
    response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Content-Language"] = language
    add_never_cache_headers(response)
    return response


def healthz(request):
    """Load balancers and docker ask here whether the site can reach its database."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError:
        return JsonResponse({"status": "unavailable", "database": False}, status=503)
    return JsonResponse({"status": "ok", "database": True})


def search_results(request):
    """The site search, in the language of the URL."""
    query, truncated = site_search.clean_query(request.GET.get("q", ""))
    language = translation.get_language()
    results = site_search.search(query, language)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_number = request.GET.get("page", "1")
    page_obj = paginator.get_page(page_number)
    for entry in page_obj.object_list:
        entry.snippet = site_search.highlight(
            site_search.snippet(entry, query, language)
        )
        entry.url = entry.page.get_url(request) if entry.page_id else entry.document.url
    return render(
        request,
        "pages/search_results.html",
        {
            "query": query,
            "truncated": truncated,
            "max_length": site_search.MAX_QUERY_LENGTH,
            "page_obj": page_obj,
            "paginator": paginator,
        },
    )


def robots_txt(request):
    """Crawlers: everything public, not the admin; where the sitemap is."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
