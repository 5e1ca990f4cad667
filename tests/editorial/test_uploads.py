"""Uploads through the real admin forms: bad files get clear errors and leave
nothing in media; good ones are stored and documents are served as downloads."""

import io
import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

import pytest
from PIL import Image

from tests.conftest import root_collection

pytestmark = pytest.mark.django_db

SVG_WITH_SCRIPT = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
MISMATCH = "The extension does not match the file format"
ALLOWED = "Allowed extensions are: pdf, docx, xlsx, pptx, odt, ods, txt, csv."
HTML_PAGE = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"


def jpeg(size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 60)).save(buffer, "JPEG")
    return buffer.getvalue()


@pytest.fixture(scope="module")
def bomb():
    """A PNG that is a few kilobytes on disk and 144 million pixels when opened."""
    buffer = io.BytesIO()
    Image.new("1", (12_000, 12_000)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def not_allowed(extension):
    return f"File extension “{extension}” is not allowed. {ALLOWED}"


def media_files():
    found = set()
    for folder, _dirs, files in os.walk(settings.MEDIA_ROOT):
        found.update(os.path.join(folder, name) for name in files)
    return found


@pytest.fixture
def editor(client):
    user = get_user_model().objects.create_superuser(
        "uploader", "uploader@example.org", "a long passphrase for tests"
    )
    client.force_login(user)
    return client


def upload(client, url, name, content, **headers):
    """Post a file named `name` to an admin add view, into the root collection."""
    return client.post(
        url,
        {
            "title": "Upload",
            "file": SimpleUploadedFile(name, content),
            "collection": root_collection().pk,
        },
        **headers,
    )


def add_image(client, name, content, **headers):
    return upload(client, "/admin/images/add/", name, content, **headers)


def add_document(client, name, content, **headers):
    return upload(client, "/admin/documents/add/", name, content, **headers)


def errors_of(response):
    return response.context["form"].errors["file"]


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("huge.jpg", None, "This file is too big"),
        ("bomb.png", "bomb", "This file has too many pixels"),
        ("renamed.jpg", HTML_PAGE, MISMATCH),
        ("drawing.svg", SVG_WITH_SCRIPT, "Not a supported image format"),
        (
            "drawing.png",
            SVG_WITH_SCRIPT,
            "The extension does not match the file format",
        ),
    ],
)
def test_bad_images_are_refused_with_a_clear_error(
    editor, request, name, content, message
):
    if content is None:
        # A real JPEG padded past the 20 MB limit (decoders ignore the tail).
        content = jpeg() + b"\0" * (settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE + 1)
    elif content == "bomb":
        content = request.getfixturevalue("bomb")
    before = media_files()

    response = add_image(editor, name, content)

    assert response.status_code == 200
    assert any(message in error for error in errors_of(response))
    assert not get_image_model().objects.exists()
    assert media_files() == before


def test_bad_image_error_is_in_the_editors_language(editor):
    response = add_image(
        editor, "drawing.svg", SVG_WITH_SCRIPT, HTTP_ACCEPT_LANGUAGE="es"
    )
    assert "No esta soportado el formato de imagen" in " ".join(errors_of(response))


@pytest.mark.parametrize("name", ["photo.jpg", "photo.JPEG"])
def test_good_image_is_stored(editor, name):
    response = add_image(editor, name, jpeg())
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert os.path.exists(image.file.path)


def test_multiple_upload_refuses_a_renamed_html_file(editor):
    before = media_files()
    response = editor.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile("renamed.jpg", HTML_PAGE)},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["success"] is False
    assert "does not match the file format" in data["error_message"]
    assert not get_image_model().objects.exists()
    assert media_files() == before


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", HTML_PAGE, "This file is not a real .pdf document."),
        ("page.html", HTML_PAGE, not_allowed("html")),
        (
            "drawing.svg",
            SVG_WITH_SCRIPT,
            not_allowed("svg"),
        ),
        ("tool.exe", b"MZ\x90\x00", not_allowed("exe")),
        ("notes.txt", b"\x00\x01binary\xff", "This file is not plain text (UTF-8)."),
    ],
)
def test_unsafe_documents_are_refused(editor, name, content, message):
    before = media_files()
    response = add_document(editor, name, content)
    assert response.status_code == 200
    assert errors_of(response) == [message]
    assert not get_document_model().objects.exists()
    assert media_files() == before


def test_too_large_document_is_refused(editor, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = add_document(editor, "report.pdf", b"%PDF-1.4\n" + b"0" * 2048)
    assert errors_of(response) == [
        "This file is too big (2.0\xa0KB). Maximum filesize 1.0\xa0KB."
    ]
    assert not get_document_model().objects.exists()


def test_document_error_is_in_the_editors_language(editor):
    response = add_document(editor, "report.pdf", HTML_PAGE, HTTP_ACCEPT_LANGUAGE="es")
    assert errors_of(response) == ["Este archivo no es un documento .pdf real."]


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("programme.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
        ("notes.txt", "Ciudad de México\n".encode(), "text/plain"),
    ],
)
def test_documents_are_served_as_downloads_with_their_type(
    editor, client, name, content, content_type
):
    response = add_document(editor, name, content)
    assert response.status_code == 302
    document = get_document_model().objects.get()
    client.logout()

    download = client.get(document.url)

    assert download.status_code == 200
    assert download["Content-Type"].startswith(content_type)
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["X-Content-Type-Options"] == "nosniff"
    assert b"".join(download.streaming_content) == content


GPS = 0x8825
PERSONAL_TAGS = {0x010F: "Phone maker", 0x0110: "Phone 12", 0x013B: "Ana López"}


def photo_with_location():
    """A phone photo: upright only when turned (orientation 6), sRGB profile,
    taken at the Zócalo by a named photographer on a named phone."""
    from PIL import ImageCms

    exif = Image.Exif()
    exif[0x0112] = 6
    exif.update(PERSONAL_TAGS)
    exif[GPS] = {1: "N", 2: (19.0, 25.0, 57.0), 3: "W", 4: (99.0, 7.0, 59.0)}
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (20, 90, 160)).save(
        buffer, "JPEG", exif=exif.tobytes(), icc_profile=profile, quality=90
    )
    return buffer.getvalue(), profile


def test_an_uploaded_photo_keeps_no_location_or_personal_metadata(editor):
    content, profile = photo_with_location()
    with Image.open(io.BytesIO(content)) as sent:
        assert sent.getexif().get_ifd(GPS)  # the test photo has a location

    assert add_image(editor, "zocalo.jpg", content).status_code == 302
    image = get_image_model().objects.get()
    rendition = image.get_rendition("width-30|format-jpeg")
    for path in (image.file.path, rendition.file.path):
        with Image.open(path) as stored:
            exif = stored.getexif()
            assert not exif.get_ifd(GPS), path
            assert not set(PERSONAL_TAGS) & set(exif), path
            assert "xmp" not in stored.info
    with Image.open(image.file.path) as original:
        assert original.getexif()[0x0112] == 6  # still turns upright
        assert original.info["icc_profile"] == profile
        assert original.size == (60, 40)
    assert (image.width, image.height) == (60, 40)
