"""Admin registrations: snippet viewsets and menu groups."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from pages.models import Person


class PersonViewSet(SnippetViewSet):
    """Chairs and speakers, chosen on sessions."""

    model = Person
    icon = "user"
    menu_label = _("People")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "role", "organisation"]
    search_fields = ["name"]


register_snippet(PersonViewSet)
