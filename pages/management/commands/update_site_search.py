"""Rebuild the site search index from every live page and document."""

from django.core.management.base import BaseCommand

from pages.search import index as search


class Command(BaseCommand):
    help = "Rebuild the bilingual site search index (after a restore or bulk import)."

    def handle(self, *args, **options):
        search.rebuild()
        self.stdout.write(self.style.SUCCESS("Site search index rebuilt."))
