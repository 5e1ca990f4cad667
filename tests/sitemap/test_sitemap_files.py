"""The sitemap lists the files pages serve: the programme's open data in both
languages, and each printed edition only once its PDF is in storage."""

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

import pytest

from pages.models.printed import printed_file_name
from tests.factories import (
    PressReleaseIndexPageFactory,
    ProgrammePageFactory,
    SessionPageFactory,
)
from tests.sitemap.test_sitemap import entries, sitemap

pytestmark = pytest.mark.django_db

ROOT = "http://testserver"


@pytest.fixture(autouse=True)
def own_media(settings, tmp_path):
    """A media folder of the test's own: whether a printed edition exists
    depends on no other test."""
    settings.MEDIA_ROOT = str(tmp_path)


@pytest.fixture
def site(home_page):
    programme = ProgrammePageFactory(parent=home_page)
    SessionPageFactory(parent=programme).save_revision().publish()
    press = PressReleaseIndexPageFactory(parent=home_page)
    return programme, press


@pytest.fixture
def stored_pdfs():
    """Writes printed editions into the default storage; removes them after."""
    names = []

    def store(kind, language):
        name = printed_file_name(kind, language)
        names.append(default_storage.save(name, ContentFile(b"%PDF-1.7 test")))

    yield store
    for name in names:
        default_storage.delete(name)


def test_open_data_in_both_languages_with_alternates(client, site):
    found = entries(sitemap(client))
    files = {
        "schedule.xml": ("/en/programme/schedule.xml", "/es/programa/schedule.xml"),
        "schedule.json": ("/en/programme/schedule.json", "/es/programa/schedule.json"),
        "sessions.csv": ("/en/programme/sessions.csv", "/es/programa/sesiones.csv"),
    }
    for en, es in files.values():
        for loc in (en, es):
            alternates, lastmod = found[ROOT + loc]
            assert alternates == {
                "en": ROOT + en,
                "es": ROOT + es,
                "x-default": ROOT + en,
            }
            assert lastmod  # the latest change to the programme or its sessions
        assert client.get(en).status_code == client.get(es).status_code == 200


def test_printed_editions_only_once_their_file_is_stored(
    client, site, stored_pdfs, settings
):
    # The printing task moves the content generation on when it writes an
    # edition; this test writes the files itself, so it renders every time.
    settings.PAGE_CACHE_SECONDS = 0
    pdfs = [loc for loc in entries(sitemap(client)) if loc.endswith(".pdf")]
    assert pdfs == []

    stored_pdfs("programme", "en")
    stored_pdfs("programme", "es")
    stored_pdfs("press-kit", "es")
    found = entries(sitemap(client))
    pdfs = sorted(loc for loc in found if loc.endswith(".pdf"))
    assert pdfs == [
        ROOT + "/en/programme/programme.pdf",
        ROOT + "/es/prensa/kit-de-prensa.pdf",
        ROOT + "/es/programa/programa.pdf",
    ]
    alternates, lastmod = found[ROOT + "/es/programa/programa.pdf"]
    assert alternates == {
        "en": ROOT + "/en/programme/programme.pdf",
        "es": ROOT + "/es/programa/programa.pdf",
        "x-default": ROOT + "/en/programme/programme.pdf",
    }
    assert lastmod  # the file's own date
    # Only the language whose file exists: no English press kit yet.
    assert found[ROOT + "/es/prensa/kit-de-prensa.pdf"][0] == {
        "es": ROOT + "/es/prensa/kit-de-prensa.pdf"
    }
    for loc in pdfs:
        assert client.get(loc.removeprefix(ROOT)).status_code == 200
