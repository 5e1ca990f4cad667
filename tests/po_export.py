"""The content's Spanish PO file, exported as translators get it."""

from django.core.management import call_command

import polib


def export(tmp_path, *args):
    """Run export_content_po into `tmp_path`, with `args`, and read the file back."""
    path = tmp_path / "es.po"
    call_command("export_content_po", "--lang", "es", "--output", str(path), *args)
    return polib.pofile(str(path))
