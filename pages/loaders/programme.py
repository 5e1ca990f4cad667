"""The programme: venues first, then people, the programme page and its sessions.

Illustrations (session pictures, venue sketches and sketch maps) are drawn with
Pillow, stored once, and described in both languages.
"""

import datetime
import math
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.conf import settings

from PIL import Image, ImageDraw, ImageFont

from pages.models import (
    Person,
    ProgrammePage,
    SessionPage,
    SessionParticipant,
    VenueIndexPage,
    VenuePage,
    VenuePhoto,
)

from .base import (
    illustration_credit,
    read_content,
    save_changes,
    save_image,
    stable_seed,
    translated_values,
    upsert_page,
)

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
PINK, BLUE, TEAL, INK = (176, 0, 90), (0, 90, 158), (0, 113, 107), (29, 29, 34)
PAPER, STREET, PLAZA, PARK = (
    (247, 245, 240),
    (255, 255, 255),
    (232, 222, 205),
    (196, 224, 190),
)
BUILDING = (214, 208, 214)


def load(home):
    data = read_content("programme")
    venues = load_venues(home, data)
    people = load_people(data["people"])
    load_programme(home, data, venues, people)


def font(size, bold=False):
    try:
        return ImageFont.truetype(FONT_BOLD if bold else FONT, size)
    except OSError:
        return ImageFont.load_default()


def describe(image, alt, caption):
    """Give a stored image its alt text, caption and credit in both languages."""
    values = translated_values(
        {"description": alt, "caption": caption, "credit": illustration_credit()}
    )
    return save_changes(image, values)


# Venues -----------------------------------------------------------------------
def load_venues(home, data):
    index_data = data["venue_index"]
    index = upsert_page(
        home,
        VenueIndexPage,
        index_data["slug"]["en"],
        translated_values(
            {
                "title": index_data["title"],
                "slug": index_data["slug"],
                "intro": index_data["intro"],
                "show_in_menus": True,
            }
        ),
    )
    venues = {}
    for item in data["venues"]:
        key = item["key"]
        map_image = describe(
            save_image(
                f"map-{key}",
                f"Sketch map: {item['title']['en']}",
                lambda item=item: draw_map(item),
            ),
            item["map"]["alt"],
            item["map"]["caption"],
        )
        photo = describe(
            save_image(
                f"venue-{key}",
                f"Illustration: {item['title']['en']}",
                lambda key=key: draw_facade(key),
            ),
            item["photo"]["alt"],
            item["photo"]["caption"],
        )
        values = translated_values(
            {
                "title": item["title"],
                "slug": item["slug"],
                "address": item["address"],
                "listing_summary": item["listing_summary"],
                "accessibility": item["accessibility"],
                "getting_there": item["getting_there"],
            }
        )
        values.update(
            {
                "latitude": Decimal(item["latitude"]),
                "longitude": Decimal(item["longitude"]),
                "map_image": map_image,
                "listing_image": photo,
                "description_en": [
                    {"type": "paragraph", "value": item["description"]["en"]}
                ],
                "description_es": [
                    {"type": "paragraph", "value": item["description"]["es"]}
                ],
            }
        )
        venue = upsert_page(index, VenuePage, item["slug"]["en"], values)
        if [p.image_id for p in venue.photos.all()] != [photo.pk]:
            venue.photos = [VenuePhoto(image=photo)]
            venue.save_revision().publish()
        venues[key] = venue
    return venues


