"""schema.org descriptions of the site's pages, written as JSON-LD in their <head>.

Each function returns a plain dict in the active language; page types call the
one that describes them from `get_structured_data()`.
"""

import datetime

from django.utils import timezone, translation

CONTEXT = "https://schema.org"
COUNTRY_CODES = {"Mexico": "MX", "México": "MX", "Germany": "DE", "Alemania": "DE"}


def absolute(request, url):
    return request.build_absolute_uri(url) if request and url else url


def iso(value):
    """ISO 8601 with the Mexico City offset for datetimes; plain dates stay dates."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def image_url(request, image, spec="fill-1200x630|format-jpeg"):
    return absolute(request, image.get_rendition(spec).url) if image else None


def compact(data):
    """Drop empty values so that no property is published without content."""
    return {key: value for key, value in data.items() if value not in (None, "", [])}


def web_page(page, request):
    return compact(
        {
            "@context": CONTEXT,
            "@type": "WebPage",
            "name": page.title,
            "url": absolute(request, page.get_url(request)),
            "inLanguage": translation.get_language(),
            "description": page.get_meta_description(),
        }
    )


def organization(organisation, request=None):
    return compact(
        {
            "@type": "Organization",
            "name": organisation.name,
            "alternateName": organisation.acronym,
            "url": organisation.website,
            "logo": image_url(request, organisation.logo, "max-600x600|format-png"),
        }
    )


def postal_address(street="", postcode="", locality="", country=""):
    return compact(
        {
            "@type": "PostalAddress",
            "streetAddress": street,
            "postalCode": postcode,
            "addressLocality": locality,
            "addressCountry": COUNTRY_CODES.get(country, country),
        }
    )


def conference_event(home, request, organisations, sessions=()):
    """The conference itself: an Event, rescheduled from May to September 2015.

    With sessions, the start and end are the first session's start and the last
    session's end, with the time zone; without them, the dates.
    """
    starts = [session.start for session in sessions if session.start]
    ends = [session.end for session in sessions if session.end]
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": home.title,
        "alternateName": "ICLC 2015",
        "description": home.get_meta_description() or home.theme,
        "url": absolute(request, home.get_url(request)),
        "inLanguage": translation.get_language(),
        "startDate": iso(min(starts)) if starts else iso(home.start_date),
        "endDate": iso(max(ends)) if ends else iso(home.end_date),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "eventStatus": "https://schema.org/EventScheduled",
        "location": compact(
            {
                "@type": "Place",
                "name": home.city,
                "address": postal_address(locality=home.city, country=home.country),
            }
        ),
        "image": image_url(request, home.hero_image),
        "organizer": [organization(org, request) for org in organisations],
    }
    if home.was_rescheduled:
        data["eventStatus"] = "https://schema.org/EventRescheduled"
        data["previousStartDate"] = iso(home.original_start_date)
    return compact(data)
