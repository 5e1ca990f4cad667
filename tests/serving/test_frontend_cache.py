"""What the frontend cache is given to purge (pages/serving/frontend_cache.py).

Varnish bans every page whatever the URLs (tests/serving/test_varnish.py); a CDN
purges URL by URL, so it must be given every public page in both languages,
with the translated slugs, the feeds of routable pages, and the sitemap.
"""

import pytest

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
