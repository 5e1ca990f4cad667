"""Rules a page must meet to go live, whichever way it is published."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

PUBLISH_WITHOUT_TITLE = _(
    "A page cannot be published without a Spanish title: the Spanish site would "
    "show its English title. Write the Spanish title, or save a draft."
)


def untitled_languages(values):
    """The site languages whose title is empty in `values` (a page's fields by
    name: a form's cleaned data, a revision's content). A page goes live only
    with a title in every language; other empty Spanish fields fall back to
    English and are listed in the translation report."""
    return [
        code
        for code, _name in settings.LANGUAGES
        if not (values.get(f"title_{code}") or "").strip()
    ]


def may_go_live(page):
    """Whether the page's latest revision (what approving or bulk-publishing
    it publishes) has a title in every language; a page that has no revision
    yet is published from its own fields."""
    revision = page.latest_revision
    values = revision.content if revision is not None else vars(page)
    return not untitled_languages(values)
