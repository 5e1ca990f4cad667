"""The project as a newcomer and an operator meet it: compose file, health, loader."""

from pathlib import Path

from django.core.management import call_command

from wagtail.models import Page, Site

import pytest
import yaml

from iclc.settings.environment import REQUIRED_ENVIRONMENT
from pages.models import HomePage

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_database_is_postgres_16_with_volume_and_healthcheck(compose):
    db = compose["services"]["db"]
    assert db["image"].startswith("postgres:16")
    assert "pg_isready" in " ".join(db["healthcheck"]["test"])
    volume = db["volumes"][0].split(":")[0]
    assert volume in compose["volumes"]


def test_compose_web_builds_the_dockerfile_and_waits_for_the_database(compose):
    web = compose["services"]["web"]
    assert web["build"] == "."
    assert (ROOT / "Dockerfile").exists()
    assert web["depends_on"]["db"]["condition"] == "service_healthy"
    assert any(v.startswith("media:") for v in web["volumes"])
    assert "/healthz" in " ".join(web["healthcheck"]["test"])
    start = (ROOT / "docker" / "start.sh").read_text()
    for step in ("migrate --noinput", "collectstatic", "gunicorn"):
        assert step in start


@pytest.mark.parametrize("service", ["web", "scheduler"])
def test_compose_sets_every_variable_production_requires(compose, service):
    environment = compose["services"][service]["environment"]
    assert environment["DJANGO_SETTINGS_MODULE"] == "iclc.settings.production"
    for name in REQUIRED_ENVIRONMENT:
        assert environment.get(name), f"{service} does not set {name}"


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
