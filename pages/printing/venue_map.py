"""A small map of the venues, drawn as SVG from their coordinates.

No tiles and no map service: the printed programme shows where the venues lie
relative to each other (numbered as in its list of venues), which way is north
and how far apart they are, from the latitude and longitude editors enter.
"""

import math

from django.utils.html import escape
from django.utils.safestring import mark_safe

EARTH_RADIUS_M = 6_371_000
# Lengths a scale bar may show, in metres.
SCALE_STEPS = (50, 100, 200, 250, 500, 1000, 2000, 5000, 10_000, 20_000)
# The site's colours (iclc/static/css/site.css) as attributes: WeasyPrint draws
# an SVG from its own attributes, not from the page's stylesheet.
GROUND, GRID, ROSA, NIGHT, MUTED = "#f6f4f7", "#e4e0e8", "#e4007c", "#0b2545", "#5b5b66"
FONT = 'font-family="Montserrat" font-weight="700"'


def project(points):
    """(x, y) in metres east and south of the points' centre (equirectangular:
    exact enough across a city)."""
    lat0 = sum(lat for lat, _lon in points) / len(points)
    lon0 = sum(lon for _lat, lon in points) / len(points)
    k = math.pi / 180 * EARTH_RADIUS_M
    return [
        ((lon - lon0) * k * math.cos(math.radians(lat0)), (lat0 - lat) * k)
        for lat, lon in points
    ]


def scale_length(metres_across):
    """The longest round length that fits in a quarter of the map's width."""
    fitting = [step for step in SCALE_STEPS if step <= metres_across / 4]
    return fitting[-1] if fitting else SCALE_STEPS[0]


def format_length(metres):
    return f"{metres // 1000} km" if metres >= 1000 else f"{metres} m"


def venue_map_svg(venues, title, width=480, height=190, margin=40):
    """An SVG map of `venues`, a list of (number, name, latitude, longitude).

    `title` names the map for screen readers and tagged PDF. Markers carry the
    venue's number; names stand beside them, on the side facing the map's
    middle. One scale for both axes keeps distances and directions true.
    """
    if not venues:
        return ""
    xy = project([(float(lat), float(lon)) for _n, _name, lat, lon in venues])
    xs, ys = [x for x, _y in xy], [y for _x, y in xy]
    spread_x = max(max(xs) - min(xs), 1)
    spread_y = max(max(ys) - min(ys), 1)
    scale = min((width - 2 * margin) / spread_x, (height - 2 * margin) / spread_y)
    centre_x, centre_y = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    placed = [
        (width / 2 + (x - centre_x) * scale, height / 2 + (y - centre_y) * scale)
        for x, y in xy
    ]
    bar_m = scale_length(width / scale)
    bar = bar_m * scale
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="venue-map" role="img" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" rx="6" fill="{GROUND}"/>',
    ]
    # Faint lines a scale length apart, like a street grid: a sense of distance.
    lines = [(i * bar, 0, i * bar, height) for i in range(1, int(width / bar) + 1)]
    lines += [(0, i * bar, width, i * bar) for i in range(1, int(height / bar) + 1)]
    parts += [
        f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
        f'stroke="{GRID}" stroke-width="0.8"/>'
        for x1, y1, x2, y2 in lines
    ]
    if len(placed) > 1:
        path = " L ".join(f"{x:.1f} {y:.1f}" for x, y in placed)
        parts.append(
            f'<path d="M {path}" fill="none" stroke="{ROSA}" stroke-width="1.5" '
            'stroke-dasharray="4 3"/>'
        )
    for (number, name, _lat, _lon), (x, y) in zip(venues, placed, strict=True):
        anchor, dx = ("end", -15) if x > width / 2 else ("start", 15)
        parts += [
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="10" fill="{ROSA}" '
            'stroke="#ffffff" stroke-width="2"/>',
            f'<text x="{x:.1f}" y="{y + 3.8:.1f}" text-anchor="middle" {FONT} '
            f'font-size="10" fill="#ffffff">{number}</text>',
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" {FONT} '
            f'font-size="11.5" fill="{NIGHT}">{escape(name)}</text>',
        ]
    # North arrow (top right) and scale bar (bottom left).
    nx = width - 22
    parts += [
        f'<path d="M {nx} 12 L {nx + 7} 30 L {nx} 26 L {nx - 7} 30 Z" fill="{NIGHT}"/>',
        f'<text x="{nx}" y="44" text-anchor="middle" {FONT} font-size="10" '
        f'fill="{NIGHT}">N</text>',
        f'<path d="M 16 {height - 22} v 6 h {bar:.1f} v -6" fill="none" '
        f'stroke="{NIGHT}" stroke-width="1.2"/>',
        f'<text x="{16 + bar / 2:.1f}" y="{height - 26}" text-anchor="middle" '
        f'{FONT} font-size="9" fill="{MUTED}">{format_length(bar_m)}</text>',
        "</svg>",
    ]
    return mark_safe("\n".join(parts))  # every text in it is escaped above
