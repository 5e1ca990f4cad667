"""Session cookies: one Django could not have made is no session, never a 500."""

from django.conf import settings

import pytest

from iclc.sessions import SessionStore

pytestmark = pytest.mark.django_db

FORGED_KEYS = [
    "abcdefgh\x00ijkl",  # PostgreSQL refuses a NUL byte in a query
    "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345",
    "short",
    "x" * 65,
    "abcdefgh' OR '1'='1",
    "sesión-abcdefghijk",
]


@pytest.mark.parametrize("key", FORGED_KEYS)
def test_a_forged_key_opens_an_empty_session_without_a_query(
    key, django_assert_num_queries
):
    with django_assert_num_queries(0):
        session = SessionStore(key)
        assert session.session_key is None
        assert dict(session.items()) == {}


def test_a_key_django_made_still_opens_its_session():
    session = SessionStore()
    session["greeting"] = "hola"
    session.create()
    assert SessionStore(session.session_key)["greeting"] == "hola"


@pytest.mark.parametrize("key", FORGED_KEYS)
def test_a_forged_cookie_is_answered_and_deleted(home_page, client, key):
    client.cookies[settings.SESSION_COOKIE_NAME] = key
    response = client.get("/admin/login/")  # reads the session: who is signed in
    assert response.status_code == 200
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value == ""
    assert cookie["max-age"] == 0


def test_a_signed_in_editor_keeps_the_session(home_page, client, django_user_model):
    user = django_user_model.objects.create_superuser(
        username="admin", email="admin@example.com", password="x-x-x-x-x-x"
    )
    client.force_login(user)
    assert client.get("/admin/").status_code == 200
