"""Values read from query strings and forms, checked before use."""

import re

# ASCII digits only: str.isdigit() also accepts "²", "①" or "١٢", which int()
# refuses or reads as another number. Nine digits at most fit any id here.
ID = re.compile(r"[0-9]{1,9}")


def parse_id(value):
    """`value` as a database id, or None when it is not one."""
    return int(value) if isinstance(value, str) and ID.fullmatch(value) else None
