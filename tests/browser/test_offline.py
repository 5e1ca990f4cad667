"""Reading the programme offline on a phone, in Debian's chromium.

A delegate opens the programme once; the service worker (pages/offline/,
iclc/static/js/service-worker.js) stores the programme, its days, every session
and the venues in both languages. Offline (Playwright's `set_offline`), those
pages open with their content, and any other page is the offline page in the
language of its address. Back online, an editor republishes a session with a new
title: the worker answers from its store first (stale-while-revalidate), so the
new title is there after one reload, and the site's list having a new version,
every stored copy is fetched again (the Spanish page too, never opened since).

Playwright's offline emulation covers the worker's own requests in this
chromium: offline, a page that was not stored gets the offline page, which the
worker answers only when its `fetch` failed (were its requests still going
out, the page itself would show).

The content is loaded once for the module (`loaded_site`); one phone (a browser
context with its worker) is used by every test, in the order written.
"""

import json
import threading
import time
import urllib.request
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection

import pytest

from pages.models import ProgrammePage, SessionPage
from tests.admin_forms import PASSWORD

pytestmark = [
    pytest.mark.django_db(serialized_rollback=True),
    # One worker loads the content once for all of them.
    pytest.mark.xdist_group("offline"),
]

PHONE = {"width": 390, "height": 844}
SHOTS = Path("/work/tmp/shots/offline")


def screenshot(page, name):
    if SHOTS.parent.is_dir():
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def until(predicate, seconds=30):
    """Wait for `predicate()` (the worker works in the background). Not
    Playwright's `wait_for_function`: it evaluates strings, which the site's
    Content-Security-Policy (rightly) refuses."""
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, f"still false after {seconds} s"
        time.sleep(0.25)


STORED_PATHS = """async () => {
  const names = (await caches.keys()).filter((name) => name.includes("-pages-"));
  if (names.length !== 1) return [];
  const keys = await (await caches.open(names[0])).keys();
  return keys.map((request) => new URL(request.url).pathname);
}"""


STORED_TEXT = """async (path) => {
  const names = (await caches.keys()).filter((name) => name.includes("-pages-"));
  const cache = names.length ? await caches.open(names[0]) : null;
  const response = cache ? await cache.match(path) : null;
  return response ? response.text() : "";
}"""


def stored_text(page, path):
    """The worker's stored copy of the page at `path` ("" if none)."""
    return page.evaluate(STORED_TEXT, path)


def committed(work):
    """Run `work` in a thread of its own, so on a connection of its own that
    commits at once: the live server reads with its own connection, outside this
    test's transaction (rolled back at its end; the module's teardown restores
    the database)."""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as error:  # noqa: BLE001 - raised again below
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def session_at(english_url):
    return SessionPage.objects.get(slug_en=english_url.rstrip("/").rsplit("/", 1)[-1])


def republish(session_id, titles):
    """What an editor's Publish does: a new revision with these titles, published."""
    session = SessionPage.objects.get(pk=session_id)
    for language, title in titles.items():
        setattr(session, f"title_{language}", title)
    session.save_revision().publish()


@pytest.fixture(scope="module")
def kept(loaded_site):
    """The list of pages the site tells the worker to keep: {kind: [urls]}."""
    with urllib.request.urlopen(loaded_site.url + "/offline/pages.json") as response:
        listed = json.load(response)
    kinds = {}
    for entry in listed["pages"]:
        kinds.setdefault(entry["kind"], []).append(entry["urls"])
    return kinds


def install(context, loaded_site, kept):
    """Open the English programme once; wait until the worker took over and
    stored every page of the list. The page, still open."""
    page = context.new_page()
    page.goto(loaded_site.url + kept["programme"][0]["en"])
    state = page.evaluate(
        """async () => {
          const registration = await navigator.serviceWorker.ready;
          for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i += 1) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return [registration.scope, registration.active.state,
                  Boolean(navigator.serviceWorker.controller)];
        }"""
    )
    assert state == [loaded_site.url + "/", "activated", True]
    wanted = {url for entries in kept.values() for e in entries for url in e.values()}
    until(lambda: wanted <= set(page.evaluate(STORED_PATHS)))
    return page


@pytest.fixture(scope="module")
def phone(browser, loaded_site, kept):
    """A phone that opened the programme once, with every page stored."""
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    page = install(context, loaded_site, kept)
    yield context, page
    context.close()


@pytest.fixture
def offline(phone):
    context, page = phone
    context.set_offline(True)
    yield page
    context.set_offline(False)


def test_the_worker_stores_every_listed_page_in_both_languages(phone, kept):
    _context, page = phone
    stored = set(page.evaluate(STORED_PATHS))
    assert {"programme", "day", "session", "venues", "venue"} <= set(kept)
    for entries in kept.values():
        for urls in entries:
            assert set(urls) == {"en", "es"}
            assert set(urls.values()) <= stored
    assert "/offline/pages.json" in stored
    assert not any(path.startswith(("/admin/", "/documents/")) for path in stored)


