"""Values worked out once per request: the cache generation, the site root paths,
the private sections' paths.

Each lives in the shared cache, and a page render asks for them many times (every
page URL, every listing); one cache round trip each per request is enough. The
memo exists only while this thread serves a request (between Django's
`request_started` and `request_finished`), so code outside requests (commands,
tests) always reads the cache. Any content change empties it at once
(`pages.cache.bump_generation`), so a request that publishes sees its own change.
"""

import threading

from django.core.signals import request_finished, request_started

_local = threading.local()


def start(**kwargs):
    _local.values = {}


def end(**kwargs):
    _local.values = None


def forget():
    values = getattr(_local, "values", None)
    if values:
        values.clear()


def memoized(key, compute):
    """`compute()`, once per request for `key`."""
    values = getattr(_local, "values", None)
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]


def connect():
    request_started.connect(start, dispatch_uid="pages.request_memo.start")
    request_finished.connect(end, dispatch_uid="pages.request_memo.end")
