"""Admin strings of other packages that ship no Spanish for them (issue 21).

wagtail-modeltranslation has no Spanish catalogue, and Wagtail's lacks the site
summary's counts on the dashboard. Django looks a message up in our catalogue
(LOCALE_PATHS) before theirs, so translating these msgids there puts them in
Spanish; they are listed here, exactly as those packages write them, so that
`makemessages` keeps them in it. Nothing imports this module.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

# wagtail-modeltranslation: the language picker above the fields, its copy
# form's messages and its slug check.
MODELTRANSLATION = (
    gettext_noop("View / edit fields for"),
    gettext_noop("Page '{0}' copied."),
    gettext_noop("Page '{0}' and {1} subpages copied."),
    gettext_noop("This slug is already in use"),
)

# Wagtail's site summary on the dashboard: "33 Pages", "35 Images"…
SITE_SUMMARY = (
    ngettext_lazy(
        '%(total)s Page <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Pages <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Image <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Images <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
    ngettext_lazy(
        '%(total)s Document <span class="w-sr-only">created in %(site_name)s</span>',
        '%(total)s Documents <span class="w-sr-only">created in %(site_name)s</span>',
        "total",
    ),
)
