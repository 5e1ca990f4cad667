"""The 2015 copy as the loader stores it keeps the rules of locale/GLOSSARY.md.

The content is loaded once for the module with the real loader; every translated
field of every model (pages, snippets, images, people) is read back from the
database in both languages, stream fields down to each block's text. The checks:

- Spanish captions, credits and alt texts are Spanish;
- Spanish addresses the reader as *usted* (or impersonally), never as *tú*;
- one name for each thing: none of the variants in the glossary's "Not" column;
- no «…» quotation marks;
- British spelling in English;
- interpretation languages in lower case in Spanish;
- a person's role does not repeat their organisation;

and the interface catalogue (locale/es/LC_MESSAGES/django.po) keeps the same
register, names, quotation marks and spelling.

Each rule is a function of a list of texts, also tested on known bad texts, so a
rule that stopped finding anything would fail here too.
"""

import re
from pathlib import Path

from django.core.management import call_command
from django.db import transaction
from django.utils import translation
from django.utils.html import strip_tags

from modeltranslation.translator import translator
from wagtail.blocks import StreamValue
from wagtail.models import Page

import polib
import pytest

from pages.models import Person, SessionPage, SiteImage

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "locale" / "GLOSSARY.md"
CATALOGUE = ROOT / "locale" / "es" / "LC_MESSAGES" / "django.po"
LANGUAGES = ("en", "es")
# Fields that hold addresses, not copy.
NOT_COPY = {"slug", "url_path"}
# Keys of stream block values that hold ids, addresses or choices, not copy.
NOT_COPY_KEYS = {"type", "id", "url", "anchor", "level", "image", "page", "poster"}
IMAGE_TEXT_KEYS = {"caption", "credit", "alt_text"}

# Spanish words addressing the reader as tú: pronouns, possessives and verbs that
# are only ever second person, and the tú imperatives the 2015 copy used, which
# are also third-person verbs ("la ciudad busca"), so they count only where an
# instruction starts (a sentence or clause) and is followed by what it governs.
TU_FORMS = re.compile(
    r"\b(tú|tu|tus|te|ti|contigo|tuyo|tuya|puedes|podrás|quieres|tienes|necesitas"
    r"|necesites|pidas|debes|encontrarás|agrégalo|agrégala|descárgalo|síguelos"
    r"|síguenos|suscríbete|inscríbete|regístrate|entérate|escríbenos|llámanos)\b"
    r"|(?:^|[.:;,¡]\s*)(agrega|descarga|consulta|encuentra|camina|busca"
    r"|elige|mira|lee|pide|escribe|sigue|revisa|llama|usa|abre|guarda|prueba)"
    r"\s(el|la|los|las|un|una|este|esta|estos|estas|nuestro|nuestra|aquí|hacia"
    r"|a|al|en|por|más)\b",
    re.IGNORECASE,
)
# English words a Spanish caption, credit or alt text must not contain.
ENGLISH_WORDS = re.compile(
    r"\b(the|and|of|with|by|illustration|photo|photograph|website|courtesy)\b",
    re.IGNORECASE,
)
# American spellings (British: organise, programme, centre, neighbourhood …).
AMERICAN = re.compile(
    r"\b\w*(organi|recogni|mobili|revitali|reali|summari|speciali|utili|legali"
    r"|globali|urbani|moderni|optimi|prioriti|minimi|maximi|standardi|categori"
    r"|characteri|civili|finali|authori|critici|memori|centrali|democrati"
    r"|capitali|visuali|apologi|empha|harmoni|symboli|familiari|stabili)z\w*"
    r"|\b(centers?|centered|programs?|neighbors?|neighborhoods?|colors?|favors?"
    r"|favorite|behaviors?|honors?|honored|labor|traveled|traveling|catalog"
    r"|analyze[sd]?|defense|enrollment)\b",
    re.IGNORECASE,
)
SPANISH_LANGUAGE_NAMES = {"inglés", "español", "francés", "árabe", "chino", "ruso"}
STOP_WORDS = {"of", "the", "for", "and", "de", "la", "el", "del", "los", "las", "y"}


