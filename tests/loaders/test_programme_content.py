"""The programme part of `load_iclc_content`: both languages, idempotent."""

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Revision

import pytest

from pages.models import Person, ProgrammePage, SessionPage, SiteImage, VenuePage

pytestmark = pytest.mark.django_db


def test_loader_builds_the_2015_programme_once(client):
    call_command("load_iclc_content", verbosity=0)
    counts = (
        Revision.objects.count(),
        SessionPage.objects.count(),
        Person.objects.count(),
        SiteImage.objects.count(),
    )
    call_command("load_iclc_content", verbosity=0)
    assert (
        Revision.objects.count(),
        SessionPage.objects.count(),
        Person.objects.count(),
        SiteImage.objects.count(),
    ) == counts

    venues = {v.title_en: v for v in VenuePage.objects.all()}
    assert set(venues) == {"Palacio del Ayuntamiento", "Palacio de Bellas Artes"}
    city_hall = venues["Palacio del Ayuntamiento"]
    assert "Plaza de la Constitución 2" in city_hall.address_es
    assert 19.42 < float(city_hall.latitude) < 19.44
    assert -99.15 < float(city_hall.longitude) < -99.12
    for venue in venues.values():
        assert venue.map_image.description_es and venue.map_image.description_en
        assert (
            "ECOBICI" in venue.getting_there_en and "ECOBICI" in venue.getting_there_es
        )
        assert venue.photos.count() == 1

    sessions = list(SessionPage.objects.live().order_by("start"))
    assert [s.session_type for s in sessions] == [
        "opening",
        "plenary",
        "plenary",
        "city_visit",
        "mayors_forum",
        "closing",
    ]
    days = [timezone.localtime(s.start).date().isoformat() for s in sessions]
    assert days == ["2015-09-28"] * 4 + ["2015-09-29", "2015-09-30"]
    for session in sessions:
        assert session.title_es and session.summary_es and session.room_es
        assert session.body_es and session.listing_image.description_es
        assert session.venue is not None
    closing = sessions[-1]
    assert "Mexico City Statement" in closing.summary_en
    assert "Declaración de la Ciudad de México" in closing.summary_es
    assert all(p.role_es and p.bio_es for p in Person.objects.all())

    programme = ProgrammePage.objects.get()
    assert client.get(programme.url_in("es") + "dia/2015-09-29/").status_code == 200
    assert client.get(programme.url_in("en") + "calendar.ics").status_code == 200
