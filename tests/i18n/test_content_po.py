"""Page content in PO files: export, translate, import, on real pages and files."""

import json

from django.core.management import call_command

from wagtail.models import Page

import polib
import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.factories import StandardPageFactory
from tests.po_export import export

pytestmark = pytest.mark.django_db

RICH = (
    '<p>Read the <a linktype="page" id="{pk}">Mexico City declaration</a> '
    "and the <b>key features</b> of learning cities.</p>"
    "<ul><li>Inclusive learning</li>"
    "<li>Learning in families &amp; communities</li></ul>"
)


def body(home_page):
    return json.dumps(
        [
            {
                "type": "heading",
                "id": "h-1",
                "value": {
                    "text": "Why learning cities",
                    "level": "h2",
                    "anchor": "why",
                },
            },
            {"type": "paragraph", "id": "p-1", "value": RICH.format(pk=home_page.pk)},
            {
                "type": "list",
                "id": "l-1",
                "value": {
                    "lead_in": "Three themes:",
                    "ordered": False,
                    "items": [
                        {"type": "item", "id": "i-1", "value": "Equity"},
                        {"type": "item", "id": "i-2", "value": "Health"},
                    ],
                },
            },
            {
                "type": "key_figures",
                "id": "k-1",
                "value": {
                    "heading": "In numbers",
                    "figures": [
                        {
                            "type": "item",
                            "id": "f-1",
                            "value": {"value": "6,000", "label": "participants"},
                        }
                    ],
                },
            },
        ]
    )


@pytest.fixture
def english_page(home_page):
    """A published page whose Spanish body and introduction are still empty."""
    page = StandardPageFactory(
        parent=home_page,
        title_en="Learning cities",
        title_es="Ciudades del aprendizaje",
        slug_en="learning-cities",
        slug_es="ciudades-del-aprendizaje",
        intro_en="Why cities learn.",
        intro_es="",
        body_en=body(home_page),
    )
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def entries_for(po, page):
    prefix = f"pages.standardpage:{page.pk}:"
    return {e.msgctxt[len(prefix) :]: e for e in po if e.msgctxt.startswith(prefix)}


def test_export_splits_rich_text_and_blocks_into_segments(tmp_path, english_page):
    entries = entries_for(export(tmp_path), english_page)
    assert entries["title"].msgid == "Learning cities"
    assert entries["title"].msgstr == "Ciudades del aprendizaje"
    assert entries["intro"].msgstr == ""
    assert entries["body:h-1/text"].msgid == "Why learning cities"
    assert "body:h-1/anchor" not in entries
    assert entries["body:p-1#1"].msgid == (
        "Read the <1>Mexico City declaration</1> and the <2>key features</2> "
        "of learning cities."
    )
    assert entries["body:p-1#2"].msgid == "Inclusive learning"
    assert entries["body:p-1#3"].msgid == "Learning in families & communities"
    assert entries["body:l-1/items/i-2"].msgid == "Health"
    assert entries["body:k-1/figures/f-1/label"].msgid == "participants"
    assert "Standard page: Learning cities" in entries["body:p-1#1"].comment
    assert not any("<p>" in e.msgid or "linktype" in e.msgid for e in entries.values())


def test_contexts_are_stable_across_runs(tmp_path, english_page):
    first = [(e.msgctxt, e.msgid) for e in export(tmp_path)]
    second = [(e.msgctxt, e.msgid) for e in export(tmp_path)]
    assert first == second
    assert len({ctx for ctx, _ in first}) == len(first)


def test_only_missing_leaves_out_translated_segments(tmp_path, english_page):
    entries = entries_for(export(tmp_path, "--only-missing"), english_page)
    assert "title" not in entries
    assert "intro" in entries and "body:p-1#1" in entries


