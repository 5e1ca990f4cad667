"""Site search: the bilingual full-text index of pages and documents in
PostgreSQL (on SQLite, words folded for case and accents and matched at their
start), and the query behind the search page."""
