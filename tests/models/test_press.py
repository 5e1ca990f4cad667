"""The newsroom as journalists see it: the list, the days, a release, the teaser."""

import datetime

from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Page, PageViewRestriction

import feedparser
import pytest
import time_machine

from pages.models import PressReleaseGalleryImage
from pages.models.base import localise_subpath
from tests.factories import (
    MEXICO_CITY,
    GalleryPageFactory,
    MediaIndexPageFactory,
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    SiteImageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def newsroom(home_page):
    return PressReleaseIndexPageFactory(parent=home_page)


def release_on(index, day, hour=18, **kwargs):
    when = datetime.datetime(2015, 9, day, hour, 0, tzinfo=MEXICO_CITY)
    return PressReleasePageFactory(parent=index, release_date=when, **kwargs)


def url(page, language, suffix=""):
    """The page's address in `language`, a routed `suffix` (`day/…/`, `feed/…/`)
    in its words (`dia/…/`, `canal/…/` in Spanish)."""
    return page.url_in(language) + localise_subpath(language, suffix)


def test_index_lists_newest_first_in_each_language(client, newsroom, lang):
    first = release_on(newsroom, 28)
    last = release_on(newsroom, 30)
    response = client.get(url(newsroom, lang))
    assert response.status_code == 200
    assert response.templates[0].name == "pages/press_release_index_page.html"
    html = response.content.decode()
    with translation.override(lang):
        titles = [last.title, first.title]
        dateline = {"en": "30 September 2015", "es": "30 de septiembre de 2015"}[lang]
    assert html.index(titles[0]) < html.index(titles[1])
    assert dateline in html
    assert html.count("<h1") == 1


def test_a_private_release_is_left_out_of_the_index_feeds_and_teaser(
    client, newsroom, lang
):
    shown = release_on(newsroom, 28)
    private = release_on(newsroom, 29)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="x"
    )
    with translation.override(lang):
        shown_title, private_title = shown.title, private.title
    for address in (
        url(newsroom, lang),
        url(newsroom, lang, "feed/rss/"),
        url(newsroom, lang, "feed/atom/"),
        f"/{lang}/",
    ):
        html = client.get(address).content.decode()
        assert shown_title in html, address
        assert private_title not in html, address


@pytest.mark.parametrize(
    ("number", "expected"),
    [("1", 1), ("2", 2), ("3", 3), ("99", 3), ("0", 3), ("-4", 3), ("abc", 1), ("", 1)],
)
def test_any_page_number_gives_a_page_never_an_error(
    client, newsroom, number, expected
):
    for day in range(1, 26):
        release_on(newsroom, day)
    response = client.get(url(newsroom, "en"), {"page": number})
    assert response.status_code == 200
    assert response.context["releases"].number == expected


def test_day_filter_lists_only_that_day_in_mexico_city_time(client, newsroom, lang):
    monday = release_on(newsroom, 28, hour=23)  # 05:00 UTC on the 29th
    tuesday = release_on(newsroom, 29, hour=9)
    response = client.get(url(newsroom, lang, "day/2015-09-28/"))
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(lang):
        assert monday.title in html
        assert tuesday.title not in html
    # The index links to each day that has releases.
    index_html = client.get(url(newsroom, lang)).content.decode()
    assert 'href="{}"'.format(url(newsroom, lang, "day/2015-09-29/")) in index_html


@pytest.mark.parametrize("day", ["2015-09-27", "2015-13-45", "yesterday", "2015-9-1x"])
def test_unknown_or_invalid_day_is_a_404(client, newsroom, day):
    release_on(newsroom, 28)
    response = client.get(url(newsroom, "en", f"day/{day}/"))
    assert response.status_code == 404


def test_release_page_shows_dateline_summary_gallery_and_contact(
    client, newsroom, lang
):
    newsroom.press_contact_en = "<p>Press office of SEDU</p>"
    newsroom.press_contact_es = "<p>Oficina de prensa de la SEDU</p>"
    newsroom.save_revision().publish()
    gallery_index = MediaIndexPageFactory(parent=newsroom.get_parent())
    gallery = GalleryPageFactory(parent=gallery_index)
    release = release_on(
        newsroom, 29, featured_image=SiteImageFactory(), related_gallery=gallery
    )
    photo = SiteImageFactory()
    PressReleaseGalleryImage.objects.create(page=release, image=photo)
    response = client.get(url(release, lang))
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override(lang):
        expected = [
            release.title,
            release.summary,
            f"{release.location}, ",
            photo.description,
            newsroom.press_contact,
            gallery.url,
        ]
    for text in expected:
        assert text in html
    assert {"en": "29 September 2015", "es": "29 de septiembre de 2015"}[lang] in html
    assert "lightbox.js" in html