def glossary_variants():
    """The forms in the "Not" column of the glossary's tables, in backticks."""
    variants = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if line.startswith("|") and len(cells) == 3:
            variants += re.findall(r"`([^`]+)`", cells[2])
    return variants


def stream_texts(data, key=""):
    """(key, text) for every piece of copy in a stream's raw data."""
    if isinstance(data, dict):
        if "type" in data and "value" in data:
            yield from stream_texts(data["value"], data["type"])
            return
        for name, value in data.items():
            if name not in NOT_COPY_KEYS:
                yield from stream_texts(value, name)
    elif isinstance(data, list):
        for item in data:
            yield from stream_texts(item, key)
    elif isinstance(data, str) and data.strip():
        yield key, data


def plain(text):
    """The words of `text`, without its HTML (blocks and line breaks keep a space)."""
    spaced = re.sub(r"(?i)<(br|/p|/li|/h\d)\b[^>]*>", " ", text)
    return " ".join(strip_tags(spaced).replace("&nbsp;", " ").split())


def translated_models():
    return [
        model
        for model in translator.get_registered_models(abstract=False)
        if model._meta.app_label == "pages"
    ]


def collect_copy():
    """Every translated text of the loaded content, as dicts with the language,
    where it lives ("Model pk field [block key]"), the block key and the text."""
    texts = []
    for model in translated_models():
        fields = sorted(set(translator.get_options_for_model(model).all_fields))
        objects = model.objects.all()
        if issubclass(model, Page):
            objects = objects.exclude(depth=1)
        for obj in objects:
            for field in fields:
                if field in NOT_COPY:
                    continue
                for language in LANGUAGES:
                    value = getattr(obj, f"{field}_{language}", None)
                    where = f"{model.__name__} {obj.pk} {field}_{language}"
                    if isinstance(value, StreamValue):
                        pieces = stream_texts(list(value.raw_data))
                    elif isinstance(value, str):
                        pieces = [(field, value)]
                    else:
                        pieces = []
                    for key, text in pieces:
                        texts.append(
                            {
                                "language": language,
                                "where": f"{where} [{key}]",
                                "key": key,
                                "field": field,
                                "model": model,
                                "text": plain(text),
                            }
                        )
    return texts


def collect_images():
    return [
        {
            language: {
                name: getattr(image, f"{name}_{language}") or ""
                for name in ("caption", "credit", "description")
            }
            for language in LANGUAGES
        }
        | {"title": image.title}
        for image in SiteImage.objects.all()
    ]


def collect_interpretation():
    with translation.override("es"):
        return {
            session.title_es: [
                str(name) for name in session.get_interpretation_display()
            ]
            for session in SessionPage.objects.all()
            if session.interpretation_languages
        }


def collect_people():
    return [
        {
            language: (
                getattr(person, f"role_{language}") or "",
                getattr(person, f"organisation_{language}") or "",
            )
            for language in LANGUAGES
        }
        | {"name": person.name}
        for person in Person.objects.all()
    ]


