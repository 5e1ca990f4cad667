"""Apply a translated content PO file (from export_content_po) to the site."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, no_translations

import polib

from pages.i18n.content_po import import_catalogue


class Command(BaseCommand):
    help = (
        "Import translations from a PO file made by export_content_po. Entries whose "
        "context is unknown or whose English changed since the export are reported, "
        "not applied. Changes are saved as a new revision, published unless --draft."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--dry-run", action="store_true", help="Check and report; change nothing."
        )
        parser.add_argument(
            "--draft",
            action="store_true",
            help="Save new revisions as drafts instead of publishing them.",
        )
        parser.add_argument(
            "--lang", help="Target language (default: the file's Language header)."
        )

    @no_translations
    def handle(self, *args, file, dry_run, draft, lang, **options):
        try:
            po = polib.pofile(file)
        except (OSError, ValueError) as error:
            raise CommandError(f"Cannot read {file}: {error}") from error
        lang = lang or po.metadata.get("Language", "")
        codes = [c for c, _n in settings.LANGUAGES]
        if lang not in codes or lang == settings.MODELTRANSLATION_DEFAULT_LANGUAGE:
            raise CommandError(
                f"Unknown target language {lang!r}: set the Language header or --lang."
            )
        result = import_catalogue(po, lang, publish=not draft, dry_run=dry_run)
        for conflict in result.conflicts:
            self.stdout.write(f"conflict: {conflict}")
        for name in result.drafts:
            self.stdout.write(f"saved as draft: {name}")
        if result.waiting:
            self.stdout.write(
                f"drafts waiting to be published ({len(result.waiting)}), not "
                f"changed by this file: {', '.join(result.waiting)}. An earlier "
                "--draft import or an editor saved them: publish them in the admin, "
                "or submit them for approval."
            )
        prefix = "dry run, nothing saved. " if dry_run else ""
        self.stdout.write(
            f"{prefix}applied: {result.applied}, skipped: {result.skipped}, "
            f"conflicts: {len(result.conflicts)}"
        )
