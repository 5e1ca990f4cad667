"""The conference's own data in templates: date ranges, the showcase teaser
and the conference document lists."""

from django import template
from django.utils import formats
from django.utils.translation import gettext, pgettext

from pages.models import ShowcaseProgrammePage

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
def showcase_programmes(context, limit=6):
    """The live showcase programmes of this site, in tree order."""
    request = context.get("request")
    programmes = (
        ShowcaseProgrammePage.objects.live()
        .select_related("image")
        .prefetch_related("image__renditions")
    )
    if request is not None:
        from wagtail.models import Site

        site = Site.find_for_request(request)
        if site is not None:
            programmes = programmes.descendant_of(site.root_page)
    return list(programmes.order_by("path")[:limit])


@register.simple_tag
def showcase_index(programmes):
    """The index page the programmes belong to (for the "see all" link)."""
    if not programmes:
        return None
    return programmes[0].get_parent().specific
