"""The conference's own data in templates: date ranges, the showcase teaser
and the conference document lists."""

from django import template
from django.utils import formats
from django.utils.translation import gettext, pgettext

from pages.image_sizes import rendition_prefetch
from pages.models import ShowcaseProgrammePage
from pages.templatetags.site_chrome import site_chrome

register = template.Library()


@register.filter
def date_range(start, end):
    """ "28–30 September 2015" / "28–30 de septiembre de 2015"."""
    if not start:
        return ""
    if not end or end == start:
        return formats.date_format(start, "DATE_FORMAT")
    if (start.year, start.month) == (end.year, end.month):
        first = formats.date_format(start, "j")
    elif start.year == end.year:
        first = formats.date_format(start, pgettext("day and month", "j F"))
    else:
        first = formats.date_format(start, "DATE_FORMAT")
    last = formats.date_format(end, "DATE_FORMAT")
    return gettext("%(first)s–%(last)s") % {"first": first, "last": last}


@register.simple_tag(takes_context=True)
def showcase_teaser(context, limit=6):
    """The site's showcase index and its first live programmes, in tree order."""
    index = site_chrome(context.get("request")).showcase
    if index is None:
        return {"index": None, "programmes": []}
    programmes = (
        ShowcaseProgrammePage.objects.child_of(index)
        .live()
        .select_related("image")
        .prefetch_related(rendition_prefetch("card", through="image"))
        .order_by("path")
    )
    return {"index": index, "programmes": list(programmes[:limit])}
