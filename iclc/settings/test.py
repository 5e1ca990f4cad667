"""pytest settings: the real PostgreSQL, fast hashing, a throwaway media folder."""

import tempfile

import dj_database_url

from .base import *  # noqa: F403
from .environment import env

SECRET_KEY = "test-secret-key"
DEBUG = False
ALLOWED_HOSTS = ["*"]
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/iclc")
    )
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Room for every page and rendition of the tests' tenfold content, as Redis has in
# production: the default 300 entries would cull what a page counts on at random.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="iclc-test-media-")
SERVE_MEDIA = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Loading the content would resize every photo into every size (minutes): only
# tests/renditions/test_rendition_tasks.py, which looks at renditions, has them made.
TASKS = {
    **TASKS,  # noqa: F405
    "renditions": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
    # PDFs are made only where a test asks for them (tests/printing/).
    "printing": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}
# Serve static files straight from the source folders: no collectstatic before tests.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
# Login throttling is off for tests that log in with `client.login()` (which
# gives Axes no request); tests/project/test_login_throttling.py switches it on.
AXES_ENABLED = False
