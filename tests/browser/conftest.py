"""Playwright driving Debian's chromium against pytest-django's live server.

Playwright never downloads a browser here: it launches /usr/bin/chromium, which
`make test` installs with apt when it is missing.
"""

import os

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright's sync API runs an event loop in the test thread; the database calls
# the tests make around it are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser):
    """Open pages at a given viewport; every context is closed after the test."""
    contexts = []

    def open_page(viewport=DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def loaded_site(django_db_setup, django_db_blocker):
    """The whole 2015 site, loaded once for a module, served by its own live server.

    pytest-django's `live_server` makes every test transactional, which empties the
    database after each test; checking every page type against one loaded site is
    much faster. So the module keeps database access open, loads the content with
    the real loader, serves it, and empties the database again at the end. The
    module must mark its tests `django_db` so that the test database exists.
    """
    from django.core.management import call_command
    from django.db import connection

    from pytest_django.live_server_helper import LiveServer

    from tests.conftest import bootstrap_wagtail

    with django_db_blocker.unblock():
        # pytest-django creates the test database only for modules that mark
        # tests with django_db; never empty a real one.
        name = connection.settings_dict["NAME"]
        assert name.startswith("test_"), f"refusing to flush {name}"
        call_command("flush", interactive=False, verbosity=0)
        bootstrap_wagtail()
        call_command("load_iclc_content", verbosity=0)
        server = LiveServer("localhost")
        try:
            yield server
        finally:
            server.stop()
            call_command("flush", interactive=False, verbosity=0)