def draw_map(item):
    """A sketch map in the site's colours: streets, landmarks and a marker."""
    width, height = 1200, 800
    picture = Image.new("RGB", (width, height), PAPER)
    draw = ImageDraw.Draw(picture)
    label = font(32)
    small = font(28)
    bold = font(38, bold=True)
    if item["map"]["streets"] == "zocalo":
        # The square, the streets around it and the buildings on three sides.
        draw.rectangle((380, 200, 820, 560), fill=PLAZA)
        for box in [
            (0, 150, width, 200),
            (0, 560, width, 610),
            (330, 0, 380, height),
            (820, 0, 870, height),
            (0, 330, 330, 370),
            (600, 610, 650, height),
        ]:
            draw.rectangle(box, fill=STREET)
        draw.rectangle((400, 40, 800, 140), fill=BUILDING)
        draw.rectangle((890, 220, 1150, 560), fill=BUILDING)
        draw.rectangle((380, 620, 600, 760), fill=PINK)
        draw.text((600, 250), "Zócalo", fill=INK, font=bold, anchor="mm")
        draw.text(
            (600, 90), "Catedral Metropolitana", fill=INK, font=label, anchor="mm"
        )
        draw.text(
            (1020, 390),
            "Palacio\nNacional",
            fill=INK,
            font=label,
            anchor="mm",
            align="center",
        )
        draw.text((165, 300), "Madero", fill=INK, font=small, anchor="mm")
        draw.text((625, 790), "20 de Noviembre", fill=INK, font=small, anchor="md")
        draw.text(
            (490, 690),
            "Palacio del\nAyuntamiento",
            fill=(255, 255, 255),
            font=small,
            anchor="mm",
            align="center",
        )
        metro = (740, 470)
        marker = (490, 620)
    else:
        draw.rectangle((0, 200, 560, 620), fill=PARK)
        for box in [
            (0, 150, width, 200),
            (0, 620, width, 670),
            (760, 0, 810, height),
            (810, 400, width, 440),
        ]:
            draw.rectangle(box, fill=STREET)
        draw.rectangle((580, 240, 740, 590), fill=PINK)
        draw.ellipse((615, 360, 705, 450), fill=(255, 255, 255))
        draw.rectangle((840, 470, 930, 580), fill=BUILDING)
        draw.text((280, 410), "Alameda Central", fill=INK, font=bold, anchor="mm")
        draw.text((300, 175), "Av. Hidalgo", fill=INK, font=small, anchor="mm")
        draw.text((300, 645), "Av. Juárez", fill=INK, font=small, anchor="mm")
        draw.text((785, 100), "Eje Central", fill=INK, font=small, anchor="mm")
        draw.text((1000, 420), "Madero", fill=INK, font=small, anchor="mm")
        draw.text(
            (660, 520),
            "Bellas\nArtes",
            fill=(255, 255, 255),
            font=label,
            anchor="mm",
            align="center",
        )
        draw.text(
            (885, 610),
            "Torre\nLatinoamericana",
            fill=INK,
            font=small,
            anchor="ma",
            align="center",
        )
        # Bellas Artes station, at the corner of Eje Central and Av. Hidalgo:
        # east of the street and below the avenue, clear of the street's label.
        metro = (860, 250)
        marker = (660, 240)
    # Metro sign and the venue's marker pin.
    draw.ellipse(
        (metro[0] - 26, metro[1] - 26, metro[0] + 26, metro[1] + 26), fill=BLUE
    )
    draw.text(metro, "M", fill=(255, 255, 255), font=font(30, bold=True), anchor="mm")
    x, y = marker
    draw.polygon([(x, y), (x - 24, y - 50), (x + 24, y - 50)], fill=INK)
    draw.ellipse((x - 28, y - 86, x + 28, y - 30), fill=INK)
    draw.ellipse((x - 11, y - 69, x + 11, y - 47), fill=(255, 255, 255))
    # Compass.
    draw.polygon([(1140, 40), (1125, 90), (1155, 90)], fill=INK)
    draw.text((1140, 110), "N", fill=INK, font=label, anchor="mt")
    draw.text(
        (20, height - 20),
        "© ICLC 2015 · OpenStreetMap",
        fill=(85, 85, 95),
        font=font(18),
        anchor="ld",
    )
    return picture


def draw_facade(key):
    """A flat illustration of the building's front."""
    width, height = 1200, 800
    picture = Image.new("RGB", (width, height), (253, 231, 241))
    draw = ImageDraw.Draw(picture)
    draw.rectangle((0, 640, width, height), fill=PLAZA)
    if key == "palacio-del-ayuntamiento":
        draw.rectangle((100, 260, 1100, 640), fill=(196, 120, 96))
        draw.rectangle((100, 230, 1100, 270), fill=(150, 84, 70))
        for index in range(9):
            x = 150 + index * 105
            draw.rectangle((x, 300, x + 60, 400), fill=(255, 244, 230))
            draw.rectangle((x - 10, 480, x + 70, 640), fill=(120, 60, 50))
            draw.pieslice((x - 10, 440, x + 70, 520), 180, 360, fill=(120, 60, 50))
        draw.rectangle((560, 170, 640, 230), fill=(150, 84, 70))
    else:
        white = (244, 241, 236)
        draw.rectangle((160, 330, 1040, 640), fill=white)
        draw.pieslice((430, 110, 770, 450), 180, 360, fill=(232, 160, 40))
        draw.pieslice((240, 230, 400, 390), 180, 360, fill=(232, 160, 40))
        draw.pieslice((800, 230, 960, 390), 180, 360, fill=(232, 160, 40))
        for index in range(8):
            x = 220 + index * 105
            draw.rectangle((x, 380, x + 30, 640), fill=(220, 214, 205))
        draw.rectangle((540, 470, 660, 640), fill=INK)
        draw.pieslice((540, 410, 660, 530), 180, 360, fill=INK)
    return picture


