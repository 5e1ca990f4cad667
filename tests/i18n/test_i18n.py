"""Languages: prefixes, redirects, the switcher, hreflang and translated slugs."""

from django.core.management import call_command

from wagtail.users.models import UserProfile

import pytest
from bs4 import BeautifulSoup

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize(
    ("accept", "target"),
    [
        ("es-MX,es;q=0.9,en;q=0.5", "/es/"),
        ("es", "/es/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_by_accept_language(client, home_page, accept, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == target
    assert "Accept-Language" in response["Vary"]


def test_home_renders_in_its_language(client, home_page, lang):
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    page = soup(response)
    assert page.html["lang"] == lang
    expected = home_page.title_en if lang == "en" else home_page.title_es
    assert page.h1.get_text(strip=True) == expected
    assert len(page.find_all("h1")) == 1


def test_translated_slugs_and_switcher_link_to_the_twin(client, home_page):
    child = StandardPageFactory(parent=home_page)
    english = client.get(f"/en/{child.slug_en}/")
    spanish = client.get(f"/es/{child.slug_es}/")
    assert english.status_code == spanish.status_code == 200
    assert client.get(f"/es/{child.slug_en}/").status_code == 404

    switcher = soup(english).select_one(".language-switcher a[hreflang=es]")
    assert switcher["href"] == f"/es/{child.slug_es}/"
    assert switcher["lang"] == "es"
    back = soup(spanish).select_one(".language-switcher a[hreflang=en]")
    assert back["href"] == f"/en/{child.slug_en}/"
    assert client.get(switcher["href"]).status_code == 200


def test_hreflang_alternates_on_every_page(client, home_page, lang):
    child = StandardPageFactory(parent=home_page)
    slug = child.slug_en if lang == "en" else child.slug_es
    links = soup(client.get(f"/{lang}/{slug}/")).select("link[rel=alternate][hreflang]")
    hrefs = {link["hreflang"]: link["href"] for link in links}
    assert hrefs == {
        "en": f"http://testserver/en/{child.slug_en}/",
        "es": f"http://testserver/es/{child.slug_es}/",
        "x-default": f"http://testserver/en/{child.slug_en}/",
    }


def test_menu_lists_pages_in_the_active_language(client, home_page, lang):
    child = StandardPageFactory(parent=home_page)
    menu = soup(client.get(f"/{lang}/")).select(".site-nav__list a")
    title = child.title_en if lang == "en" else child.title_es
    slug = child.slug_en if lang == "en" else child.slug_es
    assert [(a.get_text(strip=True), a["href"]) for a in menu] == [
        (title, f"/{lang}/{slug}/")
    ]


@pytest.mark.parametrize(
    ("path", "heading", "lang_attr"),
    [
        ("/en/no-such-page/", "Page not found", "en"),
        ("/es/no-existe/", "Página no encontrada", "es"),
    ],
)
def test_unknown_page_is_a_404_in_the_right_language(
    client, home_page, path, heading, lang_attr
):
    response = client.get(path)
    assert response.status_code == 404
    page = soup(response)
    assert page.html["lang"] == lang_attr
    assert page.h1.get_text(strip=True) == heading
    assert page.select_one(".site-header")


@pytest.mark.parametrize(
    ("language", "text"), [("en", "Sign in"), ("es", "Iniciar sesión")]
)
def test_admin_login_page_in_english_and_spanish(client, db, language, text):
    response = client.get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert text in response.content.decode()


def test_admin_uses_the_staff_users_preferred_language(client, django_user_model):
    user = django_user_model.objects.create_superuser(
        "editora", "editora@example.org", "a-long-test-password"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "es"
    profile.save()
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert 'lang="es"' in response.content.decode()


def test_spanish_catalogue_is_compiled_and_used(lang):
    from django.utils.translation import gettext

    expected = {"en": "Skip to main content", "es": "Saltar al contenido principal"}
    assert gettext("Skip to main content") == expected[lang]


def test_no_missing_migrations(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_empty_spanish_falls_back_to_english_marked_as_english(client, home_page):
    child = StandardPageFactory(parent=home_page, intro_es="")
    page = soup(client.get(f"/es/{child.slug_es}/"))
    fallback = page.select_one(".lead .untranslated")
    assert fallback["lang"] == "en"
    assert fallback.get_text() == child.intro_en
    english = soup(client.get(f"/en/{child.slug_en}/"))
    assert english.select_one(".lead .untranslated") is None


@pytest.mark.parametrize(
    ("language", "day", "time"),
    [
        ("en", "Monday 28 September 2015", "5:00 p.m."),
        ("es", "lunes 28 de septiembre de 2015", "17:00 h"),
    ],
)
def test_dates_and_times_follow_the_language(language, day, time):
    import datetime

    from django.template import Context, Template
    from django.utils import translation

    moment = datetime.datetime(2015, 9, 28, 17, 0)
    template = Template("{% load i18n_tags %}{{ moment|long_day }}|{{ moment|time }}")
    with translation.override(language):
        assert template.render(Context({"moment": moment})) == f"{day}|{time}"


def test_spanish_catalogue_has_no_empty_or_fuzzy_entries():
    from pathlib import Path

    import polib

    catalogue = polib.pofile(
        str(Path(__file__).resolve().parents[2] / "locale/es/LC_MESSAGES/django.po")
    )
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert not catalogue.metadata_is_fuzzy
