"""Admin registrations: snippet viewsets and menu groups."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages.models import ConferenceDocument, ContactOffice, Organisation, Person


class OrganisationViewSet(SnippetViewSet):
    """Organisers, hosting institutions and partners (footer and home page)."""

    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    list_display = ["name", "acronym", "role", "sort_order"]
    list_filter = ["role"]
    search_fields = ["name_en", "name_es", "acronym"]
    ordering = ["role", "sort_order"]


class ContactOfficeViewSet(SnippetViewSet):
    """The offices in Mexico City and Hamburg (footer and home page)."""

    model = ContactOffice
    icon = "mail"
    menu_label = _("Contact offices")
    list_display = ["name", "institution", "city", "sort_order"]
    ordering = ["sort_order"]


class ConferenceDocumentViewSet(SnippetViewSet):
    """Official documents with an English and a Spanish file."""

    model = ConferenceDocument
    icon = "doc-full-inverse"
    menu_label = _("Conference documents")
    list_display = ["title", "document_type", "file_en", "file_es", "sort_order"]
    list_filter = ["document_type"]
    ordering = ["sort_order"]


class PersonViewSet(SnippetViewSet):
    """Chairs and speakers, chosen on sessions."""

    model = Person
    icon = "user"
    menu_label = _("People")
    list_display = ["name", "role", "organisation"]
    search_fields = ["name"]


class ConferenceViewSetGroup(SnippetViewSetGroup):
    """One admin menu item for the conference's non-page content."""

    menu_label = _("Conference")
    menu_icon = "site"
    menu_order = 300
    items = (
        OrganisationViewSet,
        ContactOfficeViewSet,
        ConferenceDocumentViewSet,
        PersonViewSet,
    )


register_snippet(ConferenceViewSetGroup)
