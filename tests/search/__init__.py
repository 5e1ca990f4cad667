"""Site search in each language."""
