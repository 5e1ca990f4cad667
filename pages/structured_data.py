"""schema.org descriptions of the site's pages, written as JSON-LD in their <head>.

Each function returns a plain dict in the active language; page types call the
one that describes them from `get_structured_data()`.
"""

from django.utils import translation

CONTEXT = "https://schema.org"


def absolute(request, url):
    return request.build_absolute_uri(url) if request and url else url


def web_page(page, request):
    data = {
        "@context": CONTEXT,
        "@type": "WebPage",
        "name": page.title,
        "url": absolute(request, page.get_url(request)),
        "inLanguage": translation.get_language(),
    }
    description = page.get_meta_description()
    if description:
        data["description"] = description
    return data