SPANISH = {
    "intro": "Por qué aprenden las ciudades.",
    "body:h-1/text": "Por qué ciudades del aprendizaje",
    "body:p-1#1": "Lee las <2>características clave</2> de las ciudades del "
    "aprendizaje y la <1>Declaración de la Ciudad de México</1>.",
    "body:p-1#2": "Aprendizaje inclusivo",
    "body:p-1#3": "Aprendizaje en familias y comunidades",
    "body:l-1/lead_in": "Tres temas:",
    "body:l-1/items/i-1": "Equidad",
    "body:l-1/items/i-2": "Salud",
    "body:k-1/heading": "En cifras",
    "body:k-1/figures/f-1/label": "participantes",
}


def translate(po, page):
    for key, entry in entries_for(po, page).items():
        if key in SPANISH:
            entry.msgstr = SPANISH[key]


def test_round_trip_publishes_the_spanish(tmp_path, english_page, client, capsys):
    po = export(tmp_path)
    translate(po, english_page)
    po.save(str(tmp_path / "done.po"))
    revisions = english_page.revisions.count()

    call_command("import_content_po", str(tmp_path / "done.po"))
    out = capsys.readouterr().out
    assert "applied: 10, " in out and "conflicts: 0" in out

    page = StandardPage.objects.get(pk=english_page.pk)
    assert page.revisions.count() == revisions + 1
    assert not page.has_unpublished_changes
    assert page.intro_es == "Por qué aprenden las ciudades."
    html = BeautifulSoup(client.get(page.url_in("es")).content, "html.parser")
    main = html.select_one("main")
    # The body, not the "On this page" list beside it.
    body = main.select_one(".page-layout__main")
    assert body.find("h2").get_text() == "Por qué ciudades del aprendizaje"
    link = body.find("a", string="Declaración de la Ciudad de México")
    assert link["href"] == "/es/"
    assert body.find("b").get_text() == "características clave"
    assert [li.get_text(strip=True) for li in body.select("ul li")][:2] == [
        "Aprendizaje inclusivo",
        "Aprendizaje en familias y comunidades",
    ]
    assert "Salud" in main.get_text() and "participantes" in main.get_text()
    assert not main.select('[lang="en"]')
    # The English is untouched; the anchor and figure value are kept.
    assert page.body_en.raw_data[0]["value"]["text"] == "Why learning cities"
    assert page.body_es.raw_data[0]["value"]["anchor"] == "why"
    assert page.body_es.raw_data[3]["value"]["figures"][0]["value"]["value"] == "6,000"

    # A second export now shows the Spanish, and importing it changes nothing.
    again = entries_for(export(tmp_path), page)
    assert again["body:p-1#1"].msgstr == SPANISH["body:p-1#1"]
    again_po = export(tmp_path)
    call_command("import_content_po", str(tmp_path / "es.po"))
    assert "applied: 0," in capsys.readouterr().out
    assert len(again_po) > 0


def test_import_as_draft_keeps_the_live_page(tmp_path, english_page, capsys):
    po = export(tmp_path)
    translate(po, english_page)
    po.save(str(tmp_path / "done.po"))
    call_command("import_content_po", str(tmp_path / "done.po"), "--draft")
    page = StandardPage.objects.get(pk=english_page.pk)
    assert page.has_unpublished_changes
    assert page.intro_es == ""
    draft = page.get_latest_revision_as_object()
    assert draft.intro_es == "Por qué aprenden las ciudades."


def test_dry_run_changes_nothing(tmp_path, english_page, capsys):
    po = export(tmp_path)
    translate(po, english_page)
    po.save(str(tmp_path / "done.po"))
    call_command("import_content_po", str(tmp_path / "done.po"), "--dry-run")
    assert "applied: 10" in capsys.readouterr().out
    page = StandardPage.objects.get(pk=english_page.pk)
    assert page.intro_es == "" and len(page.body_es) == 0


