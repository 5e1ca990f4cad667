"""Keep derived data (the search index) in step with what editors publish."""

from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from pages import search
from pages.models import SearchEntry


def reindex_page(sender, instance, **kwargs):
    search.index_page(instance)


def reindex_document(sender, instance, **kwargs):
    search.index_document(instance)


def forget_page(sender, instance, **kwargs):
    """Deleting a live page sends `page_unpublished` from Wagtail's `pre_delete`
    handler, which indexes the page again after Django collected what cascades;
    those entries would break the foreign key at commit."""
    if isinstance(instance, Page):
        SearchEntry.objects.filter(page_id=instance.pk).delete()


def connect():
    page_published.connect(reindex_page, dispatch_uid="search-page-published")
    page_unpublished.connect(reindex_page, dispatch_uid="search-page-unpublished")
    post_delete.connect(forget_page, dispatch_uid="search-page-deleted")
    post_save.connect(
        reindex_document,
        sender=get_document_model(),
        dispatch_uid="search-document-saved",
    )
