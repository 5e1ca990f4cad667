"""What an uncached render reads once a server process is warm (issue 10): no shared
cache round trip but the page's own, and only the columns its language reads."""

from django.core.cache.backends.locmem import LocMemCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest
from bs4 import BeautifulSoup

from pages import request_memo
from pages.cache import CACHE_HEADER, per_generation
from tests.factories import (
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    SiteImageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def release(home_page):
    index = PressReleaseIndexPageFactory(parent=home_page)
    return PressReleasePageFactory(
        parent=index,
        featured_image=SiteImageFactory(),
        listing_image=SiteImageFactory(),
    )


def record_reads(monkeypatch):
    """The keys every cache read asks for, from now on."""
    keys = []

    def recording(method, as_list):
        def read(self, key_or_keys, *args, **kwargs):
            keys.extend(key_or_keys if as_list else [key_or_keys])
            return method(self, key_or_keys, *args, **kwargs)

        return read

    monkeypatch.setattr(LocMemCache, "get", recording(LocMemCache.get, False))
    monkeypatch.setattr(LocMemCache, "get_many", recording(LocMemCache.get_many, True))
    return keys


def test_a_warm_process_reads_only_the_page_from_the_shared_cache(
    client, release, lang, monkeypatch
):
    url = release.url_in(lang)
    # The first visit makes the renditions and caches them; the second finds them
    # in the shared cache, and this process keeps copies.
    client.get(f"{url}?visit=1")
    client.get(f"{url}?visit=2")
    keys = record_reads(monkeypatch)
    # Another address of the same page: a full render, as after a publish.
    response = client.get(f"{url}?visit=3")
    assert response.status_code == 200
    assert response[CACHE_HEADER] == "miss"
    html = BeautifulSoup(response.content, "html.parser")
    assert html.select_one(".figure picture img")["src"]  # the featured image
    assert html.select_one('meta[property="og:image"]')["content"]
    assert keys, "the page itself is looked up in the cache"
    assert all(key.startswith("pagecache:") for key in keys), keys


def test_each_request_unpickles_its_own_copy_of_a_shared_value(db):
    built = []

    def build():
        built.append("built")
        return {"menu": ["Programme"]}

    request_memo.start()
    first = per_generation("test-menu", build)
    first["menu"].append("changed by one render")
    request_memo.end()
    request_memo.start()
    second = per_generation("test-menu", build)
    request_memo.end()
    assert second == {"menu": ["Programme"]}
    assert built == ["built"]


def column(name):
    return f'"pages_pressreleasepage"."{name}"'


@pytest.mark.parametrize(
    "language, read, unread",
    [
        ("en", ["summary_en"], ["summary_es", "summary", "body_es", "body"]),
        ("es", ["summary_es", "summary_en"], ["summary", "body"]),
    ],
)
def test_a_page_loads_the_translations_its_language_reads(
    client, release, language, read, unread
):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(release.url_in(language))
    assert response.status_code == 200
    route = next(q["sql"] for q in queries if column("summary_en") in q["sql"])
    assert all(column(name) in route for name in read)
    assert not any(column(name) in route for name in unread)
    summary = BeautifulSoup(response.content, "html.parser").select_one(".lead")
    assert summary.get_text() == getattr(release, f"summary_{language}")


def test_an_untranslated_field_still_falls_back_to_english(client, release):
    release.summary_es = ""
    release.save_revision().publish()
    response = client.get(release.url_in("es"))
    summary = BeautifulSoup(response.content, "html.parser").select_one(".lead")
    assert summary.get_text() == release.summary_en
    assert summary.select_one('[lang="en"]') is not None
