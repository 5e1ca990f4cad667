"""The offline part's addresses as Django serves them: the web app manifest of
each language, the service worker's script and headers, the list of pages it
keeps, the offline page, and what the pages say about them (pages/offline/).

The worker itself runs in a browser: tests/browser/test_offline.py."""

import datetime
import io
import json
import re
from pathlib import Path

from django.urls import reverse
from django.utils import translation

from wagtail.models import PageViewRestriction

import pytest
from PIL import Image

from pages.models import ConferenceSettings
from pages.offline import icons
from tests import factories as f

ROOT = Path(__file__).resolve().parents[2]
SITE_CSS = ROOT / "iclc" / "static" / "css" / "site.css"
LANGUAGES = ["en", "es"]
NAMES = {
    "en": "2nd International Conference on Learning Cities",
    "es": "2.ª Conferencia Internacional sobre Ciudades del Aprendizaje",
}
MEXICO_CITY = datetime.timezone(datetime.timedelta(hours=-5))


@pytest.fixture
def programme(home_page):
    """A programme with sessions on two days, two venues, in both languages."""
    programme = f.ProgrammePageFactory(parent=home_page)
    venues = f.VenueIndexPageFactory(parent=home_page)
    palace = f.VenuePageFactory(parent=venues, slug_en="palace", slug_es="palacio")
    f.SessionPageFactory(
        parent=programme, slug_en="opening", slug_es="apertura", venue=palace
    )
    f.SessionPageFactory(
        parent=programme,
        slug_en="closing",
        slug_es="clausura",
        start=datetime.datetime(2015, 9, 30, 17, 0, tzinfo=MEXICO_CITY),
    )
    return programme


