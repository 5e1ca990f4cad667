"""The service worker, the list of pages it keeps, the web app manifest in each
language and the offline page (docs/performance.md, "Reading offline").

The service worker's source is a static file (`js/service-worker.js`); it is
served from the site root, so that its scope covers `/en/` and `/es/`, after
one line of settings made here: the addresses of the files it stores (hashed
names in production), of the list and of the offline pages. Its version is a
digest of both, so a deploy that changes either makes browsers install it again
and store every page anew with the new styles.
"""

import hashlib
import json
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext

from pages.models import ConferenceSettings, ProgrammePage
from pages.models.base import as_links, in_public_sections

from .addresses import LANGUAGES, offline_list

WORKER_SOURCE = "js/service-worker.js"
# What every stored page needs besides itself: styles, scripts, the font and the
# icons (the programme's filters script; the site's and this part's own).
SHELL_FILES = (
    "css/site.css",
    "js/site.js",
    "js/programme.js",
    "js/offline.js",
    "fonts/montserrat-latin-wght-normal.woff2",
    "img/favicon.svg",
    "img/icons/icon-192.png",
)
ICONS = (
    ("img/icons/icon-192.png", 192, "any"),
    ("img/icons/icon-512.png", 512, "any"),
    ("img/icons/icon-maskable-512.png", 512, "maskable"),
)
# The design tokens of iclc/static/css/site.css (:root): --rosa, the browser's
# bar (as <meta name="theme-color">), and --paper behind the splash screen.
THEME_COLOR = "#e4007c"
BACKGROUND_COLOR = "#ffffff"
# Images shown on stored pages are kept as the browser asked for them (one
# format and width each), up to this many, each at most this large.
IMAGE_LIMIT = 80
IMAGE_MAX_BYTES = 600 * 1024
MANIFEST_TYPE = "application/manifest+json"


def read_static(name):
    """A static file's text: from the source folders (development, tests) or
    from the collected files (production)."""
    found = finders.find(name)
    if found:
        return Path(found).read_text(encoding="utf-8")
    with staticfiles_storage.open(name) as source:
        return source.read().decode("utf-8")


# Requests the worker leaves to the browser alone: the admin (previews too) and
# documents (downloads, privacy checked by the site).
BYPASS = ("/admin/", "/documents/")


def never_stored_paths():
    """Paths the worker never keeps: those it leaves alone, the admin's static
    files, search in each language, and Wagtail's private-page forms. Pages
    among them still get the offline page when the network fails."""
    paths = [*BYPASS, settings.STATIC_URL + "wagtail"]
    for language in LANGUAGES:
        with translation.override(language):
            paths += [reverse("search"), f"/{language}/_util/"]
    return paths


def worker_settings():
    return {
        "list": reverse("offline_pages"),
        "offline": {language: offline_page_url(language) for language in LANGUAGES},
        "defaultLanguage": settings.LANGUAGE_CODE,
        "shell": [static(name) for name in SHELL_FILES],
        "staticUrl": settings.STATIC_URL,
        "imagesUrl": settings.MEDIA_URL + "images/",
        "bypass": list(BYPASS),
        "never": never_stored_paths(),
        "imageLimit": IMAGE_LIMIT,
        "imageMaxBytes": IMAGE_MAX_BYTES,
        # An editor's browser asks the network first for this long after it
        # was last seen in the admin (as long as a session lasts).
        "editorSeconds": settings.SESSION_COOKIE_AGE,
    }


def offline_page_url(language):
    with translation.override(language):
        return reverse("offline")


def service_worker(request):
    """The service worker at `/sw.js`: its settings, then its source. Never
    kept by a cache (`no-cache`: browsers, the page cache and Varnish ask
    each time; the browser compares the bytes to decide on an update)."""
    source = read_static(WORKER_SOURCE)
    config = worker_settings()
    version = hashlib.blake2b(
        (json.dumps(config, sort_keys=True) + source).encode(), digest_size=8
    ).hexdigest()
    config["version"] = version
    body = (
        "// Settings from the site (pages/offline/views.py), then "
        f"iclc/static/{WORKER_SOURCE}.\n"
        f"self.OFFLINE = {json.dumps(config, sort_keys=True)};\n\n{source}"
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    patch_cache_control(response, no_cache=True)
    # Its scope is the whole site (it is at the root); said for any proxy
    # that would serve it from elsewhere.
    response["Service-Worker-Allowed"] = "/"
    return response


def offline_pages(request):
    """The list of addresses the worker keeps, with its version (JSON). Public
    content: the page cache and Varnish keep it, per content generation."""
    return JsonResponse(offline_list(request), json_dumps_params={"indent": 1})


def programme_url(request, language):
    """The programme's address in `language`, or the home page's when the site
    has no public programme."""
    programme = as_links(in_public_sections(ProgrammePage.objects.live())).first()
    if programme is not None:
        url = programme.url_in(language, request)
        if url:
            return url
    return f"/{language}/"


def manifest(request):
    """The web app manifest in the language of the address: the conference's
    names as the site writes them (Settings → Conference), the programme to
    start at, the site's colours and icons."""
    language = translation.get_language()
    conference = ConferenceSettings.for_request(request)
    name = conference.name or gettext("2nd International Conference on Learning Cities")
    short_name = conference.short_name or gettext("ICLC 2015")
    data = {
        "id": f"/{language}/",
        "name": name,
        "short_name": short_name,
        "description": gettext("The programme of the %(name)s, also offline.")
        % {"name": name},
        "lang": language,
        "dir": "ltr",
        "start_url": programme_url(request, language),
        "scope": f"/{language}/",
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {
                "src": static(name),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": purpose,
            }
            for name, size, purpose in ICONS
        ],
    }
    return HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=1),
        content_type=f"{MANIFEST_TYPE}; charset=utf-8",
    )


def offline_page(request):
    """What the worker shows for a page it did not keep, in the language of the
    address it was asked for: stored once, when it installs."""
    language = translation.get_language()
    return render(
        request,
        "offline/offline_page.html",
        {"programme_url": programme_url(request, language)},
    )
