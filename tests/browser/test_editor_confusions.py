"""What confused a non-technical editor (issue 21), clicked through in the admin:
the schedule picker, slugs from Spanish titles, the copy buttons, Copy for
translators and a failing preview. Screenshots go to /work/tmp/shots/admin/."""

import json
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pages.editorial.roles import EDITORS
from pages.models import StandardPage
from tests.admin_forms import PASSWORD
from tests.factories import (
    GalleryImageFactory,
    GalleryPageFactory,
    MediaIndexPageFactory,
    StaffUserFactory,
    StandardPageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("/work/tmp/shots/admin")


def shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def sign_in(new_page, live_server, user):
    page = new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(user.username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(f"{live_server.url}/admin/")
    return page


def body(*blocks):
    """A StreamField's raw value: [("quote", {...}), …]."""
    return json.dumps([{"type": kind, "value": value} for kind, value in blocks])


@pytest.fixture
def spanish_editor(editorial_roles):
    return StaffUserFactory(groups=[EDITORS], username="editora", language="es")


@pytest.mark.parametrize("language", ["en", "es"])
def test_scheduling_to_the_minute(
    live_server, home_page, editor, spanish_editor, new_page, language
):
    user = {"en": editor, "es": spanish_editor}[language]
    target = StandardPageFactory(parent=home_page, title_en="Volunteers wanted")
    page = sign_in(new_page, live_server, user)
    page.goto(f"{live_server.url}/admin/pages/{target.pk}/edit/")
    page.locator("[data-side-panel-toggle=status]").click()
    page.locator("[data-a11y-dialog-show=schedule-publishing-dialog]").click()
    dialog = page.locator("#schedule-publishing-dialog")
    expect(dialog.locator("#id_go_live_at")).to_be_visible()
    # When the schedule takes effect, under the field.
    # (Panel ids follow the headings' language of the admin that first built
    # the page type's editor: match the end only.)
    help_text = dialog.locator('[id$="go_live_at-helptext"]')
    if language == "en":
        expect(help_text).to_contain_text(
            "takes effect only when the page is published"
        )

    # The picker lists quarter hours: 10:15 is in its list of times. Go along
    # the list with its arrows, as a person would (it opens at the current time).
    go_live = dialog.locator("#id_go_live_at")
    picker = page.locator(".xdsoft_datetimepicker:visible")
    go_live.click()
    expect(picker).to_have_count(1)
    times = picker.locator(".xdsoft_timepicker")
    quarter_past_ten = times.locator(".xdsoft_time", has_text=re.compile(r"^10:15$"))
    for _ in range(100):
        box = quarter_past_ten.bounding_box()
        shown = times.locator(".xdsoft_time_box").bounding_box()
        if box["y"] < shown["y"]:
            times.locator(".xdsoft_prev").click()
        elif box["y"] + box["height"] > shown["y"] + shown["height"]:
            times.locator(".xdsoft_next").click()
        else:
            break
    quarter_past_ten.click()  # today at 10:15; the picker closes
    expect(picker).to_have_count(0)
    # Then the 12th of next month, surely in the future; the time stays.
    go_live.click()
    expect(picker).to_have_count(1)
    picker.locator(".xdsoft_monthpicker .xdsoft_next").click()
    picker.locator(
        ".xdsoft_date:not(.xdsoft_other_month)", has_text=re.compile(r"^12$")
    ).click()
    expect(go_live).to_have_value(re.compile(r"-12 10:15$"))
    dialog.locator(".w-dialog__title").first.click()  # the picker closes
    shot(page, f"schedule_dialog_{language}")

    dialog.locator("button.action-save").click()
    page.wait_for_url(f"**/admin/pages/{target.pk}/edit/")
    messages = page.locator(".messages")
    expect(messages).to_contain_text(
        {
            "en": "takes effect only when a moderator approves the page",
            "es": "Solo surte efecto cuando un moderador apruebe la página",
        }[language]
    )
    shot(page, f"schedule_saved_{language}")
    revision = StandardPage.objects.get(pk=target.pk).get_latest_revision()
    go_live = revision.as_object().go_live_at
    assert (go_live.day, go_live.minute) == (12, 15)


@pytest.mark.parametrize("language", ["en", "es"])
def test_slugs_from_spanish_titles_are_ascii(
    live_server, home_page, editor, spanish_editor, new_page, language
):
    user = {"en": editor, "es": spanish_editor}[language]
    page = sign_in(new_page, live_server, user)
    page.goto(f"{live_server.url}/admin/pages/add/pages/standardpage/{home_page.pk}/")
    # The Spanish title says it is needed to publish, with no "required" star.
    placeholder = page.locator("#id_title_es").get_attribute("placeholder")
    assert not placeholder.endswith("*")
    assert page.locator("#id_title_en").get_attribute("placeholder").endswith("*")
    shot(page, f"new_page_titles_{language}")

    page.locator("#id_title_en").fill("Mexico City")
    page.locator("#id_title_es").fill("Ciudad de México")
    page.locator("#id_title_es").blur()
    # The tab by its name in the admin's language (its anchor follows the
    # language of the admin that first built the page type's editor).
    promote = {"en": "Promote", "es": "Promocionar"}[language]
    page.get_by_role("tab", name=promote, exact=True).click()
    expect(page.locator("#id_slug_en")).to_have_value("mexico-city")
    expect(page.locator("#id_slug_es")).to_have_value("ciudad-de-mexico")

    # Typed into the slug field, accents are written without them too.
    page.locator("#id_slug_es").fill("sesión-de-clausura")
    page.locator("#id_slug_es").blur()
    expect(page.locator("#id_slug_es")).to_have_value("sesion-de-clausura")
    shot(page, f"new_page_slugs_{language}")


@pytest.mark.xfail(
    reason=(
        "Known defect: when a Spanish-speaking editor is the first in the process "
        "to open a page type's editor, Wagtail keeps panel names from Spanish "
        "headings ('cuerpo_es'), and the copy button of a body field is missing "
        "for everyone; passes when an English editor is first. Open in issue 21's "
        "closing note."
    ),
    strict=False,
)
def test_copy_buttons_only_where_a_copy_makes_sense(
    live_server, home_page, editor, new_page
):
    gallery = GalleryPageFactory(parent=MediaIndexPageFactory(parent=home_page))
    GalleryImageFactory(page=gallery)
    article = StandardPageFactory(
        parent=home_page,
        body_en=body(("quote", {"text": "Learning never ends.", "attribution": ""})),
    )
    page = sign_in(new_page, live_server, editor)

    page.goto(f"{live_server.url}/admin/pages/{gallery.pk}/edit/")
    videos_es = page.locator("[id$='-videos_es-section']")
    expect(videos_es.locator(".translation-field-copy-wrapper")).to_have_text(
        "Copy content from: English"
    )
    # The photos (not translated) offer nothing to copy.
    expect(page.locator("[id$='-photos-section']")).to_be_visible()
    photos_copy = page.locator(
        "[id$='-photos-section'] .translation-field-copy-wrapper"
    )
    expect(photos_copy).to_have_count(0)
    page.locator("[id$='-photos-section']").scroll_into_view_if_needed()
    shot(page, "gallery_photos_without_copy_en")

    # On a page's Spanish body, "English" copies the English blocks.
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    # The field's panel, by the field it holds (panel ids follow its heading, in
    # the language of the admin that first built the editor: "cuerpo_es").
    body_es = page.locator(
        "[id$='-section']", has=page.locator("input[name='body_es-count']")
    ).last
    body_es.locator("button.translation-field-copy").click()
    expect(body_es.locator("textarea").first).to_have_value("Learning never ends.")
    # A second copy would replace what is there: it asks first.
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    body_es.locator("button.translation-field-copy").click()
    expect(body_es.locator("textarea").first).to_have_value("Learning never ends.")
    assert asked and "Replace what this field holds" in asked[0]
    body_es.scroll_into_view_if_needed()
    shot(page, "body_copied_from_english_en")


def test_translators_are_not_offered_copy(
    live_server, home_page, editor, translator, new_page
):
    child = StandardPageFactory(parent=home_page, title_en="Accessibility")
    for user, offered in ((editor, True), (translator, False)):
        page = sign_in(new_page, live_server, user)
        page.goto(f"{live_server.url}/admin/pages/{home_page.pk}/")
        row = page.locator("tr", has=page.get_by_role("link", name=child.title_en))
        if user is translator:
            row = page.locator("tr", has=page.get_by_role("link", name=child.title_es))
        row.locator(".w-dropdown__toggle").click()
        copy_link = page.locator(f"a[href*='/admin/pages/{child.pk}/copy/']")
        expect(copy_link).to_have_count(1 if offered else 0)
        shot(page, f"listing_actions_{user.username}")
        # The editor's header actions ("…") likewise.
        page.goto(f"{live_server.url}/admin/pages/{child.pk}/edit/")
        page.locator("header .w-dropdown__toggle").first.click()
        expect(copy_link).to_have_count(1 if offered else 0)


@pytest.mark.parametrize("language", ["en", "es"])
def test_a_failing_preview_is_an_admin_message(
    live_server,
    home_page,
    editor,
    spanish_editor,
    new_page,
    failing_quote_template,
    language,
):
    user = {"en": editor, "es": spanish_editor}[language]
    article = StandardPageFactory(
        parent=home_page,
        body_en=body(("quote", {"text": "Learning never ends.", "attribution": ""})),
    )
    page = sign_in(new_page, live_server, user)
    page.goto(f"{live_server.url}/admin/pages/{article.pk}/edit/")
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator(".preview-error")).to_be_visible(timeout=20_000)
    expect(preview.locator(".preview-error")).to_contain_text("Quote")
    expect(preview.locator(".preview-error")).to_contain_text("no_such_part.html")
    if language == "en":
        expect(preview.locator("h1")).to_have_text("The preview failed")
    else:
        expect(preview.locator("h1")).to_have_text("La vista previa falló")
    expect(preview.locator("body")).not_to_contain_text("Something went wrong")
    shot(page, f"preview_failed_{language}")
    # The preview panel updates itself: leave the editor and let its last
    # request finish before the test empties the database.
    page.goto("about:blank")
    page.wait_for_timeout(1000)
