"""Every page type of the loaded 2015 site, in both languages, meets our standards.

- axe-core (npm, injected into Debian's chromium) finds no violation, at phone
  and desktop widths;
- the Nu Html Checker (npm `vnu-jar`, run with the machine's Java) finds no
  error; all pages go through one Java run, which keeps the suite fast.

The pages come from the real content loader (`load_iclc_content`), once for the
module: the first live page of each type, plus the extra routes listed below.
"""

import json
import shutil
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from django.urls import reverse
from django.utils import translation

import pytest

from pages.models.base import localise_subpath
from tests.browser.conftest import DESKTOP, PHONE

ROOT = Path(__file__).resolve().parents[2]
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
LANGUAGES = ["en", "es"]
VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}

# Every page model the content creates must be listed here (a test checks it).
PAGE_TYPES = [
    "HomePage",
    "StandardPage",
    "ShowcaseIndexPage",
    "ShowcaseProgrammePage",
    "ProgrammePage",
    "SessionPage",
    "VenueIndexPage",
    "VenuePage",
    "PressReleaseIndexPage",
    "PressReleasePage",
    "MediaIndexPage",
    "GalleryPage",
    "ContactPage",
    "SpeakerIndexPage",
]


def search_url(lang, query):
    with translation.override(lang):
        return f"{reverse('search')}?q={query}"


def offline_url(lang):
    with translation.override(lang):
        return reverse("offline")


# Pages that are not a model's own URL: sub-routes, views, the error page.
EXTRA_PAGES = {
    "ProgrammePage:day": lambda pages, lang: (
        pages["ProgrammePage"].url_in(lang) + localise_subpath(lang, "day/2015-09-28/")
    ),
    "ProgrammePage:filtered": lambda pages, lang: (
        pages["ProgrammePage"].url_in(lang) + "?day=2015-09-29"
    ),
    "PressReleaseIndexPage:day": lambda pages, lang: (
        pages["PressReleaseIndexPage"].url_in(lang)
        + localise_subpath(lang, "day/2015-09-29/")
    ),
    "search": lambda pages, lang: search_url(
        lang, "learning" if lang == "en" else "aprendizaje"
    ),
    "SpeakerIndexPage:person": lambda pages, lang: (
        pages["SpeakerIndexPage"].url_in(lang) + "qian-tang/"
    ),
    "search:empty": lambda pages, lang: search_url(lang, ""),
    "404": lambda pages, lang: f"/{lang}/this-page-does-not-exist/",
    # What the service worker shows offline for a page it did not keep.
    "offline": lambda pages, lang: offline_url(lang),
}
CHECKED = PAGE_TYPES + list(EXTRA_PAGES)

# The content is loaded once for the module (`loaded_site`); each test only reads.
pytestmark = pytest.mark.django_db(serialized_rollback=True)


def first_live_pages():
    """{model name: the first live page of that type, in tree order}."""
    from wagtail.models import Page

    pages = {}
    for page in Page.objects.live().filter(depth__gt=1).order_by("path").specific():
        pages.setdefault(type(page).__name__, page)
    return pages


@pytest.fixture(scope="module")
def site_urls(loaded_site):
    pages = first_live_pages()
    urls = {
        name: {lang: page.url_in(lang) for lang in LANGUAGES}
        for name, page in pages.items()
    }
    for name, build in EXTRA_PAGES.items():
        urls[name] = {lang: build(pages, lang) for lang in LANGUAGES}
    # Each page once before the browser: its image sizes are made on this first
    # request (in production the loader makes them ahead; tests turn that off),
    # which on a busy machine can outlast the browser's 30 s navigation timeout.
    for by_language in urls.values():
        for url in by_language.values():
            fetch(loaded_site.url + url)
    return urls


def test_every_page_type_of_the_content_is_checked(site_urls):
    assert sorted(set(site_urls) - set(CHECKED)) == [], "not checked yet"
    assert sorted(set(CHECKED) - set(site_urls)) == [], "missing from the content"


def describe(violations):
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + "; ".join(" ".join(node["target"]) for node in v["nodes"][:5])
        for v in violations
    ]


@pytest.fixture(scope="module")
def tabs(browser):
    """One browser tab per viewport, reused by every page checked in the module."""
    contexts = {
        name: browser.new_context(viewport=size) for name, size in VIEWPORTS.items()
    }
    yield {name: context.new_page() for name, context in contexts.items()}
    for context in contexts.values():
        context.close()


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_type", CHECKED)
# axe-core is evaluated through the DevTools protocol: the site's Content-Security-
# Policy rightly blocks an injected <script>.
def test_axe_finds_no_violations(
    loaded_site, site_urls, tabs, page_type, lang, viewport
):
    page = tabs[viewport]
    page.goto(loaded_site.url + site_urls[page_type][lang])
    assert page.locator("html").get_attribute("lang") == lang
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations']})"
    )
    assert result["testEngine"]["name"] == "axe-core"
    assert describe(result["violations"]) == []


# A page with a known error goes into the same Java run: if the checker did not
# look at the batch, this canary's test fails.
CANARY = "canary-invalid.html"


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.read()
    except urllib.error.HTTPError as error:  # the 404 page is checked too
        return error.read()


@pytest.fixture(scope="module")
def vnu_messages(loaded_site, site_urls, tmp_path_factory):
    """{file name: messages} from one Nu Html Checker run over every page."""
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs default-jre-headless."
    assert VNU.exists(), "vnu.jar is missing: `make test` runs `npm ci`."
    folder = tmp_path_factory.mktemp("vnu")
    for page_type, paths in site_urls.items():
        for lang, path in paths.items():
            html = fetch(loaded_site.url + path)
            (folder / f"{page_type}-{lang}.html").write_bytes(html)
    (folder / CANARY).write_text(
        '<!DOCTYPE html><html lang="en"><head><title>x</title></head>'
        "<body><p><div>block in a paragraph</div></p></body></html>"
    )
    run = subprocess.run(
        [java, "-jar", str(VNU), "--format", "json", "--stdout", str(folder)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    messages = {}
    for message in json.loads(run.stdout)["messages"]:
        name = Path(urlparse(message.get("url", "")).path).name
        messages.setdefault(name, []).append(message)
    return messages


def errors_in(messages):
    return [
        f"line {m.get('lastLine')}: {m['message']} «{m.get('extract', '').strip()}»"
        for m in messages
        if m["type"] in ("error", "non-document-error")
    ]


def test_nu_html_checker_ran_over_the_batch(vnu_messages):
    assert errors_in(vnu_messages.get(CANARY, []))


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page_type", CHECKED)
def test_nu_html_checker_finds_no_errors(vnu_messages, page_type, lang):
    assert errors_in(vnu_messages.get(f"{page_type}-{lang}.html", [])) == []
