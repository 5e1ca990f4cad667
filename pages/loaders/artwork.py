"""Illustrations drawn with Pillow for the pictures the 2015 site had and we don't.

Each motif is a flat, poster-like composition in the site's palette, different
enough from the others that no two pages look alike. Drawing is deterministic
(seeded by the image key), so a reload draws the same picture.
"""

import math
import random

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 1600, 900
PALETTES = {
    "magenta": ["#b0005a", "#7a1b8c", "#005a9e", "#ffd23f", "#ffffff"],
    "green": ["#00716b", "#3ba55c", "#cfe8a9", "#ffd23f", "#ffffff"],
    "rainbow": ["#e40303", "#ff8c00", "#ffed00", "#008026", "#004dff", "#750787"],
    "gold": ["#14213d", "#2b4c7e", "#fca311", "#e5e5e5", "#ffffff"],
    "sun": ["#ff6b35", "#f7c59f", "#2ec4b6", "#011627", "#ffffff"],
    "chili": ["#9b2226", "#ca6702", "#ee9b00", "#0a9396", "#e9d8a6"],
    "red": ["#8d0801", "#bf0603", "#f4d58d", "#001427", "#ffffff"],
    "blue": ["#005a9e", "#0a9396", "#94d2bd", "#e9d8a6", "#ffffff"],
}


def _gradient(top, bottom):
    base = Image.new("RGB", (WIDTH, HEIGHT), top)
    overlay = Image.new("RGB", (WIDTH, HEIGHT), bottom)
    mask = Image.linear_gradient("L").resize((WIDTH, HEIGHT))
    return Image.composite(overlay, base, mask)


def _skyline(draw, rng, colour, base_y, max_height, step=(40, 110)):
    x = 0
    while x < WIDTH:
        width = rng.randint(*step)
        height = rng.randint(max_height // 3, max_height)
        draw.rectangle([x, base_y - height, x + width, HEIGHT], fill=colour)
        if rng.random() < 0.3:  # a dome or a spire now and then
            draw.pieslice(
                [
                    x,
                    base_y - height - width // 2,
                    x + width,
                    base_y - height + width // 2,
                ],
                180,
                360,
                fill=colour,
            )
        x += width + rng.randint(0, 12)


def city(rng, palette):
    """Sunrise over a skyline with the Angel of Independence column: the hero."""
    image = _gradient(palette[0], palette[2])
    draw = ImageDraw.Draw(image)
    draw.ellipse([1040, 160, 1420, 540], fill=palette[3])
    _skyline(draw, rng, palette[1], 720, 380)
    draw.rectangle([760, 260, 790, 720], fill=palette[4])  # the column
    draw.polygon([(745, 260), (805, 260), (775, 190)], fill=palette[3])
    _skyline(draw, rng, "#1d1d22", 900, 220, step=(60, 160))
    return image


def network(rng, palette):
    """Points joined into a network: a city whose sectors learn together."""
    image = _gradient(palette[0], palette[1])
    draw = ImageDraw.Draw(image)
    points = [
        (rng.randint(80, WIDTH - 80), rng.randint(80, HEIGHT - 80)) for _ in range(34)
    ]
    for i, (x1, y1) in enumerate(points):
        for x2, y2 in points[i + 1 :]:
            if math.dist((x1, y1), (x2, y2)) < 330:
                draw.line([x1, y1, x2, y2], fill=palette[2], width=3)
    for index, (x, y) in enumerate(points):
        radius = rng.randint(12, 34)
        colour = palette[3] if index % 4 == 0 else palette[4]
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill=colour)
    return image


def bicycles(rng, palette):
    """Rows of shared bicycles: wheels, frames, a docking rail."""
    image = _gradient(palette[2], palette[4])
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 700, WIDTH, HEIGHT], fill=palette[0])
    for column in range(6):
        x = 90 + column * 250
        y = 610
        for dx in (0, 150):
            draw.ellipse(
                [x + dx - 70, y - 70, x + dx + 70, y + 70], outline="#1d1d22", width=12
            )
        frame = [(x, y), (x + 60, y - 110), (x + 150, y), (x + 75, y), (x, y)]
        draw.line(frame, fill=palette[1], width=14, joint="curve")
        draw.line([(x + 60, y - 110), (x + 50, y - 150)], fill="#1d1d22", width=10)
        draw.line([(x + 25, y - 160), (x + 80, y - 145)], fill="#1d1d22", width=10)
        draw.rectangle([x + 70, y + 60, x + 90, y + 110], fill=palette[3])
    return image


