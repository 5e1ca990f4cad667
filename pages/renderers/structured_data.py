"""schema.org descriptions of the site's pages, written as JSON-LD in their <head>.

Each function returns a plain dict in the active language; page types call the
one that describes them from `get_structured_data()`, with what they need
handed in: this module imports no model and makes no query of its own.
"""

import datetime

from django.utils import timezone, translation
from django.utils.translation import pgettext

from pages.image_sizes import LOGO_JSON_LD_SPEC, SOCIAL_IMAGE_SPEC, preset_specs

CONTEXT = "https://schema.org"
# The one rendition shared pages show, in social cards and in JSON-LD alike.
# A gallery's photos as its JSON-LD names them.
GALLERY_IMAGE_SPEC = "max-1600x1600"
COUNTRY_CODES = {"Mexico": "MX", "México": "MX", "Germany": "DE", "Alemania": "DE"}


def absolute(request, url):
    return request.build_absolute_uri(url) if request and url else url


def iso(value):
    """ISO 8601 with the Mexico City offset for datetimes; plain dates stay dates."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def image_url(request, image, spec=SOCIAL_IMAGE_SPEC):
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
            "logo": image_url(request, organisation.logo, LOGO_JSON_LD_SPEC),
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


def conference_event(home, request, organisations, first_start=None, last_end=None):
    """The conference itself: an Event, rescheduled from May to September 2015.

    With a programme, the start and end are the first session's start and the
    last session's end, with the time zone; without one, the dates.
    """
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": home.title,
        "alternateName": "ICLC 2015",
        "description": home.get_meta_description() or home.theme,
        "url": absolute(request, home.get_url(request)),
        "inLanguage": translation.get_language(),
        "startDate": iso(first_start or home.start_date),
        "endDate": iso(last_end or home.end_date),
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


def place(venue, request, with_photo=True):
    """A venue: its name, postal address, coordinates and map, and its first
    photo where the venue itself is described (a session's location names it
    without one: the photo would cost its page a query)."""
    photo = next(iter(venue.photo_list), None) if with_photo else None
    return compact(
        {
            "@type": "Place",
            "name": venue.title,
            "url": absolute(request, venue.get_url(request)),
            "address": ", ".join(
                line.strip() for line in venue.address.splitlines() if line.strip()
            ),
            "geo": {
                "@type": "GeoCoordinates",
                "latitude": float(venue.latitude),
                "longitude": float(venue.longitude),
            },
            "hasMap": venue.openstreetmap_url,
            "image": image_url(request, photo.image) if photo else None,
        }
    )


def person(participant):
    return person_entity(participant.person)


def person_entity(someone, **extra):
    """A chair or speaker as a schema.org Person, with `extra` properties."""
    return compact(
        {
            "@type": "Person",
            "name": someone.name,
            "honorificPrefix": someone.honorific,
            "jobTitle": someone.role,
            "affiliation": compact(
                {"@type": "Organization", "name": someone.organisation}
            )
            if someone.organisation
            else None,
            **extra,
        }
    )


def person_page(someone, request, url, sessions, index):
    """A person's page on the speakers page: a ProfilePage about the Person,
    who chairs or speaks at `sessions` (performerIn)."""
    photo = image_url(request, someone.photo, preset_specs("portrait")[-1])
    return compact(
        {
            "@context": CONTEXT,
            "@type": "ProfilePage",
            "name": str(someone),
            "url": absolute(request, url),
            "inLanguage": translation.get_language(),
            "isPartOf": compact(
                {
                    "@type": "WebPage",
                    "name": index.title,
                    "url": absolute(request, index.get_url(request)),
                }
            ),
            "mainEntity": person_entity(
                someone,
                description=someone.bio,
                image=photo,
                url=absolute(request, url),
                performerIn=[
                    compact(
                        {
                            "@type": "Event",
                            "name": session.title,
                            "url": absolute(request, session.get_url(request)),
                            "startDate": iso(session.start),
                            "endDate": iso(session.end),
                        }
                    )
                    for session in sessions
                ],
            ),
        }
    )


def contact_point(name, contact_type, email="", telephone=""):
    return compact(
        {
            "@type": "ContactPoint",
            "name": name,
            "contactType": contact_type,
            "email": email,
            "telephone": telephone,
        }
    )


def contact_page(page, request, offices):
    """The contact page: a ContactPage about the institutions that run the
    conference's offices, each with its address and its office as a
    ContactPoint, and the press contact's institution with a press ContactPoint."""
    office_type = pgettext("schema.org contact type", "conference office")
    entities = [
        compact(
            {
                "@type": "Organization",
                "name": office.institution,
                "address": postal_address(
                    office.street, office.postcode, office.city, office.country
                ),
                "contactPoint": [
                    contact_point(office.name, office_type, office.email, office.phone)
                ],
            }
        )
        for office in offices
    ]
    if page.has_press_contact:
        entities.append(
            {
                "@type": "Organization",
                "name": page.press_institution,
                "contactPoint": [
                    contact_point(
                        page.press_institution,
                        pgettext("schema.org contact type", "press"),
                        page.press_email,
                        page.press_phone,
                    )
                ],
            }
        )
    return compact(
        {
            "@context": CONTEXT,
            "@type": "ContactPage",
            "name": page.title,
            "url": absolute(request, page.get_url(request)),
            "inLanguage": translation.get_language(),
            "description": page.get_meta_description(),
            "mainEntity": entities,
        }
    )


