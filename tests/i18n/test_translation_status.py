"""Translation status: missing and out-of-date Spanish, the report, the dashboard,
publishing without a Spanish title, the public notice and slug redirects."""

from django.contrib.auth.models import Permission
from django.urls import reverse

from wagtail.contrib.redirects.models import Redirect

import pytest
from bs4 import BeautifulSoup

from pages.i18n.status import field_statuses, translation_status_counts
from pages.models import StandardPage, TranslationSource
from tests.factories import SiteImageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def soup(response):
    return BeautifulSoup(response.content, "html.parser")


def publish(page, **values):
    for name, value in values.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return StandardPage.objects.get(pk=page.pk)


def status(page):
    return {s.name: s for s in field_statuses(page)}


def test_new_spanish_is_up_to_date_and_english_edits_make_it_out_of_date(home_page):
    page = StandardPageFactory(parent=home_page, intro_en="Old.", intro_es="Viejo.")
    assert not status(page)["intro"].outdated
    assert TranslationSource.objects.filter(object_id=str(page.pk), field="intro")

    page = publish(page, intro_en="New English introduction.")
    assert status(page)["intro"].outdated == [""]
    assert not status(page)["title"].outdated

    page = publish(page, intro_es="Nueva introducción en español.")
    assert not status(page)["intro"].outdated


def test_empty_spanish_is_missing(home_page):
    page = StandardPageFactory(parent=home_page, intro_es="")
    assert status(page)["intro"].missing == [""]
    assert status(page)["intro"].empty


def test_only_the_changed_paragraph_is_out_of_date(home_page):
    body_en = [
        {"type": "paragraph", "id": "a", "value": "<p>One.</p><p>Two.</p>"},
    ]
    body_es = [{"type": "paragraph", "id": "a", "value": "<p>Uno.</p><p>Dos.</p>"}]
    page = StandardPageFactory(parent=home_page, body_en=body_en, body_es=body_es)
    body_en[0]["value"] = "<p>One.</p><p>Two and a half.</p>"
    page = publish(page, body_en=body_en)
    assert status(page)["body"].outdated == ["a#2"]
    assert not status(page)["body"].missing


def test_report_lists_pages_and_images_with_fields_and_edit_links(
    client, admin_user, home_page
):
    page = StandardPageFactory(parent=home_page, intro_es="", title_en="Venues")
    page = publish(page, title_en="Venues and hotels")
    image = SiteImageFactory(description_es="")
    client.force_login(admin_user)

    response = client.get(reverse("translation_report"))
    assert response.status_code == 200
    rows = {
        row.select_one("a").get_text(strip=True): row
        for row in soup(response).select("table tbody tr")
    }
    row = rows["Venues and hotels"]
    assert row.select_one("a")["href"] == f"/admin/pages/{page.pk}/edit/"
    cells = [td.get_text(" ", strip=True) for td in row.select("td")]
    assert "introduction" in cells[2]
    assert "title" in cells[3]
    image_row = rows[image.title]
    assert image_row.select_one("a")["href"] == f"/admin/images/{image.pk}/"
    assert "description" in image_row.get_text()


def test_dashboard_shows_the_counts(client, admin_user, home_page):
    StandardPageFactory(parent=home_page, intro_es="")
    counts = translation_status_counts()
    assert counts["missing_objects"] >= 1
    page = StandardPage.objects.first()
    publish(page, title_en="A new English title")
    counts = translation_status_counts()
    assert counts["outdated_fields"] >= 1
    client.force_login(admin_user)
    html = soup(client.get("/admin/"))
    text = html.get_text(" ", strip=True)
    missing = counts["missing_fields"]
    assert f"{missing} field{'s' if missing > 1 else ''} still" in text
    outdated = counts["outdated_fields"]
    assert f"{outdated} field{'s' if outdated > 1 else ''} ha" in text
    assert html.find("a", href=reverse("translation_report"))


def test_translator_tools_need_the_permission(client, django_user_model, home_page):
    user = django_user_model.objects.create_user("editor", password="x", is_staff=True)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    # Wagtail answers PermissionDenied with a redirect to the dashboard.
    for name in ("translations", "translation_report"):
        response = client.get(reverse(name))
        assert (response.status_code, response["Location"]) == (302, "/admin/")
    user.user_permissions.add(Permission.objects.get(codename="manage_translations"))
    assert client.get(reverse("translations")).status_code == 200


