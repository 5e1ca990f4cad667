"""The Spanish catalogue is complete: makemessages finds nothing new."""

import shutil
from pathlib import Path

from django.core.management import call_command

import polib

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = "es/LC_MESSAGES/django.po"
# What makemessages reads: the code and templates with interface strings.
SOURCES = ("iclc", "pages", "tools")
NOT_SOURCES = shutil.ignore_patterns("static", "media", "__pycache__", "*.pyc")


def messages(path):
    """The catalogue's live entries, by context, text and plural."""
    return {
        (entry.msgctxt, entry.msgid, entry.msgid_plural): entry
        for entry in polib.pofile(str(path))
        if not entry.obsolete
    }


def test_makemessages_changes_nothing_in_the_catalogue(tmp_path, settings, monkeypatch):
    """Run makemessages over a copy of the code and of locale/, and compare.

    A difference means a string in the code is not in the committed catalogue
    (or the catalogue keeps strings the code no longer has): run `make messages`.
    makemessages writes into a `locale/` folder of the directory it runs in, so
    it runs in the copy, never on the committed catalogue; entries are compared,
    not the line wrapping, which differs between gettext versions.
    """
    for name in SOURCES:
        shutil.copytree(ROOT / name, tmp_path / name, ignore=NOT_SOURCES)
    shutil.copytree(ROOT / "locale", tmp_path / "locale")
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.chdir(tmp_path)
    call_command("makemessages", locale=["es"], no_location=True, verbosity=0)

    fresh = messages(tmp_path / "locale" / CATALOGUE)
    committed = messages(ROOT / "locale" / CATALOGUE)
    assert sorted(fresh.keys() - committed.keys(), key=str) == []
    assert sorted(committed.keys() - fresh.keys(), key=str) == []
    untranslated = [key for key, entry in fresh.items() if not entry.translated()]
    assert untranslated == []
    assert [key for key, entry in fresh.items() if "fuzzy" in entry.flags] == []
