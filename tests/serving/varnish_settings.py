"""Settings of the app servers behind Varnish in tests/serving/test_varnish.py.

Production's, as tests/fault_settings.py has them (no collectstatic needed),
with the renditions made when a page shows them rather than all at once when
the content is loaded (minutes).
"""

from tests.fault_settings import *  # noqa: F403

TASKS = {
    **TASKS,  # noqa: F405
    "renditions": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"},
}
