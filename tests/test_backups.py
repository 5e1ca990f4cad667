"""`make backup` / `make restore` round trip against the real PostgreSQL."""

import io
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


def photo():
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 120, 90)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.mark.django_db(transaction=True)
def test_backup_and_restore_bring_back_pages_and_images(home_page, tmp_path):
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

    call_command("restore", str(archive), interactive=False, verbosity=0)

    assert HomePage.objects.get(pk=home_page.pk).title_en == home_page.title_en
    restored = Page.objects.get(pk=about.pk).specific
    assert restored.slug_es == "acerca"
    image = get_image_model().objects.get(title="Zócalo at night")
    assert image.description_es == "El Zócalo de noche"
    assert image_path.read_bytes() == content


def test_restore_refuses_a_missing_file(db):
    with pytest.raises(Exception, match="No such backup"):
        call_command("restore", "/nonexistent.tar.gz", interactive=False)