def test_admin_download_and_upload(client, admin_user, home_page):
    page = StandardPageFactory(parent=home_page, intro_en="Mayors meet.", intro_es="")
    client.force_login(admin_user)
    response = client.post(
        reverse("translations"), {"export": "1", "language": "es", "only_missing": "on"}
    )
    assert response.status_code == 200
    assert "attachment" in response["Content-Disposition"]
    text = response.content.decode()
    context = f'msgctxt "pages.standardpage:{page.pk}:intro"'
    assert context in text
    assert f'msgctxt "pages.standardpage:{page.pk}:title"' not in text

    translated = text.replace(
        f'{context}\nmsgid "Mayors meet."\nmsgstr ""',
        f'{context}\nmsgid "Mayors meet."\nmsgstr "Se reúnen los alcaldes."',
    )
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("es.po", translated.encode(), "text/plain")
    response = client.post(
        reverse("translations"),
        {"import": "1", "language": "es", "file": upload, "publish": "publish"},
    )
    assert response.status_code == 200
    assert "Applied: 1" in soup(response).get_text(" ", strip=True)
    assert StandardPage.objects.get(pk=page.pk).intro_es == "Se reúnen los alcaldes."

    garbage = SimpleUploadedFile("x.po", b"\xff\xfe nonsense", "text/plain")
    response = client.post(
        reverse("translations"),
        {"import": "1", "language": "es", "file": garbage, "publish": "draft"},
    )
    assert response.status_code == 200
    assert "not a readable PO file" in response.content.decode()


def edit_data(page, **overrides):
    data = {
        "title_en": page.title_en,
        "title_es": page.title_es,
        "slug_en": page.slug_en,
        "slug_es": page.slug_es,
        "intro_en": page.intro_en,
        "intro_es": page.intro_es,
        "body_en-count": "0",
        "body_es-count": "0",
        "listing_summary_en": "",
        "listing_summary_es": "",
        "seo_title_en": "",
        "seo_title_es": "",
        "search_description_en": "",
        "search_description_es": "",
    }
    data.update(overrides)
    return data


def test_publishing_without_a_spanish_title_is_refused(client, admin_user, home_page):
    page = StandardPageFactory(parent=home_page)
    client.force_login(admin_user)
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(url, edit_data(page, title_es="", **{"action-publish": "1"}))
    assert response.status_code == 200
    assert "cannot be published without a Spanish title" in response.content.decode()
    assert StandardPage.objects.get(pk=page.pk).title_es == page.title_es

    # A draft without it is allowed, and reported.
    response = client.post(url, edit_data(page, title_es=""))
    assert response.status_code == 302
    assert StandardPage.objects.get(pk=page.pk).has_unpublished_changes


def test_public_page_marks_fallback_and_shows_a_discreet_notice(client, home_page):
    page = StandardPageFactory(parent=home_page, intro_es="")
    spanish = soup(client.get(page.url_in("es")))
    assert spanish.select_one('.lead [lang="en"]').get_text() == page.intro_en
    notice = spanish.select_one(".untranslated-notice")
    assert notice.get_text(strip=True) == (
        "Parte de esta página aún no está traducida y se muestra en inglés."
    )
    assert not soup(client.get(page.url_in("en"))).select(".untranslated-notice")
    translated = StandardPageFactory(parent=home_page)
    assert not soup(client.get(translated.url_in("es"))).select(".untranslated-notice")


def test_spanish_slug_change_redirects_permanently(client, home_page):
    page = StandardPageFactory(parent=home_page, slug_es="sedes", slug_en="venues")
    child = StandardPageFactory(parent=page, slug_es="hoteles", slug_en="hotels")
    page = publish(page, slug_es="sedes-y-hoteles")
    assert client.get("/es/sedes-y-hoteles/").status_code == 200

    response = client.get("/es/sedes/")
    assert response.status_code == 301
    assert response["Location"] == "/es/sedes-y-hoteles/"
    response = client.get("/es/sedes/hoteles/")
    assert response.status_code == 301
    assert response["Location"] == "/es/sedes-y-hoteles/hoteles/"
    assert client.get("/en/venues/").status_code == 200
    assert child.pk

    # And the English slug, edited with the same (English) admin language.
    publish(page, slug_en="venues-and-hotels")
    response = client.get("/en/venues/")
    assert response.status_code == 301
    assert response["Location"] == "/en/venues-and-hotels/"

    # Changing back does not leave a redirect loop.
    publish(StandardPage.objects.get(pk=page.pk), slug_es="sedes")
    assert client.get("/es/sedes/").status_code == 200
    assert not Redirect.objects.filter(old_path="/es/sedes").exists()
