"""The pieces of the printed editions that need no content: what WeasyPrint may
read, the venue map, the page numbers' words, and the system packages."""

import re
import subprocess
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import translation

import pytest
from lxml import etree

from pages.printing.editions import page_numbers_css
from pages.printing.fetcher import LocalFetcher, RefusedAddress
from pages.printing.venue_map import venue_map_svg

ROOT = Path(__file__).resolve().parents[2]
SITE = "https://iclc.example.org"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize(
    "address",
    [
        "https://fonts.example.com/montserrat.woff2",
        "http://iclc.example.org/static/css/print.css",  # another scheme: another site
        "https://iclc.example.org.evil.test/static/css/print.css",
        "https://iclc.example.org/en/programme/",
        "file:///etc/passwd",
        "ftp://iclc.example.org/static/css/print.css",
    ],
)
def test_the_fetcher_refuses_anything_but_the_sites_own_files(address):
    with pytest.raises(ValueError):  # RefusedAddress, or a protocol not allowed
        LocalFetcher(SITE).fetch(address)


def test_the_fetcher_reads_static_files_and_uploads_from_the_disk():
    fetcher = LocalFetcher(SITE)
    stylesheet = fetcher.fetch(f"{SITE}/static/css/print.css")
    assert stylesheet.content_type == "text/css"
    assert b"@page" in stylesheet.read()
    stylesheet.close()
    font = fetcher.fetch(f"{SITE}/static/fonts/montserrat-latin-wght-normal.woff2")
    assert font.read(4) == b"wOF2"
    font.close()
    name = default_storage.save("printing-test/map.svg", ContentFile(b"<svg/>"))
    try:
        upload = fetcher.fetch(f"{SITE}/media/{name}")
        assert upload.read() == b"<svg/>"
        upload.close()
    finally:
        default_storage.delete(name)
    with pytest.raises(RefusedAddress):
        fetcher.fetch(f"{SITE}/elsewhere/print.css")


def test_the_venue_map_places_venues_as_they_lie_with_north_up_and_a_scale():
    """Bellas Artes lies north-west of the Ayuntamiento: on the map, left of
    it and above it; the names are escaped."""
    svg = venue_map_svg(
        [
            (1, "Palacio de Bellas Artes", "19.435278", "-99.141389"),
            (2, "Palacio del <Ayuntamiento>", "19.431667", "-99.133333"),
        ],
        title="Map of the venues",
    )
    tree = etree.fromstring(str(svg).encode())
    assert tree.find(f"{SVG}title").text == "Map of the venues"
    first, second = tree.findall(f"{SVG}circle")
    assert float(first.get("cx")) < float(second.get("cx"))
    assert float(first.get("cy")) < float(second.get("cy"))
    texts = [text.text for text in tree.iter(f"{SVG}text")]
    assert "Palacio del <Ayuntamiento>" in texts
    assert "N" in texts
    # The scale bar: a round length, about a quarter of the map's width.
    assert any(re.fullmatch(r"\d+ (m|km)", text or "") for text in texts)
    assert venue_map_svg([], title="Map") == ""


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", '"Page " counter(page) " of " counter(pages)'),
        ("es", '"Página " counter(page) " de " counter(pages)'),
    ],
)
def test_the_page_numbers_read_in_the_language_of_the_edition(language, expected):
    with translation.override(language):
        assert page_numbers_css() == expected


def test_make_installs_pango_for_the_editions_before_running_or_testing():
    """WeasyPrint needs Pango: `make run` (through setup-site) and `make test`
    install it when it is missing, as they do gettext."""
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^deb-pango:", makefile, re.MULTILINE)
    for target in ("test", "run"):
        planned = subprocess.run(
            ["make", "-n", target],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
            env={"PATH": "/usr/bin:/bin", "HOME": str(ROOT)},
        )
        assert "libpangoft2-1.0-0" in planned.stdout, planned.stderr[-2000:]
