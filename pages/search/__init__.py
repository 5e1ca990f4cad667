"""Site search: the bilingual full-text index of pages and documents in
PostgreSQL (a simple substring search elsewhere), and the query behind the
search page."""
