"""The accessibility statement: a StandardPage under the home page, out of the menu."""

from pages.models import StandardPage
from pages.templatetags.navigation_tags import ACCESSIBILITY_SLUG

from .base import read_content, translated_values, upsert_page


def load(home):
    data = read_content("accessibility")
    values = translated_values(data["page"])
    values["show_in_menus"] = False
    return upsert_page(home, StandardPage, ACCESSIBILITY_SLUG, values)
