"""Write the Editors, Moderators and Translators groups and the workflow."""

from django.core.management.base import BaseCommand
from django.db import transaction

from pages.editorial.roles import ROLES, sync_editorial_roles


class Command(BaseCommand):
    help = (
        "Create or correct the editorial groups, their permissions (snippets "
        "included) and the moderation workflow, as defined in "
        "pages/editorial/roles.py. "
        "`migrate` runs this automatically."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            sync_editorial_roles()
        self.stdout.write(
            self.style.SUCCESS("Editorial roles up to date: " + ", ".join(ROLES))
        )
