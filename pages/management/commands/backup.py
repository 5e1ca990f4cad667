"""`make backup`: the database and the uploaded media in one archive.

PostgreSQL is dumped with pg_dump (custom format); SQLite is copied with its
online backup API. The archive `backups/iclc-<timestamp>.tar.gz` holds
`database.dump` or `database.sqlite3`, `media/` and `backup.json`.
"""

import json
import os
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone


def postgres_environment(settings_dict):
    """libpq variables for pg_dump/pg_restore: the password never goes on a
    command line, where `ps` would show it."""
    values = {
        "PGHOST": settings_dict.get("HOST") or "",
        "PGPORT": str(settings_dict.get("PORT") or ""),
        "PGUSER": settings_dict.get("USER") or "",
        "PGPASSWORD": settings_dict.get("PASSWORD") or "",
        "PGDATABASE": settings_dict["NAME"],
    }
    return {**os.environ, **{key: value for key, value in values.items() if value}}


def run(command, settings_dict):
    result = subprocess.run(
        command, env=postgres_environment(settings_dict), capture_output=True, text=True
    )
    if result.returncode != 0:
        raise CommandError(f"{command[0]} failed: {result.stderr.strip()}")


class Command(BaseCommand):
    help = "Write the database and the media files to backups/iclc-<time>.tar.gz."

    def add_arguments(self, parser):
        parser.add_argument(
            "--output-dir",
            default=str(settings.BASE_DIR / "backups"),
            help="Folder for the archive (default: backups/).",
        )

    def handle(self, *args, **options):
        output_dir = Path(options["output_dir"])
        output_dir.mkdir(parents=True, exist_ok=True)
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        archive = output_dir / f"iclc-{stamp}.tar.gz"
        with tempfile.TemporaryDirectory(prefix="iclc-backup-") as work:
            work = Path(work)
            database = self.dump_database(work)
            (work / "backup.json").write_text(
                json.dumps(
                    {
                        "created": timezone.now().isoformat(),
                        "database": database.name,
                        "vendor": connection.vendor,
                    }
                )
            )
            with tarfile.open(archive, "w:gz") as tar:
                tar.add(work / "backup.json", arcname="backup.json")
                tar.add(database, arcname=database.name)
                tar.add(settings.MEDIA_ROOT, arcname="media")
        os.chmod(archive, 0o600)
        self.stdout.write(str(archive))
        return str(archive)

    def dump_database(self, work):
        settings_dict = connection.settings_dict
        if connection.vendor == "postgresql":
            target = work / "database.dump"
            run(
                [
                    "pg_dump",
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={target}",
                ],
                settings_dict,
            )
            return target
        if connection.vendor == "sqlite":
            target = work / "database.sqlite3"
            source = sqlite3.connect(settings_dict["NAME"])
            copy = sqlite3.connect(target)
            with copy:
                source.backup(copy)
            source.close()
            copy.close()
            return target
        raise CommandError(f"No backup method for {connection.vendor}.")
