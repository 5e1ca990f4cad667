"""The conference's own data in templates: date ranges, the showcase teaser
and the conference document lists."""

from django import template
from django.utils import formats
from django.utils.translation import gettext, pgettext

from wagtail.models import Site

from pages.models import ShowcaseIndexPage, ShowcaseProgrammePage

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
    request = context.get("request")
    indexes = ShowcaseIndexPage.objects.live()
    site = Site.find_for_request(request) if request is not None else None
    if site is not None:
        indexes = indexes.descendant_of(site.root_page)
    index = indexes.order_by("path").first()
    if index is None:
        return {"index": None, "programmes": []}
    programmes = (
        ShowcaseProgrammePage.objects.child_of(index)
        .live()
        .select_related("image")
        .prefetch_related("image__renditions")
        .order_by("path")
    )
    return {"index": index, "programmes": list(programmes[:limit])}
