"""URLs: admin, documents and health check at the top; pages under /en/ and /es/."""

import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from pages import views
from pages.models.base import routed_file_names
from pages.offline import urls as offline_urls
from pages.sitemaps import SITEMAPS

ROUTED_FILE_NAMES = "|".join(re.escape(name) for name in routed_file_names())

handler400 = "pages.views.bad_request"
handler403 = "pages.views.permission_denied"
handler404 = "pages.views.page_not_found"
handler500 = "pages.views.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", views.language_redirect, name="language_redirect"),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The service worker (at the root, to cover /en/ and /es/) and its list.
    path("", include(offline_urls.urlpatterns)),
]

if settings.SERVE_MEDIA:
    # Images only: documents are served by Wagtail's document view, which
    # applies their collection's privacy and sends them as downloads; their
    # files must never be reachable as plain media.
    urlpatterns += [
        re_path(
            r"^media/(?!documents/)(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

urlpatterns += i18n_patterns(
    # Wagtail serves only paths ending in "/": the files pages route below
    # their address (`…/calendar.ics`, `…/programme.pdf`, `…/schedule.xml`)
    # are sent to the page by name, and only those names, so that no other
    # address (`/media/…/x.pdf`) looks like a page's to the language redirect.
    re_path(rf"^((?:[\w\-]+/)+(?:{ROUTED_FILE_NAMES}))$", wagtail_views.serve),
    path(_("search/"), views.search_results, name="search"),
    # The web app manifest and the offline page of each language.
    path("", include(offline_urls.localised_urlpatterns)),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
