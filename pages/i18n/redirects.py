"""Permanent redirects in every language when a page's address changes.

Wagtail creates automatic redirects only for the admin's active language, so a
changed `slug_es` (or a move) edited from an English admin would leave the old
`/es/…` address a 404 (design/i18n.md, trap 6). These signal handlers compare each
language's `url_path` before and after a save and redirect the old address of the
page and of its live descendants with a 301.
"""

from django.conf import settings
from django.db.models.signals import post_save, pre_save
from django.urls import reverse
from django.utils import translation

from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page, Site

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _columns():
    return [f"url_path_{code}" for code in LANGUAGES]


def remember_paths(sender, instance, raw=False, **kwargs):
    """pre_save: the page's stored paths, kept on it for `redirect_changed_paths`."""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    instance.url_paths_before_save = (
        Page.objects.filter(pk=instance.pk).values("live", *_columns()).first()
    )


def redirect_changed_paths(sender, instance, raw=False, **kwargs):
    if raw or not isinstance(instance, Page):
        return
    old = getattr(instance, "url_paths_before_save", None)
    instance.url_paths_before_save = None
    if not old or not old["live"]:
        return
    for code in LANGUAGES:
        before = old[f"url_path_{code}"]
        after = getattr(instance, f"url_path_{code}", None)
        if before and after and before != after:
            _redirect_tree(instance, code, before, after)


def _public_path(site, language, url_path):
    """The address of a page with `url_path` on `site` in `language`, or None."""
    root = getattr(site.root_page, f"url_path_{language}") or site.root_page.url_path
    if not url_path.startswith(root):
        return None
    with translation.override(language):
        return reverse("wagtail_serve", args=[url_path[len(root) :]])


def _redirect_tree(page, language, before, after):
    # Straight from the database: page.get_site() would fill Wagtail's site-root
    # cache in the middle of a transaction that may still change the site root.
    site = (
        Site.objects.select_related("root_page")
        .filter(root_page__in=Page.objects.ancestor_of(page, inclusive=True))
        .order_by("-root_page__depth")
        .first()
    )
    if site is None or site.root_page_id == page.pk:
        return
    moves = [(page, before, after)]
    descendants = Page.objects.descendant_of(page).live()
    for descendant in descendants.only("pk", *_columns()):
        path = getattr(descendant, f"url_path_{language}") or ""
        if path.startswith(before):
            moves.append((descendant, path, after + path[len(before) :]))
    for target, old_path, new_path in moves:
        old_url = _public_path(site, language, old_path)
        new_url = _public_path(site, language, new_path)
        if not old_url or old_url == new_url:
            continue
        # Changing a slug back must not leave a redirect from the live address.
        Redirect.objects.filter(
            site=site, old_path=Redirect.normalise_path(new_url)
        ).delete()
        Redirect.objects.update_or_create(
            site=site,
            old_path=Redirect.normalise_path(old_url),
            defaults={
                "redirect_page": target,
                "redirect_link": "",
                "is_permanent": True,
                "automatically_created": True,
            },
        )


def connect():
    pre_save.connect(remember_paths, dispatch_uid="i18n_redirects_pre")
    post_save.connect(redirect_changed_paths, dispatch_uid="i18n_redirects_post")
