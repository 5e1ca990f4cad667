"""Every page has a meta description in its language, even without SEO fields."""

import pytest
from bs4 import BeautifulSoup

from tests.factories import ShowcaseIndexPageFactory, ShowcaseProgrammePageFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Shared bicycles in the city centre."),
        ("es", "Bicicletas compartidas en el centro de la ciudad."),
    ],
)
def test_a_page_without_seo_fields_is_described_by_its_summary(
    client, home_page, lang, expected
):
    index = ShowcaseIndexPageFactory(parent=home_page)
    programme = ShowcaseProgrammePageFactory(
        parent=index, search_description_en="", listing_summary_en=""
    )
    response = client.get(programme.url_in(lang))
    meta = BeautifulSoup(response.content, "html.parser").find(
        "meta", attrs={"name": "description"}
    )
    assert meta["content"] == expected
