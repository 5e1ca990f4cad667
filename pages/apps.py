from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Conference pages")

    def ready(self):
        from pages import signals
        from pages.roles import sync_after_migrate

        signals.connect()

        # Keep the editorial roles complete after every migrate, including the
        # permissions of snippets added since the last one (pages/roles.py).
        post_migrate.connect(
            sync_after_migrate, sender=self, dispatch_uid="pages.sync_roles"
        )
