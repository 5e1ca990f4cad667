"""Say in one line whether the configured database server answers."""

import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError, connections


class Command(BaseCommand):
    help = "Check that the database server at DATABASE_URL answers."

    def handle(self, *args, **options):
        connection = connections["default"]
        try:
            if connection.vendor == "postgresql":
                # The site's own database may not exist yet (pytest creates
                # test_*): ask the server through its maintenance database.
                import psycopg2

                params = {**connection.get_connection_params(), "dbname": "postgres"}
                psycopg2.connect(connect_timeout=5, **params).close()
            else:
                connection.ensure_connection()
        except (DatabaseError, ImportError, Exception) as error:  # noqa: BLE001
            settings_dict = connection.settings_dict
            host = settings_dict.get("HOST") or "localhost"
            port = settings_dict.get("PORT") or 5432
            self.stderr.write(
                f"The database does not answer at {host}:{port} ({error}). Start "
                "PostgreSQL with `docker compose up -d db` or a local server, "
                "or point DATABASE_URL at one."
            )
            sys.exit(1)
