"""Signal receivers of the pages app, connected in `PagesConfig.ready`."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.signals import page_published, page_unpublished, post_page_move

FEED_LINKS_KEY = "press-feed-links:{site}:{language}"


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete)
def forget_feed_links(sender, instance=None, **kwargs):
    """The feed links of every page change with the newsroom's address."""
    from wagtail.models import Site

    from pages.models import PressReleaseIndexPage

    if not isinstance(instance, PressReleaseIndexPage):
        return
    cache.delete_many(
        [
            FEED_LINKS_KEY.format(site=site_id, language=language)
            for site_id in Site.objects.values_list("pk", flat=True)
            for language, _name in settings.LANGUAGES
        ]
    )
