"""Production: secrets from the environment, DEBUG off, hardened HTTP.

The shared security settings (CSP, login throttling, uploads, logs) are in
base.py; what depends on serving over HTTPS is here.
"""

from django.core.exceptions import ImproperlyConfigured

import dj_database_url

from .base import *  # noqa: F403
from .environment import REQUIRED_ENVIRONMENT, env, env_bool, env_list, require

PLACEHOLDER_WORDS = ("replace-with", "change-me", "changeme", "placeholder")

for _name in REQUIRED_ENVIRONMENT:
    require(_name)

SECRET_KEY = require("DJANGO_SECRET_KEY")
# The examples' placeholders ("replace-with-…") are long enough to pass the
# length test: refuse them by name.
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or any(word in SECRET_KEY.lower() for word in PLACEHOLDER_WORDS)
):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be at least 50 random characters: "
        'python3 -c "import secrets; print(secrets.token_urlsafe(50))"'
    )
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS")
# A database that hangs (frozen, or a network that drops packets) must not hang
# the site: a request waits for it at most a few seconds, then visitors get
# the 503 page. Each request opens its own connection (no persistent ones): an
# open connection to a frozen server would wait forever, since the client has no
# timeout of its own, while a new one gives up after `connect_timeout`. Cached
# pages need no connection at all.
DATABASES = {"default": dj_database_url.parse(require("DATABASE_URL"), conn_max_age=0)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # `make run`'s SQLite is written by the server's threads and the scheduler
    # at once: take the write lock when a transaction starts and wait for it,
    # rather than fail with "database is locked"; readers go on during a write.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "connect_timeout": int(env("DJANGO_DB_CONNECT_TIMEOUT") or 3),
            # Server side: no query of a visitor's request runs longer.
            "options": "-c statement_timeout={}s".format(
                int(env("DJANGO_DB_STATEMENT_TIMEOUT") or 5)
            ),
        }
    )
SERVE_MEDIA = env_bool("DJANGO_SERVE_MEDIA", False)

# `make run` serves plain HTTP on 127.0.0.1 and says so with DJANGO_HTTPS=0.
HTTPS = env_bool("DJANGO_HTTPS", True)
SECURE_SSL_REDIRECT = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = 31536000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
# /healthz is answered before the redirect (iclc.middleware.HealthCheckMiddleware).
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

# Behind a TLS-terminating proxy that sets X-Forwarded-Proto and X-Forwarded-For.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Moderation notifications go out by SMTP; `make run` switches to the console.
# An empty variable (as in .env.example) means the default.
EMAIL_BACKEND = (
    env("DJANGO_EMAIL_BACKEND") or "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = env("DJANGO_EMAIL_HOST") or "localhost"
EMAIL_PORT = int(env("DJANGO_EMAIL_PORT") or 587)
EMAIL_HOST_USER = env("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
