"""The newsroom and the programme point at each other: releases, sessions, photos."""

import datetime
from urllib.parse import urlsplit

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from pages.models.base import localise_subpath
from tests.factories import (
    MEXICO_CITY,
    GalleryImageFactory,
    GalleryPageFactory,
    MediaIndexPageFactory,
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    ProgrammePageFactory,
    SessionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def conference(home_page):
    """A Mayors' Forum session with its press release and its gallery, and a
    release and a gallery of another day."""
    programme = ProgrammePageFactory(parent=home_page)
    forum = SessionPageFactory(
        parent=programme,
        title_en="Mayors' Forum",
        title_es="Foro de Alcaldes",
        start=datetime.datetime(2015, 9, 29, 9, 30, tzinfo=MEXICO_CITY),
    )
    SessionPageFactory(
        parent=programme,
        start=datetime.datetime(2015, 9, 28, 10, 0, tzinfo=MEXICO_CITY),
    )
    newsroom = PressReleaseIndexPageFactory(parent=home_page)
    media = MediaIndexPageFactory(parent=home_page)
    gallery = GalleryPageFactory(
        parent=media, date=datetime.date(2015, 9, 29), session=forum
    )
    GalleryImageFactory(page=gallery)
    other_gallery = GalleryPageFactory(parent=media, date=datetime.date(2015, 9, 28))
    release = PressReleasePageFactory(
        parent=newsroom,
        release_date=datetime.datetime(2015, 9, 29, 19, 0, tzinfo=MEXICO_CITY),
    )
    release.related_sessions = [forum]
    release.save_revision().publish()
    other_release = PressReleasePageFactory(
        parent=newsroom,
        release_date=datetime.datetime(2015, 9, 28, 19, 0, tzinfo=MEXICO_CITY),
    )
    return {
        "programme": programme,
        "forum": forum,
        "gallery": gallery,
        "other_gallery": other_gallery,
        "release": release,
        "other_release": other_release,
    }


def links(client, address):
    response = client.get(address)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return {urlsplit(a["href"]).path for a in soup.select("main a[href]")}


def test_session_links_its_press_release_and_gallery(client, conference, lang):
    found = links(client, conference["forum"].url_in(lang))
    assert conference["release"].url_in(lang) in found
    assert conference["gallery"].url_in(lang) in found
    assert conference["other_release"].url_in(lang) not in found


def test_release_and_gallery_link_back_to_the_session(client, conference, lang):
    session_url = conference["forum"].url_in(lang)
    assert session_url in links(client, conference["release"].url_in(lang))
    assert session_url in links(client, conference["gallery"].url_in(lang))
    response = client.get(conference["release"].url_in(lang))
    text = BeautifulSoup(response.content, "html.parser").main.get_text()
    with translation.override(lang):
        assert conference["forum"].title in text


def test_programme_day_shows_that_days_release_and_photos(client, conference, lang):
    day = conference["programme"].url_in(lang) + localise_subpath(
        lang, "day/2015-09-29/"
    )
    found = links(client, day)
    assert conference["release"].url_in(lang) in found
    assert conference["gallery"].url_in(lang) in found
    assert conference["other_release"].url_in(lang) not in found
    assert conference["other_gallery"].url_in(lang) not in found


def test_unpublished_release_is_not_linked_from_the_session(client, conference):
    conference["release"].unpublish()
    found = links(client, conference["forum"].url_in("en"))
    assert conference["release"].url_in("en") not in found
    day = conference["programme"].url_in("en") + "day/2015-09-29/"
    assert conference["release"].url_in("en") not in links(client, day)
