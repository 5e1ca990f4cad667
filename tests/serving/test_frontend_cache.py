"""What the cache in front may keep, and what it is given to purge
(pages/serving/cache.py, pages/serving/frontend_cache.py).

Varnish bans every page whatever the URLs (tests/serving/test_varnish.py); a CDN
purges URL by URL, so it must be given every public page in both languages,
with the translated slugs, the feeds of routable pages, and the sitemap.
"""

from django.core.cache import cache
from django.http import HttpResponse

import pytest

from pages.content_generation import bump_generation
from pages.serving.cache import PageCacheMiddleware
from pages.serving.frontend_cache import public_urls
from tests.factories import PressReleaseIndexPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def test_a_cdn_is_given_every_page_in_both_languages_with_feeds_and_sitemap(
    home_page,
):
    newsroom = PressReleaseIndexPageFactory(parent=home_page)
    StandardPageFactory(
        parent=home_page, live=False, slug_en="a-draft", slug_es="un-borrador"
    )
    urls = public_urls()
    root = "http://localhost"
    assert f"{root}/en/" in urls
    assert f"{root}/es/" in urls
    assert f"{root}/en/press/" in urls
    assert f"{root}/es/prensa/" in urls
    assert f"{root}/en/press/feed/rss/" in urls
    assert f"{root}/en/press/feed/atom/" in urls
    spanish_feeds = [
        u
        for u in urls
        if u.startswith(f"{root}/es/prensa/") and u != f"{root}/es/prensa/"
    ]
    assert len(spanish_feeds) >= 2, urls
    assert f"{root}/sitemap.xml" in urls
    # Only live pages, each address once.
    assert len(urls) == len(set(urls))
    assert not any("draft" in u or "borrador" in u for u in urls)
    assert newsroom.live


def render_during_a_publish(request):
    """A render that an editor's publish overtakes: the content generation moves
    on while the page is being made from what was read before."""
    bump_generation()
    return HttpResponse("<p>the release as it was</p>")


def render(request):
    return HttpResponse("<p>the release as it is</p>")


def test_only_a_page_rendered_under_one_generation_may_be_kept_by_the_proxy(rf):
    cache.clear()
    overtaken = PageCacheMiddleware(render_during_a_publish)(rf.get("/en/press/"))
    assert overtaken.status_code == 200
    # The app's own cache keeps it under the old generation (never served); the
    # cache in front must not keep it at all.
    assert "s-maxage" not in overtaken.get("Cache-Control", "")

    fresh = PageCacheMiddleware(render)(rf.get("/en/press/"))
    assert fresh["Cache-Control"] == "max-age=0, s-maxage=300"
    replayed = PageCacheMiddleware(render_during_a_publish)(rf.get("/en/press/"))
    assert replayed["X-Page-Cache"] == "hit"
    assert replayed["Cache-Control"] == "max-age=0, s-maxage=300"
