"""Responsive images: every picture has modern formats, sizes, dimensions, alt text."""

from django.template import Context, Template, TemplateSyntaxError
from django.utils import translation

import pytest
from bs4 import BeautifulSoup

from pages.blocks import BodyStreamBlock, CaptionedImageBlock, VideoBlock
from pages.image_sizes import PRESETS, preset_specs
from pages.models import SiteRendition
from tests.factories import (
    ShowcaseIndexPageFactory,
    ShowcaseProgrammePageFactory,
    SiteImageFactory,
)

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
        assert (
            source["sizes"]
            == "(min-width: 64rem) 53rem, (min-width: 46rem) 42rem, 100vw"
        )
    img = picture.img
    assert img["src"].endswith(".jpg")
    widths = [part.split()[-1] for part in img["srcset"].split(", ")]
    assert widths == ["400w", "700w", "1000w", "1400w"]
    assert img["sizes"] == "(min-width: 64rem) 53rem, (min-width: 46rem) 42rem, 100vw"
    assert (img["width"], img["height"]) == ("400", "225")
    assert img["loading"] == "lazy"
    assert img["decoding"] == "async"
    assert "fetchpriority" not in img.attrs
    assert img["alt"] == ALT_EN
    assert "lang" not in img.attrs


@pytest.mark.parametrize("preset", sorted(PRESETS))
def test_every_preset_gives_its_widths_in_three_formats(preset):
    """Each preset's sizes, smallest first, as AVIF and WebP sources and a JPEG
    `<img>` whose width and height are the smallest JPEG's."""
    html = render("{% responsive_image image preset %}", image=photo(), preset=preset)
    specs = preset_specs(preset)
    assert len(specs) % 3 == 0
    by_format = {source["type"]: source["srcset"] for source in html.find_all("source")}
    assert list(by_format) == ["image/avif", "image/webp"]
    img = html.img
    jpeg = [spec for spec in specs if spec.endswith("format-jpeg")]
    assert img["sizes"] == PRESETS[preset][1]
    srcsets = [by_format["image/avif"], by_format["image/webp"], img.get("srcset")]
    counts = [len(srcset.split(", ")) if srcset else 1 for srcset in srcsets]
    assert counts == [len(jpeg)] * 3
    smallest = SiteRendition.objects.get(filter_spec=jpeg[0])  # one image here
    assert (img["width"], img["height"]) == (
        str(smallest.width),
        str(smallest.height),
    )
    assert img["src"] == smallest.url


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


def test_a_css_class_and_eager_loading_reach_the_img():
    source = '{% responsive_image image "portrait" alt="" eager=True css_class=c %}'
    html = render(source, image=photo(), c="person__photo")
    assert html.img["class"] == ["person__photo"]
    assert html.img["fetchpriority"] == "high"
    assert html.img["decoding"] == "async"


def test_the_lightbox_links_to_the_large_photo():
    image = photo()
    url = render("{% lightbox_url image %}", image=image).get_text()
    assert (
        url == SiteRendition.objects.get(image=image, filter_spec="max-1600x1200").url
    )


def test_a_listing_of_many_images_costs_no_query_per_image(
    home_page, django_assert_max_num_queries
):
    """The showcase index prefetches its cards' renditions: a dozen programmes
    cost what two do, and their renditions are made before anyone looks."""
    index = ShowcaseIndexPageFactory(parent=home_page)

    def cards():
        programmes = index.get_programmes()
        return render(
            "{% for p in programmes %}"
            '{% responsive_image p.image "card" alt="" %}{% endfor %}',
            programmes=programmes,
        )

    for _n in range(2):
        ShowcaseProgrammePageFactory(parent=index, image=photo())
    cards()  # makes the renditions
    with django_assert_max_num_queries(3) as few:
        assert len(cards().find_all("picture")) == 2
    for _n in range(10):
        ShowcaseProgrammePageFactory(parent=index, image=photo())
    cards()
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert len(cards().find_all("picture")) == 12


def test_a_body_of_many_photos_costs_no_query_per_photo(
    django_assert_max_num_queries,
):
    block = BodyStreamBlock()
    images = [photo() for _n in range(8)]
    raw = [
        {
            "type": "image",
            "value": {"image": image.pk, "alt_text": "", "caption": "", "credit": ""},
        }
        for image in images
    ]
    block.render(block.to_python(raw))  # makes the renditions
    with django_assert_max_num_queries(2):  # the images, their renditions
        html = BeautifulSoup(block.render(block.to_python(raw)), "html.parser")
    assert len(html.find_all("picture")) == 8