# People -----------------------------------------------------------------------
def load_people(items):
    people = {}
    for item in items:
        values = translated_values(
            {
                "honorific": item.get("honorific", ""),
                "role": item["role"],
                "organisation": item["organisation"],
                "bio": item["bio"],
            }
        )
        person = Person.objects.filter(name=item["name"]).first() or Person(
            name=item["name"]
        )
        people[item["key"]] = save_changes(person, values)
    return people


# Programme --------------------------------------------------------------------
def load_programme(home, data, venues, people):
    page_data = data["programme"]
    programme = upsert_page(
        home,
        ProgrammePage,
        page_data["slug"]["en"],
        translated_values(
            {
                "title": page_data["title"],
                "slug": page_data["slug"],
                "intro": page_data["intro"],
                "listing_summary": page_data["listing_summary"],
                "show_in_menus": True,
            }
        ),
    )
    zone = ZoneInfo(settings.TIME_ZONE)
    for item in data["sessions"]:
        image = describe(
            save_image(
                f"session-{item['key']}",
                f"Illustration: {item['title']['en']}",
                lambda key=item["key"], kind=item["type"]: draw_session(key, kind),
            ),
            {
                "en": f"Abstract illustration: {item['title']['en']}.",
                "es": f"Ilustración abstracta: {item['title']['es']}.",
            },
            item["title"],
        )
        values = translated_values(
            {
                "title": item["title"],
                "slug": item["slug"],
                "room": item["room"],
                "summary": item["summary"],
                "listing_summary": item["summary"],
            }
        )
        values.update(
            {
                "session_type": item["type"],
                "start": parse_time(item["start"], zone),
                "end": parse_time(item["end"], zone),
                "venue": venues[item["venue"]],
                "interpretation_languages": item["interpretation"],
                "listing_image": image,
                "body_en": [{"type": "paragraph", "value": item["body"]["en"]}],
                "body_es": [{"type": "paragraph", "value": item["body"]["es"]}],
            }
        )
        session = upsert_page(programme, SessionPage, item["slug"]["en"], values)
        wanted = [(people[key].pk, role) for key, role in item["people"]]
        current = [(p.person_id, p.role) for p in session.participants.all()]
        if wanted != current:
            session.participants = [
                SessionParticipant(person_id=pk, role=role, sort_order=index)
                for index, (pk, role) in enumerate(wanted)
            ]
            session.save_revision().publish()
    return programme


def parse_time(text, zone):
    return datetime.datetime.strptime(text, "%Y-%m-%d %H:%M").replace(tzinfo=zone)


def draw_session(key, kind):
    """Abstract shapes in the conference colours; the same key, the same image."""
    width, height = 1200, 675
    chance = random.Random(stable_seed(key))
    colours = {
        "opening": (PINK, BLUE),
        "closing": (BLUE, PINK),
        "plenary": (TEAL, PINK),
        "mayors_forum": (PINK, TEAL),
        "city_visit": (BLUE, TEAL),
    }.get(kind, (PINK, BLUE))
    picture = Image.new("RGB", (width, height), colours[0])
    draw = ImageDraw.Draw(picture)
    for _index in range(14):
        radius = chance.randint(40, 220)
        x, y = chance.randint(0, width), chance.randint(0, height)
        tint = colours[1] if chance.random() < 0.5 else (255, 255, 255)
        draw.ellipse(
            (x - radius, y - radius, x + radius, y + radius),
            outline=tint,
            width=chance.randint(6, 18),
        )
    for step in range(12):
        angle = step * math.pi / 6
        x, y = width / 2 + 160 * math.cos(angle), height / 2 + 160 * math.sin(angle)
        draw.line((width / 2, height / 2, x, y), fill=(255, 255, 255), width=6)
    return picture
