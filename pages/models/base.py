"""The abstract page every page type of the site builds on."""

import logging

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import InterfaceError, OperationalError, models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.http import Http404, HttpResponsePermanentRedirect
from django.urls import Resolver404
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, MultiFieldPanel, TitleFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import (
    CommentPanelPlaceholder,
    Orderable,
    Page,
    PageViewRestriction,
)
from wagtail.url_routing import RouteResult

from pages.image_sizes import LIGHTBOX_SPEC, rendition_prefetch
from pages.page_editor.forms import BasePageForm
from pages.page_editor.panels import SchedulePanel
from pages.page_editor.permissions import EditorialPagePermissionTester
from pages.page_editor.preview_errors import preview_failed
from pages.page_editor.rules import PUBLISH_WITHOUT_TITLE, untitled_languages
from pages.renderers import structured_data

from .images import SiteImage

logger = logging.getLogger(__name__)

# What a link to a page reads: its title and address in either language. Lists of
# links (breadcrumbs, related pages, the programme's sessions) load only these and
# the fields they name; modeltranslation's `only()` adds each field's translations.
LINK_FIELDS = ("path", "depth", "content_type", "title", "slug", "url_path", "live")


def for_listing(pages):
    """`pages` without their bodies: cards, feeds and calendars show none, and
    each body is a JSON document per language to parse."""
    return pages.defer_streamfields()


def in_public_sections(pages):
    """`pages.public()` in the same query: the pages in no private section.

    Wagtail's `PageQuerySet.public()` first reads every view restriction, one
    query more for each listing; here a page is left out when a restriction is
    on a page whose tree path begins its own (itself or an ancestor)."""
    restricted = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return pages.exclude(Exists(restricted))


def restrictions_on_path(path, steplen):
    """The view restrictions that apply to the page with this tree path: its
    own and its ancestors' (their paths are prefixes of its path), an alias's
    those of its source."""
    paths = [path[:end] for end in range(steplen, len(path) + 1, steplen)]
    on_path = Page.objects.filter(path__in=paths)
    return PageViewRestriction.objects.filter(
        Q(page__in=on_path.filter(alias_of__isnull=True).values("pk"))
        | Q(page__in=on_path.filter(alias_of__isnull=False).values("alias_of_id"))
    )


def as_links(pages, *extra_fields, joined=None):
    """`pages` loaded with the columns a link needs and `extra_fields`.

    `joined` ({foreign key among `extra_fields`: its extra fields}) joins the
    pages those keys point to, loaded the same way."""
    columns = [*LINK_FIELDS, *extra_fields]
    for name, fields in (joined or {}).items():
        pages = pages.select_related(name)
        columns += [f"{name}__{column}" for column in (*LINK_FIELDS, *fields)]
    return pages.only(*columns)


def image_renditions(model, foreign_keys):
    """Prefetches of every rendition of the images `model` points to at these
    foreign keys. Wagtail looks a rendition up in `prefetched_renditions` first
    and, found there, does not write it back to its cache, as it does on every
    render with a rendition it read from the cache."""
    return [
        rendition_prefetch(through=name)
        for name in foreign_keys
        if model._meta.get_field(name).related_model is SiteImage
    ]


# The words of routed sub-paths in each language but English, in which routes are
# declared: a Spanish address reads Spanish (`/es/programa/dia/2015-09-28/`).
SUBPATH_WORDS = {
    "es": {
        "day": "dia",
        "feed": "canal",
        "calendar.ics": "calendario.ics",
        "sessions.csv": "sesiones.csv",
        "programme.pdf": "programa.pdf",
        "press-kit.pdf": "kit-de-prensa.pdf",
    },
}
ENGLISH_WORDS = {
    word: english for words in SUBPATH_WORDS.values() for english, word in words.items()
}


# The files pages route below their address (`…/calendar.ics`), in English.
# Wagtail serves only paths ending in "/": the project's URLs send exactly
# these names, in any language, to the page (iclc/urls.py).
ROUTED_FILES = (
    "calendar.ics",
    "sessions.csv",
    "schedule.xml",
    "schedule.json",
    "programme.pdf",
    "press-kit.pdf",
)


def routed_file_names():
    """Every routed file's name in every language."""
    return sorted(
        {
            words.get(name, name)
            for words in [{}, *SUBPATH_WORDS.values()]
            for name in ROUTED_FILES
        }
    )


def subpath_in(language, components):
    """The components of a routed sub-path with its words in `language`,
    whichever language they were in; dates, names and "rss" stay as they are."""
    words = SUBPATH_WORDS.get(language, {})
    english = [ENGLISH_WORDS.get(component, component) for component in components]
    return [words.get(component, component) for component in english]


