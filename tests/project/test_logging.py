"""Logs: one line per request with status, time and language; no secrets."""

import logging

from django.conf import settings

import pytest

from iclc.log_filters import RedactSecretsFilter

pytestmark = pytest.mark.django_db


class Collect(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(self.format(record))


@pytest.fixture
def request_log():
    handler = Collect()
    handler.addFilter(RedactSecretsFilter())
    logger = logging.getLogger("iclc.requests")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def test_one_line_per_request_with_status_time_and_language(
    client, home_page, request_log
):
    client.get("/es/")
    client.get("/en/no-such-page/")
    assert len(request_log) == 2
    spanish, missing = request_log
    method, path, status, duration, language = spanish.split()
    assert (method, path, status, language) == ("GET", "/es/", "200", "lang=es")
    assert duration.endswith("ms") and duration[:-2].isdigit()
    assert missing.startswith("GET /en/no-such-page/ 404 ")
    assert missing.endswith("lang=en")


def test_query_strings_passwords_and_reset_tokens_stay_out(client, request_log):
    client.get("/en/?token=s3cr3t-token&email=someone@example.org")
    client.post("/admin/login/", {"username": "ana", "password": "hunter2-hunter2"})
    client.get("/admin/password_reset/confirm/MQ/c4kz9x-0123456789abcdef/")
    log = "\n".join(request_log)
    for secret in ("s3cr3t-token", "someone@example.org", "hunter2", "c4kz9x"):
        assert secret not in log
    assert "/admin/password_reset/confirm/[redacted]/" in log


def test_a_path_cannot_forge_a_log_line(client, request_log):
    client.get("/en/x%0AGET%20/forged%20200")
    assert len(request_log) == 1
    assert "\n" not in request_log[0]
    assert "\\x0a" in request_log[0]


def test_secret_key_is_masked_in_any_record():
    record = logging.LogRecord(
        "django.request",
        logging.ERROR,
        __file__,
        1,
        "key is %s",
        (settings.SECRET_KEY,),
        None,
    )
    RedactSecretsFilter().filter(record)
    assert record.getMessage() == "key is [redacted]"


def test_the_smtp_password_is_masked(settings):
    settings.EMAIL_HOST_PASSWORD = "smtp-pass-2015-xyz"
    record = logging.LogRecord(
        "django.core.mail",
        logging.ERROR,
        __file__,
        1,
        "login %s",
        ("smtp-pass-2015-xyz",),
        None,
    )
    RedactSecretsFilter().filter(record)
    assert record.getMessage() == "login [redacted]"


def test_a_bad_host_header_is_one_warning_line_without_traceback(client, settings):
    """Through the site's own logging configuration, as a scanner triggers it."""
    settings.ALLOWED_HOSTS = ["iclc2015.example.org"]
    logger = logging.getLogger("django.security.DisallowedHost")
    collect = Collect()
    collect.setFormatter(logger.handlers[0].formatter)
    logger.addHandler(collect)
    try:
        response = client.get("/en/", HTTP_HOST="evil.example.com")
    finally:
        logger.removeHandler(collect)
    assert response.status_code == 400
    assert len(collect.lines) == 1
    assert (
        " WARNING django.security.DisallowedHost Invalid HTTP_HOST"
        in (collect.lines[0])
    )
    assert "Traceback" not in collect.lines[0]
