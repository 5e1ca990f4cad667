"""Language links: the switcher and hreflang alternates point at the same page."""

from decimal import Decimal
from functools import cache

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import formats, translation
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe

from wagtail.blocks import StreamValue
from wagtail.fields import RichTextField
from wagtail.rich_text import RichText

from pages.models.base import localise_subpath
from pages.renderers.dates import long_day, zone_label

register = template.Library()

NATIVE_NAMES = {"en": "English", "es": "Español"}


def twin_url(context, language):
    """The address of what the visitor is reading, in `language`.

    Wagtail pages know their translated slugs; a routable page keeps the part of
    the path after its own URL (a day, a feed), in the words of `language`
    (`dia/2015-09-28/` for `day/2015-09-28/`). Anything else goes through
    Django's `translate_url`, which handles our own i18n URL patterns. The query
    string (a search, a filter) is kept.
    """
    request = context.get("request")
    page = context.get("page") or context.get("self")
    path = request.path if request else "/"
    query = f"?{request.GET.urlencode()}" if request and request.GET else ""
    if page is not None and hasattr(page, "url_in"):
        current = page.get_url(request)
        suffix = path[len(current) :] if current and path.startswith(current) else ""
        return (
            page.url_in(language, request) + localise_subpath(language, suffix) + query
        )
    # "//x/…" would be read as a host name: a link off the site, or an error.
    return translate_url("/" + path.lstrip("/"), language) + query


@register.simple_tag(takes_context=True)
def language_links(context):
    """One entry per site language: code, native name, URL, and whether it is active.

    Worked out once per request and language: the head's hreflang links and the
    language switcher both show them."""
    active = translation.get_language()
    page = context.get("page") or context.get("self")
    key = (active, getattr(page, "pk", None))
    request = context.get("request")
    found = request.__dict__.setdefault("_language_links", {}) if request else {}
    if key not in found:
        found[key] = _language_links(context, active)
    return found[key]


def _language_links(context, active):
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


register.filter("long_day", long_day)
register.filter("zone_label", zone_label)


@register.filter
def number(value, decimal_pos=None):
    """A count or amount with thousands grouped: "6,000" in English and Spanish.

    Django ignores USE_THOUSAND_SEPARATOR in format modules and a global setting
    would also group years and ids, so grouping is asked for where it is wanted.
    """
    if value is None or isinstance(value, bool):
        return ""
    if not isinstance(value, int | float | Decimal):
        return value
    return formats.number_format(value, decimal_pos, force_grouping=True)


@register.simple_tag(takes_context=True)
def tr(context, obj, field_name):
    """Render a translated field; text that fell back to English is marked.

    modeltranslation shows the English value when the Spanish one is empty. So that
    screen readers switch voice (and readers know), such text is wrapped in an
    element with `lang="en"`. Stream and rich text fields are rendered as HTML.
    """
    value = getattr(obj, field_name)
    fallback = is_fallback(obj, field_name)
    if isinstance(value, StreamValue):
        html = value.render_as_block(context.flatten())
        element = "div"
    elif is_rich_text(type(obj), field_name):
        html = str(RichText(value or ""))
        element = "div"
    else:
        html = conditional_escape(value or "")
        element = "span"
    if not fallback:
        return mark_safe(html)
    request = context.get("request")
    if request is not None:
        # Read by {% untranslated_notice %} at the end of <main>.
        request.shows_untranslated_text = True
    return format_html(
        '<{0} lang="{1}" class="untranslated">{2}</{0}>',
        element,
        settings.MODELTRANSLATION_DEFAULT_LANGUAGE,
        html,
    )


@cache
def is_rich_text(model, field_name):
    return isinstance(model._meta.get_field(field_name), RichTextField)


@register.inclusion_tag("includes/untranslated_notice.html", takes_context=True)
def untranslated_notice(context):
    """A discreet note when some text on the page fell back to English.

    Placed after the content block, it knows whether any `{% tr %}` above it
    rendered fallback text.
    """
    request = context.get("request")
    return {"show": bool(getattr(request, "shows_untranslated_text", False))}


def is_fallback(obj, field_name):
    """True when the active language's value is empty and another shows instead."""
    language = translation.get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if language == default or not hasattr(obj, f"{field_name}_{language}"):
        return False
    own = getattr(obj, f"{field_name}_{language}")
    fallback = getattr(obj, f"{field_name}_{default}")
    return _is_empty(own) and not _is_empty(fallback)


def _is_empty(value):
    if value is None:
        return True
    if isinstance(value, StreamValue):
        return len(value) == 0
    return not str(value).strip()
