"""Site-wide content: illustrations, documents, organisations, contact offices,
the conference settings, and the content pages ("What is a Learning City?",
"Beijing 2013", documents, accessibility)."""

from django.core.files.base import ContentFile
from django.utils.text import slugify

from wagtail.documents import get_document_model
from wagtail.models import Site

from pages.models import (
    ConferenceDocument,
    ConferenceSettings,
    ContactOffice,
    Organisation,
    StandardPage,
)

from . import artwork
from .base import (
    LANGUAGES,
    content_collection,
    illustration_credit,
    read_content,
    resolve_references,
    save_changes,
    save_image,
    stable_seed,
    translated_values,
    upsert_page,
)
from .pdf import make_pdf


def upsert(model, lookup, values):
    """Create or update the `model` row matching `lookup`; untouched if equal."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **values)
    return save_changes(instance, values)


def load_images():
    """Draw each illustration once; keep its alt text and captions up to date."""
    images = {}
    credit = illustration_credit()
    for key, spec in read_content("site")["images"].items():
        image = save_image(
            key,
            spec["title"],
            lambda key=key, spec=spec: artwork.draw(
                key, spec["motif"], spec["palette"], stable_seed(key)
            ),
        )
        values = translated_values(
            {"description": spec["alt"], "caption": spec["caption"], "credit": credit}
        )
        images[key] = save_changes(image, values)
    return images


def save_document(title, render):
    """Store the PDF `render()` writes, once: a document titled `title` is reused."""
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing:
        return existing
    document = Document(title=title, collection=content_collection())
    document.file.save(f"{slugify(title)[:80]}.pdf", ContentFile(render()), save=False)
    document.save()
    document.get_file_size()  # stores the size, so listings need not stat the file
    return document


def load_documents():
    """The conference documents (snippets) with their English and Spanish PDFs."""
    documents = {}
    for order, spec in enumerate(read_content("site")["documents"]):
        files = {}
        for language in LANGUAGES:
            pdf = spec["files"].get(language)
            if pdf:
                files[f"file_{language}"] = save_document(
                    pdf["title"],
                    lambda pdf=pdf, language=language: make_pdf(
                        pdf["heading"], pdf["paragraphs"], language
                    ),
                )
            else:
                files[f"file_{language}"] = None
        values = translated_values(
            {"title": spec["title"], "description": spec["description"]}
        )
        title_en = values.pop("title_en")
        values.update(files, document_type=spec["document_type"], sort_order=order)
        documents[spec["key"]] = upsert(
            ConferenceDocument, {"title_en": title_en}, values
        )
    return documents


def resolver(images, documents):
    def resolve(kind, key):
        if kind == "image":
            return images[key].pk
        return documents[key].pk

    return resolve


def body_values(data, images, documents):
    """Translated fields of a page, with "@image:…"/"@document:…" turned into ids.

    Image blocks without their own alt text take the image's, in the body's language.
    """
    values = {}
    resolve = resolver(images, documents)
    by_pk = {image.pk: image for image in images.values()}
    for name, value in data.items():
        if name in ("body", "key_figures"):
            for language in LANGUAGES:
                blocks = resolve_references(value[language], resolve)
                if name == "key_figures":
                    blocks = [{"type": "figure", "value": figure} for figure in blocks]
                for block in blocks:
                    if block["type"] == "image" and not block["value"].get("alt_text"):
                        image = by_pk[block["value"]["image"]]
                        block["value"]["alt_text"] = getattr(
                            image, f"description_{language}"
                        )
                values[f"{name}_{language}"] = blocks
        elif isinstance(value, str) and value.startswith("@image:"):
            values[name] = images[value.split(":", 1)[1]]
        else:
            values.update(translated_values({name: value}))
    return values


def load_organisations():
    for order, spec in enumerate(read_content("site")["organisations"]):
        values = translated_values({"name": spec["name"]})
        name_en = values.pop("name_en")
        values.update(
            acronym=spec["acronym"],
            website=spec["website"],
            role=spec["role"],
            sort_order=order,
        )
        upsert(Organisation, {"name_en": name_en}, values)
    for order, spec in enumerate(read_content("site")["contact_offices"]):
        fields = {k: v for k, v in spec.items() if k != "key"}
        values = translated_values(fields)
        name_en = values.pop("name_en")
        values["sort_order"] = order
        upsert(ContactOffice, {"name_en": name_en}, values)


def load_settings(accessibility_page):
    site = Site.objects.get(is_default_site=True)
    conference = ConferenceSettings.for_site(site)
    values = translated_values(read_content("site")["settings"])
    values["accessibility_page"] = accessibility_page
    save_changes(conference, values)


def load(home):
    images = load_images()
    documents = load_documents()
    load_organisations()
    pages = {}
    for spec in read_content("standard")["pages"]:
        data = {k: v for k, v in spec.items() if k not in ("slug", "show_in_menus")}
        values = body_values(data, images, documents)
        values["slug_es"] = spec["slug"]["es"]
        values["show_in_menus"] = spec["show_in_menus"]
        pages[spec["slug"]["en"]] = upsert_page(
            home, StandardPage, spec["slug"]["en"], values
        )
    load_settings(pages.get("accessibility"))
