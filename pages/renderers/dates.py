"""Days as the site writes them in headings and file titles, in the active language,
and the time zone the times are in."""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import formats
from django.utils.translation import gettext, pgettext


def long_day(value):
    """A day as a heading: "Monday 28 September 2015" / "lunes 28 de septiembre…"."""
    return formats.date_format(value, pgettext("long day format", "l j F Y"))


def utc_offset(offset):
    """A `timedelta` from UTC as readers write it: "−5", "+5:30", "" for none,
    with a real minus sign (U+2212)."""
    minutes = round(offset.total_seconds() / 60)
    if not minutes:
        return ""
    sign = "+" if minutes > 0 else "\u2212"
    hours, minutes = divmod(abs(minutes), 60)
    return f"{sign}{hours}:{minutes:02}" if minutes else f"{sign}{hours}"


def zone_label(moment):
    """The site's time zone (Mexico City) with its offset from UTC at `moment`, a
    time or a day (at noon): "Mexico City time (UTC−5 in September 2015)".

    The month is said because the offset changes: Mexico City kept summer time,
    UTC−5, until 2022 and is UTC−6 in winter and today."""
    zone = ZoneInfo(settings.TIME_ZONE)
    if isinstance(moment, datetime.datetime):
        local = moment.astimezone(zone)
    else:
        local = datetime.datetime.combine(moment, datetime.time(12), tzinfo=zone)
    return gettext("Mexico City time (UTC%(offset)s in %(month)s)") % {
        "offset": utc_offset(local.utcoffset()),
        "month": formats.date_format(local, "YEAR_MONTH_FORMAT"),
    }
