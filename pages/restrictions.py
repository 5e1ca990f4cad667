"""Private sections without a query per page.

Wagtail asks the database for view restrictions on every page it serves, and
`PageQuerySet.public()` loads every restriction again for each listing. The
site's restrictions are few and change only when an editor changes privacy, so
their paths are kept in the cache under the page-cache generation (which any
content change moves on) and the usual case, a page in no private section,
costs no query at all.
"""

from functools import reduce
from operator import or_

from django.db.models import Q

from pages.cache import per_generation


def restricted_paths():
    """Tree paths of the pages that carry a view restriction (once per request)."""
    return per_generation("view-restrictions", load_paths)


def load_paths():
    from wagtail.models import PageViewRestriction

    return sorted(
        PageViewRestriction.objects.values_list("page__path", flat=True).distinct()
    )


def is_restricted(path):
    """Whether a page with this tree path is inside a private section."""
    return any(path.startswith(prefix) for prefix in restricted_paths())


def public(pages):
    """`pages.public()`, with no query when no section of the site is private."""
    paths = restricted_paths()
    if not paths:
        return pages
    return pages.exclude(reduce(or_, (Q(path__startswith=path) for path in paths)))
