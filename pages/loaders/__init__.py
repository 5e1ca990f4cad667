"""Builders of the 2015 conference content, one module per page family.

`load_iclc_content` first builds the home page (`home.load`), then runs each of
`LOADERS` in order with it. Every loader is idempotent: a second run changes nothing.
"""

from . import media, people, press, programme, showcase, site

LOADERS = [
    site.load,
    showcase.load,
    programme.load,
    # Media before press: press releases show photos from the day's gallery.
    media.load,
    press.load,
    # The contact and speakers pages, linked from the footer.
    people.load,
]
