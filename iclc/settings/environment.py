"""Read configuration from the process environment and a git-ignored `.env` file.

`make run` writes `DJANGO_SECRET_KEY` into `.env` on first run; real environment
variables always win over the file.
"""

import hashlib
import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Production runs only when these are set; docker-compose.yml and .env.example set them.
REQUIRED_ENVIRONMENT = ("DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")


def load_dotenv():
    # DJANGO_ENV_FILE points elsewhere (tests use it to run without the file).
    path = Path(os.environ.get("DJANGO_ENV_FILE") or BASE_DIR / ".env")
    if not path.is_file():
        return
    for line in path.read_text().splitlines():
        line = line.strip()
        if not line or line.startswith("#") or "=" not in line:
            continue
        key, value = line.split("=", 1)
        os.environ.setdefault(key.strip(), value.strip().strip("'\""))


def env(name, default=None):
    return os.environ.get(name, default)


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def require(name):
    """Return a variable the production settings cannot run without, or stop."""
    value = os.environ.get(name)
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} is required (see .env.example)."
        )
    return value


def code_release():
    """`ICLC_RELEASE`, or a digest of the code and the locked packages.

    It goes into the cache's key prefix: values the cache keeps are pickled model
    instances and page fragments, which code of another release must never read
    (a deploy starts with an empty cache of its own)."""
    release = os.environ.get("ICLC_RELEASE")
    if release:
        return release
    digest = hashlib.blake2b(digest_size=6)
    sources = [BASE_DIR / "requirements.lock"]
    for package in ("iclc", "pages"):
        sources += sorted((BASE_DIR / package).rglob("*.py"))
    for path in sources:
        if path.is_file():
            digest.update(path.read_bytes())
    return digest.hexdigest()
