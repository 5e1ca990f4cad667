from django.utils import translation

from wagtail.models import Collection, Locale, Page, Site

import pytest

from pages.roles import EDITORS, MODERATORS, TRANSLATORS, sync_editorial_roles
from tests.factories import HomePageFactory, StaffUserFactory

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
