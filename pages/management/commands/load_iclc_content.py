"""Build the whole 2015 conference site from the data files in `pages/content/`."""

from django.core.management.base import BaseCommand
from django.db import transaction

from pages.content_generation import invalidate
from pages.loaders import LOADERS, home
from pages.models import HomePage
from pages.printing.tasks import make_printed_editions
from pages.renditions.tasks import enqueue_site_renditions


class Command(BaseCommand):
    help = "Load the 2015 conference content in English and Spanish (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the site already has a home page.",
        )

    def handle(self, *args, **options):
        if options["if_empty"] and HomePage.objects.exists():
            self.stdout.write("The site already has content; nothing loaded.")
            return
        with transaction.atomic():
            home_page = home.load()
            for loader in LOADERS:
                loader(home_page)
            # One bump for the whole load, whatever the signals of its saves did.
            invalidate()
        # Every size the pages show, made now rather than for their first visitors.
        enqueue_site_renditions()
        # The printed programme and press kit, ready for the first visitor.
        make_printed_editions.enqueue()
        self.stdout.write(self.style.SUCCESS("Conference content loaded."))
