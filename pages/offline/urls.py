"""The offline part's addresses: the service worker and its list at the site
root (a worker's scope is its own folder and below), the manifest and the
offline page under each language (iclc/urls.py places them)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from . import views

urlpatterns = [
    path("sw.js", views.service_worker, name="service_worker"),
    path("offline/pages.json", views.offline_pages, name="offline_pages"),
]

# Inside i18n_patterns, before Wagtail's pages.
localised_urlpatterns = [
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path(_("offline/"), views.offline_page, name="offline"),
]
