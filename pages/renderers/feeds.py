"""RSS 2.0 and Atom feeds of the press releases, one per language.

The press release index serves them at `feed/rss/` and `feed/atom/` below its own
URL, so `/en/…/feed/rss/` lists English items and `/es/…/canal/rss/` Spanish ones.
The index hands the feed its releases, their images' enclosure rendition
prefetched: the feed makes no query of its own.

Dates are Mexico City time, as the releases were dated; ids are tag URIs
(RFC 4151) that no host name or slug enters, so a reader sees the same entry
whichever address it reads the feed at.
"""

from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from pages.image_sizes import ENCLOSURE_RENDITION

# The feeds' ids: the conference's organiser's domain on the year the
# conference's releases were first published. Never to change: readers would
# see every release as new.
TAG_PREFIX = "tag:uil.unesco.org,2015:iclc2015"


def local_time(moment):
    return moment.astimezone(ZoneInfo(settings.TIME_ZONE))


class PressReleaseRssFeed(Feed):
    """The latest releases of one press release index, in the active language."""

    feed_type = Rss201rev2Feed

    def __init__(self, index_page, releases):
        super().__init__()
        self.index_page = index_page
        self.releases = releases

    def get_object(self, request, *args, **kwargs):
        self.request = request
        return self.index_page

    def title(self, index):
        return _("ICLC 2015: %(title)s") % {"title": index.title}

    def link(self, index):
        return index.get_url(self.request)

    def feed_guid(self, index):
        return f"{TAG_PREFIX}:press-releases/{translation.get_language()}"

    def description(self, index):
        return index.intro or _(
            "Press releases of the 2nd International Conference on Learning Cities."
        )

    def items(self, index):
        return self.releases

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        # One identifier per release and language, whatever its slug or host.
        language = translation.get_language()
        return f"{TAG_PREFIX}:press-release/{item.translation_key}/{language}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return local_time(item.release_date)

    def item_updateddate(self, item):
        """Its release date, or when it was corrected after it first went out.
        Publishing it the first time is no change (the content loader published
        every 2015 release on the day it ran), so the feed's `updated` is its
        latest entry's, not the day the site was built."""
        first, last = item.first_published_at, item.last_published_at
        if first and last and last > first and last > item.release_date:
            return local_time(last)
        return local_time(item.release_date)

    def item_enclosures(self, item):
        if item.featured_image is None:
            return []
        rendition = item.featured_image.get_rendition(ENCLOSURE_RENDITION)
        try:
            length = rendition.file.size
        except OSError:
            return []
        return [
            Enclosure(
                self.request.build_absolute_uri(rendition.url),
                str(length),
                "image/jpeg",
            )
        ]


class PressReleaseAtomFeed(PressReleaseRssFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
