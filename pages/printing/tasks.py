"""When the editions are made: after content is published, by the scheduler.

Making the four PDFs takes seconds (docs/performance.md), too long for an
editor's Publish to wait. So a content change only marks the editions stale
when it commits (a publish writes many rows, each sends `content_invalidated`:
the first marks them), and the scheduler beside the web servers
(`run_scheduler`, every minute) makes them again when they are stale. The mark
is a small file beside the editions in the default storage, which the web
servers and the scheduler share, as they share the editions themselves.

Both steps are tasks on the `printing` backend of settings.TASKS: it runs them
at once, in the process that enqueues them; the tests turn it off, so that
only tests/printing/ makes PDFs.
"""

import logging

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import transaction

from django_tasks import task

from pages.content_generation import content_invalidated
from pages.models.printed import printed_file_name

from .editions import EDITIONS, make_editions, store

logger = logging.getLogger(__name__)

PRINTING_BACKEND = "printing"
STALE_MARK = "printed/stale"


@task(backend=PRINTING_BACKEND)
def mark_editions_stale():
    """Content changed: the editions are to be made again."""
    store(STALE_MARK, b"")


@task(backend=PRINTING_BACKEND)
def make_printed_editions(only_if_stale=False):
    """Make every edition (`only_if_stale`: only if content changed since they
    were last made, or they never were); [file name, seconds] of each."""
    stale = default_storage.exists(STALE_MARK) or never_made()
    if only_if_stale and not stale:
        return []
    # Cleared before the content is read: a change committed while the PDFs
    # render marks them stale again, for the next round.
    default_storage.delete(STALE_MARK)
    try:
        made = make_editions()
    except Exception:
        if stale:  # still to be made: the next round tries again
            mark_editions_stale.call()
        logger.exception("The printed editions could not be made")
        raise
    return [[name, round(seconds, 2)] for name, seconds in made]


def never_made():
    """No edition in the site's language exists (a site loaded before they
    were made, a new media volume): the scheduler makes them at its start."""
    return not any(
        default_storage.exists(printed_file_name(kind, settings.LANGUAGE_CODE))
        for kind in EDITIONS
    )


def content_changed(sender, **kwargs):
    """Mark the editions stale once the change is committed (a change rolled
    back changes no edition)."""
    transaction.on_commit(ask_for_editions, robust=True)


def ask_for_editions():
    # A publish commits many writes, each with this callback: the first one
    # marks the editions stale, the others find the mark (one rebuild).
    if not default_storage.exists(STALE_MARK):
        mark_editions_stale.enqueue()


def connect_signals():
    """Called from `PagesConfig.ready()`."""
    content_invalidated.connect(content_changed, dispatch_uid="printing-stale")
