"""A document in a private collection is reachable only through Wagtail's
document view, which asks for the password; never as a plain media file."""

from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

import pytest

from tests.conftest import root_collection

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n% the delegates' hotel list\n%%EOF\n"


@pytest.fixture
def private_document(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    private = root_collection().add_child(name="Press embargo")
    CollectionViewRestriction.objects.create(
        collection=private,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password="embargo2015",
    )
    document = get_document_model()(title="Hotel list", collection=private)
    document.file.save("hotel-list.pdf", ContentFile(PDF))
    return document


def test_the_document_view_asks_for_the_password(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 200
    assert PDF not in response.content
    assert "password" in response.content.decode().lower()


def test_the_file_is_not_served_as_media(client, private_document):
    assert private_document.file.name.startswith("documents/")
    response = client.get(f"/media/{private_document.file.name}")
    assert response.status_code == 404
    assert PDF not in b"".join(getattr(response, "streaming_content", [b""]))


def test_public_documents_are_downloads_not_inline(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    document = get_document_model()(
        title="Programme", collection=Collection.get_first_root_node()
    )
    document.file.save("programme.pdf", ContentFile(PDF))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
