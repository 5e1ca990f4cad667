"""Photos and multimedia as visitors see them, with and without JavaScript."""

import datetime
from urllib.parse import urlsplit

from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from pages.models import GalleryImage, GalleryPage, MediaIndexPage
from tests.factories import (
    GalleryImageFactory,
    GalleryPageFactory,
    MediaIndexPageFactory,
    SiteImageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def media_index(home_page):
    return MediaIndexPageFactory(parent=home_page)


def soup_of(client, page, language):
    response = client.get(page.url_in(language))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_media_index_groups_galleries_by_day(client, media_index, lang):
    venues = GalleryPageFactory(parent=media_index, date=None, title_en="The venues")
    closing = GalleryPageFactory(parent=media_index, date=datetime.date(2015, 9, 30))
    opening = GalleryPageFactory(parent=media_index, date=datetime.date(2015, 9, 28))
    soup = soup_of(client, media_index, lang)
    headings = [h.get_text(strip=True) for h in soup.select("main h2")]
    assert (
        headings[:2]
        == {
            "en": ["Monday 28 September 2015", "Wednesday 30 September 2015"],
            "es": [
                "Lunes 28 de septiembre de 2015",
                "Miércoles 30 de septiembre de 2015",
            ],
        }[lang]
    )
    links = [urlsplit(a["href"]).path for a in soup.select(".gallery-card a")]
    assert links == [page.url_in(lang) for page in (opening, closing, venues)]
    assert len(soup.select("h1")) == 1


def test_gallery_works_without_javascript(client, media_index, lang):
    gallery = GalleryPageFactory(parent=media_index)
    photos = [GalleryImageFactory(page=gallery) for _ in range(3)]
    soup = soup_of(client, gallery, lang)
    figures = soup.select(".gallery figure")
    assert len(figures) == 3
    for figure, item in zip(figures, photos, strict=True):
        link = figure.select_one("a.gallery__link")
        larger = client.get(urlsplit(link["href"]).path)
        assert larger.status_code == 200
        assert larger["Content-Type"].startswith("image/")
        with translation.override(lang):
            assert figure.img["alt"] == item.image.description
            assert item.image.caption in figure.figcaption.get_text()
        assert item.image.credit in figure.figcaption.get_text()


def test_alt_text_missing_in_spanish_falls_back_and_is_marked(client, media_index):
    gallery = GalleryPageFactory(parent=media_index)
    image = SiteImageFactory(caption_es="", description_es="")
    GalleryImage.objects.create(page=gallery, image=image)
    figure = soup_of(client, gallery, "es").select_one(".gallery figure")
    assert figure.img["alt"] == image.description_en
    assert figure.figcaption.select_one('[lang="en"]').get_text() == image.caption_en


def test_videos_load_nothing_from_the_video_site(client, media_index, lang):
    gallery = GalleryPageFactory(parent=media_index)
    video = {
        "title": "Mayors' Forum",
        "url": "https://video.example.org/watch?v=forum",
        "poster": SiteImageFactory(),
        "description": "",
    }
    setattr(gallery, f"videos_{lang}", [("video", video)])
    gallery.save_revision().publish()
    soup = soup_of(client, gallery, lang)
    link = soup.select_one(".videos a.video__link")
    assert link["href"] == video["url"]
    assert not soup.select("iframe, video, embed, object")
    for element in soup.select("[src], [srcset]"):
        for attribute in ("src", "srcset"):
            assert "example.org" not in element.get(attribute, "")


def test_media_pages_accept_only_their_own_children(media_index):
    assert MediaIndexPage.allowed_subpage_models() == [GalleryPage]
    assert GalleryPage.allowed_subpage_models() == []
    assert not GalleryPage.can_create_at(media_index.get_parent())
