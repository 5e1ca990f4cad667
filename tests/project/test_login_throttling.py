"""Admin sign-in: a password list gets locked out, staff lift the lock-out."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

import pytest
from axes.models import AccessAttempt

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple 2015"
LOCKED_EN = "For your security, signing in is locked for one hour."
LOCKED_ES = "Por su seguridad, el inicio de sesión está bloqueado durante una hora."


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AXES_ENABLED = True


@pytest.fixture
def author():
    return get_user_model().objects.create_user(
        "author", "author@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, password, address="203.0.113.5", **headers):
    return client.post(
        "/admin/login/",
        {"username": "author", "password": password},
        REMOTE_ADDR=address,
        **headers,
    )


def test_wrong_password_shows_the_normal_error_before_the_limit(client, author):
    response = sign_in(client, "guess 1")
    assert response.status_code == 200
    assert "Your username and password didn&#x27;t match" in response.content.decode()


def test_fifth_failure_locks_out_even_the_right_password(client, author):
    for attempt in range(4):
        assert sign_in(client, f"guess {attempt}").status_code == 200
    locked = sign_in(client, "guess 5")
    assert locked.status_code == 429
    assert LOCKED_EN in locked.content.decode()

    again = sign_in(client, PASSWORD)
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_lock_out_message_is_in_the_visitors_language(client, author):
    for attempt in range(5):
        response = sign_in(client, f"guess {attempt}", HTTP_ACCEPT_LANGUAGE="es-MX")
    assert response.status_code == 429
    page = response.content.decode()
    assert LOCKED_ES in page
    assert 'lang="es"' in page


def test_lock_out_is_per_username_and_address(client, author):
    for attempt in range(5):
        sign_in(client, f"guess {attempt}", address="198.51.100.7")
    elsewhere = sign_in(Client(), PASSWORD, address="203.0.113.99")
    assert elsewhere.status_code == 302


def test_staff_lift_a_lock_out_in_the_admin(client, author):
    for attempt in range(5):
        sign_in(client, f"guess {attempt}")
    assert sign_in(client, PASSWORD).status_code == 429

    admin = Client()
    admin.force_login(
        get_user_model().objects.create_superuser("chief", "chief@example.org", "x")
    )
    listing = admin.get("/admin/locked-out-sign-ins/")
    assert listing.status_code == 200
    assert "Locked-out sign-ins" in listing.content.decode()
    assert "author" in listing.content.decode()
    attempt = AccessAttempt.objects.get(username="author")
    confirm = admin.get(f"/admin/locked-out-sign-ins/delete/{attempt.pk}/")
    assert confirm.status_code == 200
    deleted = admin.post(f"/admin/locked-out-sign-ins/delete/{attempt.pk}/")
    assert deleted.status_code == 302

    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(author.pk)


def test_editors_without_the_permission_cannot_see_lock_outs(client, author):
    editor = get_user_model().objects.create_user("editor", password=PASSWORD)
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    response = client.get("/admin/locked-out-sign-ins/")
    assert response.status_code == 302


@pytest.mark.parametrize(
    "password", ["short", "password1234", "123456789012345", "author@example"]
)
def test_weak_passwords_are_refused(author, password):
    with pytest.raises(ValidationError):
        validate_password(password, user=author)


def test_a_long_passphrase_is_accepted(author):
    validate_password("a walk along Reforma at dawn", user=author)


SPELLINGS = [
    "author",
    "AUTHOR",
    "Author",
    "ａuthor",
    "ａｕｔｈｏｒ",
    "ＡＵＴＨＯＲ",
    "auｔhor",
    "AuThOr",
]


def test_failures_count_under_one_name_however_it_is_spelled(client, author):
    """Fullwidth letters and capitals are the same name to Django's sign-in form
    (NFKC), so they share one count of failures."""
    for attempt, spelling in enumerate(SPELLINGS):
        response = client.post(
            "/admin/login/",
            {"username": spelling, "password": f"guess {attempt}"},
            REMOTE_ADDR="203.0.113.5",
        )
        if attempt >= 4:
            assert response.status_code == 429, spelling
    again = client.post(
        "/admin/login/",
        {"username": "ａuthor", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
    )
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session
