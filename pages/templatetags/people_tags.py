"""Links to the chairs' and speakers' pages (pages/models/people.py)."""

from django import template

from pages.templatetags.site_chrome import site_chrome

register = template.Library()


@register.simple_tag(takes_context=True)
def person_url(context, person):
    """The address of `person`'s page in the active language, or "" when the
    site has no speakers page: its address (from the site chrome, so no query)
    and the person's slug, the same in both languages."""
    speakers_url = site_chrome(context.get("request")).speakers_url
    if not speakers_url or not person.slug:
        return ""
    return f"{speakers_url}{person.slug}/"
