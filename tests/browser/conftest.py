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


def restore_initial_database():
    """Put the test database back as the migrations left it.

    As Django's serialized rollback does: empty every table without recreating
    content types, then load the copy pytest-django saved when it created the
    database (the module's tests ask for it with `serialized_rollback=True`).
    """
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.core.management.color import no_style
    from django.db import connection

    from pages.editorial.roles import sync_editorial_roles
    from tests.conftest import bootstrap_wagtail

    initial = getattr(connection, "_test_serialized_contents", None)
    call_command(
        "flush", interactive=False, verbosity=0, inhibit_post_migrate=bool(initial)
    )
    if initial:
        connection.creation.deserialize_db_from_string(initial)
        # The rows came back with their ids; move the sequences past them, as
        # loaddata does.
        with connection.cursor() as cursor:
            for sql in connection.ops.sequence_reset_sql(no_style(), apps.get_models()):
                cursor.execute(sql)
    else:
        bootstrap_wagtail()
    ContentType.objects.clear_cache()
    # What migrate's post_migrate handler adds (the editorial roles and their
    # workflow on the root) is part of the state migrations leave.
    sync_editorial_roles()


@pytest.fixture(scope="module")
def loaded_site(django_db_setup, django_db_blocker):
    """The whole 2015 site, loaded once for a module, served by its own live server.

    pytest-django's `live_server` makes every test transactional, which empties the
    database after each test; checking every page type against one loaded site is
    much faster. So the module keeps database access open, loads the content with
    the real loader, serves it, and at the end restores the database. The module
    must mark its tests `django_db(serialized_rollback=True)`: pytest-django then
    creates the test database and keeps a copy of its initial state.
    """
    from django.core.management import call_command
    from django.db import connection

    from pytest_django.live_server_helper import LiveServer

    with django_db_blocker.unblock():
        # Never empty a real database (pytest-django sets up the test database
        # only when some test is marked django_db).
        name = connection.settings_dict["NAME"]
        assert name.startswith("test_"), f"refusing to flush {name}"
        restore_initial_database()
        call_command("load_iclc_content", verbosity=0)
        server = LiveServer("localhost")
        try:
            yield server
        finally:
            server.stop()
            restore_initial_database()
