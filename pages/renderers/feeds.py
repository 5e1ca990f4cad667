"""RSS 2.0 and Atom feeds of the press releases, one per language.

The press release index serves them at `feed/rss/` and `feed/atom/` below its own
URL, so `/en/…/feed/rss/` lists English items and `/es/…/feed/rss/` Spanish ones.
The index hands the feed its releases, their images' enclosure rendition
prefetched: the feed makes no query of its own.
"""

from django.contrib.syndication.views import Feed
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import gettext as _

from pages.image_sizes import ENCLOSURE_RENDITION


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
        # One stable identifier per release and language, whatever its slug becomes.
        host = self.request.get_host().split(":")[0]
        return f"tag:{host},2015:press-release/{item.pk}/{translation.get_language()}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.release_date

    def item_updateddate(self, item):
        return item.last_published_at or item.release_date

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
