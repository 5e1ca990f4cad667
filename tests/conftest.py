from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

from wagtail.models import Collection, Locale, Page, Site

import pytest

from pages.editorial.roles import EDITORS, MODERATORS, TRANSLATORS, sync_editorial_roles
from tests.factories import HomePageFactory, StaffUserFactory, StandardPageFactory

LANGUAGES = ["en", "es"]


def tree_root():
    """Wagtail's root page; transactional tests flush what migrations created."""
    Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    if root is None:
        root = Page.add_root(
            instance=Page(title_en="Root", title_es="Raíz", slug_en="root", slug="root")
        )
    return root


def root_collection():
    """Wagtail's root collection (transactional tests flush the migrations' one)."""
    return Collection.get_first_root_node() or Collection.add_root(name="Root")


def bootstrap_wagtail():
    """Recreate what a flush removes and Wagtail's migrations made: the roots."""
    root_collection()
    return tree_root()


@pytest.fixture
def home_page(db):
    """A HomePage as the root of the default site, as the content loader makes it."""
    root = tree_root()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home},
    )
    for page in root.get_children().exclude(pk=home.pk):
        page.delete()
    return home


@pytest.fixture(scope="module")
def loaded_content(django_db_setup, django_db_blocker):
    """The 2015 content, loaded once for the module that asks for it.

    Loading takes seconds; tests that only read it (or change it and are rolled
    back) share one load. The load runs in a transaction rolled back when the
    module ends; each test runs in a savepoint inside it, so what a test changes
    is undone after it. It stays in the database until the module ends: a
    module that also builds its own home page belongs in another file.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_iclc_content", verbosity=0)
        yield
        transaction.set_rollback(True)


@pytest.fixture(params=LANGUAGES)
def lang(request):
    """Run the test once per site language, with that language active."""
    with translation.override(request.param):
        yield request.param


@pytest.fixture
def editorial_roles(home_page):
    """The roles and workflow as `migrate` leaves them (again after a flush)."""
    return sync_editorial_roles()


@pytest.fixture
def editor(editorial_roles):
    return StaffUserFactory(groups=[EDITORS], username="editor")


@pytest.fixture
def moderator(editorial_roles):
    return StaffUserFactory(groups=[MODERATORS], username="moderator")


@pytest.fixture
def translator(editorial_roles):
    return StaffUserFactory(groups=[TRANSLATORS], username="translator", language="es")


@pytest.fixture
def every_page_type(home_page):
    """One live page of every type, at fixed addresses (tests of headers and bad
    input walk them all). Returns {model name: page}."""
    from tests import factories as f

    programme = f.ProgrammePageFactory(parent=home_page)
    showcase = f.ShowcaseIndexPageFactory(
        parent=home_page, slug_en="showcase", slug_es="muestra"
    )
    venues = f.VenueIndexPageFactory(parent=home_page)
    press = f.PressReleaseIndexPageFactory(parent=home_page)
    media = f.MediaIndexPageFactory(parent=home_page)
    gallery = f.GalleryPageFactory(parent=media, slug_en="opening", slug_es="apertura")
    f.GalleryImageFactory(page=gallery)
    pages = [
        home_page,
        f.StandardPageFactory(parent=home_page, slug_en="about", slug_es="acerca"),
        programme,
        f.SessionPageFactory(parent=programme, slug_en="opening", slug_es="apertura"),
        showcase,
        f.ShowcaseProgrammePageFactory(
            parent=showcase, slug_en="bicycles", slug_es="bicicletas"
        ),
        venues,
        f.VenuePageFactory(parent=venues, slug_en="palace", slug_es="palacio"),
        press,
        f.PressReleasePageFactory(parent=press, slug_en="day-one", slug_es="dia-uno"),
        media,
        gallery,
    ]
    return {type(page).__name__: page for page in pages}


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache: locmem lives as long as the process."""
    cache.clear()


@pytest.fixture
def plenary_page(home_page):
    """A published page in both languages, indexed for search ("sesión")."""
    page = StandardPageFactory(
        parent=home_page,
        title_en="Plenary sessions",
        title_es="Sesiones plenarias",
        intro_en="Mayors discussed how cities learn in the plenary session.",
        intro_es="Los alcaldes debatieron en la sesión plenaria cómo aprenden "
        "las ciudades.",
    )
    page.save_revision().publish()  # publishing indexes the page for search
    return page


@pytest.fixture
def failing_quote_template(settings, tmp_path):
    """The quote block's template, broken: it includes a template that is gone."""
    broken = tmp_path / "pages" / "blocks" / "quote_block.html"
    broken.parent.mkdir(parents=True)
    broken.write_text('{% include "pages/blocks/no_such_part.html" %}')
    [engine] = settings.TEMPLATES
    settings.TEMPLATES = [{**engine, "DIRS": [tmp_path, *engine["DIRS"]]}]
