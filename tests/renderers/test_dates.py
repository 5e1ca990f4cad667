"""The time-zone label: Mexico City's offset from UTC, worked out for the moment."""

import datetime

from django.utils import translation

import pytest

from pages.renderers.dates import utc_offset, zone_label
from tests.factories import MEXICO_CITY


@pytest.mark.parametrize(
    ("moment", "english", "spanish"),
    [
        # Summer time in 2015, as during the conference.
        (
            datetime.datetime(2015, 9, 28, 9, 30, tzinfo=MEXICO_CITY),
            "Mexico City time (UTC\u22125 in September 2015)",
            "hora de la Ciudad de México (UTC\u22125 en septiembre de 2015)",
        ),
        # A day is read at noon; in winter Mexico City is UTC−6.
        (
            datetime.date(2015, 12, 1),
            "Mexico City time (UTC\u22126 in December 2015)",
            "hora de la Ciudad de México (UTC\u22126 en diciembre de 2015)",
        ),
        # Stored in UTC, shown in Mexico City: 02:00 UTC on 1 October is 30 September.
        (
            datetime.datetime(2015, 10, 1, 2, 0, tzinfo=datetime.UTC),
            "Mexico City time (UTC\u22125 in September 2015)",
            "hora de la Ciudad de México (UTC\u22125 en septiembre de 2015)",
        ),
    ],
)
def test_zone_label_in_both_languages(moment, english, spanish):
    with translation.override("en"):
        assert zone_label(moment) == english
    with translation.override("es"):
        assert zone_label(moment) == spanish


@pytest.mark.parametrize(
    ("hours", "written"),
    [(-5, "\u22125"), (-6, "\u22126"), (5.5, "+5:30"), (-3.5, "\u22123:30"), (0, "")],
)
def test_utc_offset_uses_a_real_minus_sign(hours, written):
    assert utc_offset(datetime.timedelta(hours=hours)) == written
