from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    name = "pages"
    verbose_name = _("Conference pages")

    def ready(self):
        from pages import routing, signals
        from pages.cache import connect_signals

        signals.connect()
        connect_signals()
        routing.install()
