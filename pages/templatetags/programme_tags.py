"""Programme pieces shown outside the programme page: the home page teaser."""

from django import template

from pages.templatetags.site_chrome import site_chrome

register = template.Library()


@register.inclusion_tag("pages/tags/programme_teaser.html", takes_context=True)
def programme_teaser(context):
    """The programme by day, each day linking to its own page."""
    programme = site_chrome(context.get("request")).programme
    # Times and titles only: no speakers to prefetch.
    sessions = (
        list(programme.get_sessions().prefetch_related(None)) if programme else []
    )
    days = []
    if programme is not None:
        programme.mark_now_next(sessions)
        days = programme.group_by_day(sessions)
    return {"programme": programme, "days": days, "request": context.get("request")}
