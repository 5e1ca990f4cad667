"""The home page: the conference itself, with its sections and documents."""

from .base import ensure_home_page, read_content
from .site import body_values, load_documents, load_images


def load():
    images, documents = load_images(), load_documents()
    data = read_content("home")
    return ensure_home_page(body_values(data["page"], images, documents))
