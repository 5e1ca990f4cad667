"""Dates, times and numbers as each language writes them (iclc/formats/)."""

import datetime
import zoneinfo

from django.template import Context, Template
from django.utils import translation

import pytest

OPENING = datetime.datetime(2015, 9, 28, 22, 0, tzinfo=datetime.UTC)  # 17:00 in CDMX


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "28 September 2015|5:00 p.m.|28 September 2015, 5:00 p.m.|"
            "Monday 28 September 2015|6,000|1,250.5|28 Sep 2015",
        ),
        (
            "es",
            "28 de septiembre de 2015|17:00 h|28 de septiembre de 2015, 17:00 h|"
            "lunes 28 de septiembre de 2015|6,000|1,250.5|28/09/2015",
        ),
    ],
)
def test_dates_times_and_numbers_follow_the_language(language, expected):
    template = Template(
        "{% load i18n_tags %}"
        '{{ moment|date:"DATE_FORMAT" }}|{{ moment|time }}|'
        '{{ moment|date:"DATETIME_FORMAT" }}|{{ moment|long_day }}|'
        "{{ participants|number }}|{{ ratio|number }}|"
        "{{ moment|date:'SHORT_DATE_FORMAT' }}"
    )
    context = Context({"moment": OPENING, "participants": 6000, "ratio": 1250.5})
    with translation.override(language):
        assert template.render(context) == expected


@pytest.mark.parametrize("language", ["en", "es"])
def test_number_filter_leaves_text_alone(language):
    template = Template(
        "{% load i18n_tags %}{{ a|number }}|{{ b|number }}|{{ c|number:1 }}"
    )
    with translation.override(language):
        assert template.render(Context({"a": "about", "b": None, "c": 12000})) == (
            "about||12,000.0"
        )


def test_times_are_shown_in_mexico_city_time(settings):
    assert settings.TIME_ZONE == "America/Mexico_City"
    assert OPENING.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)).hour == 17
