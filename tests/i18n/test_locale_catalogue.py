"""The Spanish catalogue is complete: makemessages finds nothing new."""

import shutil
from pathlib import Path

from django.core.management import call_command

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = "es/LC_MESSAGES/django.po"


def without_creation_date(path):
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith('"POT-Creation-Date:')
    ]


def test_makemessages_changes_nothing_in_the_catalogue(tmp_path, settings, monkeypatch):
    """Run makemessages into a copy of locale/ and compare.

    A difference means a string in the code is not in the committed catalogue
    (or the catalogue keeps strings the code no longer has): run `make messages`.
    """
    copy = tmp_path / "locale"
    shutil.copytree(ROOT / "locale", copy)
    settings.LOCALE_PATHS = [copy]
    monkeypatch.chdir(ROOT)
    call_command(
        "makemessages",
        locale=["es"],
        no_location=True,
        ignore_patterns=[".venv", "node_modules", "media", "static", "staticfiles"],
        verbosity=0,
    )
    assert without_creation_date(copy / CATALOGUE) == without_creation_date(
        ROOT / "locale" / CATALOGUE
    )
    fresh = polib.pofile(str(copy / CATALOGUE))
    assert fresh.untranslated_entries() == []
    assert fresh.fuzzy_entries() == []