def test_home_page_teaser_shows_the_latest_three(client, newsroom, lang):
    releases = [release_on(newsroom, day) for day in (26, 27, 28, 29)]
    html = client.get(newsroom.get_parent().specific.url_in(lang)).content.decode()
    with translation.override(lang):
        assert releases[0].title not in html
        for release in releases[1:]:
            assert release.title in html


def queries_for(client, address):
    """How many queries a visit makes once renditions exist (second visit)."""
    client.get(address)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(address).status_code == 200
    # Count now: connection.queries keeps only the last 9000.
    return len(queries)


def test_index_and_feeds_keep_a_constant_number_of_queries(
    client, newsroom, django_assert_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # count renders, not cache hits
    image = SiteImageFactory()
    for day in range(1, 4):
        release_on(newsroom, day, featured_image=image)
    addresses = [
        url(newsroom, language, suffix)
        for language in ("en", "es")
        for suffix in ("", "day/2015-09-02/", "feed/rss/", "feed/atom/")
    ]
    with_three = {address: queries_for(client, address) for address in addresses}
    for n in range(197):
        release_on(newsroom, 1 + n % 28, featured_image=image, hour=n % 24)
    for address in addresses:
        client.get(address)
        with django_assert_num_queries(with_three[address], info=address):
            response = client.get(address)
        if "feed" in address or "canal" in address:
            entries = feedparser.parse(response.content).entries
            assert len(entries) == newsroom.feed_size
        else:
            assert len(response.context["releases"]) > 3


def test_scheduled_release_appears_when_publish_scheduled_runs(
    client, newsroom, admin_user
):
    with time_machine.travel(datetime.datetime(2015, 9, 27, 20, 0, tzinfo=MEXICO_CITY)):
        release = PressReleasePageFactory.build(
            title_en="The Mexico City Statement is adopted",
            title_es="Se adopta la Declaración de la Ciudad de México",
            slug_en="statement-adopted",
            slug_es="declaracion-adoptada",
            live=False,
        )
        newsroom.add_child(instance=release)
        tomorrow_nine = datetime.datetime(2015, 9, 28, 9, 0, tzinfo=MEXICO_CITY)
        release.go_live_at = tomorrow_nine
        release.save_revision(user=admin_user).publish(user=admin_user)
        release.refresh_from_db()
        assert not release.live
        assert (
            "Mexico City Statement"
            not in client.get(url(newsroom, "en")).content.decode()
        )
        assert client.get(url(release, "en")).status_code == 404

    with time_machine.travel(datetime.datetime(2015, 9, 28, 8, 59, tzinfo=MEXICO_CITY)):
        call_command("publish_scheduled")
        release.refresh_from_db()
        assert not release.live

    with time_machine.travel(datetime.datetime(2015, 9, 28, 9, 1, tzinfo=MEXICO_CITY)):
        call_command("publish_scheduled")
        release.refresh_from_db()
        assert release.live
        for language in ("en", "es"):
            html = client.get(url(newsroom, language)).content.decode()
            with translation.override(language):
                assert release.title in html
            assert client.get(url(release, language)).status_code == 200


def test_newsroom_accepts_only_press_releases(newsroom):
    assert newsroom.specific_class.allowed_subpage_models() == [
        PressReleasePageFactory._meta.model
    ]
    home = Page.objects.get(pk=newsroom.get_parent().pk).specific
    assert not PressReleasePageFactory._meta.model.can_create_at(home)


@pytest.mark.parametrize(
    ("model", "parent"),
    [
        ("pressreleasepage", "newsroom"),
        ("gallerypage", "media"),
        ("mediaindexpage", "home"),
    ],
)
def test_editors_can_open_the_add_and_edit_forms(admin_client, newsroom, model, parent):
    home = newsroom.get_parent().specific
    media = MediaIndexPageFactory(parent=home)
    parents = {"newsroom": newsroom, "media": media, "home": home}
    if model == "mediaindexpage":
        media.delete()  # one per site
    response = admin_client.get(f"/admin/pages/add/pages/{model}/{parents[parent].pk}/")
    assert response.status_code == 200
    release = release_on(newsroom, 28, featured_image=SiteImageFactory())
    assert admin_client.get(f"/admin/pages/{release.pk}/edit/").status_code == 200
    assert admin_client.get(f"/admin/pages/{newsroom.pk}/edit/").status_code == 200


def test_editors_can_delete_a_published_release(admin_client, newsroom):
    release = release_on(newsroom, 28)
    release.save_revision().publish()
    response = admin_client.post(f"/admin/pages/{release.pk}/delete/")
    assert response.status_code == 302
    assert not PressReleasePageFactory._meta.model.objects.filter(
        pk=release.pk
    ).exists()
