"""The content generation: one counter that any change to published content moves on.

Whatever is derived from content and kept in the cache (whole pages for
anonymous visitors, the site chrome, the home page's teasers) records the
generation it was built under; a value of another generation is stale. Any write
to content (any model outside `NOT_CONTENT_APPS`/`NOT_CONTENT_MODELS`) bumps the
counter, right away and again when the transaction commits, so nothing needs to
know which page shows what, and a value built from data read before the commit
is never served after it. The counter starts at the current time in
nanoseconds, so a counter lost to an eviction or a cache restart never comes
back to a value old entries carry.

The page cache (pages/serving/cache.py) reads the counter with its entry in one
round trip; `per_generation` does the same for any other value.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import Signal

from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.signals import (
    page_published,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)

GENERATION_KEY = "pagecache:generation"

# Sent whenever content changes, after the generation moved on: what keeps
# copies of pages outside this process (the HTTP cache in front) listens to it.
content_invalidated = Signal()

# Writes to these models change nothing an anonymous visitor sees: they happen on
# every login, every admin click, every draft or while rendering a page.
NOT_CONTENT_APPS = {
    "admin",
    "auth",
    "axes",
    "contenttypes",
    "modelsearch",
    "sessions",
    "wagtailsearch",
    "wagtailusers",
}
NOT_CONTENT_MODELS = {
    "pages.siterendition",
    "wagtailadmin.editingsession",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.referenceindex",
    "wagtailcore.revision",
    "wagtailcore.taskstate",
    "wagtailcore.uploadedfile",
    "wagtailcore.workflowstate",
    "wagtaildocs.uploadeddocument",
    "wagtailembeds.embed",
    "wagtailimages.rendition",
    "wagtailimages.uploadedimage",
}


def current_generation(value=None):
    """The counter, started at the current time when the cache has none."""
    if value is not None:
        return value
    cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
    return cache.get(GENERATION_KEY) or 0


def per_generation(key, build):
    """`build()`'s value, kept in the cache for the current generation.

    For data derived from content (the site chrome, private paths, the
    conference documents): any content change moves the generation on and makes
    the old value stale. What changes with the clock alone (the programme's
    "now" and "next") is at most `PAGE_CACHE_SECONDS` old, as cached pages are.
    The counter and the value are read in one round trip. Values are pickled:
    the cache's key prefix names the release (settings), so a deploy never
    reads what older code stored.
    """
    key = f"pagecache:value:{key}"
    found = cache.get_many([GENERATION_KEY, key])
    generation = current_generation(found.get(GENERATION_KEY))
    entry = found.get(key)
    if isinstance(entry, tuple) and entry[0] == generation:
        return entry[1]
    value = build()
    cache.set(key, (generation, value), max(settings.PAGE_CACHE_SECONDS, 60))
    return value


def bump_generation():
    """Make every cached page stale."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no counter yet: any fresh value will do
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)


def invalidate():
    """Bump now (this process may render next) and once the data is committed."""
    bump_generation()
    transaction.on_commit(bump_generation)
    content_invalidated.send(sender=None)


def is_content(model):
    meta = model._meta
    return (
        meta.app_label not in NOT_CONTENT_APPS
        and meta.label_lower not in NOT_CONTENT_MODELS
    )


def content_changed(sender, **kwargs):
    # `settings.pages.X` in a template creates a missing settings row with its
    # defaults while rendering: the page shows the same either way, and bumping
    # then would waste the render. Editors' saves update the row (created=False).
    if kwargs.get("created") and issubclass(
        sender, (BaseSiteSetting, BaseGenericSetting)
    ):
        return
    if is_content(sender):
        invalidate()


def tree_changed(sender, **kwargs):
    invalidate()


def connect_signals():
    """Called from `PagesConfig.ready()`."""
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(content_changed, dispatch_uid=f"pagecache-{id(signal)}")
    # Moves and (un)publishing also update rows with querysets, which send no
    # post_save for descendants: listen to Wagtail's own signals as well.
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(tree_changed, dispatch_uid=f"pagecache-{id(signal)}")
    for signal in (published, unpublished):
        signal.connect(tree_changed, dispatch_uid=f"pagecache-{id(signal)}")
