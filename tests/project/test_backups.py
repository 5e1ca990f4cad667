"""`make backup` / `make restore` round trip against the real PostgreSQL."""

import io
import os
import secrets
import sqlite3
import subprocess
import sys
import tarfile
from pathlib import Path

from django.core.files.images import ImageFile
from django.core.management import call_command

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest
from PIL import Image

from pages.models import HomePage
from tests.conftest import root_collection
from tests.factories import StandardPageFactory

ROOT = Path(__file__).resolve().parents[2]


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_bring_back_pages_and_images(client, home_page, tmp_path):
    about = StandardPageFactory(parent=home_page, slug_en="about", slug_es="acerca")
    content = photo()
    image = get_image_model().objects.create(
        title="Zócalo at night",
        collection=root_collection(),
        description_es="El Zócalo de noche",
        file=ImageFile(io.BytesIO(content), name="zocalo.jpg"),
    )
    image_path = Path(image.file.path)

    archive = Path(call_command("backup", output_dir=str(tmp_path), verbosity=0))
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    assert "database.dump" in names
    assert f"media/{image.file.name}" in names

    # Launch-day accident: a page and a photo deleted, the home page renamed.
    about.delete()
    image.delete()
    image_path.unlink(missing_ok=True)
    HomePage.objects.filter(pk=home_page.pk).update(title_en="Oops")
    assert not image_path.exists()
    # The defaced page is in the page cache.
    client.get("/en/")
    defaced = client.get("/en/")
    assert defaced["X-Page-Cache"] == "hit" and b"Oops" in defaced.content

    call_command("restore", str(archive), interactive=False, verbosity=0)

    # No defaced page is served once the restore is done.
    restored_home = client.get("/en/")
    assert b"Oops" not in restored_home.content
    assert home_page.title_en.encode() in restored_home.content

    assert HomePage.objects.get(pk=home_page.pk).title_en == home_page.title_en
    restored = Page.objects.get(pk=about.pk).specific
    assert restored.slug_es == "acerca"
    image = get_image_model().objects.get(title="Zócalo at night")
    assert image.description_es == "El Zócalo de noche"
    assert image_path.read_bytes() == content


def test_restore_refuses_a_missing_file(db):
    with pytest.raises(Exception, match="No such backup"):
        call_command("restore", "/nonexistent.tar.gz", interactive=False)


def test_sqlite_backup_and_restore_round_trip(tmp_path):
    """`make run`'s SQLite database: copied with SQLite's backup API."""
    database = tmp_path / "db.sqlite3"
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "zocalo.jpg").write_bytes(photo())
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE pages (title TEXT)")
        db.execute("INSERT INTO pages VALUES ('Programa')")
    environment = {
        "PATH": os.environ["PATH"],
        "DJANGO_SETTINGS_MODULE": "iclc.settings.production",
        "DJANGO_ENV_FILE": "/nonexistent",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "localhost",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_MEDIA_ROOT": str(media),
    }

    def manage(*args):
        return subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    archive = manage("backup", "--output-dir", str(tmp_path / "backups"))
    with sqlite3.connect(database) as db:
        db.execute("DELETE FROM pages")
    (media / "original_images" / "zocalo.jpg").unlink()

    manage("restore", archive, "--noinput")

    with sqlite3.connect(database) as db:
        assert db.execute("SELECT title FROM pages").fetchall() == [("Programa",)]
    assert (media / "original_images" / "zocalo.jpg").read_bytes() == photo()
