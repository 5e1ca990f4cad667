"""Keep derived data (search index, feed links) in step with what editors publish."""

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished, post_page_move

from pages import search
from pages.models import SearchEntry


def reindex_page(sender, instance, **kwargs):
    search.index_page(instance)


def forget_deleted_page(sender, instance, **kwargs):
    """Wagtail sends page_unpublished from pre_delete, so a live page being deleted
    is indexed again after its entries were collected for deletion; drop those
    entries, or the foreign key fails when the transaction commits."""
    from wagtail.models import Page

    if isinstance(instance, Page):
        SearchEntry.objects.filter(page_id=instance.pk).delete()


def reindex_document(sender, instance, **kwargs):
    search.index_document(instance)


FEED_LINKS_KEY = "press-feed-links:{site}:{language}"


def forget_feed_links(sender, instance=None, **kwargs):
    """The feed links in every page's head follow the newsroom's address."""
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


def connect():
    post_delete.connect(forget_deleted_page, dispatch_uid="search-page-deleted")
    for signal in (page_published, page_unpublished, post_page_move, post_delete):
        signal.connect(forget_feed_links, dispatch_uid=f"feed-links-{id(signal)}")
    page_published.connect(reindex_page, dispatch_uid="search-page-published")
    page_unpublished.connect(reindex_page, dispatch_uid="search-page-unpublished")
    post_save.connect(
        reindex_document,
        sender=get_document_model(),
        dispatch_uid="search-document-saved",
    )
