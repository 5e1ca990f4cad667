"""The printed programme and press kit of the real 2015 site, read as PDFs.

The content is loaded once for the module with the real loader and the
`printing` task backend immediate, as in production: loading makes the four
editions. Everything happens in one transaction, rolled back at the end; each
test runs inside it. The PDFs are read with pypdf: their text, page size,
metadata and tags, as a reader's PDF viewer or a screen reader gets them.
"""

import io
import logging
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import translation

import pytest
from pypdf import PdfReader

from pages.content_generation import bump_generation
from pages.models import PressReleasePage, SessionPage, ShowcaseProgrammePage
from pages.models.printed import printed_file_name
from pages.printing.editions import render_edition, store
from pages.printing.tasks import STALE_MARK, make_printed_editions

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "es")
KINDS = ("programme", "press-kit")
IMMEDIATE = {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}
ADDRESSES = {
    ("programme", "en"): "/en/programme/programme.pdf",
    ("programme", "es"): "/es/programa/programa.pdf",
    ("press-kit", "en"): "/en/press/press-kit.pdf",
    ("press-kit", "es"): "/es/prensa/kit-de-prensa.pdf",
}
# The first day as the site writes it in each language.
FIRST_DAY = {"en": "28 September 2015", "es": "28 de septiembre de 2015"}
PAGE_NUMBER = {"en": "Page {} of {}", "es": "Página {} de {}"}
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The 2015 site and its printed editions, made by the loader."""
    tasks = {**settings.TASKS, "printing": IMMEDIATE}
    with (
        override_settings(TASKS=tasks),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        call_command("load_iclc_content", verbosity=0)
        yield
        transaction.set_rollback(True)
    _folders, files = default_storage.listdir("printed")
    for name in files:
        default_storage.delete(f"printed/{name}")


@pytest.fixture(scope="module")
def editions(site):
    """{(kind, language): the stored PDF's bytes} as the loader left them."""
    return {
        (kind, language): default_storage.open(printed_file_name(kind, language)).read()
        for kind in KINDS
        for language in LANGUAGES
    }


def read(pdf):
    return PdfReader(io.BytesIO(pdf))


def page_texts(pdf):
    """Each page's text, with its line breaks and spacing made single spaces."""
    return [" ".join(page.extract_text().split()) for page in read(pdf).pages]


def tagged(node, role):
    """The elements of the PDF's structure tree (its tags) with this role."""
    node = node.get_object()
    found = [node] if node.get("/S") == role else []
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids]:
        if kid is not None and isinstance(kid.get_object(), dict):
            found += tagged(kid, role)
    return found


