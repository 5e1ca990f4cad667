"""Keep derived data (the search index, image renditions) in step with what
editors publish; give SQLite connections the search's folding function."""

from django.db.backends.signals import connection_created
from django.db.models.signals import post_delete, post_save

from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from pages.models import Organisation, Person, SearchEntry
from pages.renditions import tasks
from pages.search import index as search


def reindex_page(sender, instance, **kwargs):
    search.index_page(instance)


def forget_deleted_page(sender, instance, **kwargs):
    """Wagtail sends page_unpublished from pre_delete, so a live page being deleted
    is indexed again after its entries were collected for deletion; drop those
    entries, or the foreign key fails when the transaction commits."""
    if isinstance(instance, Page):
        SearchEntry.objects.filter(page_id=instance.pk).delete()


def reindex_document(sender, instance, **kwargs):
    search.index_document(instance)


def make_page_renditions(sender, instance, **kwargs):
    tasks.enqueue_page_renditions(instance)


def make_snippet_renditions(sender, instance, **kwargs):
    """A person's photo and an organisation's logo are shown on pages that are
    not published again when the snippet changes."""
    tasks.enqueue_object_renditions(instance)


def connect():
    connection_created.connect(
        search.register_sqlite_functions, dispatch_uid="search-sqlite-functions"
    )
    post_delete.connect(forget_deleted_page, dispatch_uid="search-page-deleted")
    page_published.connect(reindex_page, dispatch_uid="search-page-published")
    page_unpublished.connect(reindex_page, dispatch_uid="search-page-unpublished")
    page_published.connect(
        make_page_renditions, dispatch_uid="renditions-page-published"
    )
    for snippet in (Person, Organisation):
        post_save.connect(
            make_snippet_renditions,
            sender=snippet,
            dispatch_uid=f"renditions-{snippet._meta.label_lower}-saved",
        )
    post_save.connect(
        reindex_document,
        sender=get_document_model(),
        dispatch_uid="search-document-saved",
    )
