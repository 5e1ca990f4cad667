"""Make the printed editions (the programme and the press kit, PDF) now."""

from django.core.management.base import BaseCommand

from pages.printing.tasks import make_printed_editions


class Command(BaseCommand):
    """Make every printed edition in every language and store it for the
    programme's and the press room's `….pdf` addresses.

    They are made without this: when content is published, by the scheduler
    (`run_scheduler`, within a minute), and after `load_iclc_content`. Run it
    after changing the print templates or stylesheet, or to time the editions.
    """

    help = "Make the printed programme and press kit (PDF) in every language now."

    def handle(self, *args, **options):
        # Called here, not enqueued: made even where the task backend is off.
        made = make_printed_editions.call()
        for name, seconds in made:
            self.stdout.write(f"{name}: {seconds:.2f} s")
        total = sum(seconds for _name, seconds in made)
        self.stdout.write(
            self.style.SUCCESS(f"{len(made)} printed editions made in {total:.2f} s.")
        )
