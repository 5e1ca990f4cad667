"""Publish and unpublish scheduled pages every minute, and make the printed
editions again when content changed, until stopped."""

import logging
import signal
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import DatabaseError, close_old_connections

from pages.printing.tasks import make_printed_editions

logger = logging.getLogger("iclc.scheduler")


class Command(BaseCommand):
    """The scheduler beside the web server (`make run`, compose's `scheduler`).

    Wagtail publishes a page scheduled by an editor only when
    `publish_scheduled` runs; this runs it every `--interval` seconds, then
    makes the printed editions (PDF) if content changed since. A database
    outage is logged and retried at the next round, never fatal; SIGTERM or
    SIGINT stops it between rounds.
    """

    help = "Run publish_scheduled every minute (or --interval seconds) until stopped."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=float,
            default=60,
            help="Seconds between two rounds (default: 60).",
        )

    def handle(self, *args, interval, **options):
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        logger.info("Scheduler started: publish_scheduled every %s s", interval)
        while not stop.is_set():
            try:
                call_command("publish_scheduled", verbosity=0)
                # The printed editions, if content changed (pages/printing/tasks.py).
                make_printed_editions.enqueue(only_if_stale=True)
            except DatabaseError:
                logger.exception("publish_scheduled failed; trying again later")
            finally:
                close_old_connections()
            stop.wait(interval)
        logger.info("Scheduler stopped")
