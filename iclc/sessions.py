"""Database sessions that ignore session cookies Django could not have made.

A forged `sessionid` cookie with a NUL byte made PostgreSQL refuse the lookup
(a 500 on any page that reads the session, e.g. through the Wagtail user bar).
Django's keys are 32 lowercase letters and digits; anything else is no session.
"""

import re

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

VALID_KEY = re.compile(r"[a-z0-9]{8,64}")


def is_session_key(key):
    """Whether `key` could be a session key Django made."""
    return isinstance(key, str) and VALID_KEY.fullmatch(key) is not None


class SessionStore(DatabaseSessionStore):
    """Django's database sessions, opened with no key when the cookie holds one
    Django could not have made: the visitor gets an empty session, as with an
    expired key, and `SessionMiddleware` deletes the cookie if nothing is stored."""

    def __init__(self, session_key=None):
        super().__init__(session_key if is_session_key(session_key) else None)
