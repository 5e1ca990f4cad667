"""The project as a newcomer and an operator meet it: compose file, health, loader."""

import re
from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest
import yaml

from iclc.settings.environment import REQUIRED_ENVIRONMENT, code_release
from pages.models import HomePage

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_database_is_postgres_16_with_volume_and_healthcheck(compose):
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    volume = db["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]


@pytest.mark.parametrize("service", ["web1", "web2"])
def test_compose_web_builds_the_dockerfile_and_waits_for_the_database(compose, service):
    web = compose["services"][service]
    assert web["build"] == "."
    assert (ROOT / "Dockerfile").exists()
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert any(v.startswith("media:") for v in web["volumes"])
    assert "/healthz" in " ".join(web["healthcheck"]["test"])
    start = (ROOT / "docker" / "start.sh").read_text()
    for step in ("migrate --noinput", "collectstatic", "gunicorn"):
        assert step in start


@pytest.mark.parametrize("service", ["web1", "web2", "scheduler"])
def test_compose_sets_every_variable_production_requires(compose, service):
    environment = compose["services"][service]["environment"]
    assert environment["DJANGO_SETTINGS_MODULE"] == "iclc.settings.production"
    for name in REQUIRED_ENVIRONMENT:
        assert environment.get(name), f"{service} does not set {name}"


def test_compose_cache_and_scheduler(compose):
    services = compose["services"]
    assert services["cache"]["image"].startswith("redis:")
    assert "redis-cli" in services["cache"]["healthcheck"]["test"]
    for web in ("web1", "web2"):
        assert services[web]["depends_on"]["cache"]["condition"] == "service_healthy"
    # Bounded, evicting the least recently used keys: junk cannot fill it.
    command = services["cache"]["command"]
    assert command[command.index("--maxmemory") + 1].startswith("${REDIS_MAXMEMORY:-")
    assert command[command.index("--maxmemory-policy") + 1] == "allkeys-lru"
    scheduler = services["scheduler"]
    assert scheduler["build"] == "."
    # The same scheduler as `make run` starts.
    assert scheduler["command"] == ["python", "manage.py", "run_scheduler"]
    # web1 migrates at start: the scheduler and web2 wait until it is healthy.
    assert scheduler["depends_on"]["web1"]["condition"] == "service_healthy"
    assert services["web2"]["depends_on"]["web1"]["condition"] == "service_healthy"
    assert "media:/app/media" in scheduler["volumes"]


def test_compose_keeps_the_database_private_and_requires_a_secret(compose):
    assert "ports" not in compose["services"]["db"]
    environment = compose["services"]["web1"]["environment"]
    assert environment["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
    # No default database password, HTTPS unless turned off on purpose.
    password = compose["services"]["db"]["environment"]["POSTGRES_PASSWORD"]
    assert password.startswith("${POSTGRES_PASSWORD:?")
    assert "${POSTGRES_PASSWORD:?" in environment["DATABASE_URL"]
    assert environment["DJANGO_HTTPS"] == "${DJANGO_HTTPS:-1}"


def test_compose_publishes_only_the_varnish_proxy_on_localhost(compose):
    services = compose["services"]
    published = [name for name, service in services.items() if "ports" in service]
    assert published == ["proxy"]
    proxy = services["proxy"]
    assert proxy["ports"] == ["${ICLC_BIND:-127.0.0.1}:8000:80"]
    assert proxy["image"].startswith("varnish:7")
    assert "./docker/varnish:/etc/varnish:ro" in proxy["volumes"]
    command = " ".join(proxy["command"])
    assert "-f /etc/varnish/default.vcl" in command
    assert "malloc,${VARNISH_MEMORY:-" in command
    for web in ("web1", "web2"):
        assert proxy["depends_on"][web]["condition"] == "service_healthy"
        environment = services[web]["environment"]
        assert environment["DJANGO_BEHIND_PROXY"] == "1"
        assert environment["DJANGO_HTTPS"] == "${DJANGO_HTTPS:-1}"
        assert environment["DJANGO_SERVE_MEDIA"] == "0"
        # Publishing purges the proxy (Wagtail's frontend cache).
        assert environment["DJANGO_FRONTEND_CACHE_URL"] == "http://proxy:80"
    # The proxy's backends are the two app servers, probed on /healthz, and
    # the media file server; only they (and the scheduler) may purge.
    backends = (ROOT / "docker/varnish/backends.vcl").read_text()
    for name in ("web1", "web2"):
        assert f'backend {name} {{\n    .host = "{name}";' in backends
        assert f"app.add_backend({name});" in backends
    assert '.request = "GET /healthz HTTP/1.1"' in backends
    assert 'backend media {\n    .host = "media";' in backends
    assert 'acl purgers {\n    ("web1");\n    ("web2");\n    ("scheduler");' in backends


def test_compose_shares_the_media_volume_between_the_app_and_the_file_server(compose):
    services = compose["services"]
    for web in ("web1", "web2"):
        assert "media:/app/media" in services[web]["volumes"]
    media = services["media"]
    assert "ports" not in media
    assert "media:/app/media:ro" in media["volumes"]
    mount = "./docker/nginx/default.conf:/etc/nginx/conf.d/default.conf:ro"
    assert mount in media["volumes"]
    config = (ROOT / "docker/nginx/default.conf").read_text()
    # Documents only through Django (their privacy); images from the volume.
    assert "location /media/documents/ {\n        return 404;" in config
    assert "alias /app/media/;" in config
    vcl = (ROOT / "docker/varnish/default.vcl").read_text()
    assert (
        'if (req.url ~ "^/media/") {\n        set req.backend_hint = files.backend();'
        in vcl
    )


def test_the_image_cannot_rewrite_its_own_code():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "COPY --chown" not in dockerfile
    assert "chown -R iclc:iclc /app/media /app/static_collected /app/backups" in (
        dockerfile
    )


def test_image_runs_gunicorn_as_a_non_root_user():
    dockerfile = (ROOT / "Dockerfile").read_text()
    users = [
        line.split()[1] for line in dockerfile.splitlines() if line.startswith("USER ")
    ]
    assert users and users[-1] not in {"root", "0"}
    assert "postgresql-client-16" in dockerfile
    start = (ROOT / "docker" / "start.sh").read_text()
    assert "exec gunicorn iclc.wsgi" in start
    # Access logs would repeat every request with its query string.
    assert "--access-logfile" not in start


def test_env_example_lists_every_variable_the_settings_read():
    settings_code = "".join(
        path.read_text() for path in (ROOT / "iclc" / "settings").glob("*.py")
    )
    read = set(
        re.findall(
            r"(?:env|env_bool|env_list|require)\(\s*\"([A-Z_]+)\"", settings_code
        )
    )
    names = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert read, "no variables found: has the settings code changed shape?"
    assert read <= names, read - names


def test_env_example_lists_every_required_variable():
    names = {
        line.split("=", 1)[0]
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.startswith("#")
    }
    assert set(REQUIRED_ENVIRONMENT) <= names


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": True}


def test_loader_replaces_the_welcome_page_and_is_idempotent(db):
    call_command("load_iclc_content", verbosity=0)
    site = Site.objects.get(is_default_site=True)
    assert isinstance(site.root_page.specific, HomePage)
    assert Page.objects.filter(depth=2).count() == 1
    counts = Page.objects.count(), site.root_page.revisions.count()

    call_command("load_iclc_content", verbosity=0)
    assert (Page.objects.count(), site.root_page.revisions.count()) == counts


def test_loader_fills_both_languages_of_the_home_page(db):
    call_command("load_iclc_content", verbosity=0)
    home = HomePage.objects.get()
    assert home.title_en and home.title_es and home.title_en != home.title_es
    assert home.intro_en and home.intro_es and home.intro_en != home.intro_es


def test_migrations_run_on_sqlite_as_make_run_uses_by_default(tmp_path):
    """`make run` defaults to SQLite: no migration may need PostgreSQL."""
    import os
    import subprocess
    import sys

    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iclc.settings.dev",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'site.sqlite3'}",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_installs_use_the_hashed_lock_files():
    """Every package, transitive ones too, at a pinned version with its hashes."""
    for lock in ("requirements.lock", "requirements-dev.lock"):
        text = (ROOT / lock).read_text()
        pins = re.findall(r"^([A-Za-z0-9_.\-]+)==\S+ \\$", text, re.MULTILINE)
        assert len(pins) > 40, lock
        assert text.count("--hash=sha256:") >= len(pins)
        assert "--index-url" not in text and "--find-links" not in text
    # What requirements.txt names is in the lock, at the same version.
    lock = (ROOT / "requirements.lock").read_text().lower()
    for line in (ROOT / "requirements.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            assert f"{line.lower()} \\" in lock, line
    makefile = (ROOT / "Makefile").read_text()
    assert "--require-hashes -r requirements.lock" in makefile
    assert "--require-hashes -r requirements-dev.lock" in makefile
    assert "--require-hashes -r requirements.lock" in (ROOT / "Dockerfile").read_text()


def test_the_cache_key_prefix_names_the_release(monkeypatch):
    """Values in the cache are pickled: a deploy must not read an older
    release's. The prefix names ICLC_RELEASE, or else a digest of the code."""
    from iclc.settings import base

    monkeypatch.delenv("ICLC_RELEASE", raising=False)
    assert base.CACHE_KEY_PREFIX.endswith("-" + code_release())
    assert re.fullmatch(r"[0-9a-f]{12}", code_release())
    monkeypatch.setenv("ICLC_RELEASE", "2015.9.28")
    assert code_release() == "2015.9.28"