def stripes(rng, palette):
    """Rainbow bands that bend like a banner: the city of rights."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "#ffffff")
    draw = ImageDraw.Draw(image)
    band = HEIGHT // len(palette)
    for index, colour in enumerate(palette):
        top = index * band
        points = []
        for x in range(0, WIDTH + 20, 20):
            offset = 40 * math.sin(x / 260 + index * 0.2)
            points.append((x, top + offset))
        for x in range(WIDTH, -20, -20):
            offset = 40 * math.sin(x / 260 + index * 0.2)
            points.append((x, top + band + offset + 2))
        draw.polygon(points, fill=colour)
    for _ in range(12):  # hearts of light
        x, y, r = rng.randint(100, 1500), rng.randint(100, 800), rng.randint(18, 40)
        draw.ellipse([x - r, y - r, x + r, y + r], fill="#ffffff")
    return image.filter(ImageFilter.SMOOTH)


def towers(rng, palette):
    """Glass towers along a boulevard and a rising chart line: prosperity."""
    image = _gradient(palette[0], palette[1])
    draw = ImageDraw.Draw(image)
    x = 60
    while x < WIDTH - 60:
        width = rng.randint(90, 170)
        top = rng.randint(140, 520)
        draw.rectangle([x, top, x + width, HEIGHT], fill=palette[1])
        for wy in range(top + 20, HEIGHT, 36):
            for wx in range(x + 14, x + width - 14, 28):
                if rng.random() < 0.55:
                    draw.rectangle([wx, wy, wx + 14, wy + 20], fill=palette[3])
        x += width + 30
    line = [(0, 760)]
    for step in range(1, 9):
        line.append((step * 200, 760 - step * 70 - rng.randint(-30, 30)))
    draw.line(line, fill=palette[2], width=16, joint="curve")
    return image


def school(rng, palette):
    """Children's drawings: apples, a ball, a paintbrush stroke, a sun."""
    image = Image.new("RGB", (WIDTH, HEIGHT), palette[1])
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 640, WIDTH, HEIGHT], fill=palette[2])
    draw.ellipse([1220, 80, 1460, 320], fill=palette[0])
    for index in range(5):  # apples
        x = 140 + index * 190
        draw.ellipse([x, 470, x + 130, 600], fill="#c1121f")
        draw.line([(x + 65, 470), (x + 75, 430)], fill="#432818", width=8)
        draw.ellipse([x + 75, 420, x + 115, 450], fill="#3ba55c")
    draw.ellipse([1150, 500, 1330, 680], fill=palette[4], outline=palette[3], width=10)
    paints = ["#7a1b8c", palette[2], palette[0]]
    for stroke, colour in enumerate(paints):  # three brush strokes of paint
        for offset in range(0, 300, 12):
            x = 160 + offset * 3
            y = 120 + stroke * 90 + int(30 * math.sin(offset / 40))
            draw.ellipse([x, y, x + 90, y + 60], fill=colour)
    return image


def food(rng, palette):
    """A table seen from above: plates, tortillas, chillies and limes."""
    image = Image.new("RGB", (WIDTH, HEIGHT), palette[4])
    draw = ImageDraw.Draw(image)
    for row in range(0, HEIGHT, 90):  # a woven tablecloth
        draw.rectangle([0, row, WIDTH, row + 40], fill="#f2e4c4")
    for row in range(2):  # plates laid out on the table, slightly askew
        for column in range(4):
            x = 230 + column * 380 + rng.randint(-30, 30)
            y = 240 + row * 420 + rng.randint(-30, 30)
            r = rng.randint(120, 150)
            box = [x - r, y - r, x + r, y + r]
            draw.ellipse(box, fill="#ffffff", outline=palette[3], width=10)
            inner = [x - r + 30, y - r + 30, x + r - 30, y + r - 30]
            draw.ellipse(inner, fill=palette[2])
            start = rng.randint(0, 360)
            filling = [x - r + 45, y - r + 45, x + r - 45, y + r - 45]
            draw.pieslice(filling, start, start + 200, fill=palette[0])
    for _ in range(10):  # chillies and limes
        x, y = rng.randint(40, 1560), rng.randint(40, 860)
        if rng.random() < 0.5:
            draw.ellipse([x, y, x + 90, y + 30], fill=palette[0])
        else:
            draw.ellipse([x, y, x + 50, y + 50], fill="#3ba55c")
    return image


def temple(rng, palette):
    """A three-tiered round temple roof at dusk: the poster for Beijing 2013."""
    image = _gradient(palette[0], palette[3])
    draw = ImageDraw.Draw(image)
    draw.ellipse([1180, 110, 1400, 330], fill=palette[2])
    centre = WIDTH // 2
    for width, top in [(560, 560), (420, 420), (280, 290)]:
        draw.polygon(
            [
                (centre - width // 2 - 40, top + 70),
                (centre + width // 2 + 40, top + 70),
                (centre, top),
            ],
            fill="#123c69",
        )
        draw.rectangle(
            [centre - width // 2, top + 70, centre + width // 2, top + 140],
            fill=palette[1],
        )
        for column in range(centre - width // 2 + 20, centre + width // 2, 50):
            draw.rectangle([column, top + 80, column + 14, top + 140], fill=palette[2])
    draw.polygon(
        [(centre - 20, 290), (centre + 20, 290), (centre, 220)], fill=palette[2]
    )
    draw.rectangle([centre - 420, 700, centre + 420, 760], fill="#e5e5e5")
    draw.rectangle([0, 760, WIDTH, HEIGHT], fill=palette[3])
    return image


MOTIFS = {
    "city": city,
    "network": network,
    "bicycles": bicycles,
    "stripes": stripes,
    "towers": towers,
    "school": school,
    "food": food,
    "temple": temple,
}


def draw(key, motif, palette, seed):
    """Draw the illustration `key` with `motif` in `palette` (names from above)."""
    rng = random.Random(seed)
    return MOTIFS[motif](rng, PALETTES[palette]).convert("RGB")
