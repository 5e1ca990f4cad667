"""Say in one line whether the configured database server answers."""

import sys

from django.core.management.base import BaseCommand
from django.db import DatabaseError, connections


class Command(BaseCommand):
    help = "Check that the database server at DATABASE_URL answers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--create",
            action="store_true",
            help="Create the PostgreSQL database when the server answers without it.",
        )

    def handle(self, *args, **options):
        connection = connections["default"]
        try:
            if connection.vendor == "postgresql":
                # The site's own database may not exist yet (pytest creates
                # test_*): ask the server through its maintenance database.
                import psycopg2

                params = {
                    "connect_timeout": 5,
                    **connection.get_connection_params(),
                    "dbname": "postgres",
                }
                server = psycopg2.connect(**params)
                try:
                    if options["create"]:
                        self.create_database(server, connection.settings_dict["NAME"])
                finally:
                    server.close()
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

    def create_database(self, server, name):
        # psycopg2 is only there for PostgreSQL (SQLite needs no server).
        from psycopg2 import sql

        server.autocommit = True
        with server.cursor() as cursor:
            cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
            if cursor.fetchone() is None:
                cursor.execute(
                    sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name))
                )
                self.stdout.write(f"Created the database {name}.")
