"""What pages hand out besides HTML: feeds, calendars, the <head> and its JSON-LD."""
