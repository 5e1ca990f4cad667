"""Production settings for the outage test's gunicorn (tests/project/test_faults.py).

Only static file naming differs: the manifest storage needs a collectstatic run
that the test has no reason to wait for.
"""

from iclc.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