def localise_subpath(language, subpath):
    """`subpath` ("day/2015-09-28/") with its words in `language`."""
    return "/".join(subpath_in(language, subpath.split("/")))


def routes_take(model, path_components):
    """Whether a routable page type's own routes (a programme's `day/…/`) take
    the path, in the words of any language. Asked of the class: the pages on a
    path are loaded as links."""
    if not issubclass(model, RoutablePageMixin):
        return False
    english = subpath_in("en", path_components)
    try:
        model.get_resolver().resolve("/" + "/".join(english) + "/")
    except Resolver404:
        return False
    return True


class ListingMixin(models.Model):
    """How a page appears in listings, teasers and social cards."""

    listing_summary = models.TextField(
        _("listing summary"),
        blank=True,
        help_text=_("One or two sentences shown where other pages list this one."),
    )
    listing_image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("listing image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown in listings and when the page is shared on social media."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("listing_summary"), FieldPanel("listing_image")],
            heading=_("Listings and sharing"),
        )
    ]

    class Meta:
        abstract = True


class BasePage(ListingMixin, Page):
    """Shared base of every page type.

    It exists so that listings, social cards, previews and language links work the
    same way for every page family: one place for the listing fields, the preview
    in either language (Wagtail previews in the admin's language otherwise), and
    the page's address in each language for the language switcher and hreflang.
    """

    # The titles in each language, as wagtail-modeltranslation would make them
    # from Page's title panel, but with a placeholder that tells the truth: the
    # Spanish title is optional in a draft (it only needs to be there to publish),
    # so it has no "*". Each title fills its own language's slug.
    content_panels = [
        TitleFieldPanel("title_en", targets=["slug_en"]),
        TitleFieldPanel(
            "title_es",
            targets=["slug_es"],
            placeholder=_("Spanish page title (needed to publish)"),
        ),
    ]
    promote_panels = Page.promote_panels + ListingMixin.panels
    # Times to the quarter hour, and when a schedule takes effect
    # (pages/page_editor/panels.py).
    settings_panels = [SchedulePanel(), CommentPanelPlaceholder()]

    # Refuses to publish without a Spanish title (pages/page_editor/forms.py).
    base_form_class = BasePageForm

    preview_modes = [("en", _("English")), ("es", _("Spanish"))]
    default_preview_mode = "en"

    # What a search result calls a page of this type: "Page", unless visitors
    # know the type by a name of its own ("Session", "Venue"…).
    search_kind = pgettext_lazy("kind of search result", "Page")

    class Meta:
        abstract = True

    def serve_preview(self, request, mode_name):
        return self.serve_in_preview_language(request, mode_name, super().serve_preview)

    def serve_in_preview_language(self, request, mode_name, serve_preview):
        """`serve_preview(request, mode_name)` with the preview mode's language
        active (the modes are the site's languages)."""
        language = mode_name if mode_name in dict(self.preview_modes) else "en"
        try:
            with translation.override(language):
                request.LANGUAGE_CODE = language
                response = serve_preview(request, mode_name)
                # `serve` returns a lazy TemplateResponse; render it while the
                # preview language is active, or it renders later in the admin's.
                if hasattr(response, "render") and not response.is_rendered:
                    response.render()
                return response
        except (Http404, PermissionDenied, OperationalError, InterfaceError):
            raise  # answers of their own (a 404, a 403, the outage page)
        except Exception as error:
            # A fault in the page's template or blocks: the editor gets an admin
            # page saying where, not the public "Something went wrong" page.
            logger.exception(
                "Preview of %s %s in %s failed", type(self).__name__, self.pk, language
            )
            return preview_failed(request, self, error, language)

    def publish(self, revision, *args, **kwargs):
        """Wagtail's publish, refused for a revision without a title in every
        language, however it goes live: the editor's Publish, a moderator's
        approval, the scheduler, a PO import or a bulk action.

        The admin's forms and actions refuse earlier, with a message (see
        pages/page_editor/forms.py, pages/models/workflow.py, pages/wagtail_hooks.py);
        this is the rule's last line. A scheduled revision is not raised on, which would
        stop `publish_scheduled` for every page after it: it is unscheduled and
        logged, and stays a draft that the translation report lists.
        """
        if untitled_languages(revision.content):
            if revision.approved_go_live_at is not None:
                logger.error(
                    "Not published at its scheduled time, as it has no title in "
                    "every language: page %s, revision %s",
                    self.pk,
                    revision.pk,
                )
                revision.approved_go_live_at = None
                revision.save(update_fields=["approved_go_live_at"])
                return None
            raise ValidationError(PUBLISH_WITHOUT_TITLE, code="untitled")
        return super().publish(revision, *args, **kwargs)

    def get_admin_display_title(self):
        """The title in the admin's language, from the latest draft if there is one.

        Wagtail shows `draft_title`, which holds whichever language the last
        editor's admin used (design/i18n.md, trap 3): a Spanish-speaking moderator
        would see English titles on the dashboard and in e-mail.
        """
        language = translation.get_language() or "en"
        if self.has_unpublished_changes and self.latest_revision_id:
            content = self.latest_revision.content
            title = content.get(f"title_{language}") or content.get("title_en")
            if title:
                return title
        return self.title or super().get_admin_display_title()

    def route(self, request, path_components):
        """Find the page for the rest of the address in two queries, however deep.

        Design trap 10 (design/i18n.md): wagtail-modeltranslation's `route` walks
        the tree a level at a time and loads every child at each level to compare
        translated slugs, so a session behind a programme of 300 loads 300 pages.
        The translated `url_path_<lang>` columns already hold each page's whole
        address in each language (with the English slug where the Spanish one is
        empty, as slugs fall back), so one query finds every page on the path and
        one more loads the deepest as its own type. A routable page on the way
        whose routes take the rest of the path (a programme's `day/…/`) keeps it,
        as in the walk. The last step (is the page live?) is the inherited `route`.

        This is the one place that relies on wagtail-modeltranslation's own
        behaviour: it fills `url_path_<lang>`, and it sets `route` on every page
        class it registers, over this method, so `pages.apps` removes that
        (`restore_translated_route`); a routable page's `RoutablePageMixin.route`
        comes before this one. tests/serving/test_routing.py compares the answers
        with wagtail-modeltranslation's walk for every page in both languages.
        """
        if path_components and not routes_take(type(self), path_components):
            found = self.page_on_translated_path(path_components)
            if found is None:
                raise Http404
            page, consumed = found
            return page.route(request, path_components[consumed:])
        return super().route(request, path_components)

    def page_on_translated_path(self, path_components):
        """(page, components it takes) for the deepest page below this one on the
        path, or the first routable one whose routes take the rest; None if no
        page below this one is on it. The page is loaded as its own type, with
        the pages above it as links (`route_ancestors`, for breadcrumbs)."""
        field = f"url_path_{translation.get_language()}"
        path = getattr(self, field, None) or self.url_path
        prefixes = []
        for component in path_components:
            path += component + "/"
            prefixes.append(path)
        rows = list(
            as_links(Page.objects.descendant_of(self))
            .filter(**{f"{field}__in": prefixes})
            .order_by("depth")
        )
        if not rows:
            return None
        index = len(rows) - 1
        for position, row in enumerate(rows):
            model = row.specific_class
            if model is None:
                return None  # a page type whose code was removed
            consumed = row.depth - self.depth
            rest = path_components[consumed:]
            if rest and routes_take(model, rest):
                index = position
                break
        target = rows[index]
        model = target.specific_class
        pages = model.objects.select_related(
            *model.serve_related, *getattr(model, "serve_linked", {})
        ).prefetch_related(*image_renditions(model, model.serve_related))
        if hasattr(model, "serve_annotations"):
            pages = pages.annotate(**model.serve_annotations())
        # Whether it is in a private section, for Wagtail's check before serving
        # (`get_view_restrictions`), in the same query.
        pages = pages.annotate(
            on_restricted_path=Exists(restrictions_on_path(target.path, self.steplen))
        )
        page = pages.filter(pk=target.pk).first()
        if page is None:
            return None
        page.route_ancestors = [self, *rows[:index]]
        return page, target.depth - self.depth

    def permissions_for_user(self, user):
        # Translators may edit, not delete or move (pages/page_editor/permissions.py).
        return EditorialPagePermissionTester(user, self)

    def get_view_restrictions(self):
        """Wagtail's rule (a page and its ancestors; an alias uses its source's
        restrictions) in one query instead of two, and in none for a routed
        page in no private section (routing asked with the page itself)."""
        if getattr(self, "on_restricted_path", True) is False:
            return PageViewRestriction.objects.none()
        return restrictions_on_path(self.path, self.steplen)

    def parent_page(self):
        """The parent as a plain `Page`, found by routing when it can be."""
        found = getattr(self, "route_ancestors", None)
        return found[-1] if found else self.get_parent()

    def breadcrumb_ancestors(self):
        """The pages above this one, from the home page down.

        Routing has usually found them already (pages/routing.py).
        """
        found = getattr(self, "route_ancestors", None)
        if found is not None:
            return found
        return list(self.get_ancestors().filter(depth__gte=2))

    def get_meta_description(self):
        """The description search engines and social cards show, per language.

        Without an SEO description or listing summary, a page's own summary or
        introduction serves (Lighthouse and search engines expect one).
        """
        for value in (
            self.search_description,
            self.listing_summary,
            getattr(self, "summary", ""),
            getattr(self, "intro", ""),
        ):
            if isinstance(value, str) and value.strip():
                return value.strip()
        return ""

    # Foreign keys loaded with the page when it is served (pages/routing.py), and
    # pages it links to, joined with only what the link shows ({name: extra fields}).
    serve_related = ("listing_image",)
    serve_linked = {}

    def get_social_image(self):
        """The image shown when the page is shared; page types may offer another."""
        return self.listing_image

    @cached_property
    def social_image(self):
        """`get_social_image()`, looked up once per page: the social cards and the
        JSON-LD both show it."""
        return self.get_social_image()

    def get_structured_data(self, request, chrome):
        """schema.org data for this page as JSON-LD; page types describe themselves.
        `chrome` is what every page shows around its content (the organisers,
        the conference's first and last session), which the head's tag hands in."""
        return structured_data.web_page(self, request)

    def url_in(self, language, request=None):
        """This page's URL in `language` (slugs are translated)."""
        with translation.override(language):
            return self.get_url(request)


