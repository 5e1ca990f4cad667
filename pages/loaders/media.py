"""Photos and multimedia: the galleries of each conference day, with drawn images.

The 2015 photos are not available, so each gallery image is an illustration drawn
with Pillow from the scene named in `media.yaml`, the same on every run.
"""

import datetime
import random

from PIL import Image, ImageDraw

from pages.models import GalleryImage, GalleryPage, MediaIndexPage, SessionPage

from .base import (
    illustration_credit,
    read_content,
    save_changes,
    save_image,
    stable_seed,
    translated_values,
    upsert_page,
)

SIZE = (1600, 1067)
PALETTES = [
    ("#b0005a", "#fde7f1", "#2b1830"),
    ("#005a9e", "#e3f0fb", "#13233a"),
    ("#00716b", "#dff3f1", "#12302d"),
    ("#c75a00", "#fdebdc", "#33200f"),
]


def _people(draw, rng, top, rows, colours, scale=1.0):
    width = SIZE[0]
    for row in range(rows):
        y = top + row * 70 * scale
        size = (22 + row * 6) * scale
        count = int(width / (size * 3.2))
        for index in range(count):
            x = (index + 0.5 + rng.uniform(-0.2, 0.2)) * width / count
            colour = rng.choice(colours)
            draw.ellipse((x - size, y - size, x + size, y + size), fill="#3a2a2a")
            draw.rounded_rectangle(
                (x - size * 1.6, y + size, x + size * 1.6, y + size * 4),
                radius=int(size),
                fill=colour,
            )


def draw_scene(scene, key):
    """Draw `scene`: hall, speaker, panel, vote, building, dome or screen."""
    rng = random.Random(stable_seed(key))
    accent, light, dark = PALETTES[stable_seed(key + "palette") % len(PALETTES)]
    image = Image.new("RGB", SIZE, light)
    draw = ImageDraw.Draw(image)
    w, h = SIZE
    people = [accent, "#4a6fa5", "#7a7a85", "#d9a441", "#2f8f83", dark]
    if scene in ("hall", "speaker", "panel", "vote", "screen"):
        draw.rectangle((0, 0, w, h * 0.55), fill=dark)
        draw.rectangle((w * 0.18, h * 0.06, w * 0.82, h * 0.14), fill=accent)
        draw.rectangle((w * 0.28, h * 0.18, w * 0.72, h * 0.46), fill=light)
        draw.rectangle((0, h * 0.5, w, h * 0.58), fill="#5b4636")
    if scene == "screen":
        # No play symbol: the page draws its own play button over a video poster.
        for line in range(3):
            y = h * (0.25 + line * 0.06)
            draw.rectangle((w * 0.36, y, w * 0.64, y + 14), fill=accent)
        _people(draw, rng, h * 0.72, 3, people)
    elif scene == "hall":
        draw.rectangle((w * 0.47, h * 0.36, w * 0.53, h * 0.52), fill=accent)
        _people(draw, rng, h * 0.64, 5, people)
    elif scene == "speaker":
        for line in range(4):
            y = h * (0.23 + line * 0.055)
            draw.rectangle((w * 0.33, y, w * rng.uniform(0.5, 0.67), y + 18), fill=dark)
        draw.ellipse(
            (w * 0.5 - 40, h * 0.42, w * 0.5 + 40, h * 0.42 + 80), fill="#3a2a2a"
        )
        draw.rectangle((w * 0.44, h * 0.55, w * 0.56, h * 0.9), fill=accent)
        _people(draw, rng, h * 0.92, 1, people, scale=1.6)
    elif scene == "panel":
        _people(draw, rng, h * 0.5, 1, people, scale=2.2)
        draw.rectangle((w * 0.05, h * 0.62, w * 0.95, h * 0.75), fill=accent)
        draw.rectangle((0, h * 0.75, w, h), fill=dark)
    elif scene == "vote":
        _people(draw, rng, h * 0.62, 5, people)
        for _ in range(28):
            x, y = rng.uniform(40, w - 40), rng.uniform(h * 0.56, h * 0.9)
            draw.line((x, y, x, y + 60), fill="#3a2a2a", width=6)
            draw.rectangle((x - 22, y - 30, x + 22, y), fill=accent)
    elif scene in ("building", "dome"):
        draw.rectangle((0, 0, w, h * 0.7), fill="#bcd9f0")
        draw.rectangle((0, h * 0.82, w, h), fill="#9a9088")
        if scene == "dome":
            draw.pieslice(
                (w * 0.36, h * 0.12, w * 0.64, h * 0.52), 180, 360, fill="#d9a441"
            )
            draw.rectangle((w * 0.15, h * 0.32, w * 0.85, h * 0.82), fill="#f4efe6")
        else:
            draw.rectangle((w * 0.05, h * 0.3, w * 0.95, h * 0.82), fill="#b9775a")
        for column in range(12):
            x = w * (0.1 + column * 0.07)
            draw.rounded_rectangle(
                (x, h * 0.45, x + w * 0.035, h * 0.62), 20, fill=dark
            )
        _people(draw, rng, h * 0.86, 1, people, scale=0.7)
    return image


def load(home):
    data = read_content("media")
    values = translated_values(
        {"title": data["index"]["title"], "intro": data["index"]["intro"]}
    )
    index = upsert_page(
        home,
        MediaIndexPage,
        data["index"]["slug"]["en"],
        {"slug_es": data["index"]["slug"]["es"], "show_in_menus": True, **values},
    )
    credit = illustration_credit()
    for spec in data["galleries"]:
        images = [
            _photo(f"{spec['key']}-{number}", photo, credit)
            for number, photo in enumerate(spec["photos"], start=1)
        ]
        date = spec["date"]
        if isinstance(date, str):
            date = datetime.date.fromisoformat(date)
        values = translated_values(
            {
                "title": spec["title"],
                "intro": spec["intro"],
                "listing_summary": spec["intro"],
            }
        )
        values.update(_videos(spec, credit))
        gallery = upsert_page(
            index,
            GalleryPage,
            spec["slug"]["en"],
            {
                "slug_es": spec["slug"]["es"],
                "date": date,
                "session": SessionPage.objects.filter(
                    slug_en=spec.get("session") or None
                ).first(),
                "listing_image": images[0],
                **values,
            },
        )
        if [item.image_id for item in gallery.gallery_images.all()] != [
            image.pk for image in images
        ]:
            gallery.gallery_images.all().delete()
            for order, image in enumerate(images):
                GalleryImage.objects.create(page=gallery, image=image, sort_order=order)
    return index


def _photo(key, photo, credit):
    image = save_image(
        f"gallery-{key}",
        f"Gallery: {key}",
        lambda: draw_scene(photo["scene"], key),
    )
    values = translated_values(
        {"description": photo["alt"], "caption": photo["caption"], "credit": credit}
    )
    return save_changes(image, values)


def _videos(spec, credit):
    """The gallery's videos, one stream per language (poster shared)."""
    streams = {"videos_en": [], "videos_es": []}
    for number, video in enumerate(spec.get("videos", []), start=1):
        key = f"{spec['key']}-video-{number}"
        poster = _photo(
            key,
            {
                "scene": video["poster_scene"],
                "alt": video["poster_alt"],
                "caption": {"en": "", "es": ""},
            },
            credit,
        )
        for language in ("en", "es"):
            streams[f"videos_{language}"].append(
                {
                    "type": "video",
                    "value": {
                        "title": video["title"][language],
                        "url": video["url"],
                        "poster": poster.pk,
                        "description": video["description"][language],
                    },
                }
            )
    return streams
