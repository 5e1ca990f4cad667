"""Programme pieces shown outside the programme page: the home page teaser."""

from django import template

from pages.models import ProgrammePage

register = template.Library()


@register.inclusion_tag("pages/tags/programme_teaser.html", takes_context=True)
def programme_teaser(context):
    """The programme by day, each day linking to its own page."""
    home = context.get("page")
    if hasattr(home, "programme_and_sessions"):
        programme, sessions = home.programme_and_sessions
    else:
        programme = ProgrammePage.objects.live().first()
        sessions = list(programme.get_sessions()) if programme else []
    days = []
    if programme is not None:
        programme.mark_now_next(sessions)
        days = programme.group_by_day(sessions)
    return {"programme": programme, "days": days, "request": context.get("request")}