class RoutableBasePage(RoutablePageMixin, BasePage):
    """A page with addresses of its own below it (days, feeds, calendars).

    Routes are declared in English; their words are translated on the way in and
    out (`SUBPATH_WORDS`), so `/es/programa/dia/2015-09-28/` is the Spanish day
    and `/es/programa/day/2015-09-28/` redirects to it for good, as does a
    Spanish word under `/en/` to the English one.

    `RoutablePageMixin` must come before `Page` for its routing, so its
    `serve_preview` (which serves the index route and calls no `super()`) would
    hide `BasePage`'s: the preview in the chosen language is asked for again here.
    """

    class Meta:
        abstract = True

    def route(self, request, path_components):
        if path_components and routes_take(type(self), path_components):
            own = subpath_in(translation.get_language(), path_components)
            if own != list(path_components):
                return RouteResult(self, args=(self.moved_to, [own], {}))
            path_components = subpath_in("en", path_components)
        return super().route(request, path_components)

    def moved_to(self, request, own):
        """A permanent redirect to this sub-path in the words of the language of
        the address, keeping the query string."""
        location = self.get_url(request) + "/".join(own)
        if request.path.endswith("/"):
            location += "/"
        if request.META.get("QUERY_STRING"):
            location += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(location)

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The route's sub-path in the words of the active language."""
        subpath = super().reverse_subpage(name, args, kwargs)
        return localise_subpath(translation.get_language(), subpath)

    def serve_preview(self, request, mode_name):
        return self.serve_in_preview_language(request, mode_name, super().serve_preview)


