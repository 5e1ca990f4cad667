"""The <head> of every page: canonical URL, description, social cards, JSON-LD."""

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.safestring import mark_safe

from pages.image_sizes import SOCIAL_IMAGE_SPEC
from pages.templatetags.site_chrome import site_chrome

register = template.Library()

# Open Graph wants territory-qualified locales.
OG_LOCALES = {"en": "en_US", "es": "es_MX"}


@register.inclusion_tag("includes/seo_head.html", takes_context=True)
def seo_head(
    context, page, title=None, description=None, url=None, structured_data=None
):
    """The head of `page`, or of a routed view of it that is a page of its own
    (a person on the speakers page), which gives its own `title`,
    `description`, `url` and `structured_data`."""
    request = context.get("request")
    language = translation.get_language()
    image = page.social_image
    rendition = image.get_rendition(SOCIAL_IMAGE_SPEC) if image else None
    if structured_data is None:
        structured_data = page.get_structured_data(request, site_chrome(request))
    return {
        "page": page,
        "request": request,
        "title": str(title or page.seo_title or page.title),
        "description": page.get_meta_description()
        if description is None
        else description,
        "canonical": request.build_absolute_uri(url or page.get_url(request)),
        "og_locale": OG_LOCALES.get(language, language),
        "og_alternates": [
            OG_LOCALES.get(code, code)
            for code, _ in settings.LANGUAGES
            if code != language
        ],
        "image": rendition,
        "image_url": request.build_absolute_uri(rendition.url) if rendition else "",
        "image_alt": (image.description or image.title) if image else "",
        "json_ld": json_ld(structured_data),
    }


def json_ld(data):
    """JSON safe inside a <script> element: no way to close it from the data."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    for character, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(character, escaped)
    return mark_safe(text)
