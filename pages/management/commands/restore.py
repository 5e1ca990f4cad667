"""`make restore FILE=…`: bring back the database and media from `make backup`.

The database is replaced by the archive's (PostgreSQL: pg_restore --clean in
one transaction, so a failure leaves it as it was). Media files from the
archive are written back into MEDIA_ROOT; files added since are left alone.
"""

import json
import sqlite3
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from pages.content_generation import invalidate

from .backup import run


class Command(BaseCommand):
    help = "Restore the database and media files from a `make backup` archive."

    def add_arguments(self, parser):
        parser.add_argument("archive", help="backups/iclc-<time>.tar.gz")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="Do not ask for confirmation.",
        )

    def handle(self, *args, **options):
        archive = Path(options["archive"])
        if not archive.is_file():
            raise CommandError(f"No such backup: {archive}")
        if options["interactive"]:
            answer = input(
                f"This replaces the database {connection.settings_dict['NAME']} "
                f"with {archive.name}. Type 'yes' to continue: "
            )
            if answer != "yes":
                raise CommandError("Restore cancelled.")
        with tempfile.TemporaryDirectory(prefix="iclc-restore-") as work:
            work = Path(work)
            with tarfile.open(archive, "r:gz") as tar:
                # The "data" filter refuses absolute paths, links out of the
                # folder and device files.
                tar.extractall(work, filter="data")
            manifest = json.loads((work / "backup.json").read_text())
            if manifest["vendor"] != connection.vendor:
                raise CommandError(
                    f"This backup is of a {manifest['vendor']} database; the site "
                    f"uses {connection.vendor}."
                )
            connections.close_all()
            self.restore_database(work / manifest["database"])
            self.restore_media(work / "media")
        # The restore wrote the tables directly, past the signals that keep the
        # page cache fresh: no page cached before it may be served after it.
        invalidate()
        self.stdout.write(f"Restored {archive.name}.")

    def restore_database(self, dump):
        settings_dict = connection.settings_dict
        if connection.vendor == "postgresql":
            run(
                [
                    "pg_restore",
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    f"--dbname={settings_dict['NAME']}",
                    str(dump),
                ],
                settings_dict,
            )
        else:
            source = sqlite3.connect(dump)
            target = sqlite3.connect(settings_dict["NAME"])
            with target:
                source.backup(target)
            source.close()
            target.close()

    def restore_media(self, media):
        if not media.is_dir():
            return
        root = Path(settings.MEDIA_ROOT)
        for path in sorted(media.rglob("*")):
            destination = root / path.relative_to(media)
            if path.is_dir():
                destination.mkdir(parents=True, exist_ok=True)
            else:
                destination.parent.mkdir(parents=True, exist_ok=True)
                destination.write_bytes(path.read_bytes())