# The large photo a gallery thumbnail links to (`{% lightbox_url %}`).


class PhotoGalleryMixin:
    """For pages with `gallery_images`: the photos, with their renditions, are
    loaded once per page however many times the page shows or describes them."""

    # Sizes every photo is shown in besides the thumbnails and the lightbox's.
    gallery_photo_specs = ()

    def gallery_renditions(self):
        """The presets and filter specs every photo is shown in."""
        return ("gallery", LIGHTBOX_SPEC, *self.gallery_photo_specs)

    @cached_property
    def gallery_photos(self):
        prefetch = rendition_prefetch(*self.gallery_renditions(), through="image")
        return list(
            self.gallery_images.select_related("image").prefetch_related(prefetch)
        )

    def gallery_rendition_plan(self):
        """(photo, preset or spec) of each size each photo is shown in, for the
        page's `rendition_plan()` (pages/renditions/plans.py)."""
        sizes = self.gallery_renditions()
        return [(photo.image, size) for photo in self.gallery_photos for size in sizes]

    def get_gallery_images(self):
        return self.gallery_photos


class GalleryPhoto(Orderable):
    """A photo in a page's gallery, in the editors' order.

    Alt text, caption and credit live on the image itself, in both languages, so
    the same photo reads the same in a press release and in a gallery.
    """

    image = models.ForeignKey(
        "pages.SiteImage",
        verbose_name=_("image"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Its alt text, caption and credit are edited on the image."),
    )

    panels = [FieldPanel("image")]

    class Meta(Orderable.Meta):
        abstract = True
