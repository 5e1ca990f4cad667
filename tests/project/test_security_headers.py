"""Hardened HTTP: security headers on public pages and the admin, deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.http import HttpResponse
from django.template import Context, Template
from django.utils import translation

import pytest

from iclc.middleware import SecurityHeadersMiddleware

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.django_db


def csp(response):
    """The Content-Security-Policy header as {directive: [sources]}."""
    policy = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        policy[name] = sources
    return policy


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in permissions


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser(
        "editor", "editor@example.org", "a long passphrase for tests"
    )
    client.force_login(user)
    return user


@pytest.mark.parametrize("path", ["/en/", "/es/", "/en/no-such-page/"])
def test_public_pages_forbid_inline_scripts_and_framing(client, home_page, path):
    response = client.get(path)
    assert response.status_code in {200, 404}
    policy = csp(response)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["object-src"] == ["'none'"]
    assert response["X-Frame-Options"] == "DENY"
    assert_common_headers(response)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_type_has_the_public_headers(client, every_page_type, language):
    for model, page in every_page_type.items():
        with translation.override(language):
            url = page.get_url()
        response = client.get(url)
        assert response.status_code == 200, (model, url)
        policy = csp(response)
        assert "'unsafe-inline'" not in policy["script-src"], model
        assert policy["frame-ancestors"] == ["'none'"], model
        assert response["X-Frame-Options"] == "DENY"
        assert_common_headers(response)


def test_public_policy_nonce_matches_the_request(rf, home_page):
    """An inline script can run only with this response's nonce."""
    request = rf.get("/en/")
    middleware = SecurityHeadersMiddleware(lambda request: None)
    middleware.process_request(request)
    html = Template('<script nonce="{{ request.csp_nonce }}"></script>').render(
        Context({"request": request})
    )
    response = middleware.process_response(request, HttpResponse(html))
    nonce = html.split('nonce="')[1].split('"')[0]
    assert f"'nonce-{nonce}'" in csp(response)["script-src"]


def test_admin_login_has_its_own_policy(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    policy = csp(response)
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert_common_headers(response)


def test_page_editor_and_its_preview_may_be_framed_by_the_admin_only(
    client, home_page, editor
):
    edit = client.get(f"/admin/pages/{home_page.pk}/edit/")
    assert edit.status_code == 200
    assert csp(edit)["frame-ancestors"] == ["'self'"]
    assert_common_headers(edit)

    preview = client.get(f"/admin/pages/{home_page.pk}/edit/preview/")
    assert preview.status_code == 200
    assert preview["X-Frame-Options"] == "SAMEORIGIN"
    assert csp(preview)["frame-ancestors"] == ["'self'"]


def test_healthz_bypasses_host_checks_and_the_https_redirect(client, settings, db):
    settings.ALLOWED_HOSTS = ["iclc2015.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    response = client.get("/healthz", HTTP_HOST="127.0.0.1:8000")
    assert response.status_code == 200
    assert response.json()["database"] is True


# Production settings run in a subprocess: they read the environment at import.
def production_environment(**overrides):
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "iclc.settings.production",
        "DJANGO_ENV_FILE": "/nonexistent",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "iclc2015.example.org",
        "DATABASE_URL": "postgres://iclc:secret@db.invalid:5432/iclc",
        "DJANGO_CSRF_TRUSTED_ORIGINS": "https://iclc2015.example.org",
    }
    environment.update(overrides)
    return {key: value for key, value in environment.items() if value is not None}


def manage(*args, **environment):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=production_environment(**environment),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_with_the_documented_environment():
    result = manage("check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL"]
)
def test_production_stops_when_a_required_variable_is_missing(missing):
    result = manage("check", **{missing: None})
    assert result.returncode != 0
    assert f"The environment variable {missing} is required" in result.stderr


@pytest.mark.parametrize(
    "placeholder",
    [
        "change-me-before-going-live",
        # Long and varied enough for the length test: refused by its words.
        "replace-with-a-long-random-secret-key-of-fifty-characters-or-more",
    ],
)
def test_production_refuses_a_placeholder_secret_key(placeholder):
    result = manage("check", DJANGO_SECRET_KEY=placeholder)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be at least 50 random characters" in result.stderr