def translated(instance, field, language):
    with translation.override(language):
        return getattr(instance, field)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_programme_has_every_session_with_its_time_place_and_people(
    editions, language
):
    text = " ".join(page_texts(editions["programme", language]))
    sessions = SessionPage.objects.live().select_related("venue")
    assert sessions.count() == 6
    for session in sessions:
        assert translated(session, "title", language) in text
        assert translated(session.venue, "title", language) in text
        assert translated(session, "room", language) in text
    assert FIRST_DAY[language] in text
    # Times in the site's format, and the zone said once.
    assert ("10:00 a.m." if language == "en" else "10:00 h") in text
    zone = {"en": "Mexico City time (UTC−5", "es": "hora de la Ciudad de México"}
    assert text.count(zone[language]) == 1
    assert "Miguel Ángel Mancera Espinosa" in text
    # Each person with their role in the session (a label in capitals).
    chair = {"en": "CHAIR", "es": "PRESIDE"}[language]
    assert f"{chair} Arne Carlsen, Director, " in text
    # The cover names the conference and its theme as the site writes them.
    cover = page_texts(editions["programme", language])[0]
    name = {
        "en": "2nd International Conference on Learning Cities",
        "es": "2.ª Conferencia Internacional sobre Ciudades del Aprendizaje",
    }
    theme = {
        "en": "Building Sustainable Learning Cities",
        "es": "Construyendo ciudades del aprendizaje sostenibles",
    }
    assert name[language] in cover
    assert theme[language] in cover


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_programme_lists_the_venues_with_their_addresses_and_map(
    editions, language
):
    text = " ".join(page_texts(editions["programme", language]))
    address = {
        "en": "06000 Mexico City, Mexico",
        "es": "06000 Ciudad de México, México",
    }
    assert "Plaza de la Constitución 2" in text
    assert address[language] in text
    # The map drawn from the coordinates: both venues, a scale bar, north.
    assert re.search(r"\b\d+ (m|km)\b", text)
    assert "Palacio de Bellas Artes" in text and "Palacio del Ayuntamiento" in text


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_edition_is_a4_numbered_titled_tagged_and_in_its_language(
    editions, kind, language
):
    pdf = read(editions[kind, language])
    texts = page_texts(editions[kind, language])
    assert len(pdf.pages) > 1
    for page in pdf.pages:
        box = page.mediabox
        assert (round(float(box.width), 2), round(float(box.height), 2)) == A4_POINTS
    # "Page 2 of 5" on every page but the cover.
    for number, text in enumerate(texts[1:], start=2):
        assert PAGE_NUMBER[language].format(number, len(texts)) in text
    assert PAGE_NUMBER[language].format(1, len(texts)) not in texts[0]
    heading = {
        ("programme", "en"): "Programme · 2nd International Conference",
        ("programme", "es"): "Programa · 2.ª Conferencia Internacional",
        ("press-kit", "en"): "Press kit · 2nd International Conference",
        ("press-kit", "es"): "Kit de prensa · 2.ª Conferencia Internacional",
    }
    assert pdf.metadata.title.startswith(heading[kind, language])
    assert "UNESCO" in pdf.metadata.author
    catalogue = pdf.trailer["/Root"]
    assert catalogue["/Lang"] == language
    # Tagged (structure tree) with selectable text in the site's font.
    assert catalogue["/MarkInfo"]["/Marked"]
    figures = tagged(catalogue["/StructTreeRoot"], "/Figure")
    assert figures  # the map, the sketches, the photos…
    assert all(figure.get("/Alt") for figure in figures)  # …each described
    fonts = {
        str(font.get_object()["/BaseFont"])
        for page in pdf.pages
        for font in page["/Resources"]["/Font"].values()
    }
    assert any("Montserrat" in font for font in fonts), fonts


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_an_editions_links_lead_to_the_sites_public_address_in_its_language(
    editions, kind, language
):
    """The cover and every session, venue, release and showcase programme link to
    the site visitors use (WAGTAILADMIN_BASE_URL, as calendars do), not to the
    Wagtail site's own hostname."""
    links = [
        annotation.get_object()["/A"]["/URI"]
        for page in read(editions[kind, language]).pages
        for annotation in page.get("/Annots", [])
        if "/URI" in annotation.get_object().get("/A", {})
    ]
    site = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    own = [link for link in links if link.startswith(f"{site}/{language}/")]
    assert len(own) > 3
    # The rest lead elsewhere (a bike-sharing map): never to the Wagtail
    # site's hostname ("localhost") nor to the other language.
    others = {urlsplit(link).hostname for link in links if link not in own}
    assert not others & {"localhost", urlsplit(site).hostname}, links


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_press_kit_has_the_three_days_releases_the_contact_and_key_figures(
    editions, language
):
    text = " ".join(page_texts(editions["press-kit", language]))
    releases = PressReleasePage.objects.live().order_by("release_date")
    days = {release.release_date.date() for release in releases}
    assert len(days) == 3
    for release in releases:
        assert translated(release, "title", language) in text
    assert FIRST_DAY[language] in text
    contact = {"en": "Press contact", "es": "Contacto de prensa"}
    assert contact[language] in text
    assert "Feldbrunnenstraße 58" in text
    programme = ShowcaseProgrammePage.objects.live().get(slug_en="ecobici")
    figure = translated(programme, "key_figures", language)[0].value
    assert figure["value"] in text
    assert figure["label"] in text


def test_the_editions_render_with_no_warning_and_nothing_from_the_network(site, caplog):
    """Every stylesheet, font and image was found among the site's own files:
    WeasyPrint warns of any it could not fetch (the fetcher refuses others)."""
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = render_edition("programme", "es")
    assert pdf.startswith(b"%PDF")
    assert [record.getMessage() for record in caplog.records] == []


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_route_serves_the_stored_edition_inline(client, editions, kind, language):
    response = client.get(ADDRESSES[kind, language])
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline;")
    assert b"".join(response.streaming_content) == editions[kind, language]
    # Asked again with its validator, it is not sent again.
    again = client.get(
        ADDRESSES[kind, language], headers={"if-none-match": response["ETag"]}
    )
    assert again.status_code == 304


