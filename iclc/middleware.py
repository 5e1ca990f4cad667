"""Project middleware: health check, request log, security headers (issue 11)."""

import logging
import re
import time

from django.conf import settings

from csp.constants import HEADER
from csp.middleware import CSPMiddleware, PolicyParts

from pages import views

request_logger = logging.getLogger("iclc.requests")

# Password-reset links carry a token in the path; it never reaches the log.
SECRET_PATH = re.compile(r"(/(?:reset|confirm)/)[^/]+(?:/[^/]+)?")
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")
MAX_LOGGED_PATH = 300


class HealthCheckMiddleware:
    """Answer `/healthz` first: before host validation and the HTTPS redirect.

    Docker and load balancers ask over plain HTTP on 127.0.0.1, which is neither
    an allowed host nor HTTPS, and one probe every 30 s needs no log line.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info == "/healthz":
            return views.healthz(request)
        return self.get_response(request)


def loggable_path(request):
    """The path without query string or tokens, safe to write on one log line."""
    path = SECRET_PATH.sub(r"\1[redacted]", request.path)
    path = CONTROL_CHARACTERS.sub(lambda m: f"\\x{ord(m.group()):02x}", path)
    if len(path) > MAX_LOGGED_PATH:
        path = path[:MAX_LOGGED_PATH] + "…"
    return path


class RequestLogMiddleware:
    """One line per request: method, path, status, duration and language."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        duration = (time.perf_counter() - started) * 1000
        language = response.get("Content-Language") or getattr(
            request, "LANGUAGE_CODE", "-"
        )
        request_logger.info(
            "%s %s %s %.0fms lang=%s",
            request.method,
            loggable_path(request),
            response.status_code,
            duration,
            language,
        )
        return response


class SecurityHeadersMiddleware(CSPMiddleware):
    """django-csp's policy, relaxed for the Wagtail admin, plus Permissions-Policy.

    The public site allows scripts from our own files or with the request's
    nonce, and may not be framed. Wagtail's admin still has inline scripts in
    some widgets and frames our pages in its live preview, so under
    `ADMIN_URL_PREFIXES` the directives in `ADMIN_CONTENT_SECURITY_POLICY` win.
    """

    @staticmethod
    def is_admin(request):
        return request.path_info.startswith(tuple(settings.ADMIN_URL_PREFIXES))

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and self.is_admin(request):
            replace = dict(settings.ADMIN_CONTENT_SECURITY_POLICY)
            replace.update(parts.replace or {})
            parts = PolicyParts(parts.config, parts.update, replace, parts.nonce)
        return parts

    def process_response(self, request, response):
        if self.is_admin(request):
            # Wagtail's preview renders the page through the whole middleware
            # stack with a fake public request, which sets the public policy
            # (frame-ancestors 'none'); the admin's policy must win here.
            del response[HEADER]
        response = super().process_response(request, response)
        response.headers.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response
