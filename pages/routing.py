"""Find the page for a URL in two queries, whatever its depth and its siblings.

wagtail-modeltranslation replaces `Page.route` with one that walks the tree a
level at a time and, at each level, loads *every* child to compare translated
slugs: two queries per level, and a session page behind a programme of 300
sessions loads 300 pages (design/i18n.md, trap 10). The translated `url_path_<lang>`
columns already hold each page's full path in each language (with the English
slug where the Spanish one is empty, as the slugs themselves fall back), so one
query finds every page on the requested path, and one more loads the deepest as
its specific type. That page then routes the rest of the path the usual way.

Routable pages keep precedence: a page on the path whose `RoutablePageMixin`
routes match the remainder of the path receives it, as in the level-by-level walk.
The pages found on the way are kept on the routed page (`route_ancestors`), so
breadcrumbs cost no query.

Also here: the site root paths wagtail-modeltranslation caches per language are
built for both languages by one query, instead of one query per language, and
kept per content generation like the site chrome (`pages.cache.per_generation`):
wagtail-modeltranslation keeps them on the request only when it is given one, so
every `page.url` without a request (a sitemap, a calendar, a listing) was a cache
round trip.
"""

import re
from urllib.parse import quote

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.urls import NoReverseMatch, Resolver404, get_urlconf, reverse

from modeltranslation.utils import get_language
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import SiteRootPath
from wagtail_modeltranslation import patch_wagtailadmin

from pages.cache import per_generation
from pages.models.base import as_links, linked_deferrals, without_unread_columns

TRANSLATED_ROUTE = {}


def route(self, request, path_components):
    translated_route = TRANSLATED_ROUTE[type(self)]
    if not path_components:
        return translated_route(self, request, path_components)
    language = get_language()
    field = f"url_path_{language}"
    base = getattr(self, field, None) or self.url_path_en or self.url_path
    prefixes, path = [], base
    for component in path_components:
        path += component + "/"
        prefixes.append(path)
    if _claims(type(self), path_components):
        return translated_route(self, request, path_components)
    target = _through_section(self, field, prefixes, path_components) or _by_paths(
        self, field, prefixes, path_components
    )
    if target is None:
        return translated_route(self, request, path_components)
    model, lookup, ancestors, consumed = target
    # Page types name the foreign keys their page always shows (`serve_related`),
    # the pages it links to (`serve_linked`) and facts about its related rows
    # (`serve_annotations()`).
    related = getattr(model, "serve_related", ())
    linked = getattr(model, "serve_linked", {})
    # Unordered: `first()` would sort by the tree path, which costs more to
    # build than the rest of the query.
    pages = without_unread_columns(
        model.objects.select_related(*related, *linked),
        *(linked_deferrals(model) if linked else ()),
    )
    # And what the page would otherwise ask in a query of its own.
    if hasattr(model, "serve_annotations"):
        pages = pages.annotate(**model.serve_annotations())
    found = list(pages.filter(**lookup).order_by()[:1])
    if not found:
        return translated_route(self, request, path_components)
    page = found[0]
    page.route_ancestors = ancestors
    return TRANSLATED_ROUTE.get(model, type(page).route)(
        page, request, path_components[consumed:]
    )


def _through_section(self, field, prefixes, path_components):
    """The target when it is a section of the site or a page in one, with no
    query but the target's own.

    The sections (the root's children) are kept in the cache as links, per
    page-cache generation. A section's page type names what it may contain:
    when that is one type (sessions in the programme, releases in the press
    room), a page in it is looked up directly as that type by its path."""
    section = _sections(self, field).get(prefixes[0])
    if section is None:
        return None
    model = section.specific_class
    rest = path_components[1:]
    if model is None:
        return None
    if not rest or _claims(model, rest):
        return model, {"pk": section.pk}, [self], 1
    child_types = model.clean_subpage_models()
    if len(child_types) != 1:
        return None
    if rest[1:] and not _claims(child_types[0], rest[1:]):
        return None  # deeper still: every page on the path in one query
    lookup = {
        field: prefixes[1],
        "path__startswith": section.path,
        "depth": section.depth + 1,
    }
    return child_types[0], lookup, [self, section], 2


def _sections(root, field):
    """{the path in `field`: section link} for the root's children."""
    links = per_generation(
        f"route-sections:{root.pk}",
        lambda: list(as_links(root.get_children(), "url_path_en")),
    )
    return {getattr(page, field, None) or page.url_path_en: page for page in links}