def read(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def manifest_of(client, language):
    response = client.get(f"/{language}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/manifest+json")
    return json.loads(read(response))


def listed(client):
    response = client.get("/offline/pages.json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    return json.loads(read(response))


def addresses(data):
    return {url for entry in data["pages"] for url in entry["urls"].values()}


def css_token(name):
    return re.search(rf"--{name}:\s*(#[0-9a-f]{{6}})", SITE_CSS.read_text()).group(1)


# The manifest ------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manifest_speaks_its_language_and_starts_at_its_programme(
    client, programme, language
):
    manifest = manifest_of(client, language)
    assert manifest["lang"] == language
    assert manifest["name"] == NAMES[language]
    assert manifest["short_name"] == "ICLC 2015"
    assert manifest["start_url"] == programme.url_in(language)
    assert manifest["scope"] == f"/{language}/"
    assert manifest["start_url"].startswith(manifest["scope"])
    assert manifest["display"] == "standalone"
    # The design tokens: rosa mexicano for the bars, the paper for the splash.
    assert manifest["theme_color"] == css_token("rosa")
    assert manifest["background_color"] == css_token("paper")


def test_the_manifest_takes_the_names_editors_give_the_conference(client, programme):
    settings = ConferenceSettings.for_site(programme.get_site())
    settings.name_en = "Learning cities, second meeting"
    settings.name_es = "Ciudades del aprendizaje, segundo encuentro"
    settings.save()
    assert manifest_of(client, "en")["name"] == "Learning cities, second meeting"
    assert manifest_of(client, "es")["name"] == settings.name_es


def test_the_manifest_starts_at_home_without_a_programme(client, home_page):
    assert manifest_of(client, "es")["start_url"] == "/es/"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_manifests_icons_exist_at_their_sizes(client, home_page, language):
    manifest = manifest_of(client, language)
    purposes = set()
    for icon in manifest["icons"]:
        response = client.get(icon["src"])
        assert response.status_code == 200, icon["src"]
        image = Image.open(io.BytesIO(read(response)))
        assert image.format == "PNG"
        assert f"{image.width}x{image.height}" == icon["sizes"]
        assert icon["type"] == "image/png"
        purposes.add(icon["purpose"])
    assert {icon["sizes"] for icon in manifest["icons"]} >= {"192x192", "512x512"}
    assert purposes == {"any", "maskable"}


def test_the_committed_icons_are_those_the_script_draws():
    folder = ROOT / "iclc" / "static" / "img" / "icons"
    for name, size, _share, background in icons.ICONS:
        committed = Image.open(folder / name)
        assert committed.size == (size, size)
        drawn = icons.draw_icon(size, _share, background)
        # Same drawing (Pillow's resampling may differ by a shade between versions).
        difference = sum(
            abs(a - b)
            for a, b in zip(
                committed.convert("RGBA").tobytes(), drawn.tobytes(), strict=True
            )
        )
        assert difference / (size * size * 4) < 1
    # A maskable icon is opaque: platforms crop it, nothing shows through.
    maskable = Image.open(folder / "icon-maskable-512.png")
    assert maskable.mode == "RGB"


# The service worker ---------------------------------------------------------------


def worker_settings(body):
    match = re.search(r"^self\.OFFLINE = (\{.*\});$", body, re.MULTILINE)
    assert match, body[:300]
    return json.loads(match.group(1))


def test_the_worker_is_served_from_the_root_and_never_cached(client, home_page):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert response["Cache-Control"] == "no-cache"
    assert response["Service-Worker-Allowed"] == "/"
    body = read(response).decode()
    source = (ROOT / "iclc" / "static" / "js" / "service-worker.js").read_text()
    assert body.endswith(source)
    # The page cache stores none of it: asked again, it is made again.
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/sw.js")


def test_the_workers_settings_name_files_that_exist(client, home_page):
    config = worker_settings(read(client.get("/sw.js")).decode())
    assert config["list"] == "/offline/pages.json"
    assert config["offline"] == {"en": "/en/offline/", "es": "/es/sin-conexion/"}
    for url in config["shell"] + list(config["offline"].values()):
        assert client.get(url).status_code == 200, url
    for never in ("/admin/", "/documents/", "/en/search/", "/es/buscar/"):
        assert never in config["never"]
    assert re.fullmatch(r"[0-9a-f]{16}", config["version"])


def test_the_workers_version_follows_its_source_and_its_files(
    client, home_page, settings
):
    before = worker_settings(read(client.get("/sw.js")).decode())["version"]
    settings.STATIC_URL = "/assets/"
    after = worker_settings(read(client.get("/sw.js")).decode())["version"]
    assert before != after


def test_the_public_policy_allows_our_worker_and_manifest(client, programme):
    policy = client.get(programme.url_in("en"))["Content-Security-Policy"]
    assert "worker-src 'self'" in policy
    assert "manifest-src 'self'" in policy


# The list -------------------------------------------------------------------------


def test_the_list_names_the_programme_days_sessions_and_venues_in_both_languages(
    client, programme
):
    data = listed(client)
    kinds = {}
    for entry in data["pages"]:
        assert set(entry["urls"]) == set(LANGUAGES)
        kinds.setdefault(entry["kind"], []).append(entry["urls"])
    assert kinds["programme"] == [{"en": "/en/programme/", "es": "/es/programa/"}]
    assert kinds["day"] == [
        {
            "en": "/en/programme/day/2015-09-28/",
            "es": "/es/programa/dia/2015-09-28/",
        },
        {
            "en": "/en/programme/day/2015-09-30/",
            "es": "/es/programa/dia/2015-09-30/",
        },
    ]
    assert {"en": "/en/programme/opening/", "es": "/es/programa/apertura/"} in kinds[
        "session"
    ]
    assert len(kinds["session"]) == 2
    assert kinds["venues"] == [{"en": "/en/venues/", "es": "/es/sedes/"}]
    assert kinds["venue"] == [{"en": "/en/venues/palace/", "es": "/es/sedes/palacio/"}]


def test_every_listed_address_answers_200(client, programme):
    for url in addresses(listed(client)):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Language"] == url[1:3]


def test_the_list_leaves_out_drafts_private_pages_and_the_rest(client, programme):
    draft = f.SessionPageFactory(parent=programme, slug_en="draft", live=False)
    private = f.SessionPageFactory(parent=programme, slug_en="private")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    about = f.StandardPageFactory(parent=programme.get_parent(), slug_en="about")
    urls = addresses(listed(client))
    assert not any("draft" in url or "private" in url for url in urls)
    assert draft.url_in("en") not in urls
    assert about.url_in("en") not in urls
    assert not any(url.startswith(("/admin/", "/documents/")) for url in urls)
    assert all(re.match(r"^/(en|es)/", url) for url in urls)


def test_a_private_programme_is_left_out_whole(client, programme):
    PageViewRestriction.objects.create(page=programme, restriction_type="login")
    kinds = {entry["kind"] for entry in listed(client)["pages"]}
    assert kinds == {"venues", "venue"}


def test_the_lists_version_moves_on_with_a_publish(client, programme):
    before = listed(client)["version"]
    assert isinstance(before, str)  # larger than JavaScript's exact integers
    session = programme.get_children().first().specific
    session.title_en = "Opening, moved"
    session.save_revision().publish()
    after = listed(client)
    assert after["version"] != before
    # The list itself may be kept by the page cache, per content generation.
    assert client.get("/offline/pages.json")["X-Page-Cache"] == "hit"


# The offline page -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("language", "path", "heading"),
    [
        ("en", "/en/offline/", "This page is not available offline"),
        ("es", "/es/sin-conexion/", "Esta página no está disponible sin conexión"),
    ],
)
def test_the_offline_page_in_each_language(client, programme, language, path, heading):
    with translation.override(language):
        assert reverse("offline") == path
    response = client.get(path)
    assert response.status_code == 200
    html = read(response).decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    assert f'href="{programme.url_in(language)}"' in html
    assert '<meta name="robots" content="noindex">' in html


# What every page says -------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_link_the_manifest_icon_and_the_registration_script(
    client, programme, language
):
    html = read(client.get(programme.url_in(language))).decode()
    assert f'<link rel="manifest" href="/{language}/manifest.webmanifest">' in html
    assert '<link rel="apple-touch-icon" href="/static/img/icons/' in html
    assert (
        '<script src="/static/js/offline.js" data-worker="/sw.js" defer></script>'
        in html
    )


def test_pages_with_the_registration_script_are_still_shared(client, programme):
    """No nonce, no inline script: the page cache still keeps the pages."""
    url = programme.url_in("en")
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"
