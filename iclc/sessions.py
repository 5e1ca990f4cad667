"""Database sessions that ignore session cookies Django could not have made.

A forged `sessionid` cookie with a NUL byte made PostgreSQL refuse the lookup
(a 500 on any page that reads the session, e.g. through the Wagtail user bar).
Django's keys are 32 lowercase letters and digits; anything else is no session.
"""

import re

from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore

VALID_KEY = re.compile(r"[a-z0-9]{8,64}")


class SessionStore(DatabaseSessionStore):
    def _validate_session_key(self, key):
        return bool(key) and VALID_KEY.fullmatch(key) is not None