@pytest.mark.parametrize(
    ("kind", "language"),
    [("session", "es"), ("day", "en"), ("session", "en"), ("day", "es")],
)
def test_stored_pages_open_offline_with_their_content(
    offline, loaded_site, kept, kind, language
):
    entry = kept[kind][1 if kind == "session" else 0]
    offline.goto(loaded_site.url + entry[language])
    assert offline.locator("html").get_attribute("lang") == language
    heading = offline.locator("h1").inner_text()
    if kind == "session":
        session = session_at(entry["en"])
        assert heading == getattr(session, f"title_{language}")
        screenshot(offline, f"session-offline-{language}")
    else:
        # The day view lists its sessions, with links to them.
        assert offline.locator("main a[href*='/']").count() > 3
        assert "2015" in heading or "septiembre" in heading.lower()
    # Styled: the stored styles apply (the site's font stack on the body).
    assert "Montserrat" in offline.evaluate(
        "() => getComputedStyle(document.querySelector('h1')).fontFamily"
    )


@pytest.mark.parametrize(
    ("language", "path", "heading"),
    [
        ("en", "/en/press/", "This page is not available offline"),
        ("es", "/es/prensa/", "Esta página no está disponible sin conexión"),
    ],
)
def test_a_page_not_stored_is_the_offline_page_in_its_language(
    offline, loaded_site, kept, language, path, heading
):
    offline.goto(loaded_site.url + path)
    assert offline.locator("html").get_attribute("lang") == language
    assert offline.locator("h1").inner_text() == heading
    link = offline.locator("main a.button")
    assert link.get_attribute("href") == kept["programme"][0][language]
    screenshot(offline, f"offline-page-{language}")
    link.click()  # the stored programme, offline
    programme = ProgrammePage.objects.get()
    assert offline.locator("h1").inner_text() == getattr(programme, f"title_{language}")


def test_a_new_publish_replaces_the_stored_copies(phone, loaded_site, kept):
    """Strict stale-while-revalidate: the first visit after the publish shows the
    stored copy while the worker fetches the page and the list; once the list's
    version moved, every page is fetched again; the next visit (a reload) shows
    the new title, and so does the Spanish page, offline, never opened since."""
    context, page = phone
    urls = kept["session"][0]
    session = session_at(urls["en"])
    before = {"en": session.title_en, "es": session.title_es}
    after = {
        "en": "Opening ceremony, now at the Zócalo",
        "es": "Inauguración en el Zócalo",
    }
    committed(lambda: republish(session.pk, after))
    try:
        page.goto(loaded_site.url + urls["en"])
        assert page.locator("h1").inner_text() == before["en"]  # from the store
        for language in ("en", "es"):
            until(lambda lang=language: after[lang] in stored_text(page, urls[lang]))
        page.reload()
        assert page.locator("h1").inner_text() == after["en"]
        # The day view and the programme list the new title too.
        assert after["en"] in stored_text(page, kept["programme"][0]["en"])
        context.set_offline(True)
        page.goto(loaded_site.url + urls["es"])
        assert page.locator("h1").inner_text() == after["es"]
    finally:
        context.set_offline(False)
        committed(lambda: republish(session.pk, before))


def editor_account():
    """An editor (the Editors group, as `migrate` makes it), committed."""
    user = get_user_model().objects.create_user(
        "offline-editor", "offline-editor@iclc2015.example.org", PASSWORD
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user.pk


def test_an_editors_pages_are_never_stored(browser, loaded_site, kept):
    """Signed in, an editor gets their own pages from the network (with the
    user bar), at once after a publish; the stored copies are refreshed all the
    same, fetched without the editor's cookies: no user bar in them."""
    context = browser.new_context(viewport=PHONE, service_workers="allow")
    urls = kept["session"][1]
    session = session_at(urls["en"])
    before = {"en": session.title_en}
    user = committed(editor_account)
    try:
        page = install(context, loaded_site, kept)
        page.goto(loaded_site.url + "/admin/login/")
        page.fill("#id_username", "offline-editor")
        page.fill("#id_password", PASSWORD)
        page.locator("form button[type=submit]").first.click()
        page.wait_for_url("**/admin/")
        committed(lambda: republish(session.pk, {"en": "Plenary, moved to noon"}))
        page.goto(loaded_site.url + urls["en"])
        assert page.locator("h1").inner_text() == "Plenary, moved to noon"
        assert "wagtail-userbar" in page.content()
        until(lambda: "Plenary, moved to noon" in stored_text(page, urls["en"]))
        for entries in kept.values():
            for entry in entries:
                assert "wagtail-userbar" not in stored_text(page, entry["en"])
    finally:
        context.close()
        committed(lambda: republish(session.pk, before))
        committed(lambda: get_user_model().objects.filter(pk=user).delete())
