"""The web app's icons, drawn from the conference mark (the four tiles of
iclc/templates/includes/logo.svg.html and iclc/static/img/favicon.svg).

Run once, when the mark changes; the PNGs are committed under
iclc/static/img/icons/ and nothing draws them at run time:

    .venv/bin/python -m pages.offline.icons iclc/static/img/icons

Pillow draws no SVG, so the mark's five shapes are drawn here from the same
coordinates (a 48-unit square), eight times larger than needed and then
reduced, which smooths the edges.
"""

import math
import sys
from pathlib import Path

from PIL import Image, ImageDraw

ROSA = "#e4007c"
UNESCO = "#0077d4"
SOL = "#ffb81c"
JADE = "#00a19a"
PAPER = "#ffffff"
OVERSAMPLE = 8

# (file name, size in pixels, the mark's share of the width, background)
ICONS = (
    ("icon-192.png", 192, 0.84, None),
    ("icon-512.png", 512, 0.84, None),
    # Maskable: the platform may crop to a circle of 80 % of the width; the
    # mark stays well inside it, on the site's white.
    ("icon-maskable-512.png", 512, 0.5, PAPER),
    # iOS puts black behind transparency: white, with a margin.
    ("apple-touch-icon.png", 180, 0.7, PAPER),
)


def arc(cx, cy, r, start, end, steps=24):
    """Points on a circle from `start` to `end` degrees (clockwise on screen)."""
    return [
        (
            cx + r * math.cos(math.radians(start + (end - start) * i / steps)),
            cy + r * math.sin(math.radians(start + (end - start) * i / steps)),
        )
        for i in range(steps + 1)
    ]


def mark_shapes():
    """(colour, polygon) of each shape of the mark, in 48-unit coordinates."""
    rosa_tile = [
        *arc(4, 4, 4, 180, 270),
        *arc(19, 4, 4, 270, 360),
        *arc(19, 19, 4, 0, 90),
        *arc(4, 19, 4, 90, 180),
    ]
    # M25 23V4 a4 4 0 0 1 4-4 h15 a4 4 0 0 1 4 4 A19 19 0 0 1 29 23z
    blue_leaf = [
        (25, 23),
        *arc(29, 4, 4, 180, 270),
        *arc(44, 4, 4, 270, 360),
        *arc(29, 4, 19, 0, 90, steps=64),
    ]
    marigold_sun = arc(11.5, 36.5, 11.5, 0, 360, steps=96)
    # M25 48V29 a4 4 0 0 1 4-4 h15 a4 4 0 0 1 4 4 v15 a4 4 0 0 1-4 4z
    jade_tile = [
        (25, 48),
        *arc(29, 29, 4, 180, 270),
        *arc(44, 29, 4, 270, 360),
        *arc(44, 44, 4, 0, 90),
    ]
    pyramid = [(30, 42), (36, 31), (42, 42)]
    return [
        (ROSA, rosa_tile),
        (UNESCO, blue_leaf),
        (SOL, marigold_sun),
        (JADE, jade_tile),
        (PAPER, pyramid),
    ]


def draw_icon(size, share, background):
    big = size * OVERSAMPLE
    image = Image.new("RGBA", (big, big), background or (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    scale = big * share / 48
    offset = (big - 48 * scale) / 2
    for colour, points in mark_shapes():
        draw.polygon(
            [(offset + x * scale, offset + y * scale) for x, y in points], fill=colour
        )
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(folder):
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, size, share, background in ICONS:
        icon = draw_icon(size, share, background)
        if background:
            icon = icon.convert("RGB")
        icon.save(folder / name, optimize=True)
        print(f"{folder / name}: {size}×{size}")  # noqa: T201 - a developer's script


if __name__ == "__main__":
    write_icons(sys.argv[1] if len(sys.argv) > 1 else "iclc/static/img/icons")
