from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate, post_save, pre_save
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Conference pages")

    def ready(self):
        # Imported once the app registry is ready: these modules import models.
        from pages import signals
        from pages.content_generation import connect_signals
        from pages.editorial.editing import register_field_overrides
        from pages.editorial.roles import sync_after_migrate
        from pages.i18n import redirects
        from pages.i18n import status as translation_status
        from pages.printing import tasks as printing
        from pages.serving import frontend_cache

        # Any model with translated fields, whoever adds it later.
        pre_save.connect(
            translation_status.remember_sources, dispatch_uid="translation_sources_pre"
        )
        post_save.connect(
            translation_status.store_sources, dispatch_uid="translation_sources_post"
        )
        redirects.connect()
        signals.connect()
        connect_signals()
        # After the content generation's: the cache in front is purged once
        # the generation has moved on (pages/serving/frontend_cache.py).
        frontend_cache.connect_signals()
        # The printed editions are made again after content changes.
        printing.connect_signals()
        restore_translated_route()
        # Admin forms: times to the quarter hour, ASCII slugs
        # (pages/editorial/editing.py).
        register_field_overrides()

        # Keep the editorial roles complete after every migrate, including the
        # permissions of snippets added since the last one (pages/editorial/roles.py).
        post_migrate.connect(
            sync_after_migrate, sender=self, dispatch_uid="pages.sync_roles"
        )


def restore_translated_route():
    """Let every page type route with `BasePage.route` (two queries, whatever the
    depth) or, for routable pages, `RoutablePageMixin.route` before it.

    wagtail-modeltranslation sets its own `route` on each page class it
    registers, which walks the tree a level at a time; removed from our page
    types, they inherit the site's again. See `BasePage.route`.
    """
    # Imported here, not at the top: apps.py is loaded before the models.
    from pages.models import BasePage

    for model in apps.get_models():
        if issubclass(model, BasePage) and "route" in model.__dict__:
            delattr(model, "route")
