"""Log filters: secret values masked in every record; a bad Host header is one
warning line, not an error with a traceback."""

import logging
import os

from django.conf import settings

SECRET_VARIABLES = (
    "DJANGO_SECRET_KEY",
    "POSTGRES_PASSWORD",
    "REDIS_PASSWORD",
    "DJANGO_EMAIL_HOST_PASSWORD",
)


def _secrets():
    if not settings.configured:
        return []
    values = {os.environ.get(name, "") for name in SECRET_VARIABLES}
    values.add(getattr(settings, "SECRET_KEY", ""))
    values.add(getattr(settings, "EMAIL_HOST_PASSWORD", "") or "")
    for database in settings.DATABASES.values():
        values.add(database.get("PASSWORD") or "")
    return sorted((v for v in values if len(v) >= 4), key=len, reverse=True)


class RedactSecretsFilter(logging.Filter):
    """Replace the secret key and database password with `[redacted]`.

    Tracebacks can quote a connection string or a settings value; the record's
    message, arguments and formatted traceback are all cleaned.
    """

    def filter(self, record):
        secrets = _secrets()
        if not secrets:
            return True
        message = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        for secret in secrets:
            message = message.replace(secret, "[redacted]")
            if record.exc_text:
                record.exc_text = record.exc_text.replace(secret, "[redacted]")
        record.msg, record.args = message, ()
        return True


class BadHostAsWarning(logging.Filter):
    """Django logs every request with a Host it does not serve as an error with
    a traceback: scanners send dozens an hour, which would bury real errors.
    Each is one warning line (the request is answered with a 400 all the same)."""

    def filter(self, record):
        record.levelno, record.levelname = logging.WARNING, "WARNING"
        record.exc_info = record.exc_text = None
        return True
