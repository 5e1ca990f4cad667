"""Days as the site writes them in headings and file titles, in the active language."""

from django.utils import formats
from django.utils.translation import pgettext


def long_day(value):
    """A day as a heading: "Monday 28 September 2015" / "lunes 28 de septiembre…"."""
    return formats.date_format(value, pgettext("long day format", "l j F Y"))