def test_changed_english_and_unknown_contexts_are_conflicts(
    tmp_path, english_page, capsys
):
    po = export(tmp_path)
    translate(po, english_page)
    po.append(
        polib.POEntry(msgctxt="pages.standardpage:999999:title", msgid="x", msgstr="y")
    )
    po.append(polib.POEntry(msgctxt="nothing.here:1:title", msgid="x", msgstr="y"))
    po.save(str(tmp_path / "done.po"))

    page = english_page
    page.intro_en = "Why cities keep learning."
    page.save_revision().publish()

    call_command("import_content_po", str(tmp_path / "done.po"))
    out = capsys.readouterr().out
    assert (
        f"pages.standardpage:{page.pk}:intro: the English changed since the export"
        in out
    )
    assert "pages.standardpage:999999:title: unknown context" in out
    assert "nothing.here:1:title: unknown context" in out
    assert "conflicts: 3" in out
    page = StandardPage.objects.get(pk=page.pk)
    assert page.intro_es == ""
    assert (
        page.body_es.raw_data[0]["value"]["text"] == "Por qué ciudades del aprendizaje"
    )


def test_broken_placeholders_and_partial_bodies_are_not_applied(
    tmp_path, english_page, capsys
):
    po = export(tmp_path)
    entries = entries_for(po, english_page)
    entries["body:p-1#1"].msgstr = "Lee la <1>Declaración</1> sin el resto."
    entries["body:h-1/text"].msgstr = "Por qué ciudades del aprendizaje"
    po.save(str(tmp_path / "done.po"))
    call_command("import_content_po", str(tmp_path / "done.po"))
    out = capsys.readouterr().out
    assert "body:p-1#1: placeholders (<1>…</1>) differ from the English" in out
    assert "translate all its 9 segments" in out
    page = StandardPage.objects.get(pk=english_page.pk)
    assert len(page.body_es) == 0


def test_images_and_other_registered_models_are_exported(tmp_path, home_page):
    from tests.factories import SiteImageFactory

    image = SiteImageFactory(description_en="Mayors on stage", description_es="")
    entries = {e.msgctxt: e for e in export(tmp_path)}
    entry = entries[f"pages.siteimage:{image.pk}:description"]
    assert entry.msgid == "Mayors on stage" and entry.msgstr == ""
    assert not any(ctx.startswith("wagtailcore.page:") for ctx in entries)


def test_bad_file_and_language_give_clear_errors(tmp_path, db):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.po"
    bad.write_text("this is not a po file\n")
    with pytest.raises(CommandError):
        call_command("import_content_po", str(bad))
    with pytest.raises(CommandError):
        call_command("export_content_po", "--lang", "en")
    assert Page.objects.count() >= 0


def test_the_real_content_exports_every_translated_model_and_reimports_cleanly(
    tmp_path, home_page, capsys
):
    """Whatever page types and snippets exist, the loaded content round-trips."""
    from pages.i18n.status import translation_status_counts
    from pages.i18n.units import objects_of, translatable_models

    call_command("load_iclc_content")
    po = export(tmp_path)
    exported = {entry.msgctxt.split(":", 1)[0] for entry in po}
    for model in translatable_models():
        if objects_of(model).exists():
            assert model._meta.label_lower in exported
    assert not any(
        "<p" in entry.msgid or "linktype" in entry.msgid or '"type"' in entry.msgid
        for entry in po
    )
    assert po.untranslated_entries() == []
    assert translation_status_counts()["missing_fields"] == 0

    call_command("import_content_po", str(tmp_path / "es.po"), "--dry-run")
    assert f"applied: 0, skipped: {len(po)}, conflicts: 0" in capsys.readouterr().out


def test_a_plain_import_after_a_draft_import_says_drafts_are_waiting(
    tmp_path, english_page, capsys
):
    po = export(tmp_path)
    translate(po, english_page)
    po.save(str(tmp_path / "done.po"))
    call_command("import_content_po", str(tmp_path / "done.po"), "--draft")
    capsys.readouterr()
    call_command("import_content_po", str(tmp_path / "done.po"))
    out = capsys.readouterr().out
    assert "applied: 0," in out
    assert "drafts waiting to be published (1)" in out
    assert english_page.title_en in out
