"""Views outside the page tree: the language redirect at `/` and error pages."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.cache import patch_vary_headers

from pages import search as site_search

SUPPORTED = {code for code, _name in settings.LANGUAGES}
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


def page_not_found(request, exception=None):
    with translation.override(_language_from_path(request)):
        return render(request, "404.html", status=404)


def server_error(request):
    with translation.override(_language_from_path(request)):
        return render(request, "500.html", status=500)


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
    results = site_search.search(query, translation.get_language())
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_number = request.GET.get("page", "1")
    page_obj = paginator.get_page(page_number)
    for entry in page_obj.object_list:
        entry.snippet = site_search.highlight(
            getattr(entry, "headline", "") or entry.text[:240]
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
