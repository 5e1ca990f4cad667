"""Helpers the content loaders share: data files, translated fields, pages, media."""

import hashlib
import io
import re
from pathlib import Path

from django.core.files.base import ContentFile

from wagtail.images import get_image_model
from wagtail.models import Collection, Page, Site

import yaml

from pages.models import HomePage

CONTENT_DIR = Path(__file__).resolve().parent.parent / "content"
LANGUAGES = ("en", "es")
REFERENCE = re.compile(r"^@(image|document):([\w-]+)$")


# libyaml's parser is many times faster than the pure-Python one.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_content(name):
    """One data file of `pages/content/`, parsed (a fresh copy on every call)."""
    with open(CONTENT_DIR / f"{name}.yaml", encoding="utf-8") as handle:
        return yaml.load(handle, Loader=YAML_LOADER)


def illustration_credit():
    """The credit of the illustrations drawn at load time: {"en": …, "es": …}."""
    return read_content("site")["illustration_credit"]


def translated_values(fields):
    """Turn {"title": {"en": …, "es": …}} into {"title_en": …, "title_es": …}.

    Values that are not language dictionaries are kept as they are.
    """
    values = {}
    for name, value in fields.items():
        if isinstance(value, dict) and set(value) == set(LANGUAGES):
            for language in LANGUAGES:
                values[f"{name}_{language}"] = value[language]
        else:
            values[name] = value
    return values


def resolve_references(value, resolver):
    """Replace "@image:key" and "@document:key" strings in nested data by ids."""
    if isinstance(value, dict):
        return {key: resolve_references(item, resolver) for key, item in value.items()}
    if isinstance(value, list):
        return [resolve_references(item, resolver) for item in value]
    if isinstance(value, str):
        match = REFERENCE.match(value)
        if match:
            return resolver(match.group(1), match.group(2))
    return value


def _without_ids(data):
    """Stream data without the block ids Wagtail adds (they differ on every load)."""
    if isinstance(data, dict):
        return {k: _without_ids(v) for k, v in data.items() if k != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _differs(page, values):
    for name, value in values.items():
        current = getattr(page, name)
        if hasattr(current, "raw_data"):
            # Compare both sides as the database stores them: ListBlocks gain a
            # {"type": "item", "value": …} wrapper, choosers hold primary keys.
            block = page._meta.get_field(name).stream_block
            current = _without_ids(current.get_prep_value())
            value = _without_ids(block.get_prep_value(block.to_python(value or [])))
        elif hasattr(current, "pk") and not hasattr(value, "pk"):
            current = current.pk
        if current != value:
            return True
    return False


def save_changes(instance, values):
    """Give a row (new or stored) `values` and save it, only when it is new or one
    of them differs, so a second run of the loader writes nothing."""
    if instance.pk is None or _differs(instance, values):
        for name, value in values.items():
            setattr(instance, name, value)
        instance.save()
    return instance


def upsert_page(parent, model, slug_en, values):
    """Create or update the child of `parent` whose English slug is `slug_en`.

    A page whose fields already hold `values` is left alone, so a second run of
    the loader writes no new revision.
    """
    values = {"slug_en": slug_en, **values}
    existing = model.objects.child_of(parent).filter(slug_en=slug_en).first()
    if existing is None:
        page = model(**values)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page
    if _differs(existing, values):
        for name, value in values.items():
            setattr(existing, name, value)
        existing.save_revision().publish()
    return existing


def ensure_home_page(values):
    """Make a HomePage the default site's root, replacing Wagtail's welcome page."""
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        welcome = root.get_children().exclude(
            content_type__model="homepage", content_type__app_label="pages"
        )
        slug_taken = welcome.filter(slug="home").first()
        if slug_taken:
            slug_taken.slug = slug_taken.slug_en = "welcome-old"
            slug_taken.save()
        home = HomePage(slug_en="home", slug_es="inicio", **values)
        root.add_child(instance=home)
        home.save_revision().publish()
        if site is None:
            site = Site(hostname="localhost", port=80, is_default_site=True)
        site.root_page = home
        site.site_name = "ICLC 2015"
        site.save()
        for page in welcome:
            page.delete()
    elif _differs(home, values):
        for name, value in values.items():
            setattr(home, name, value)
        home.save_revision().publish()
    return home


def content_collection():
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name="Conference content").first()
    return existing or root.add_child(name="Conference content")


def save_image(key, title, render):
    """Store the image `render()` draws, once: an image titled `title` is reused."""
    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing:
        return existing
    picture = render()
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=85, optimize=True)
    image = Image(title=title, collection=content_collection())
    image.file.save(f"{key}.jpg", ContentFile(buffer.getvalue()), save=False)
    image.width, image.height = picture.size
    image.save()
    return image


def stable_seed(text):
    return int(hashlib.sha256(text.encode()).hexdigest()[:8], 16)
