"""Local development: runserver, DEBUG on, e-mail to the console."""

from .base import *  # noqa: F403
from .environment import env

DEBUG = True
SECRET_KEY = env("DJANGO_SECRET_KEY", "dev-only-secret-key-not-for-production")
ALLOWED_HOSTS = ["*"]
SERVE_MEDIA = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Templates change under a developer's hands: no full-page cache.
PAGE_CACHE_SECONDS = 0
