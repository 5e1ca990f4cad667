"""Write the translatable content of every page and snippet to a PO file."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

from pages.i18n.content_po import export_catalogue


class Command(BaseCommand):
    help = (
        "Export every translatable field of every page, snippet and image as a "
        "gettext PO file (msgctxt = object and field, msgid = English, msgstr = "
        "the current translation; out-of-date translations are fuzzy)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", required=True, help="Target language, e.g. es")
        parser.add_argument(
            "--only-missing",
            action="store_true",
            help="Only segments with no translation or an out-of-date one.",
        )
        parser.add_argument("--output", help="File to write (default: stdout).")

    @no_translations
    def handle(self, *args, lang, only_missing, output, **options):
        codes = [c for c, _n in settings.LANGUAGES]
        if lang not in codes or lang == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            raise CommandError(
                f"--lang must be one of the translated languages: {lang}"
            )
        po = export_catalogue(lang, only_missing=only_missing)
        if output:
            po.save(output)
            self.stderr.write(f"{len(po)} entries written to {output}")
        else:
            self.stdout.write(str(po))
