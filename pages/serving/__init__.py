"""The request path for visitors: the page cache in front of everything, and
compression of what it stores. Nothing else in the site imports this package;
it learns of content changes through the content generation
(pages/content_generation.py)."""
