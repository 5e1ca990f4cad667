"""The host city's showcase: "A learning city" and its five programmes."""

from pages.models import ShowcaseIndexPage, ShowcaseProgrammePage

from .base import read_content, upsert_page
from .site import body_values, load_documents, load_images


def load(home):
    images, documents = load_images(), load_documents()
    data = read_content("showcase")
    spec = data["index"]
    values = body_values(
        {k: v for k, v in spec.items() if k != "slug"}, images, documents
    )
    values.update(slug_es=spec["slug"]["es"], show_in_menus=True)
    index = upsert_page(home, ShowcaseIndexPage, spec["slug"]["en"], values)
    for programme in data["programmes"]:
        fields = {k: v for k, v in programme.items() if k != "slug"}
        values = body_values(fields, images, documents)
        values["slug_es"] = programme["slug"]["es"]
        upsert_page(index, ShowcaseProgrammePage, programme["slug"]["en"], values)
