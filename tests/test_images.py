"""Responsive images: every picture has modern formats, sizes, dimensions, alt text."""

from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found

import pytest
from bs4 import BeautifulSoup

from pages.blocks import CaptionedImageBlock, VideoBlock
from pages.templatetags.image_tags import PRESETS, picture_html, preset_specs
from tests.factories import SiteImageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Alt text is translated: render in English unless a test says otherwise."""
    with translation.override("en"):
        yield


ALT_EN = "Mayors on the steps of the city hall"
ALT_ES = "Alcaldes en la escalinata del Palacio del Ayuntamiento"


def photo(**kwargs):
    """A 1600×900 photo, large enough for every width of every preset."""
    values = {"description_en": ALT_EN, "description_es": ALT_ES}
    values.update(kwargs)
    return SiteImageFactory(file__width=1600, file__height=900, **values)


def render(source, **context):
    html = Template("{% load image_tags %}" + source).render(Context(context))
    return BeautifulSoup(html, "html.parser")


def test_picture_offers_avif_and_webp_with_a_jpeg_fallback():
    image = photo()
    picture = render('{% responsive_image image "figure" %}', image=image).picture
    sources = picture.find_all("source")
    assert [s["type"] for s in sources] == ["image/avif", "image/webp"]
    for source in sources:
        widths = [part.split()[-1] for part in source["srcset"].split(", ")]
        assert widths == ["400w", "700w", "1000w", "1400w"]
        assert source["sizes"] == "(min-width: 46rem) 42rem, 100vw"
    img = picture.img
    assert img["src"].endswith(".jpg")
    assert (img["width"], img["height"]) == ("400", "225")
    assert img["loading"] == "lazy"
    assert img["alt"] == ALT_EN


def test_the_image_above_the_fold_loads_first():
    img = render('{% responsive_image image "hero" eager=True %}', image=photo()).img
    assert "loading" not in img.attrs
    assert img["fetchpriority"] == "high"


def test_alt_text_follows_the_language_and_marks_the_english_fallback():
    image = photo(description_es="")
    with translation.override("es"):
        img = render('{% responsive_image image "card" %}', image=image).img
    assert img["alt"] == ALT_EN
    assert img["lang"] == "en"
    spanish = photo()
    with translation.override("es"):
        img = render('{% responsive_image image "card" %}', image=spanish).img
    assert img["alt"] == ALT_ES
    assert "lang" not in img.attrs


def test_decorative_images_have_empty_alt_text():
    img = render('{% responsive_image image "gallery" alt="" %}', image=photo()).img
    assert img["alt"] == ""


def test_no_image_renders_nothing_and_an_unknown_preset_is_an_error():
    assert render('{% responsive_image None "card" %}').get_text() == ""
    with pytest.raises(TemplateSyntaxError, match="Unknown image preset"):
        render('{% responsive_image image "huge" %}', image=photo())


def test_captioned_image_block_uses_the_picture_with_caption_and_credit():
    block = CaptionedImageBlock()
    image = photo(credit="Photo: UNESCO")
    value = block.to_python(
        {"image": image.pk, "alt_text": "", "caption": "The opening", "credit": ""}
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    assert html.picture.img["alt"] == ALT_EN
    assert html.figcaption.get_text(" ", strip=True) == "The opening Photo: UNESCO"


def test_video_poster_is_decorative_because_the_link_names_the_video():
    block = VideoBlock()
    value = block.to_python(
        {
            "title": "Opening ceremony",
            "url": "https://video.example.org/opening",
            "poster": photo().pk,
            "description": "",
        }
    )
    html = BeautifulSoup(block.render(value), "html.parser")
    assert html.a.picture.img["alt"] == ""
    assert "Opening ceremony" in html.a.get_text()


def test_renditions_are_cached_once_not_written_back_on_every_render(
    monkeypatch, django_assert_num_queries
):
    from django.core.cache import cache

    from pages.models import SiteRendition

    image = SiteImageFactory()
    first = str(image.get_rendition("width-400|format-webp").url)
    writes = []
    backend = SiteRendition.cache_backend
    original = backend.set  # the test cache's set_many calls set for each key

    def counting_set(key, *args, **kwargs):
        writes.append(key)
        return original(key, *args, **kwargs)

    monkeypatch.setattr(backend, "set", counting_set)
    fresh = type(image).objects.get(pk=image.pk)  # no prefetched renditions
    with django_assert_num_queries(0):  # found in the cache
        again = fresh.get_rendition("width-400|format-webp")
        several = fresh.get_renditions("width-400|format-webp")
    assert str(again.url) == first
    assert str(several["width-400|format-webp"].url) == first
    assert writes == []
    cache.clear()
    fresh = type(image).objects.get(pk=image.pk)
    assert str(fresh.get_rendition("width-400|format-webp").url) == first  # from the DB
    assert len(writes) == 1  # and cached again


def test_a_listing_attaches_renditions_from_the_cache_or_in_one_query(
    django_assert_num_queries,
):
    from django.core.cache import cache

    from pages.models import SiteImage
    from pages.models.images import attach_renditions

    photos = [photo(), photo()]
    specs = preset_specs("card")
    expected = {
        image.pk: {spec: str(image.get_rendition(spec).url) for spec in specs}
        for image in photos
    }

    def listing():
        """Three cards, the first photo on two of them, as a fresh query gives."""
        first, second = (SiteImage.objects.get(pk=image.pk) for image in photos)
        return [first, second, SiteImage.objects.get(pk=photos[0].pk)]

    def shown(cards):
        return [
            {spec: str(card.get_rendition(spec).url) for spec in specs}
            for card in cards
        ]

    for cold in (True, False):
        if cold:
            cache.clear()
        cards = listing()
        with django_assert_num_queries(1 if cold else 0):
            attach_renditions([*cards, None], "card")
            assert shown(cards) == [expected[card.pk] for card in cards]
        for card in cards:
            assert all(r.image is card for r in card.prefetched_renditions)
        # The same photo on two cards: renditions of its own on each.
        assert not {id(r) for r in cards[0].prefetched_renditions} & {
            id(r) for r in cards[2].prefetched_renditions
        }


@pytest.mark.parametrize("preset", sorted(PRESETS))
@pytest.mark.parametrize(
    "attrs",
    [
        {"alt": 'Say "¡hola!" & <wave>', "sizes": "100vw", "loading": "lazy"},
        {"alt": "", "sizes": "4.5rem", "class": "person__photo", "lang": "en"},
        {"alt": "x", "sizes": None, "class": None, "fetchpriority": "high"},
    ],
)
def test_picture_markup_is_wagtails_own(preset, attrs):
    """The site builds `<picture>` itself (for speed); it must be exactly what
    Wagtail's `Picture` renders for the same renditions and attributes."""
    image = photo(title="Mayors & <friends>")
    renditions = get_renditions_or_not_found(image, preset_specs(preset))
    ours = picture_html(renditions, dict(attrs))
    assert ours == Picture(renditions, dict(attrs)).__html__()
    assert ours.count("<source") == 2
