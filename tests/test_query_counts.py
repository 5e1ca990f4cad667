"""SQL queries per page: at most 10 with an empty cache, the same with more content.

Each public page type is rendered with the 2015 content and again with ten times as
much; the count must be the same exact number both times. The page cache is emptied
before each measured visit (images' renditions exist: they are made once, ever).
"""

from django.core.cache import cache
from django.core.management import call_command

from wagtail.images.tests.utils import get_test_image_file

import pytest

from pages.models import HomePage, SiteImage, StandardPage
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

# Exact queries of one uncached visit, whatever the amount of content.
EXPECTED = {
    "home": 5,
    "standard": 9,
}


def image(n):
    return SiteImage.objects.create(
        title=f"Photo {n}",
        file=get_test_image_file(),
        description_en=f"Photo {n}",
        description_es=f"Foto {n}",
    )


def body_with_images(count):
    return [
        {"type": "paragraph", "value": "<p>Learning cities.</p>"}
        if n % 2
        else {
            "type": "image",
            "value": {"image": image(n).pk, "alt_text": f"Photo {n}", "caption": ""},
        }
        for n in range(count)
    ]


def grow(home, factor):
    """Standard pages in the menu, nested, with images, `factor` times over."""
    for _n in range(3 * factor):
        parent = StandardPageFactory(parent=home, body_en=body_with_images(2))
        StandardPageFactory(parent=parent, body_en=body_with_images(2 * factor))


@pytest.fixture(params=[1, 10], ids=["2015", "10x"])
def site(request, db):
    call_command("load_iclc_content", verbosity=0)
    home = HomePage.objects.get()
    grow(home, request.param)
    return home


def urls(home, language):
    deepest = StandardPage.objects.filter(depth__gt=3).live().last()
    return {
        "home": home.url_in(language),
        "standard": deepest.url_in(language),
    }


@pytest.mark.parametrize("page_type", sorted(EXPECTED))
def test_queries_per_page_type_do_not_grow(
    client, site, lang, page_type, django_assert_num_queries
):
    url = urls(site, lang)[page_type]
    assert client.get(url).status_code == 200  # renditions are made once, ever
    cache.clear()
    with django_assert_num_queries(EXPECTED[page_type]):
        response = client.get(url)
    assert response.status_code == 200
    assert EXPECTED[page_type] <= 10
