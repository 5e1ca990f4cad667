"""The programme filters, with JavaScript (apply on change) and without (a button)."""

import datetime

import pytest

from tests.browser.conftest import PHONE
from tests.factories import (
    MEXICO_CITY,
    ProgrammePageFactory,
    SessionPageFactory,
    VenueIndexPageFactory,
    VenuePageFactory,
)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def programme(home_page):
    venues = VenueIndexPageFactory(parent=home_page)
    city_hall = VenuePageFactory(
        parent=venues, title_en="City Hall", title_es="Palacio del Ayuntamiento"
    )
    page = ProgrammePageFactory(parent=home_page)
    for day, hour, title, title_es, kind, venue in [
        (28, 10, "Opening ceremony", "Ceremonia de inauguración", "opening", None),
        (28, 12, "Plenary session (I)", "Sesión plenaria (I)", "plenary", None),
        (29, 9, "Mayors' Forum", "Foro de Alcaldes", "mayors_forum", city_hall),
        (30, 12, "Closing ceremony", "Ceremonia de clausura", "closing", None),
    ]:
        SessionPageFactory(
            parent=page,
            title_en=title,
            title_es=title_es,
            session_type=kind,
            venue=venue,
            start=datetime.datetime(2015, 9, day, hour, tzinfo=MEXICO_CITY),
        )
    return page


def session_titles(page):
    return page.locator(".session__title").all_inner_texts()


def test_filters_apply_on_change_with_javascript(live_server, programme, new_page):
    page = new_page()
    page.goto(live_server.url + programme.url_in("en"))
    assert len(session_titles(page)) == 4
    with page.expect_navigation():
        page.get_by_label("Type of session").select_option("closing")
    assert page.url.endswith("?type=closing")  # no empty parameters
    assert session_titles(page) == ["Closing ceremony"]
    with page.expect_navigation():
        page.get_by_label("Type of session").select_option("")
    with page.expect_navigation():
        page.get_by_label("Day", exact=True).select_option("2015-09-28")
    assert session_titles(page) == ["Opening ceremony", "Plenary session (I)"]
    assert page.get_by_label("Day", exact=True).input_value() == "2015-09-28"
    page.get_by_role("link", name="Clear filters").click()
    page.wait_for_url(live_server.url + programme.url_in("en"))
    assert len(session_titles(page)) == 4


def test_filters_work_without_javascript(live_server, programme, new_page):
    page = new_page(viewport=PHONE, java_script_enabled=False)
    page.goto(live_server.url + programme.url_in("es"))
    page.get_by_label("Sede").select_option(label="Palacio del Ayuntamiento")
    page.get_by_label("Día", exact=True).select_option("2015-09-29")
    page.get_by_role("button", name="Mostrar sesiones").click()
    page.wait_for_url("**/es/programa/?day=2015-09-29&type=&venue=*")
    assert session_titles(page) == ["Foro de Alcaldes"]
    assert page.locator("h2", has_text="martes 29 de septiembre de 2015").is_visible()


def test_day_heading_leads_to_the_day_view(live_server, programme, new_page):
    page = new_page()
    page.goto(live_server.url + programme.url_in("en"))
    page.get_by_role("link", name="Wednesday 30 September 2015").click()
    page.wait_for_url("**/en/programme/day/2015-09-30/")
    assert page.locator("h1").inner_text() == "Wednesday 30 September 2015"
    assert session_titles(page) == ["Closing ceremony"]
