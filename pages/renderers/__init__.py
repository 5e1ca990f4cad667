"""Objects a page hands over, turned into bytes or dicts: the press feeds (RSS,
Atom), iCalendar files, schema.org JSON-LD and day headings. Renderers import no
model and make no query of their own, so a page's route can call them."""
