"""Spanish typed in the admin's editor counts as Spanish (issue 21, items 6, 8b).

Draftail gives every paragraph a random `data-block-key` and every block its own
id, in each language separately; the translation report, the dashboard and the PO
export must recognise the Spanish all the same, and still report what is missing
or only copied from the English.
"""

import re
import uuid

from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from pages.i18n.status import (
    field_statuses,
    is_name,
    translation_report_rows,
    translation_status_counts,
)
from pages.models import Person, StandardPage, VenuePage
from tests.admin_forms import edit_page_url, login, stream, submit_form
from tests.factories import (
    PersonFactory,
    StandardPageFactory,
    VenueIndexPageFactory,
    VenuePageFactory,
)
from tests.po_export import export

pytestmark = pytest.mark.django_db

BLOCK_KEY = re.compile(r'data-block-key="([^"]*)"')


def heading(text):
    return ("heading", {"text": text, "level": "h2", "anchor": ""})


def bullet_list(lead_in, *items):
    """A list block's value as its form sends it, each item with its own id."""
    rows = {
        str(i): {"value": item, "id": str(uuid.uuid4()), "deleted": "", "order": i}
        for i, item in enumerate(items)
    }
    return ("list", {"lead_in": lead_in, "items": {**rows, "count": len(items)}})


def typed_in_editor(**bodies):
    """StreamField form data as the editor sends it: a fresh id for every block."""
    data = stream(**bodies)
    for name, blocks in bodies.items():
        for i in range(len(blocks)):
            data[f"{name}-{i}-id"] = str(uuid.uuid4())
    return data


ENGLISH = [
    heading("Why learning cities"),
    (
        "paragraph",
        '<p data-block-key="p4iwb">Cities <b>learn</b> together.</p>'
        '<ul><li data-block-key="k2a8c">In libraries</li>'
        '<li data-block-key="m0d3e">In parks</li></ul>',
    ),
    bullet_list("Three themes:", "Equity", "Health"),
]
SPANISH = [
    heading("Por qué ciudades del aprendizaje"),
    (
        "paragraph",
        '<p data-block-key="zzc4y">Las ciudades <b>aprenden</b> juntas.</p>'
        '<ul><li data-block-key="q7r1s">En las bibliotecas</li>'
        '<li data-block-key="t5u9v">En los parques</li></ul>',
    ),
    bullet_list("Tres temas:", "Equidad", "Salud"),
]


@pytest.fixture
def page(home_page):
    """A live, fully translated page with an empty body, as editors start one."""
    page = StandardPageFactory(parent=home_page, title_en="Learning together")
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def save_body(client, page, changes=None, **bodies):
    data = {**typed_in_editor(**bodies), **(changes or {})}
    response = submit_form(client, edit_page_url(page), data, "action-publish")
    assert response.status_code == 302, response.context["form"].errors
    return StandardPage.objects.get(pk=page.pk)


def report_rows(client):
    response = client.get(reverse("translation_report"))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return {
        row.select_one("a").get_text(strip=True): [
            td.get_text(" ", strip=True) for td in row.select("td")
        ]
        for row in html.select("table tbody tr")
    }


def body_entries(po, page):
    prefix = f"pages.standardpage:{page.pk}:body"
    return [e for e in po if e.msgctxt.startswith(prefix)]


def status(obj):
    return {s.name: s for s in field_statuses(obj)}


def test_spanish_typed_in_the_editor_is_found(client, moderator, page, tmp_path):
    counts = translation_status_counts()
    login(client, moderator)
    page = save_body(client, page, body_en=ENGLISH, body_es=SPANISH)

    # As the editor saves them: other keys and other block ids in each language.
    en, es = page.body_en.raw_data, page.body_es.raw_data
    assert [b["type"] for b in en] == [b["type"] for b in es]
    assert not {b["id"] for b in en} & {b["id"] for b in es}
    en_keys = set(BLOCK_KEY.findall(en[1]["value"]))
    assert len(en_keys) == 3
    assert not en_keys & set(BLOCK_KEY.findall(es[1]["value"]))
    en_items = {item["id"] for item in en[2]["value"]["items"]}
    assert not en_items & {item["id"] for item in es[2]["value"]["items"]}

    body = status(page)["body"]
    assert body.segments == 7
    assert (body.missing, body.outdated) == ([], [])
    assert page not in [row.obj for row in translation_report_rows()]
    assert "Learning together" not in report_rows(client)
    assert translation_status_counts() == counts

    entries = body_entries(export(tmp_path), page)
    assert [(e.msgid, e.msgstr) for e in entries] == [
        ("Why learning cities", "Por qué ciudades del aprendizaje"),
        ("Cities <1>learn</1> together.", "Las ciudades <1>aprenden</1> juntas."),
        ("In libraries", "En las bibliotecas"),
        ("In parks", "En los parques"),
        ("Three themes:", "Tres temas:"),
        ("Equity", "Equidad"),
        ("Health", "Salud"),
    ]
    assert not body_entries(export(tmp_path, "--only-missing"), page)


def test_saving_again_in_the_editor_keeps_the_spanish(client, moderator, page):
    login(client, moderator)
    page = save_body(client, page, body_en=ENGLISH, body_es=SPANISH)
    # The next save changes every key and id again (a new editing session).
    page = save_body(client, page, body_en=ENGLISH, body_es=SPANISH)
    assert (status(page)["body"].missing, status(page)["body"].outdated) == ([], [])


