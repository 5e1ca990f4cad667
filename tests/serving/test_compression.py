"""What travels over the wire: compressed HTML, and static files cached for ever."""

import gzip

from django.core.management import call_command
from django.test import Client, override_settings

import brotli
import pytest

from iclc.settings import base

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept", "coding", "decompress"),
    [
        ("gzip, deflate, br, zstd", "br", brotli.decompress),
        ("gzip, deflate", "gzip", gzip.decompress),
        ("br;q=0, gzip", "gzip", gzip.decompress),
    ],
)
def test_pages_are_compressed_with_the_best_coding_the_browser_takes(
    client, home_page, lang, accept, coding, decompress
):
    plain = client.get(f"/{lang}/", HTTP_ACCEPT_ENCODING="identity")
    assert "Content-Encoding" not in plain
    for _visit in ("miss", "hit"):
        response = client.get(f"/{lang}/", HTTP_ACCEPT_ENCODING=accept)
        assert response["Content-Encoding"] == coding
        assert "Accept-Encoding" in response["Vary"]
        assert int(response["Content-Length"]) == len(response.content)
        assert decompress(response.content) == plain.content
        assert len(response.content) < len(plain.content) / 2


def test_csrf_protected_responses_use_padded_gzip_not_brotli(client, db):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="br, gzip")
    assert response.status_code == 200
    assert response["Content-Encoding"] == "gzip"
    assert b"csrfmiddlewaretoken" in gzip.decompress(response.content)


@pytest.fixture
def collected_static(tmp_path):
    """The site's own static files collected as production stores them."""
    with override_settings(
        STATIC_ROOT=str(tmp_path),
        STORAGES=base.STORAGES,  # what production uses
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        WHITENOISE_USE_FINDERS=False,
        WHITENOISE_AUTOREFRESH=False,
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        yield tmp_path


def test_static_files_are_hashed_compressed_and_immutable(collected_static):
    from django.templatetags.static import static

    url = static("css/site.css")
    assert url != "/static/css/site.css"  # the name carries the content's hash
    client = Client()
    for accept, coding in (("br, gzip", "br"), ("gzip", "gzip")):
        response = client.get(url, HTTP_ACCEPT_ENCODING=accept)
        assert response.status_code == 200
        assert response["Content-Encoding"] == coding
        assert "immutable" in response["Cache-Control"]
        assert "max-age=315360000" in response["Cache-Control"]
        response.close()
