"""PostgreSQL goes away under a running gunicorn, then comes back.

A throwaway cluster (tests/postgres.py) gets a copy of the test database with a
home page; gunicorn serves the production settings from it. Visitors get the
friendly 503 page in their language while the server is down, and the site
recovers by itself when it is back, with no restart.
"""

import os
import secrets
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.postgres import ThrowawayCluster, copy_test_database, free_port

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db(transaction=True)


def fetch(url, timeout=30, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.headers, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read().decode()


def wait_for(check, attempts=120):
    """Poll `check` twice a second until it is true (bounded, not timed)."""
    for _ in range(attempts):
        try:
            if check():
                return True
        except OSError:
            pass
        time.sleep(0.5)
    return False


@pytest.fixture
def site(home_page):
    # Pages rendered before the outage would keep being served from the page
    # cache; the outage test is about pages that need the database.
    yield from serve_from_throwaway_cluster(page_cache_seconds="0")


@pytest.fixture
def cached_site(home_page):
    yield from serve_from_throwaway_cluster(page_cache_seconds="600")


def serve_from_throwaway_cluster(page_cache_seconds):
    """gunicorn on the throwaway cluster; both are gone after the test."""
    cluster = ThrowawayCluster(password=secrets.token_urlsafe(16))
    server = None
    logs = {}
    try:
        cluster.create()
        copy_test_database(cluster)
        port = free_port()
        secret_key = secrets.token_urlsafe(50)
        logs = {
            "out": open(cluster.root / "gunicorn.out", "w+"),
            "err": open(cluster.root / "gunicorn.err", "w+"),
        }
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "iclc.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env={
                "PATH": os.environ["PATH"],
                "DJANGO_SETTINGS_MODULE": "tests.fault_settings",
                "DJANGO_ENV_FILE": "/nonexistent",
                "DJANGO_SECRET_KEY": secret_key,
                "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
                "DATABASE_URL": cluster.url,
                "DJANGO_HTTPS": "0",
                "DJANGO_PAGE_CACHE_SECONDS": page_cache_seconds,
                "DJANGO_CACHE_DIR": str(cluster.root / "cache"),
            },
            stdout=logs["out"],
            stderr=logs["err"],
        )
        base = f"http://127.0.0.1:{port}"
        assert wait_for(lambda: fetch(f"{base}/healthz")[0] == 200), "no gunicorn"
        yield {
            "base": base,
            "cluster": cluster,
            "logs": logs,
            "secrets": [secret_key, cluster.password],
        }
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
        for log in logs.values():
            log.close()
        cluster.destroy()


def test_database_outage_gives_a_friendly_503_and_the_site_recovers(site):
    base, cluster = site["base"], site["cluster"]
    assert fetch(f"{base}/en/")[0] == 200
    assert fetch(f"{base}/es/")[0] == 200

    cluster.stop()

    # Search results always need the database. (The home page of this test's
    # bare site may not: its site, chrome and teasers can all come from the cache.)
    status, headers, body = fetch(f"{base}/es/buscar/?q=ciudad")
    assert status == 503
    assert '<html lang="es">' in body
    assert "El sitio no está disponible por un momento" in body
    assert "Traceback" not in body
    assert headers["Retry-After"] == "30"

    status, _headers, body = fetch(f"{base}/en/search/?q=city")
    assert status == 503
    assert "The site is briefly unavailable" in body

    status, _headers, body = fetch(f"{base}/admin/login/", **{"Accept-Language": "es"})
    assert status == 503
    assert "El sitio no está disponible por un momento" in body

    assert fetch(f"{base}/healthz")[0] == 503

    cluster.start()

    assert wait_for(lambda: fetch(f"{base}/en/")[0] == 200), "did not recover"
    status, _headers, body = fetch(f"{base}/es/")
    assert status == 200
    assert "Conferencia de ciudades del aprendizaje" in body
    assert fetch(f"{base}/healthz")[0] == 200

    out, err = (site["logs"][name] for name in ("out", "err"))
    out.seek(0)
    err.seek(0)
    requests, errors = out.read(), err.read()
    # One line per request on stdout, with status, time and language ...
    assert any(
        "GET /es/buscar/ 503 " in line and line.endswith("lang=es")
        for line in requests.splitlines()
    ), requests
    # ... and the database error with its traceback on stderr.
    assert "Traceback (most recent call last)" in errors
    assert "OperationalError" in errors
    for secret in site["secrets"]:
        assert secret not in requests
        assert secret not in errors


def test_a_frozen_database_gets_quick_answers_and_cached_pages_are_served(
    cached_site,
):
    """PostgreSQL stopped where it is (SIGSTOP), as a hung server or a network
    that drops packets: nothing may wait for it longer than a few seconds
    (gunicorn would kill the worker at 30 s and the visitor gets nothing)."""
    base, cluster = cached_site["base"], cached_site["cluster"]
    assert fetch(f"{base}/en/")[0] == 200
    assert fetch(f"{base}/en/")[1]["X-Page-Cache"] == "hit"

    cluster.freeze()
    try:
        # Every answer within fetch's timeout (15 s here, a third of before).
        status, headers, body = fetch(f"{base}/en/", timeout=15)
        assert status == 200 and headers["X-Page-Cache"] == "hit"
        status, _headers, body = fetch(f"{base}/es/buscar/?q=ciudad", timeout=15)
        assert status == 503
        assert "El sitio no está disponible por un momento" in body
        assert fetch(f"{base}/healthz", timeout=15)[0] == 503
    finally:
        cluster.thaw()
    assert wait_for(lambda: fetch(f"{base}/healthz")[0] == 200), "did not recover"
    assert fetch(f"{base}/es/buscar/?q=ciudad")[0] == 200