def test_a_missing_spanish_paragraph_is_still_reported(
    client, moderator, page, tmp_path
):
    counts = translation_status_counts()
    login(client, moderator)
    one_paragraph_short = [
        SPANISH[0],
        ("paragraph", '<p data-block-key="zzc4y">Las ciudades aprenden.</p>'),
        SPANISH[2],
    ]
    page = save_body(client, page, body_en=ENGLISH, body_es=one_paragraph_short)

    body = status(page)["body"]
    assert len(body.missing) == 3  # the rich text no longer lines up: all of it
    assert {key.split("#")[0] for key in body.missing} == {page.body_en[1].id}
    assert report_rows(client)["Learning together"][2] == "body"
    assert translation_status_counts()["missing_fields"] == counts["missing_fields"] + 1
    entries = body_entries(export(tmp_path, "--only-missing"), page)
    assert [(e.msgid, e.msgstr) for e in entries] == [
        ("Cities <1>learn</1> together.", ""),
        ("In libraries", ""),
        ("In parks", ""),
    ]


def test_a_missing_spanish_block_leaves_the_others_paired(
    client, moderator, page, tmp_path
):
    login(client, moderator)
    page = save_body(client, page, body_en=ENGLISH, body_es=SPANISH[1:])

    heading_key = f"{page.body_en[0].id}/text"
    assert status(page)["body"].missing == [heading_key]
    assert report_rows(client)["Learning together"][2] == "body"
    entries = {e.msgid: e.msgstr for e in body_entries(export(tmp_path), page)}
    assert entries["Why learning cities"] == ""
    assert entries["Cities <1>learn</1> together."] == (
        "Las ciudades <1>aprenden</1> juntas."
    )
    assert entries["Health"] == "Salud"


# --- item 8b: Spanish that only copies the English ----------------------------


def test_a_copied_english_sentence_is_reported_untranslated(
    client, moderator, page, tmp_path
):
    counts = translation_status_counts()
    login(client, moderator)
    copied = [
        SPANISH[0],
        (
            "paragraph",
            '<p data-block-key="x9y8z">Cities <b>learn</b> together.</p>'
            '<ul><li data-block-key="w1v2u">In libraries</li>'
            '<li data-block-key="t5u9v">En los parques</li></ul>',
        ),
        SPANISH[2],
    ]
    sentence = "Twelve cities share what they learned."
    page = save_body(
        client,
        page,
        {"intro_en": sentence, "intro_es": sentence},
        body_en=ENGLISH,
        body_es=copied,
    )

    statuses = status(page)
    assert statuses["intro"].missing == statuses["intro"].copied == [""]
    paragraph = page.body_en[1].id
    assert statuses["body"].copied == [f"{paragraph}#1", f"{paragraph}#2"]
    assert statuses["body"].missing == statuses["body"].copied
    assert report_rows(client)["Learning together"][2] == "introduction, body"
    assert translation_status_counts()["missing_fields"] == counts["missing_fields"] + 2

    po = export(tmp_path, "--only-missing")
    missing = {e.msgid: e.msgstr for e in po if f":{page.pk}:" in e.msgctxt}
    assert missing == {
        sentence: "",
        "Cities <1>learn</1> together.": "",
        "In libraries": "",
    }


def test_names_may_read_the_same_in_spanish(client, moderator, home_page):
    counts = translation_status_counts()
    venues = VenueIndexPageFactory(parent=home_page)
    venue = VenuePageFactory(
        parent=venues,
        title_en="Palacio del Ayuntamiento",
        title_es="Palacio del Ayuntamiento",
        slug_en="palacio-del-ayuntamiento",
        slug_es="palacio-del-ayuntamiento",
    )
    page = StandardPageFactory(
        parent=home_page,
        title_en="Ecobici",
        title_es="Ecobici",
        slug_en="ecobici",
        slug_es="ecobici",
        intro_en="UNESCO",
        intro_es="UNESCO",
    )
    person = PersonFactory(
        name="Ana María López",
        role_en="Director",
        role_es="Director",
        organisation_en="UNESCO Institute for Lifelong Learning",
        organisation_es="UNESCO Institute for Lifelong Learning",
    )
    login(client, moderator)
    page = save_body(
        client,
        page,
        body_en=[heading("Ana María López"), ("paragraph", "<p>press@iclc.mx</p>")],
        body_es=[heading("Ana María López"), ("paragraph", "<p>press@iclc.mx</p>")],
    )

    for obj in (
        VenuePage.objects.get(pk=venue.pk),
        page,
        Person.objects.get(pk=person.pk),
    ):
        assert not [s.name for s in field_statuses(obj) if s.missing or s.copied]
    assert translation_status_counts() == counts


@pytest.mark.parametrize(
    "text",
    [
        "UNESCO",
        "Ecobici",
        "Ana María López",
        "Palacio del Ayuntamiento",
        "ICLC 2015",
        "(UNESCO)",
        "https://uil.unesco.org/",
        "prensa@iclc.mx",
        "2015",
    ],
)
def test_names(text):
    assert is_name(text)


@pytest.mark.parametrize(
    "text",
    [
        "Cities learn together.",
        "Mexico City declaration",
        "Learning cities",
        "Read the <1>declaration</1> of the mayors.",
        "de la",
    ],
)
def test_not_names(text):
    assert not is_name(text)


def test_fields_that_hold_names_and_figures():
    assert is_name("plaza de la constitución s/n", "address")
    assert is_name("35 km²", "key_figures", "k-1/figures/f-1/value")
    assert is_name("ecobici", "slug")
    assert not is_name("35 km²", "key_figures", "k-1/figures/f-1/label")
