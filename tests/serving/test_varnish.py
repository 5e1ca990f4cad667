"""Varnish in front of two app servers, purged by Wagtail's frontend cache (issue 26).

Real processes, no mock: a throwaway PostgreSQL cluster (tests/postgres.py) with
the 2015 content loaded, two gunicorn servers on it with the production
settings (their page cache shared in one folder, as Redis shares it in
compose), `varnishd` with the project's VCL (docker/varnish/default.vcl) and a
backends file naming those servers, and an editor's process that publishes
through Wagtail's API (tests/serving/varnish_editor.py), whose purges reach
Varnish as the app servers' would. `make test` installs Debian's varnish
(`make deb-varnish`).

The tests share one stack and run in order (the last one stops the servers and
the database); `make test` keeps them on one pytest worker (xdist_group).
"""

import http.client
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

from django.conf import settings
from django.db import connection

import pytest

from tests.conftest import bootstrap_wagtail
from tests.postgres import ThrowawayCluster, copy_test_database

ROOT = Path(__file__).resolve().parents[2]
VCL_DIR = ROOT / "docker" / "varnish"
VARNISHD = shutil.which("varnishd") or "/usr/sbin/varnishd"
VARNISHSTAT = shutil.which("varnishstat") or "/usr/bin/varnishstat"
# How long the app servers let Varnish keep a page (s-maxage): short, so that
# the outage test sees pages served past it, from grace.
SHARED_SECONDS = 4

pytestmark = [
    # The test database must exist: the stack starts from a copy of it.
    pytest.mark.django_db,
    pytest.mark.xdist_group("varnish"),
    pytest.mark.skipif(
        not Path(VARNISHD).exists(),
        reason="varnishd is not installed: `make deb-varnish` (make test does it)",
    ),
]

# As docker/varnish/backends.vcl, with this test's ports and a quicker probe
# (every second, 2 of the last 3) so that the outage test waits less.
BACKENDS_VCL = """
probe healthz {
    .request = "GET /healthz HTTP/1.1"
        "Host: localhost"
        "Connection: close"
        "User-Agent: varnish-probe";
    .interval = 1s;
    .timeout = 2s;
    .window = 3;
    .threshold = 2;
    .initial = 2;
}
backend web1 { .host = "127.0.0.1"; .port = "%(web1)d"; .probe = healthz; }
backend web2 { .host = "127.0.0.1"; .port = "%(web2)d"; .probe = healthz; }
acl purgers { "127.0.0.1"; }
sub vcl_init {
    new app = directors.round_robin();
    app.add_backend(web1);
    app.add_backend(web2);
    # No media file server here: the app servers serve /media/ (SERVE_MEDIA).
    new files = directors.round_robin();
    files.add_backend(web1);
    files.add_backend(web2);
}
"""


def free_ports(count):
    """`count` free ports of this worker's ten (8460-8469 for gw0, 8470-… for gw1)."""
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    ports = []
    for port in range(8460 + 10 * worker, 8470 + 10 * worker):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        ports.append(port)
        if len(ports) == count:
            return ports
    raise RuntimeError("No free ports for Varnish and its app servers.")


class Response:
    def __init__(self, status, headers, body, started):
        self.status, self.headers, self.body, self.started = (
            status,
            headers,
            body,
            started,
        )

    @property
    def cache(self):
        return self.headers.get("X-Cache")

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")


def request(
    port, path, method="GET", headers=None, body=None, source="127.0.0.1", timeout=60
):
    started = time.monotonic()
    conn = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=timeout, source_address=(source, 0)
    )
    try:
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return Response(
            response.status,
            {k.title(): v for k, v in response.getheaders()},
            response.read(),
            started,
        )
    finally:
        conn.close()


def wait_for(check, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.2)
    return False


