"""The contact page and the speakers page (people are loaded with the programme)."""

from pages.models import ContactPage, SpeakerIndexPage

from .base import read_content, translated_values, upsert_page


def load(home):
    load_contact(home, read_content("contact")["contact"])
    load_speakers(home, read_content("speakers")["speakers"])


def load_contact(home, data):
    values = translated_values(
        {
            key: data[key]
            for key in (
                "title",
                "slug",
                "intro",
                "listing_summary",
                "press_institution",
                "press_note",
                "press_phone",
                "press_email",
            )
        }
    )
    return upsert_page(home, ContactPage, data["slug"]["en"], values)


def load_speakers(home, data):
    values = translated_values(
        {key: data[key] for key in ("title", "slug", "intro", "listing_summary")}
    )
    return upsert_page(home, SpeakerIndexPage, data["slug"]["en"], values)
