"""`make run` and `make bench` start with `manage.py check_database --create`,
under the production settings, which give PostgreSQL connections a timeout."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg2
import pytest

ROOT = Path(__file__).resolve().parents[2]
SERVER = "postgres://postgres@127.0.0.1:5432"


@pytest.fixture
def database_name():
    name = f"iclc_check_{uuid.uuid4().hex[:12]}"
    yield name
    server = psycopg2.connect(f"{SERVER}/postgres")
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    server.close()


def check_database(url, *args):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iclc.settings.production",
        "DJANGO_SECRET_KEY": uuid.uuid4().hex * 2,
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_HTTPS": "0",
        "DATABASE_URL": url,
        "DJANGO_ENV_FILE": os.devnull,
    }
    return subprocess.run(
        [sys.executable, "manage.py", "check_database", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_creates_the_site_database_on_a_server_that_answers(database_name):
    result = check_database(f"{SERVER}/{database_name}", "--create")
    assert result.returncode == 0, result.stderr
    assert f"Created the database {database_name}." in result.stdout
    again = check_database(f"{SERVER}/{database_name}", "--create")
    assert again.returncode == 0, again.stderr
    assert "Created" not in again.stdout


def test_says_in_one_line_when_no_server_answers():
    result = check_database("postgres://postgres@127.0.0.1:1/iclc")
    assert result.returncode == 1
    assert "The database does not answer at 127.0.0.1:1" in result.stderr
    assert "multiple values" not in result.stderr
