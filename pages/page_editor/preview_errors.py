"""A preview that fails to render says so in the admin (issue 21).

Wagtail previews a page by rendering it like the public site, so an exception in
its template or blocks showed editors the public "Something went wrong" page.
`BasePage.serve_in_preview_language` catches it, logs the traceback and answers
with `preview_failed`: an admin page naming the page type, the block at fault
when a block's rendering raised, and the error's message.
"""

import traceback

from django.template.response import TemplateResponse
from django.utils import translation

from wagtail.blocks import Block, StreamBlock
from wagtail.fields import StreamField
from wagtail.users.models import UserProfile


def failing_blocks(page, error):
    """(field, block): the StreamField of `page` and its block (as the editor
    lists them: the outermost, not a part of it) whose rendering raised `error`,
    read from the traceback's frames; None for each when no block was rendering
    (the page's own template raised)."""
    streams = {
        id(field.stream_block): field
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
    }
    field = block = None
    for frame in frames_outside_in(error):
        candidate = frame.f_locals.get("self")
        if isinstance(candidate, StreamBlock) and id(candidate) in streams:
            field = streams[id(candidate)]
        elif isinstance(candidate, Block) and candidate.name and block is None:
            block = candidate  # a named block (a field's own StreamBlock is not)
    return field, block


def frames_outside_in(error):
    """The frames `error` went through, outermost first. Django's template engine
    raises a new exception from the original at each template that includes
    another, so the deeper frames are those of the exceptions it came from."""
    while error is not None:
        for frame, _line in traceback.walk_tb(error.__traceback__):
            yield frame
        error = error.__cause__ or error.__context__


def admin_language(request):
    """The language the member of staff reads the admin in (the preview itself
    is rendered in the preview mode's language)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return translation.get_language()
    return UserProfile.get_for_user(user).get_preferred_language()


def preview_failed(request, page, error, mode_name):
    """The admin's answer to a preview whose rendering raised `error`."""
    field, block = failing_blocks(page, error)
    languages = dict(page.preview_modes)
    with translation.override(admin_language(request)):
        response = TemplateResponse(
            request,
            "pages/admin/preview_failed.html",
            {
                "page": page,
                "page_type": page._meta.verbose_name,
                "mode": languages.get(mode_name, mode_name),
                "failed_field": field.verbose_name if field else "",
                "failed_block": block.label if block else "",
                "error_type": type(error).__name__,
                "error_message": str(error),
            },
            status=500,
        )
        response.render()
    return response
