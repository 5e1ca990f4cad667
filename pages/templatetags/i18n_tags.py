"""Language links: the switcher and hreflang alternates point at the same page."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

register = template.Library()

NATIVE_NAMES = {"en": "English", "es": "Español"}


def twin_url(context, language):
    """The address of what the visitor is reading, in `language`.

    Wagtail pages know their translated slugs; a routable page keeps the part of
    the path after its own URL (a day, a feed). Anything else goes through
    Django's `translate_url`, which handles our own i18n URL patterns.
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    path = request.path if request else "/"
    if page is not None and hasattr(page, "url_in"):
        current = page.get_url(request)
        suffix = path[len(current) :] if current and path.startswith(current) else ""
        return page.url_in(language, request) + suffix
    return translate_url(path, language)


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: code, native name, URL, and whether it is active."""
    active = translation.get_language()
    return [
        {
            "code": code,
            "name": NATIVE_NAMES.get(code, code),
            "url": twin_url(context, code),
            "active": code == active,
        }
        for code, _name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def absolute(context, url):
    request = context.get("request")
    if request is None or url.startswith("http"):
        return url
    return request.build_absolute_uri(url)
