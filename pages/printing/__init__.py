"""Printed editions: the programme and the press kit as PDFs in each language,
made from the content when it is published (never in a visitor's request) and
stored for the pages' `….pdf` routes (pages/models/printed.py)."""
