"""The conference site: page types and everything around them, in parts with
one job each (docs/architecture.md has the picture and who may import whom;
`lint-imports` checks it).

- models/: page types, snippets, images, settings (the bottom of the site);
  blocks.py, renderers/ and page_editor/ below them, image_sizes.py, query_values.py and
  content_generation.py below everything;
- serving/, i18n/, editorial/, search/, renditions/, sitemaps.py,
  templatetags/, loaders/, translation.py: the parts, independent of each
  other;
- apps.py, wagtail_hooks.py, views.py, signals.py, management/: the wiring
  that registers the parts with Django and Wagtail.
"""
