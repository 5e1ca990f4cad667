"""`make run` as a newcomer starts it: the whole site, and the scheduler beside it.

The README promises that `make run` serves the site with its content and
publishes the pages editors schedule, with no command to run by hand. This runs
the real target on a free port with a fresh SQLite database, schedules a press
release a few seconds ahead, and waits for visitors to see it; then stops `make`
and checks that the server and the scheduler stopped with it.
"""

import os
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.postgres import free_port

ROOT = Path(__file__).resolve().parent.parent

SCHEDULE = """
import datetime
from django.utils import timezone
from pages.models import PressReleasePage

release = PressReleasePage.objects.live().order_by("path").first()
release.unpublish()
release.go_live_at = timezone.now() + datetime.timedelta(seconds=3)
release.save_revision().publish()
release.refresh_from_db()
assert not release.live
print(release.url_in("en"))
"""


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(predicate, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.5)
    return False


def processes_of(group):
    found = subprocess.run(
        ["pgrep", "-g", str(group)], capture_output=True, text=True, check=False
    )
    return found.stdout.split()


@pytest.fixture
def run_environment(tmp_path):
    port = free_port(range(8160, 8180))
    environment = {
        **os.environ,
        "PORT": str(port),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
        "DJANGO_CACHE_DIR": str(tmp_path / "cache"),
        "SCHEDULER_INTERVAL": "1",
    }
    # The test settings' variables are not `make run`'s.
    environment.pop("DJANGO_SETTINGS_MODULE", None)
    return port, environment


def test_make_run_serves_the_site_and_publishes_scheduled_pages(run_environment):
    port, environment = run_environment
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        ["make", "run"],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        assert wait_for(lambda: status(f"{base}/healthz") == 200, 240), (
            server.stdout.read1().decode() if server.poll() is not None else ""
        )
        assert status(f"{base}/en/") == 200
        assert status(f"{base}/es/") == 200

        scheduled = subprocess.run(
            [str(ROOT / ".venv/bin/python"), "manage.py", "shell", "-c", SCHEDULE],
            cwd=ROOT,
            env={
                **environment,
                "DJANGO_SETTINGS_MODULE": "iclc.settings.production",
                "DJANGO_HTTPS": "0",
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            },
            capture_output=True,
            text=True,
            check=True,
        )
        release_url = base + scheduled.stdout.strip().splitlines()[-1]
        assert status(release_url) == 404
        # Published by the scheduler within a round or two of its time.
        assert wait_for(lambda: status(release_url) == 200, 20)
    finally:
        os.killpg(server.pid, signal.SIGINT)  # as Ctrl-C in the terminal
        try:
            server.wait(timeout=30)
        finally:
            stopped = wait_for(lambda: not processes_of(server.pid), 15)
            if not stopped:
                os.killpg(server.pid, signal.SIGKILL)
    assert stopped, "make run left processes behind"