def session_event(session, request, conference):
    """A session: an Event within the conference (its superEvent)."""
    participants = session.participant_list
    data = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": session.title,
        "description": session.summary or session.get_meta_description(),
        "url": absolute(request, session.get_url(request)),
        "inLanguage": translation.get_language(),
        "startDate": iso(session.start),
        "endDate": iso(session.end),
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": place(session.venue, request, with_photo=False)
        if session.venue
        else None,
        "performer": [person(p) for p in participants],
        "image": image_url(request, session.social_image),
        "superEvent": compact(
            {
                "@type": "Event",
                "name": conference.title,
                "url": absolute(request, conference.get_url(request)),
                "startDate": iso(conference.start_date),
                "endDate": iso(conference.end_date),
            }
        )
        if conference
        else None,
    }
    return compact(data)


def venue_place(venue, request):
    return {"@context": CONTEXT, **place(venue, request)}


def news_article(release, request, publisher):
    """A press release: a NewsArticle dated by its release time, published (and
    written) by `publisher`, the organisation that runs the network."""
    published = release.release_date or release.first_published_at
    news_publisher = organization(publisher, request) if publisher else None
    return compact(
        {
            "@context": CONTEXT,
            "@type": "NewsArticle",
            "headline": release.title[:110],
            "description": release.summary,
            "url": absolute(request, release.get_url(request)),
            "mainEntityOfPage": absolute(request, release.get_url(request)),
            "inLanguage": translation.get_language(),
            "datePublished": iso(published),
            "dateModified": iso(release.last_published_at or published),
            "dateline": release.location,
            "image": image_url(request, release.social_image),
            "publisher": news_publisher,
            "author": news_publisher,
        }
    )


def image_gallery(gallery, request):
    """A photo gallery: an ImageGallery with each photo's caption and credit."""
    images = [item.image for item in gallery.get_gallery_images()]
    return compact(
        {
            "@context": CONTEXT,
            "@type": "ImageGallery",
            "name": gallery.title,
            "description": gallery.intro or gallery.get_meta_description(),
            "url": absolute(request, gallery.get_url(request)),
            "inLanguage": translation.get_language(),
            "datePublished": iso(gallery.date),
            "image": [
                compact(
                    {
                        "@type": "ImageObject",
                        "contentUrl": image_url(request, image, GALLERY_IMAGE_SPEC),
                        "caption": image.caption,
                        "description": image.description,
                        "creditText": image.credit,
                    }
                )
                for image in images
            ],
        }
    )