@pytest.fixture(scope="module")
def loaded(django_db_setup, django_db_blocker):
    """The loaded content's copy, read in one transaction that is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_iclc_content", verbosity=0)
        copy = {
            "texts": collect_copy(),
            "images": collect_images(),
            "interpretation": collect_interpretation(),
            "people": collect_people(),
        }
        transaction.set_rollback(True)
    return copy


# The rules ----------------------------------------------------------------------
def spanish_image_text_in_english(texts, images):
    problems = [
        f"{t['where']}: {t['text']}"
        for t in texts
        if t["language"] == "es"
        and (t["key"] in IMAGE_TEXT_KEYS or t["model"] is SiteImage)
        and ENGLISH_WORDS.search(t["text"])
    ]
    for image in images:
        for name, spanish in image["es"].items():
            english = image["en"][name]
            if spanish and (spanish == english and ENGLISH_WORDS.search(english)):
                problems.append(f"image {image['title']!r} {name}_es: {spanish}")
            elif english and not spanish:
                problems.append(f"image {image['title']!r} has no {name}_es")
    return problems


def tu_forms(texts):
    return [
        f"{t['where']}: {match.group(0)!r} in {t['text']}"
        for t in texts
        if t["language"] == "es"
        for match in TU_FORMS.finditer(t["text"])
    ]


def variant_names(texts, variants):
    patterns = {v: re.compile(rf"(?<!\w){re.escape(v)}(?!\w)") for v in variants}
    return [
        f"{t['where']}: {variant!r} in {t['text']}"
        for t in texts
        for variant, pattern in patterns.items()
        if pattern.search(t["text"])
    ]


def guillemets(texts):
    return [f"{t['where']}: {t['text']}" for t in texts if re.search("[«»]", t["text"])]


def american_spellings(texts):
    return [
        f"{t['where']}: {match.group(0)!r} in {t['text']}"
        for t in texts
        if t["language"] == "en"
        for match in AMERICAN.finditer(t["text"])
    ]


def capitalised_languages(interpretation):
    return [
        f"{title}: {names}"
        for title, names in interpretation.items()
        if any(name != name.lower() for name in names)
        or not set(names) <= SPANISH_LANGUAGE_NAMES
    ]


def repeated_organisations(people):
    problems = []
    for person in people:
        for language in LANGUAGES:
            role, organisation = person[language]
            words = {
                word
                for word in re.findall(r"\w{3,}", organisation.lower())
                if word not in STOP_WORDS
            }
            repeated = words & set(re.findall(r"\w{3,}", role.lower()))
            if repeated:
                problems.append(
                    f"{person['name']} ({language}): “{role}, {organisation}”"
                    f" repeats {sorted(repeated)}"
                )
    return problems


# The loaded content keeps each rule --------------------------------------------
@pytest.mark.django_db
def test_the_whole_content_is_read(loaded):
    models = {t["model"].__name__ for t in loaded["texts"]}
    assert {"HomePage", "SessionPage", "PressReleasePage", "SiteImage"} <= models
    assert {"Person", "GalleryPage", "ShowcaseProgrammePage"} <= models
    keys = {t["key"] for t in loaded["texts"] if t["language"] == "es"}
    assert {"caption", "credit", "paragraph", "items"} <= keys
    assert len(loaded["images"]) > 20 and loaded["interpretation"]


@pytest.mark.django_db
def test_spanish_captions_credits_and_alt_texts_are_spanish(loaded):
    assert spanish_image_text_in_english(loaded["texts"], loaded["images"]) == []


@pytest.mark.django_db
def test_spanish_copy_uses_usted_not_tu(loaded):
    assert tu_forms(loaded["texts"]) == []


@pytest.mark.django_db
def test_one_name_for_each_thing(loaded):
    assert variant_names(loaded["texts"], glossary_variants()) == []


@pytest.mark.django_db
def test_quotation_marks_are_not_guillemets(loaded):
    assert guillemets(loaded["texts"]) == []


@pytest.mark.django_db
def test_english_copy_uses_british_spelling(loaded):
    assert american_spellings(loaded["texts"]) == []


@pytest.mark.django_db
def test_spanish_interpretation_languages_are_lower_case(loaded):
    assert capitalised_languages(loaded["interpretation"]) == []


@pytest.mark.django_db
def test_a_persons_role_does_not_repeat_the_organisation(loaded):
    assert repeated_organisations(loaded["people"]) == []


# The interface catalogue keeps the same rules -----------------------------------
def catalogue_texts():
    """The Spanish catalogue's entries as texts: msgstrs in Spanish, msgids in
    English (the interface's English is the msgid)."""
    catalogue = polib.pofile(str(CATALOGUE))
    texts = []
    for entry in catalogue:
        if entry.obsolete or "fuzzy" in entry.flags:
            continue
        where = f"{entry.msgctxt or ''} {entry.msgid[:60]!r}".strip()
        for value in [entry.msgstr, *entry.msgstr_plural.values()]:
            texts.append(text("es", plain(value)) | {"where": f"msgstr of {where}"})
        for value in [entry.msgid, entry.msgid_plural]:
            if value:
                texts.append(text("en", plain(value)) | {"where": f"msgid {where}"})
    return texts


def test_the_interface_catalogue_follows_the_glossary():
    texts = catalogue_texts()
    problems = (
        tu_forms(texts)
        + variant_names(texts, glossary_variants())
        + guillemets(texts)
        + american_spellings(texts)
    )
    assert problems == []


# Each rule finds what it is for -------------------------------------------------
def text(language, value, key="paragraph", field="body"):
    return {
        "language": language,
        "where": "Page 1",
        "key": key,
        "field": field,
        "model": Page,
        "text": value,
    }


def test_the_glossary_lists_the_variants_the_issue_named():
    variants = glossary_variants()
    for variant in (
        "Foro de alcaldes",
        "Sesión plenaria (I)",
        "SaludArte",
        "Segunda Conferencia",
        "Mexico City Declaration",
    ):
        assert variant in variants


def test_each_rule_finds_its_mistake():
    illustration = "Illustration: ICLC 2015 website"
    image = {
        "title": "x",
        "en": {"caption": "The opening", "credit": illustration, "description": "A"},
        "es": {"caption": "La apertura", "credit": illustration, "description": ""},
    }
    found = spanish_image_text_in_english(
        [text("es", illustration, key="credit")], [image]
    )
    assert len(found) == 3  # the block's credit, the image's credit, no alt text
    assert (
        spanish_image_text_in_english(
            [text("es", "Ilustración: sitio de la ICLC 2015", key="credit")], []
        )
        == []
    )

    assert len(tu_forms([text("es", "En el módulo puedes pedir lo que necesites.")]))
    assert len(tu_forms([text("es", "Agrega este día a tu calendario.")])) == 2
    assert tu_forms([text("es", "Síguelos por RSS y encuentra las fotos.")])
    assert tu_forms([text("es", "Consulta el mapa y camina hacia el oriente.")])
    assert tu_forms([text("es", "Nada se carga hasta que tú lo pidas.")])
    assert tu_forms([text("es", "Si algo no te funciona, escribe.")])
    # Usted, impersonal and third-person forms are fine.
    assert (
        tu_forms(
            [
                text("es", "Puede solicitar el apoyo que necesite; consulte el mapa."),
                text("es", "La conferencia revisa los avances y sigue ampliando."),
                text("es", "Visita CDMX: un recorrido; la consulta pública."),
                text("es", "Visita a la ciudad. Este sitio busca cumplir las pautas."),
            ]
        )
        == []
    )

    variants = glossary_variants()
    for wrong in (
        "El Foro de alcaldes sesiona.",
        "Sesión plenaria (I)",
        "programas como SaludArte",
        "Inicia la Segunda Conferencia Internacional",
        "Plenary session (II)",
    ):
        assert variant_names([text("es", wrong)], variants), wrong
    right = "El Foro de Alcaldes, la Sesión plenaria I, SALUDARTE y la 2.ª Conferencia"
    assert variant_names([text("es", right)], variants) == []

    assert guillemets([text("es", "con el tema «Construyendo ciudades»")])
    assert guillemets([text("es", "con el tema “Construyendo ciudades”")]) == []

    for wrong in ("organized by UNESCO", "non-governmental organizations", "recognize"):
        assert american_spellings([text("en", wrong)]), wrong
    assert american_spellings([text("en", "mobilizes, revitalize, the center")])
    british = "organised programme, centre, neighbourhoods, sizes, citizens, prize"
    assert american_spellings([text("en", british)]) == []
    assert american_spellings([text("es", "organizada por la UNESCO")]) == []

    assert capitalised_languages({"Sesión": ["Inglés", "español"]})
    assert capitalised_languages({"Sesión": ["English", "Spanish"]})
    assert capitalised_languages({"Sesión": ["inglés", "español", "francés"]}) == []

    mancera = {
        "name": "M",
        "en": ("Head of Government of Mexico City", "Government of Mexico City"),
        "es": ("Jefe de Gobierno", "Gobierno de la Ciudad de México"),
    }
    assert len(repeated_organisations([mancera])) == 2
    carlsen = {
        "name": "A",
        "en": ("Director", "UNESCO Institute for Lifelong Learning"),
        "es": ("Director", "Instituto de la UNESCO para el Aprendizaje"),
    }
    assert repeated_organisations([carlsen]) == []
