"""Site search on SQLite, the embedded database of `make run`, against PostgreSQL.

SQLite has no text search configurations: `pages.search.index` folds case and
accents with its own SQL function. A copy of the site is made as `make run`
makes it (migrations and the 2015 content on a SQLite file, in a process of its
own), searched through the search page, and compared with the same searches of
the same content on PostgreSQL.
"""

import json
import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from django.core.management import call_command

import pytest

from pages.search.index import START, STOP, fold, highlight, parse_query, snippet
from tests.search.shown import QUERIES, shown_for_every_query

ROOT = Path(__file__).resolve().parents[2]
# The searches that found nothing on SQLite (issue 25).
ISSUE_QUERIES = [
    "es:educacion",
    "es:inauguracion",
    "es:declaracion",
    "es:ciudad de mexico",
    "es:EDUCACIÓN",
]
KINDS = {
    "es": {
        "Página",
        "Programa",
        "Sesión",
        "Comunicado de prensa",
        "Programa de la ciudad",
        "Sede",
        "Galería de fotos",
        "Documento",
    },
    "en": {
        "Page",
        "Programme",
        "Session",
        "Press release",
        "City programme",
        "Venue",
        "Photo gallery",
        "Document",
    },
}


def run(*command, environment):
    result = subprocess.run(
        [sys.executable, *command],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.fixture(scope="module")
def on_sqlite(tmp_path_factory):
    """What the search page shows for every query on a SQLite copy of the site."""
    folder = tmp_path_factory.mktemp("sqlite-search")
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "iclc.settings.test",
        "DATABASE_URL": f"sqlite:///{folder / 'site.sqlite3'}",
    }
    run("manage.py", "migrate", "--noinput", environment=environment)
    run("manage.py", "load_iclc_content", environment=environment)
    found = folder / "shown.json"
    run("-m", "tests.search.shown", str(found), environment=environment)
    return json.loads(found.read_text())


def folded(word):
    return fold(word).strip()


def test_spanish_search_on_sqlite_ignores_accents_and_case(on_sqlite):
    for key in ISSUE_QUERIES:
        assert on_sqlite[key]["status"] == 200
        assert on_sqlite[key]["count"] > 0, key
    assert on_sqlite["es:educacion"] == on_sqlite["es:EDUCACIÓN"]
    # The word found is highlighted where it starts a word, or is in the title.
    for key in ("es:educacion", "es:inauguracion", "es:declaracion"):
        query = key.split(":")[1]
        assert any(result["marks"] for result in on_sqlite[key]["results"]), key
        for result in on_sqlite[key]["results"]:
            marks = [folded(mark) for mark in result["marks"]]
            assert all(mark.startswith(query) for mark in marks), result
            assert marks or f" {query}" in fold(result["title"]), result
    # "de" is a stop word: what is highlighted of "ciudad de mexico" is its
    # other two words.
    marks = {
        word
        for result in on_sqlite["es:ciudad de mexico"]["results"]
        for mark in result["marks"]
        for word in fold(mark).split()
    }
    assert {"ciudad", "mexico"} <= marks
    assert all(word.startswith(("ciudad", "mexico")) for word in marks), marks


def test_sqlite_finds_what_postgresql_finds(client, db, on_sqlite):
    call_command("load_iclc_content", verbosity=0)
    on_postgres = shown_for_every_query(client)
    for language, query in QUERIES:
        key = f"{language}:{query}"
        sqlite, postgres = on_sqlite[key], on_postgres[key]
        assert postgres["count"] > 0, key
        # Close: the same content, searched by prefix on one and by stem on the other.
        assert abs(sqlite["count"] - postgres["count"]) <= max(
            2, postgres["count"] // 5
        ), (
            key,
            sqlite["count"],
            postgres["count"],
        )
        for shown in (sqlite, postgres):
            assert shown["hreflang"] == 0
            for result in shown["results"]:
                assert result["kind"] in KINDS[language], result
                assert "Título de sección" not in result["snippet"]
                assert "Section heading" not in result["snippet"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EDUCACIÓN", " educacion "),
        (
            "Ciudad de México, 28–30 de septiembre",
            " ciudad de mexico 28 30 de septiembre ",
        ),
        ("¿Quiénes participan?", " quienes participan "),
        ("Año", " ano "),
        ("", " "),
    ],
)
def test_folding_drops_case_accents_and_punctuation(text, expected):
    assert fold(text) == expected


def test_queries_read_as_postgresql_reads_them():
    groups = parse_query(
        'ciudad de "Ciudad de México" -Beijing educación or cultura', "es"
    )
    words = [[(term.words, term.negated) for term in group] for group in groups]
    assert words == [
        [(("ciudad",), False)],
        [(("ciudad", "de", "mexico"), False)],
        [(("beijing",), True)],
        [(("educacion",), False), (("cultura",), False)],
    ]
    # A query of stop words only keeps them.
    assert [group[0].words for group in parse_query("de la", "es")] == [
        ("de",),
        ("la",),
    ]
    # Nothing that can be a word: nothing to find.
    assert parse_query("<-> & | !", "en") == []


class Entry:
    """What `snippet` reads of a search entry, on SQLite (no headline)."""

    def __init__(self, text):
        self.text = text


def test_sqlite_snippets_are_cut_between_words_around_the_first_match():
    text = (
        "Durante tres días los alcaldes compartieron experiencias sobre la "
        "construcción de ciudades del aprendizaje sostenibles en todas las "
        "regiones del mundo y conversaron acerca de la inclusión, la "
        "prosperidad y el desarrollo sostenible; al final adoptaron la "
        "«Declaración de la Ciudad de México», que guía el trabajo de la red "
        "mundial durante los años siguientes, con metas claras para cada "
        "ciudad participante y para sus responsables de educación."
    )
    shown = snippet(Entry(text), "DECLARACION méxico", "es")
    assert shown.startswith("… ") and shown.endswith(" …")
    inner = shown.removeprefix("… ").removesuffix(" …")
    plain = inner.replace(START, "").replace(STOP, "")
    start = text.index(plain)
    assert text[start - 1] == " " and text[start + len(plain)] == " "
    assert f"{START}«Declaración{STOP}" not in inner
    assert f"«{START}Declaración{STOP}" in inner
    assert f"{START}México{STOP}»," in inner
    assert "ciudades" not in inner  # too far before the first match
    # The whole text when it is short; nothing highlighted that did not match.
    assert snippet(Entry("Sesión plenaria I."), "sesiones", "es") == (
        f"{START}Sesión{STOP} plenaria I."
    )
    assert snippet(Entry("Sesión plenaria I."), "foro", "es") == "Sesión plenaria I."
    assert snippet(Entry(""), "foro", "es") == ""


def test_sqlite_snippets_read_decomposed_accents():
    text = unicodedata.normalize("NFD", "La educación para todos")
    assert snippet(Entry(text), "educacion", "es") == (
        f"La {START}educación{STOP} para todos"
    )


def test_words_found_side_by_side_are_one_highlight():
    assert highlight(f"in {START}Mexico{STOP} {START}City{STOP}'s <centre>") == (
        "in <mark>Mexico City</mark>&#x27;s &lt;centre&gt;"
    )
