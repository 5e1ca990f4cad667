"""The press feeds as a feed reader sees them: valid, in the page's language, linked."""

import datetime
from urllib.parse import urlsplit

from django.core.cache import cache
from django.utils import translation

import feedparser
import pytest
from bs4 import BeautifulSoup

from tests.factories import (
    MEXICO_CITY,
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    SiteImageFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db

FEEDS = ["rss", "atom"]


@pytest.fixture
def newsroom(home_page):
    cache.clear()
    index = PressReleaseIndexPageFactory(parent=home_page)
    image = SiteImageFactory()
    for day in (28, 29, 30):
        PressReleasePageFactory(
            parent=index,
            release_date=datetime.datetime(2015, 9, day, 19, 30, tzinfo=MEXICO_CITY),
            featured_image=image if day != 29 else None,
        )
    return index


def feed_url(index, language, kind):
    return index.url_in(language) + f"feed/{kind}/"


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_is_valid_and_in_the_language_of_its_address(client, newsroom, lang, kind):
    response = client.get(feed_url(newsroom, lang, kind))
    assert response.status_code == 200
    assert response["Content-Type"].startswith(
        {"rss": "application/rss+xml", "atom": "application/atom+xml"}[kind]
    )
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == {"rss": "rss20", "atom": "atom10"}[kind]
    assert feed.feed.language == lang
    releases = list(newsroom.get_releases())
    assert len(feed.entries) == 3
    with translation.override(lang):
        assert [entry.title for entry in feed.entries] == [r.title for r in releases]
        assert [entry.summary for entry in feed.entries] == [
            r.summary for r in releases
        ]
    # 30 September 2015, 19:30 in Mexico City is 00:30 UTC on 1 October.
    assert feed.entries[0].published_parsed[:5] == (2015, 10, 1, 0, 30)


@pytest.mark.parametrize("kind", FEEDS)
def test_every_item_link_opens_the_release_in_the_same_language(
    client, newsroom, lang, kind
):
    feed = feedparser.parse(client.get(feed_url(newsroom, lang, kind)).content)
    for entry in feed.entries:
        path = urlsplit(entry.link).path
        assert path.startswith(f"/{lang}/")
        response = client.get(path)
        assert response.status_code == 200
        assert response.context["page"].title == entry.title


@pytest.mark.parametrize("kind", FEEDS)
def test_featured_image_is_an_enclosure(client, newsroom, kind):
    feed = feedparser.parse(client.get(feed_url(newsroom, "en", kind)).content)
    with_image = [entry for entry in feed.entries if entry.enclosures]
    assert len(with_image) == 2
    for entry in with_image:
        enclosure = entry.enclosures[0]
        assert enclosure.type == "image/jpeg"
        image = client.get(urlsplit(enclosure.href).path)
        assert image.status_code == 200
        assert int(enclosure.length) == len(b"".join(image.streaming_content))


def test_every_page_links_to_the_feeds_of_its_language(client, newsroom, lang):
    other = StandardPageFactory(parent=newsroom.get_parent())
    for page in (other, newsroom.get_parent().specific):
        soup = BeautifulSoup(client.get(page.url_in(lang)).content, "html.parser")
        links = {
            link["type"]: urlsplit(link["href"]).path
            for link in soup.select('head link[rel="alternate"][type]')
        }
        assert links == {
            "application/rss+xml": feed_url(newsroom, lang, "rss"),
            "application/atom+xml": feed_url(newsroom, lang, "atom"),
        }


def test_feed_links_follow_the_newsroom_when_it_moves(client, newsroom):
    client.get("/en/")
    newsroom.slug_en = "newsroom"
    newsroom.save_revision().publish()
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    link = soup.select_one('head link[type="application/rss+xml"]')
    assert urlsplit(link["href"]).path == "/en/newsroom/feed/rss/"