@pytest.mark.parametrize(
    "address",
    [
        "/en/programme/press-kit.pdf",
        "/en/press/programme.pdf",
        "/es/programa/nada.pdf",
        "/en/press/press_kit.pdf",
    ],
)
def test_an_unknown_edition_is_not_found(client, site, address):
    assert client.get(address).status_code == 404


def test_a_visitor_never_makes_an_edition(client, site):
    """A visitor's request reads the stored file back, in the few queries
    that find the page; a missing edition is a 404 until the editions are
    made, and stays missing."""
    with CaptureQueriesContext(connection) as queries:
        assert client.get(ADDRESSES["programme", "en"]).status_code == 200
    assert len(queries) <= 5, [query["sql"] for query in queries]
    assert not any("pages_sessionpage" in query["sql"] for query in queries)

    name = printed_file_name("programme", "en")
    kept = default_storage.open(name).read()
    default_storage.delete(name)
    try:
        assert client.get(ADDRESSES["programme", "en"]).status_code == 404
        assert not default_storage.exists(name)
        assert not default_storage.exists(STALE_MARK)
    finally:
        store(name, kept)


def test_the_press_room_links_the_press_kit_while_there_is_one(client, site):
    # A day of the press room: its template, with one release card to draw.
    days = {"en": "/en/press/day/2015-09-30/", "es": "/es/prensa/dia/2015-09-30/"}
    for language, address in days.items():
        page = client.get(address).content.decode()
        kit = ADDRESSES["press-kit", language]
        link = {"en": "Press kit (PDF)", "es": "Kit de prensa (PDF)"}[language]
        assert f'href="{kit}"' in page
        assert link in page
    name = printed_file_name("press-kit", "es")
    kept = default_storage.open(name).read()
    default_storage.delete(name)
    # As making the editions does when one appears or goes (pages are cached).
    bump_generation()
    try:
        assert "kit-de-prensa.pdf" not in client.get(days["es"]).content.decode()
    finally:
        store(name, kept)


def test_publishing_marks_the_editions_stale_and_the_scheduler_makes_them_once(
    editions, django_capture_on_commit_callbacks
):
    """The editor's publish only marks the editions stale (however many rows it
    writes); the scheduler's next round makes them again, with the change, and
    the round after it has nothing to do."""
    name = printed_file_name("programme", "es")
    before = default_storage.get_modified_time(name)
    session = SessionPage.objects.get(slug_en="plenary-session-ii")
    session.title_es = "Sesión plenaria II: las ciudades rinden cuentas"
    session.title_en = "Plenary session II: cities report back"
    with (
        override_settings(TASKS={**settings.TASKS, "printing": IMMEDIATE}),
        django_capture_on_commit_callbacks(execute=True) as callbacks,
    ):
        session.save_revision().publish()
    assert len(callbacks) > 1  # many writes…
    assert default_storage.exists(STALE_MARK)  # …one mark
    assert default_storage.get_modified_time(name) == before
    assert "las ciudades rinden cuentas" not in " ".join(
        page_texts(default_storage.open(name).read())
    )

    with override_settings(TASKS={**settings.TASKS, "printing": IMMEDIATE}):
        made = make_printed_editions.enqueue(only_if_stale=True).return_value
        again = make_printed_editions.enqueue(only_if_stale=True).return_value
    assert sorted(name for name, _seconds in made) == sorted(
        printed_file_name(kind, language) for kind in KINDS for language in LANGUAGES
    )
    assert again == []
    assert not default_storage.exists(STALE_MARK)
    try:
        spanish = " ".join(page_texts(default_storage.open(name).read()))
        english_name = printed_file_name("programme", "en")
        english = " ".join(page_texts(default_storage.open(english_name).read()))
        assert "Sesión plenaria II: las ciudades rinden cuentas" in spanish
        assert "Plenary session II: cities report back" in english
    finally:  # the module's other tests read the editions of the loaded content
        for (kind, language), pdf in editions.items():
            store(printed_file_name(kind, language), pdf)
