"""The editors' morning on a conference day, in a real browser, on `make run`.

What the communications team does before the first session, against the site
as `make run` serves it (the loaded 2015 content, gunicorn and the scheduler
beside it, a fresh SQLite database on a free port):

- a moderator schedules tomorrow's release a minute or two ahead;
- an editor writes today's release in both languages with a photo, previews it
  in English and Spanish and submits it;
- a moderator previews it from the dashboard and approves it there: it is live
  in both languages and in both feeds;
- a translator (whose admin speaks Spanish) fixes the Spanish of a page and
  submits it; the moderator approves it: the Spanish page shows the fix;
- the scheduled release goes live by itself, with no command run by hand;
- stopping `make run` (Ctrl-C) stops the server and the scheduler.
"""

import datetime
import json
import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import zoneinfo
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.admin_forms import PASSWORD
from tests.postgres import free_port

ROOT = Path(__file__).resolve().parents[2]
SHOTS = Path("/work/tmp/shots/morning")
MEXICO_CITY = zoneinfo.ZoneInfo("America/Mexico_City")

STAFF = f"""
import json
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.users.models import UserProfile
from pages.models import PressReleaseIndexPage, StandardPage

for name, group, language in (
    ("editor", "Editors", "en"),
    ("moderator", "Moderators", "en"),
    ("translator", "Translators", "es"),
):
    user = get_user_model().objects.create_user(
        name, f"{{name}}@iclc2015.example.org", {PASSWORD!r}
    )
    user.groups.add(Group.objects.get(name=group))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
page = StandardPage.objects.live().order_by("path").first()
print(json.dumps({{
    "newsroom": PressReleaseIndexPage.objects.get().pk,
    "page": page.pk,
    "page_es": page.url_in("es"),
    "page_title": page.title_en,
}}))
"""


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def read(url):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.read().decode()


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def processes_in(group):
    found = subprocess.run(
        ["pgrep", "-g", str(group)], capture_output=True, text=True, check=False
    )
    return found.stdout.split()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """`make run` as a newcomer starts it; stopped with Ctrl-C at the end."""
    folder = tmp_path_factory.mktemp("make-run")
    port = free_port(range(8160, 8180))
    environment = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
        "DJANGO_CACHE_DIR": str(folder / "cache"),
        "SCHEDULER_INTERVAL": "2",
    }
    environment.pop("DJANGO_SETTINGS_MODULE", None)  # the tests' settings
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        ["make", "run"],
        cwd=ROOT,
        env=environment,
        stdout=(folder / "make-run.log").open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        started = wait_for(lambda: status(f"{base}/healthz") == 200, 300)
        assert started, (folder / "make-run.log").read_text()[-3000:]
        staff = subprocess.run(
            [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", STAFF],
            cwd=ROOT,
            env={
                **environment,
                "DJANGO_SETTINGS_MODULE": "iclc.settings.production",
                "DJANGO_HTTPS": "0",
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            },
            capture_output=True,
            text=True,
            check=False,
        )
        assert staff.returncode == 0, staff.stderr[-3000:]
        yield base, json.loads(staff.stdout.strip().splitlines()[-1])
    finally:
        os.killpg(server.pid, signal.SIGINT)  # Ctrl-C in the terminal
        # `poll` reaps make once it exits (a zombie still counts in its group).
        stopped = wait_for(
            lambda: server.poll() is not None and not processes_in(server.pid), 30
        )
        if not stopped:
            os.killpg(server.pid, signal.SIGKILL)
        server.wait(timeout=30)
    assert stopped, (
        "make run left its server or scheduler running: "
        + (folder / "make-run.log").read_text()[-2000:]
    )


def sign_in(new_page, base, username):
    page = new_page()
    page.goto(f"{base}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{base}/admin/")
    return page


def shoot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def schedule_tomorrows_release(page, base, newsroom):
    """A moderator writes tomorrow's release and schedules it one to two
    minutes ahead (the picker has minutes); returns when it goes live."""
    page.goto(f"{base}/admin/pages/add/pages/pressreleasepage/{newsroom}/")
    page.locator("#id_title_en").fill("Tomorrow: the mayors sign the declaration")
    page.locator("#id_title_es").fill("Mañana: los alcaldes firman la declaración")
    page.locator("#id_summary_en").fill("The declaration is signed tomorrow.")
    page.locator("#id_summary_es").fill("La declaración se firma mañana.")
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug_en").fill("tomorrow")
    page.locator("#id_slug_es").fill("manana")
    page.get_by_role("button", name="Status").click()
    page.get_by_role("button", name="Set schedule").click()
    go_live = datetime.datetime.now(MEXICO_CITY) + datetime.timedelta(minutes=2)
    page.locator("#id_go_live_at").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # The date picker opens over the button; a click on the dialog's title
    # closes it, once it is open.
    picker = page.locator(".xdsoft_datetimepicker:visible")
    expect(picker).to_have_count(1)
    page.locator("#schedule-publishing-dialog .w-dialog__title").first.click()
    expect(picker).to_have_count(0)
    page.get_by_role("button", name="Save schedule").click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("scheduled for publishing")
    return go_live


def write_and_submit_todays_release(page, base, newsroom):
    page.goto(f"{base}/admin/pages/add/pages/pressreleasepage/{newsroom}/")
    page.locator("#id_title_en").fill("Day four: the mayors' walk")
    page.locator("#id_title_es").fill("Día cuatro: el recorrido de los alcaldes")
    # The dateline place starts in each language's words.
    expect(page.locator("#id_location_es")).to_have_value("Ciudad de México")
    page.locator("#id_summary_en").fill("Mayors walked the historic centre.")
    page.locator("#id_summary_es").fill("Los alcaldes recorrieron el Centro Histórico.")
    page.get_by_role("button", name="Choose an image").first.click()
    chooser = page.locator(".modal-content")
    chooser.locator("a.image-choice").first.click()
    expect(page.locator(".modal-content")).to_have_count(0)
    page.get_by_role("tab", name="Promote").click()
    page.locator("#id_slug_en").fill("mayors-walk")
    page.locator("#id_slug_es").fill("recorrido-de-los-alcaldes")
    page.get_by_role("tab", name="Content").click()

    page.get_by_role("button", name="Toggle preview").click()
    panel = page.frame_locator("#w-preview-iframe")
    expect(panel.locator("h1")).to_have_text(
        "Day four: the mayors' walk", timeout=20_000
    )
    expect(panel.locator("main img").first).to_be_visible()
    page.locator("#id_preview_mode").select_option("es")
    new_tab = page.locator("[data-w-preview-target='newTab']")
    expect(new_tab).to_have_attribute("href", re.compile(r"mode=es"))
    spanish = page.context.new_page()
    spanish.goto(new_tab.get_attribute("href"))
    expect(spanish.locator("html")).to_have_attribute("lang", "es")
    expect(spanish.locator("h1")).to_have_text(
        "Día cuatro: el recorrido de los alcaldes"
    )
    shoot(spanish, "editor-preview-es")
    spanish.close()

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Moderators approval").click()
    page.wait_for_url("**/admin/pages/*/")
    expect(page.locator(".messages")).to_contain_text("submitted for moderation")


def approve_from_the_dashboard(page, base, title):
    page.goto(f"{base}/admin/")
    row = page.locator("tr", has_text=title)
    row.get_by_role("button", name="Actions").click()
    preview = page.context.new_page()
    preview.goto(base + row.get_by_role("link", name="Preview").get_attribute("href"))
    expect(preview.locator("h1")).to_be_visible()
    preview.close()
    shoot(page, f"dashboard-{title[:12]}")
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(page.locator("tr", has_text=title)).to_have_count(0)


def test_slow_clients_do_not_starve_make_runs_server(site):
    """Clients that send half a request and wait (a phone losing signal, or
    on purpose) hold one thread each, not a whole worker."""
    base, _ids = site
    port = int(base.rsplit(":", 1)[1])
    stalled = [socket.create_connection(("127.0.0.1", port)) for _ in range(6)]
    try:
        for connection in stalled:
            connection.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        # `status` gives up after 5 s: with two sync workers this hung 25 s.
        assert status(f"{base}/healthz") == 200
    finally:
        for connection in stalled:
            connection.close()


def read_the_programme(page, base):
    """Open the programme and wait until the offline worker (its scope the
    whole site) controls the tab, as on a moderator's phone."""
    page.goto(f"{base}/en/programme/")
    controlled = page.evaluate(
        """async () => {
          await navigator.serviceWorker.ready;
          for (let i = 0; i < 100 && !navigator.serviceWorker.controller; i += 1) {
            await new Promise((resolve) => setTimeout(resolve, 100));
          }
          return Boolean(navigator.serviceWorker.controller);
        }"""
    )
    assert controlled


def test_the_editors_morning(site, new_page):
    base, ids = site
    moderator = sign_in(new_page, base, "moderator")
    # The moderator read the programme in this browser first: the offline
    # worker must stay out of the admin's way (its form posts, previews).
    read_the_programme(moderator, base)
    go_live = schedule_tomorrows_release(moderator, base, ids["newsroom"])
    assert status(f"{base}/en/press/tomorrow/") == 404

    editor = sign_in(new_page, base, "editor")
    write_and_submit_todays_release(editor, base, ids["newsroom"])
    assert status(f"{base}/en/press/mayors-walk/") == 404

    approve_from_the_dashboard(moderator, base, "Day four: the mayors' walk")
    assert status(f"{base}/en/press/mayors-walk/") == 200
    assert "recorrido de los alcaldes" in read(
        f"{base}/es/prensa/recorrido-de-los-alcaldes/"
    )
    assert "Day four: the mayors" in read(f"{base}/en/press/feed/rss/")
    assert "Día cuatro: el recorrido" in read(f"{base}/es/prensa/feed/atom/")

    translator = sign_in(new_page, base, "translator")
    translator.goto(f"{base}/admin/pages/{ids['page']}/edit/")
    expect(translator.locator("html")).to_have_attribute("lang", "es")
    translator.locator("#id_intro_es").fill("Una introducción corregida por Lucía.")
    translator.get_by_role("button", name="Más acciones").click()
    translator.locator("button[name=action-submit]").click()
    translator.wait_for_url("**/admin/pages/*/")
    expect(translator.locator(".messages")).to_contain_text("enviada para moderación")
    assert "corregida por Lucía" not in read(base + ids["page_es"])

    approve_from_the_dashboard(moderator, base, ids["page_title"])
    assert "corregida por Lucía" in read(base + ids["page_es"])

    # Tomorrow's release goes live at its minute, published by the scheduler.
    seconds_left = (go_live - datetime.datetime.now(MEXICO_CITY)).total_seconds()
    assert wait_for(
        lambda: status(f"{base}/en/press/tomorrow/") == 200, seconds_left + 30
    )
    assert "Mañana: los alcaldes" in read(f"{base}/es/prensa/manana/")