def _by_paths(self, field, prefixes, path_components):
    """The target found among every page on the path, in one query."""
    # The pages above the target are only links (breadcrumbs, the parent).
    rows = list(
        as_links(
            Page.objects.descendant_of(self)
            .filter(**{f"{field}__in": prefixes})
            .order_by("depth")
        )
    )
    target = None
    for index, row in enumerate(rows):
        consumed = row.depth - self.depth
        model = ContentType.objects.get_for_id(row.content_type_id).model_class()
        target = (index, consumed, model)
        if _claims(model, path_components[consumed:]):
            break
    if target is None:
        return None
    index, consumed, model = target
    return model, {"pk": rows[index].pk}, [self, *rows[:index]], consumed


def _claims(model, components):
    """Whether a routable page type has a route for these path components."""
    if not components or model is None or not issubclass(model, RoutablePageMixin):
        return False
    try:
        model.get_resolver().resolve("/" + "/".join(components) + "/")
    except Resolver404:
        return False
    return True


def site_root_paths():
    """Site root paths in the active language, kept per content generation."""
    language = get_language()
    return per_generation(
        f"site-root-paths:{language}", lambda: cached_site_root_paths(language)
    )


def cached_site_root_paths(language):
    """Site root paths in `language`; on a miss, cached for every language."""
    result = cache.get(f"wagtail_site_root_paths_{language}")
    if result is None:
        sites = list(
            Site.objects.select_related("root_page", "root_page__locale").order_by(
                "-root_page__url_path"
            )
        )
        every = {}
        for code in settings.MODELTRANSLATION_LANGUAGES:
            rows = [
                (
                    site.id,
                    getattr(site.root_page, f"url_path_{code}")
                    or site.root_page.url_path,
                    site.root_url,
                    site.root_page.locale.language_code,
                )
                for site in sites
            ]
            every[f"wagtail_site_root_paths_{code}"] = sorted(
                rows, key=lambda row: row[1], reverse=True
            )
        cache.set_many(every, 3600)
        result = every.get(f"wagtail_site_root_paths_{language}", [])
    return [SiteRootPath(*row) for row in result]


# Wagtail's serving pattern (wagtail.urls) and what `reverse()` leaves unquoted.
SERVED_PATH = re.compile(r"(?:[\w\-]+/)*")
SAFE_IN_PATH = "!$&'()*+,;=/~:@"
_serve_prefixes = {}


def served_path(rest):
    """`reverse("wagtail_serve", args=(rest,))` in the active language, or None.

    The language's prefix is reversed once per process; the rest is checked
    against Wagtail's pattern and quoted as `reverse()` quotes it."""
    if not SERVED_PATH.fullmatch(rest):
        return None
    key = (get_language(), get_urlconf())
    if key not in _serve_prefixes:
        try:
            _serve_prefixes[key] = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            _serve_prefixes[key] = None
    prefix = _serve_prefixes[key]
    if prefix is None:
        return None
    path = prefix + quote(rest, safe=SAFE_IN_PATH)
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
        path = path.rstrip("/")
    return path


def get_url_parts(self, request=None):
    """Wagtail's `Page.get_url_parts`, without its `reverse()` per page URL.

    A listing or a sitemap shows dozens of page URLs, and `reverse()` was most
    of their cost. With one site owning the page and Wagtail's own i18n off (the
    site's languages are modeltranslation's), the path is the language's serving
    prefix and the page's translated path below the site root; anything else
    goes to Wagtail."""
    if getattr(settings, "WAGTAIL_I18N_ENABLED", False):
        return WAGTAIL_GET_URL_PARTS(self, request)
    possible = self._get_relevant_site_root_paths(request)
    if not possible:
        return None
    site_id, root_path, root_url, _language = possible[0]
    if any(other[0] != site_id for other in possible):
        return WAGTAIL_GET_URL_PARTS(self, request)
    path = served_path(self.url_path[len(root_path) :])
    if path is None:
        return WAGTAIL_GET_URL_PARTS(self, request)
    return site_id, root_url, path


WAGTAIL_GET_URL_PARTS = Page.get_url_parts


def install():
    """Put `route` on every page type, keeping the translated route for the rest.

    Called from `PagesConfig.ready()`, after wagtail-modeltranslation has patched
    the page models (its app comes first in INSTALLED_APPS).
    """
    from pages.models import BasePage

    def page_types(model):
        for subclass in model.__subclasses__():
            if not subclass._meta.abstract:
                yield subclass
            yield from page_types(subclass)

    for model in page_types(BasePage):
        if model.__dict__.get("route") is not route:
            TRANSLATED_ROUTE[model] = model.route
            model.route = route
    # Looked up by name when wagtail-modeltranslation needs the root paths.
    patch_wagtailadmin._localized_site_get_site_root_paths = site_root_paths
    # Every page type, and plain `Page` objects (links, the sitemap), inherit it.
    Page.get_url_parts = get_url_parts
