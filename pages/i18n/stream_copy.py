"""Copy a StreamField's content from one language to the other in the editor.

wagtail-modeltranslation puts "Copy content from: en / es" buttons on the panels
of the Content tab and asks its own view, at `copy_translation_content/` below
the editor's address, for the target field's editor filled with the source's
blocks. Two things made no sense to editors:

- its script takes any panel's name for "<field>_<language>", so a gallery's
  "photos" (no language at all) offered both languages, and the copy failed;
- its view checks neither the user's permission nor its input (a 500 for a
  malformed request, none for another user's page), and on a new page its
  address does not exist.

Here `copy_stream_content` answers at the same addresses, before the package's
view (pages/wagtail_hooks.py): only for a user who may edit the page (or add
it), only between the languages of one translated StreamField, 400 otherwise.
`editor_script` removes the buttons from every other panel, names the languages
in the admin's language and asks before a copy replaces blocks.
"""

import json

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseBadRequest, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext
from django.views.decorators.http import require_POST

from modeltranslation.translator import NotRegistered, translator
from wagtail.fields import StreamField
from wagtail.models import Page


def translated_stream_fields(model):
    """{column: field name} of `model`'s translated StreamFields ("body_es": "body")."""
    try:
        options = translator.get_options_for_model(model)
    except NotRegistered:
        return {}
    return {
        column.name: name
        for name, columns in options.all_fields.items()
        if isinstance(model._meta.get_field(name), StreamField)
        for column in columns
    }


def copied_blocks(request, model):
    """The target column's editor HTML holding the source column's blocks, or a
    400 naming what is wrong with the request."""
    origin = request.POST.get("origin_field_name", "")
    target = request.POST.get("target_field_name", "")
    fields = translated_stream_fields(model)
    if origin == target or fields.get(origin) is None:
        return HttpResponseBadRequest("No translated StreamField to copy from.")
    if fields.get(target) != fields[origin]:
        return HttpResponseBadRequest("No translation of that field to copy to.")
    try:
        items = json.loads(request.POST.get("serializedOriginField", ""))
        # The source field's inputs as jQuery's serializeArray() lists them.
        pairs = [(str(item["name"]), str(item["value"])) for item in items]
    except (ValueError, TypeError, KeyError):
        return HttpResponseBadRequest("The source field's content is malformed.")

    data = QueryDict(mutable=True)
    for name, value in pairs:
        if name == origin or name.startswith(origin + "-"):
            data.appendlist(target + name[len(origin) :], value)
    field = model._meta.get_field(target)
    try:
        value = field.stream_block.value_from_datadict(data, {}, target)
    except (ValueError, TypeError, KeyError, IndexError):
        return HttpResponseBadRequest("The source field's content is malformed.")
    return JsonResponse(field.formfield().widget.render(target, value), safe=False)


@require_POST
def copy_stream_content(request, page_id):
    """The copy for the editor of an existing page."""
    page = get_object_or_404(Page, pk=page_id).specific_deferred
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return copied_blocks(request, type(page))


@require_POST
def copy_stream_content_on_add(request, app_label, model_name, parent_page_id):
    """The copy for the form of a new page (the package has no view there)."""
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    except ContentType.DoesNotExist as missing:
        raise Http404 from missing
    model = content_type.model_class()
    if model is None or not issubclass(model, Page):
        raise Http404
    parent = get_object_or_404(Page, pk=parent_page_id).specific_deferred
    if not parent.permissions_for_user(request.user).can_add_subpage():
        raise PermissionDenied
    return copied_blocks(request, model)


def editor_script():
    """The editor's script that keeps the package's copy buttons only where a
    copy makes sense, with their labels in the admin's language."""
    languages = {code: gettext(name) for code, name in settings.LANGUAGES}
    return format_html(
        '<script src="{}" data-label="{}" data-languages="{}" data-confirm="{}">'
        "</script>",
        static("pages/admin/copy_content.js"),
        gettext("Copy content from"),
        json.dumps(languages),
        gettext(
            "Replace what this field holds with a copy of the other language's content?"
        ),
    )
