"""Keep derived data (the search index) in step with what editors publish."""

from django.db.models.signals import post_save

from wagtail.documents import get_document_model
from wagtail.signals import page_published, page_unpublished

from pages import search


def reindex_page(sender, instance, **kwargs):
    search.index_page(instance)


def reindex_document(sender, instance, **kwargs):
    search.index_document(instance)


def connect():
    page_published.connect(reindex_page, dispatch_uid="search-page-published")
    page_unpublished.connect(reindex_page, dispatch_uid="search-page-unpublished")
    post_save.connect(
        reindex_document,
        sender=get_document_model(),
        dispatch_uid="search-document-saved",
    )
