"""A member of staff who prefers Spanish gets the whole admin in Spanish."""

from django.core import mail
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from pages.models import StandardPage
from tests.admin_forms import add_page_url, login, stream, submit_form
from tests.factories import StaffUserFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def spanish_editor(editorial_roles):
    return StaffUserFactory(groups=["Editors"], language="es")


def test_the_dashboard_speaks_spanish(client, spanish_editor):
    soup = BeautifulSoup(
        login(client, spanish_editor).get(reverse("wagtailadmin_home")).content,
        "html.parser",
    )
    assert soup.html["lang"] == "es"
    assert "Panel de control" in soup.title.get_text()


def test_our_models_labels_and_help_texts_are_spanish(
    client, spanish_editor, home_page
):
    login(client, spanish_editor)
    html = client.get(add_page_url(StandardPage, home_page)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    assert soup.html["lang"] == "es"
    text = soup.get_text(" ", strip=True)
    # Labels and help texts of StandardPage and BasePage, from our catalogue.
    for spanish in (
        "Introducción",
        "Un párrafo breve que abre la página.",
        "Listados y redes sociales",
        "página estándar",
    ):
        assert spanish.lower() in text.lower(), spanish
    for english in ("A short paragraph that opens the page.", "Listings and sharing"):
        assert english not in text


def test_spanish_dashboard_panels(client, spanish_editor, home_page):
    login(client, spanish_editor)
    submit_form(
        client,
        add_page_url(StandardPage, home_page),
        {
            "title_en": "Mayors' forum",
            "title_es": "Foro de Alcaldes",
            "slug_en": "mayors-forum",
            **stream(body_en=[], body_es=[]),
        },
    )
    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_home")).content, "html.parser"
    )
    drafts = soup.find(id="my-drafts-section").get_text(" ", strip=True)
    assert "Mis borradores" in drafts
    # Titles show in the admin's language.
    assert "Foro de Alcaldes" in drafts


def test_english_staff_keep_the_english_admin(client, editor, home_page):
    StandardPageFactory(parent=home_page)
    login(client, editor)
    html = client.get(add_page_url(StandardPage, home_page)).content.decode()
    assert "A short paragraph that opens the page." in html


def test_spanish_moderators_see_spanish_titles_on_the_dashboard_and_in_e_mail(
    client, editor, home_page
):
    moderadora = StaffUserFactory(groups=["Moderators"], language="es")
    login(client, editor)  # an English admin: draft_title is English
    submit_form(
        client,
        add_page_url(StandardPage, home_page),
        {
            "title_en": "Mayors' forum",
            "title_es": "Foro de Alcaldes",
            "slug_en": "mayors-forum",
            **stream(body_en=[], body_es=[]),
        },
        "action-submit",
    )
    [message] = mail.outbox
    assert message.to == [moderadora.email]
    assert "Foro de Alcaldes" in message.subject
    assert "Mayors' forum" not in message.subject

    login(client, moderadora)
    soup = BeautifulSoup(
        client.get(reverse("wagtailadmin_home")).content, "html.parser"
    )
    review = soup.find(id="awaiting-review-section").get_text(" ", strip=True)
    assert "Esperando tu revisión" in review
    assert "Foro de Alcaldes" in review
