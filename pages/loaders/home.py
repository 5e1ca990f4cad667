"""The home page: the conference itself."""

from .base import ensure_home_page, read_content, translated_values


def load():
    data = read_content("home")
    return ensure_home_page(translated_values(data["page"]))