class Stack:
    """The cluster, two gunicorn servers, varnishd and the editor's process."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="iclc-varnish-"))
        self.cluster = ThrowawayCluster(password=secrets.token_urlsafe(16))
        self.varnish_port, *self.web_ports = free_ports(3)
        self.servers = {}
        self.varnish = None
        self.editor = None
        self.logs = []

    def environment(self, frontend_cache=True):
        environment = {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "tests.serving.varnish_settings",
            "DJANGO_ENV_FILE": "/nonexistent",
            "DJANGO_SECRET_KEY": self.secret_key,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": self.cluster.url,
            "DJANGO_HTTPS": "0",
            "DJANGO_BEHIND_PROXY": "1",
            "DJANGO_SERVE_MEDIA": "1",
            "DJANGO_MEDIA_ROOT": settings.MEDIA_ROOT,
            # One cache for every process, as Redis is in compose.
            "DJANGO_CACHE_DIR": str(self.root / "cache"),
            "ICLC_RELEASE": "varnish-test",
            "DJANGO_PAGE_CACHE_SECONDS": "600",
            "DJANGO_SHARED_CACHE_SECONDS": str(SHARED_SECONDS),
        }
        if frontend_cache:
            environment["DJANGO_FRONTEND_CACHE_URL"] = (
                f"http://127.0.0.1:{self.varnish_port}"
            )
        return environment

    def log(self, name):
        handle = open(self.root / name, "w+")
        self.logs.append(handle)
        return handle

    def start(self):
        self.secret_key = secrets.token_urlsafe(50)
        self.cluster.create()
        copy_test_database(self.cluster)
        subprocess.run(
            [sys.executable, "manage.py", "load_iclc_content"],
            cwd=ROOT,
            env=self.environment(frontend_cache=False),
            check=True,
            capture_output=True,
            timeout=300,
        )
        for name, port in zip(("web1", "web2"), self.web_ports, strict=True):
            self.start_server(name, port)
        (self.root / "backends.vcl").write_text(
            BACKENDS_VCL % dict(zip(("web1", "web2"), self.web_ports, strict=True))
        )
        self.varnish = subprocess.Popen(
            [
                VARNISHD,
                "-F",
                "-j",
                "none",
                "-a",
                f"127.0.0.1:{self.varnish_port}",
                # backends.vcl is found on vcl_path: this test's first.
                "-p",
                f"vcl_path={self.root}:{VCL_DIR}",
                "-f",
                str(VCL_DIR / "default.vcl"),
                "-n",
                str(self.root / "varnish"),
                "-s",
                "malloc,64m",
            ],
            stdout=self.log("varnishd.log"),
            stderr=subprocess.STDOUT,
        )
        for port in self.web_ports:
            assert wait_for(
                lambda port=port: request(port, "/healthz").status == 200
            ), f"no gunicorn on {port}: {self.server_logs()}"
        assert wait_for(lambda: self.healthy_backends() == 2), self.varnish_log()
        self.editor = subprocess.Popen(
            [sys.executable, "-m", "tests.serving.varnish_editor"],
            cwd=ROOT,
            env=self.environment(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.log("editor.err"),
            text=True,
        )

    def start_server(self, name, port):
        self.servers[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "iclc.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
                "--worker-class",
                "gthread",
                "--threads",
                "4",
                "--no-control-socket",
            ],
            cwd=ROOT,
            env=self.environment(),
            start_new_session=True,
            stdout=self.log(f"{name}.out"),
            stderr=self.log(f"{name}.err"),
        )

    def ask(self, *command):
        """Have the editor's process do something; its answer."""
        self.editor.stdin.write(json.dumps(command) + "\n")
        self.editor.stdin.flush()
        line = self.editor.stdout.readline()
        assert line, (self.root / "editor.err").read_text()
        return json.loads(line)

    def get(self, path, **options):
        return request(self.varnish_port, path, **options)

    def varnishstat(self, counter):
        out = subprocess.run(
            [VARNISHSTAT, "-n", str(self.root / "varnish"), "-1", "-f", counter],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
        return int(out.split()[1])

    def healthy_backends(self):
        out = subprocess.run(
            [
                shutil.which("varnishadm") or "/usr/bin/varnishadm",
                "-n",
                str(self.root / "varnish"),
                "backend.list",
            ],
            capture_output=True,
            text=True,
            timeout=30,
        ).stdout
        return sum(
            1
            for line in out.splitlines()
            if ".web" in line and ("healthy" in line.split() or "Healthy" in line)
        )

    def stop_server(self, name):
        """Kill a server at once, its worker too (its own process group)."""
        server = self.servers.pop(name)
        os.killpg(server.pid, signal.SIGKILL)
        server.wait()

    def server_logs(self):
        return "\n".join(
            (self.root / f"{n}.err").read_text()[-2000:] for n in ("web1", "web2")
        )

    def varnish_log(self):
        return (self.root / "varnishd.log").read_text()[-3000:]

    def stop(self):
        processes = [*self.servers.values(), self.varnish, self.editor]
        for process in processes:
            if process is not None and process.poll() is None:
                process.terminate()
        for process in processes:
            if process is None:
                continue
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for handle in self.logs:
            handle.close()
        self.cluster.destroy()
        shutil.rmtree(self.root, ignore_errors=True)


@pytest.fixture(scope="module")
def stack(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        name = connection.settings_dict["NAME"]
        assert name.startswith("test_"), f"refusing to copy {name}"
        bootstrap_wagtail()
        stack = Stack()
        try:
            stack.start()
            yield stack
        finally:
            stack.stop()


@pytest.fixture(scope="module")
def addresses(stack):
    found = stack.ask("pages")
    # The first render of a page makes its images' renditions (the loader
    # leaves them to the pages, tests/serving/varnish_settings.py): make them
    # once, from one server, before anything is timed.
    sessions = stack.ask("venue_sessions")
    paths = [p for key in found for lang in found[key] for p in found[key][lang]]
    for path in paths + sessions["en"] + sessions["es"]:
        assert request(stack.web_ports[0], path, timeout=300).status == 200, path
    return found


def test_the_vcl_keeps_the_query_parameters_the_page_cache_keys_on():
    vcl = (VCL_DIR / "default.vcl").read_text()
    kept = vcl.split("(?!(", 1)[1].split(")=)", 1)[0].split("|")
    assert set(kept) == set(settings.PAGE_CACHE_QUERY_PARAMETERS)


def test_an_anonymous_page_is_a_miss_then_a_hit_in_both_languages(stack, addresses):
    for language in ("en", "es"):
        for path in (
            addresses["home"][language][0],
            addresses["newsroom"][language][0],
        ):
            first = stack.get(path)
            assert first.status == 200, (path, first.status)
            assert first.cache == "MISS", (path, first.headers)
            assert "s-maxage=" in first.headers["Cache-Control"]
            second = stack.get(path)
            assert second.cache == "HIT", (path, second.headers)
            assert second.body == first.body
            assert f'<html lang="{language}"' in second.text
    # `/` negotiates the language: one object per language, not per header.
    spanish = stack.get("/sitemap.xml", headers={"Accept-Language": "es-MX,es;q=0.9"})
    again = stack.get("/sitemap.xml", headers={"Accept-Language": "es-ES, es"})
    assert spanish.status == 200
    assert again.cache == "HIT"


def test_an_editor_is_never_cached_nor_served_from_the_cache(stack, addresses):
    home = addresses["home"]["en"][0]
    stack.get(home)
    assert stack.get(home).cache == "HIT"

    # The admin's login page carries a CSRF token: never kept.
    for _ in range(2):
        login = stack.get("/admin/login/")
        assert login.status == 200
        assert login.cache == "PASS", login.headers
        assert "csrftoken" in login.headers["Set-Cookie"]
    token = login.headers["Set-Cookie"].split("csrftoken=", 1)[1].split(";", 1)[0]

    password = secrets.token_urlsafe(16)
    stack.ask("make_editor", "varnish-editor", password)
    signed_in = stack.get(
        "/admin/login/",
        method="POST",
        headers={
            "Cookie": f"csrftoken={token}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body=urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "username": "varnish-editor",
                "password": password,
                "next": "/admin/",
            }
        ),
    )
    assert signed_in.status == 302, signed_in.text[:2000]
    cookies = "; ".join(
        part.split(";", 1)[0]
        for part in signed_in.headers["Set-Cookie"].split(", ")
        if "=" in part.split(";", 1)[0]
    )
    assert "sessionid=" in cookies

    for _ in range(2):
        editor = stack.get(home, headers={"Cookie": cookies})
        assert editor.status == 200
        assert editor.cache == "PASS", editor.headers
        # Rendered for the editor (Wagtail's user bar), not the visitors' copy.
        assert "wagtail-userbar" in editor.text
    visitor = stack.get(home)
    assert visitor.cache == "HIT"
    assert "wagtail-userbar" not in visitor.text


def fetch_all(stack, paths):
    """Every path at once, as visitors would ask for them."""
    results = {}

    def one(path):
        results[path] = stack.get(path)

    threads = [threading.Thread(target=one, args=(path,)) for path in paths]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_a_publish_shows_everywhere_within_a_second_and_an_unpublish_too(
    stack, addresses
):
    paths = [
        path
        for language in ("en", "es")
        for key in ("home", "newsroom")
        for path in addresses[key][language]
    ]
    # Every page kept by Varnish before the change.
    fetch_all(stack, paths)
    cached = fetch_all(stack, paths)
    assert all(r.cache == "HIT" for r in cached.values()), {
        p: r.cache for p, r in cached.items()
    }

    token = secrets.token_hex(4)
    release = stack.ask("publish", token)
    published = time.monotonic()
    titles = {"en": f"Varnish release {token}", "es": f"Comunicado varnish {token}"}
    time.sleep(max(0, published + 1.0 - time.monotonic()))
    after = fetch_all(stack, paths)
    for language in ("en", "es"):
        for key in ("home", "newsroom"):
            for path in addresses[key][language]:
                assert titles[language] in after[path].text, (path, after[path].cache)
    for language in ("en", "es"):
        page = stack.get(release[language][0])
        assert page.status == 200
        assert titles[language] in page.text

    # Cached again, with the release.
    assert all(r.cache == "HIT" for r in fetch_all(stack, paths).values())

    stack.ask("unpublish", release["id"])
    unpublished = time.monotonic()
    time.sleep(max(0, unpublished + 1.0 - time.monotonic()))
    after = fetch_all(stack, paths)
    for path, response in after.items():
        assert f"varnish {token}".lower() not in response.text.lower(), path
    for language in ("en", "es"):
        assert stack.get(release[language][0]).status == 404


def test_renaming_a_venue_changes_every_session_page_through_varnish(stack, addresses):
    sessions = stack.ask("venue_sessions")
    paths = sessions["en"] + sessions["es"]
    assert len(paths) >= 2
    fetch_all(stack, paths)
    assert all(r.cache == "HIT" for r in fetch_all(stack, paths).values())

    name = f"Varnish Hall {secrets.token_hex(3)}"
    stack.ask("rename_venue", name)
    renamed = time.monotonic()
    time.sleep(max(0, renamed + 1.0 - time.monotonic()))
    after = fetch_all(stack, paths)
    for path in sessions["en"]:
        assert f"{name} (en)" in after[path].text, path
    for path in sessions["es"]:
        assert f"{name} (es)" in after[path].text, path


def test_random_query_strings_create_no_cache_objects(stack, addresses):
    path = addresses["newsroom"]["en"][0]
    stack.get(path)
    before = stack.varnishstat("MAIN.n_object")
    for _ in range(200):
        junk = f"{secrets.token_hex(3)}={secrets.token_hex(4)}&utm_source=x"
        response = stack.get(f"{path}?{junk}")
        assert response.status == 200
        assert response.cache == "HIT"
    assert stack.varnishstat("MAIN.n_object") == before
    # The parameters pages read still make their own pages.
    searched = stack.get("/en/search/?q=city&fbclid=abc")
    assert searched.status == 200
    assert stack.get("/en/search/?fbclid=zzz&q=city").cache == "HIT"


def test_a_purge_from_outside_the_app_servers_is_refused(stack, addresses):
    home = addresses["home"]["en"][0]
    stack.get(home)
    for method in ("PURGE", "BAN"):
        refused = stack.get(home, method=method, source="127.0.0.2")
        assert refused.status == 403
    assert stack.get(home).cache == "HIT"
    # From an app server's address it works (the editor's purges use it).
    assert stack.get(home, method="PURGE").status == 200
    assert stack.get(home).cache == "MISS"


def test_servers_and_database_down_no_failure_then_grace_then_a_clean_503(
    stack, addresses
):
    paths = [
        addresses[key][lang][0] for key in ("home", "newsroom") for lang in ("en", "es")
    ]
    fetch_all(stack, paths)

    # One app server killed: every request still answered (a retry on the
    # other, then the probe takes it out).
    failures = []
    stop = threading.Event()

    def visit():
        n = 0
        while not stop.is_set():
            # A new search each time: the app servers must answer it.
            response = stack.get(f"/en/search/?q=city{n}")
            n += 1
            if response.status != 200:
                failures.append(response.status)

    visitors = [threading.Thread(target=visit) for _ in range(4)]
    for visitor in visitors:
        visitor.start()
    time.sleep(0.5)
    stack.stop_server("web1")
    assert wait_for(lambda: stack.healthy_backends() == 1, seconds=15)
    time.sleep(1)
    stop.set()
    for visitor in visitors:
        visitor.join()
    assert failures == []

    # Both down and the database stopped: cached pages are served past their
    # s-maxage (grace); anything else gets the proxy's short 503 page.
    stack.stop_server("web2")
    stack.cluster.stop()
    assert wait_for(lambda: stack.healthy_backends() == 0, seconds=15)
    time.sleep(SHARED_SECONDS + 1)
    for path in paths:
        response = stack.get(path)
        assert response.status == 200, path
        assert int(response.headers["Age"]) > SHARED_SECONDS
    missing = stack.get("/en/search/?q=never-asked")
    assert missing.status == 503
    assert "The site is briefly unavailable" in missing.text
    assert "El sitio no está disponible por un momento" in missing.text
    assert missing.headers["Retry-After"] == "30"
    assert "Guru Meditation" not in missing.text
