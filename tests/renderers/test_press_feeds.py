"""The press feeds as a feed reader sees them: valid, in the page's language, linked."""

import datetime
from urllib.parse import urlsplit

from django.core.cache import cache
from django.utils import translation

import feedparser
import pytest
from bs4 import BeautifulSoup

from pages.models.base import localise_subpath
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
    """`…/press/feed/rss/` in English, `…/prensa/canal/rss/` in Spanish."""
    return index.url_in(language) + localise_subpath(language, f"feed/{kind}/")


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


@pytest.mark.parametrize("kind", FEEDS)
def test_dates_are_mexico_city_time(client, newsroom, lang, kind):
    """The release of 30 September, 19:30 in Mexico City, is dated 30 September
    (not 1 October, its date in UTC), with the offset of Mexico City then."""
    response = client.get(feed_url(newsroom, lang, kind))
    feed = feedparser.parse(response.content)
    newest = feed.entries[0]
    written = newest.published if kind == "rss" else newest.updated
    expected = {
        "rss": "Wed, 30 Sep 2015 19:30:00 -0500",
        "atom": "2015-09-30T19:30:00-05:00",
    }[kind]
    assert written == expected
    # feedparser gives the moment in UTC: the same moment.
    assert newest.published_parsed[:5] == (2015, 10, 1, 0, 30)


@pytest.mark.parametrize("kind", FEEDS)
def test_feed_is_updated_when_its_latest_entry_is(client, newsroom, kind):
    """Not on the day the site was built or the feed was read: publishing the
    releases is no change to them; correcting one after it went out is."""

    def read():
        return feedparser.parse(client.get(feed_url(newsroom, "en", kind)).content)

    feed = read()
    # Atom's <updated>, RSS's <lastBuildDate>: the newest release's date.
    updated = feed.feed.updated
    assert updated == feed.entries[0].published
    assert updated in ("Wed, 30 Sep 2015 19:30:00 -0500", "2015-09-30T19:30:00-05:00")
    assert [entry.updated for entry in feed.entries] == [
        entry.published for entry in feed.entries
    ]

    # Published today, as the content loader does: no change.
    oldest = newsroom.get_releases().last()
    oldest.save_revision().publish()
    assert read().feed.updated == updated

    oldest = newsroom.get_releases().last()
    oldest.summary_en = "Corrected: the mayors met on Monday."
    oldest.save_revision().publish()
    feed = read()
    corrected = feed.entries[-1]
    assert corrected.summary == "Corrected: the mayors met on Monday."
    assert feed.feed.updated_parsed > feed.entries[0].published_parsed
    if kind == "atom":  # RSS has no date of change for an item
        assert corrected.updated_parsed > corrected.published_parsed
        assert feed.feed.updated_parsed == corrected.updated_parsed


@pytest.mark.parametrize("kind", FEEDS)
def test_ids_are_tag_uris_whatever_the_host(client, newsroom, lang, kind):
    """RFC 4151 tag URIs, one per release and language, with no host name in
    them: a reader of the feed on another address sees no new entries."""
    address = feed_url(newsroom, lang, kind)
    feeds = [
        feedparser.parse(client.get(address, HTTP_HOST=host).content)
        for host in ("127.0.0.1:8000", "iclc2015.example.org")
    ]
    ids = [[entry.id for entry in feed.entries] for feed in feeds]
    assert ids[0] == ids[1]
    releases = list(newsroom.get_releases())
    assert ids[0] == [
        f"tag:uil.unesco.org,2015:iclc2015:press-release/{r.translation_key}/{lang}"
        for r in releases
    ]
    other = "es" if lang == "en" else "en"
    in_other = feedparser.parse(client.get(feed_url(newsroom, other, kind)).content)
    assert not set(ids[0]) & {entry.id for entry in in_other.entries}
    if kind == "atom":
        assert feeds[0].feed.id == feeds[1].feed.id
        assert feeds[0].feed.id.startswith("tag:uil.unesco.org,2015:")


@pytest.mark.parametrize(
    ("address", "location"),
    [
        ("/es/prensa/feed/rss/", "/es/prensa/canal/rss/"),
        ("/es/prensa/feed/atom/", "/es/prensa/canal/atom/"),
        ("/en/press/canal/rss/", "/en/press/feed/rss/"),
        ("/es/prensa/day/2015-09-28/", "/es/prensa/dia/2015-09-28/"),
        ("/es/prensa/day/2015-09-28/?page=2", "/es/prensa/dia/2015-09-28/?page=2"),
        ("/en/press/dia/2015-09-28/", "/en/press/day/2015-09-28/"),
    ],
)
def test_newsroom_sub_paths_in_the_other_language_redirect_for_good(
    client, newsroom, address, location
):
    response = client.get(address)
    assert response.status_code == 301
    assert response["Location"] == location
    assert client.get(location).status_code == 200


def test_newsroom_links_its_days_and_feeds_in_its_language(client, newsroom, lang):
    soup = BeautifulSoup(client.get(newsroom.url_in(lang)).content, "html.parser")
    hrefs = [a["href"] for a in soup.select("main a[href]")]
    words = {"en": ("day", "feed"), "es": ("dia", "canal")}[lang]
    base = newsroom.url_in(lang)
    assert f"{base}{words[0]}/2015-09-28/" in hrefs
    assert f"{base}{words[1]}/rss/" in hrefs
    assert f"{base}{words[1]}/atom/" in hrefs
    day = BeautifulSoup(
        client.get(f"{base}{words[0]}/2015-09-28/").content, "html.parser"
    )
    other = "es" if lang == "en" else "en"
    twin = day.select_one(f".language-switcher a[hreflang={other}]")["href"]
    assert (
        twin
        == {
            "en": "/en/press/day/2015-09-28/",
            "es": "/es/prensa/dia/2015-09-28/",
        }[other]
    )


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
