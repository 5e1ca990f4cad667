"""The three editorial roles have exactly the permissions they need, and no more."""

from django.contrib.auth.models import Group, Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    WorkflowPage,
)
from wagtail.snippets.models import get_snippet_models

import pytest

from pages.editorial import roles
from pages.editorial.roles import EDITORS, MODERATORS, ROLES, TRANSLATORS
from tests.admin_forms import login
from tests.factories import StaffUserFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def page_permissions(name):
    return {
        (row.page.depth, row.permission.codename)
        for row in GroupPagePermission.objects.filter(group__name=name)
    }


def collection_permissions(name):
    return {
        (
            row.collection.depth,
            row.permission.content_type.app_label,
            row.permission.codename,
        )
        for row in GroupCollectionPermission.objects.filter(group__name=name)
    }


def test_migrate_created_the_three_groups_and_the_workflow_on_the_root():
    # No fixture: this is what migrations and post_migrate left in the test database.
    assert {EDITORS, MODERATORS, TRANSLATORS} <= set(
        Group.objects.values_list("name", flat=True)
    )
    root = Page.get_first_root_node()
    workflow = WorkflowPage.objects.get(page=root).workflow
    assert workflow.active
    [task] = workflow.tasks
    assert list(task.specific.groups.values_list("name", flat=True)) == [MODERATORS]


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        (EDITORS, {"add_page", "change_page"}),
        (
            MODERATORS,
            {"add_page", "change_page", "publish_page", "lock_page", "unlock_page"},
        ),
        (TRANSLATORS, {"change_page"}),
    ],
)
def test_page_permissions_are_granted_on_the_tree_root(
    editorial_roles, group, expected
):
    assert page_permissions(group) == {(1, codename) for codename in expected}


@pytest.mark.parametrize(
    ("group", "expected"),
    [
        (
            EDITORS,
            {
                ("wagtailimages", "add_image"),
                ("wagtailimages", "change_image"),
                ("wagtailimages", "choose_image"),
                ("wagtaildocs", "add_document"),
                ("wagtaildocs", "change_document"),
                ("wagtaildocs", "choose_document"),
            },
        ),
        (
            TRANSLATORS,
            {
                ("wagtailimages", "add_image"),
                ("wagtailimages", "choose_image"),
                ("wagtaildocs", "choose_document"),
            },
        ),
    ],
)
def test_media_permissions_are_granted_on_the_root_collection(
    editorial_roles, group, expected
):
    assert collection_permissions(group) == {(1, *row) for row in expected}


def test_sync_is_idempotent_and_repairs_hand_made_changes(editorial_roles):
    editors = Group.objects.get(name=EDITORS)
    publish = Permission.objects.get(codename="publish_page")
    GroupPagePermission.objects.create(
        group=editors, page=Page.get_first_root_node(), permission=publish
    )
    call_command("sync_editorial_roles", verbosity=0)
    call_command("sync_editorial_roles", verbosity=0)
    assert page_permissions(EDITORS) == {(1, "add_page"), (1, "change_page")}
    assert Group.objects.filter(name=EDITORS).count() == 1


def test_snippets_added_later_get_each_roles_permissions(editorial_roles, monkeypatch):
    # A model that is not a snippet today stands in for one an engineer adds
    # tomorrow: the next migrate (post_migrate runs the same sync) must cover it.
    monkeypatch.setattr(
        roles, "snippet_model_labels", lambda: ["wagtailforms.FormSubmission"]
    )
    roles.sync_editorial_roles()

    def codenames(name):
        return set(
            Group.objects.get(name=name)
            .permissions.filter(content_type__app_label="wagtailforms")
            .values_list("codename", flat=True)
        )

    assert codenames(EDITORS) == {"add_formsubmission", "change_formsubmission"}
    assert codenames(MODERATORS) == {
        "add_formsubmission",
        "change_formsubmission",
        "delete_formsubmission",
    }
    assert codenames(TRANSLATORS) == {"change_formsubmission"}


@pytest.mark.parametrize("model", get_snippet_models(), ids=str)
@pytest.mark.parametrize("group", [EDITORS, MODERATORS, TRANSLATORS])
def test_every_registered_snippet_has_the_roles_permissions(
    editorial_roles, model, group
):
    meta = model._meta
    have = set(
        Group.objects.get(name=group)
        .permissions.filter(content_type__app_label=meta.app_label)
        .values_list("codename", flat=True)
    )
    existing = set(
        Permission.objects.filter(
            content_type__app_label=meta.app_label,
            content_type__model=meta.model_name,
        ).values_list("codename", flat=True)
    )
    wanted = {f"{action}_{meta.model_name}" for action in ROLES[group].snippets}
    assert have & existing == wanted & existing
    assert f"change_{meta.model_name}" in have


# What each role may do with a page, checked through Wagtail's own permission tester.
PAGE_RULES = {
    # action:            (Editors, Moderators, Translators)
    "can_add_subpage": (True, True, False),
    "can_edit": (True, True, True),
    "can_publish": (False, True, False),
    "can_unpublish": (False, True, False),
    "can_lock": (False, True, False),
    "can_reorder_children": (False, True, False),
}


@pytest.mark.parametrize("action", PAGE_RULES)
def test_page_actions_per_role(editor, moderator, translator, home_page, action):
    page = StandardPageFactory(parent=home_page, live=True)
    for user, expected in zip(
        (editor, moderator, translator), PAGE_RULES[action], strict=True
    ):
        tester = page.permissions_for_user(user)
        assert getattr(tester, action)() is expected, (user.username, action)


def test_only_creators_delete_or_move_drafts(editor, moderator, translator, home_page):
    draft = StandardPageFactory(parent=home_page, live=False)
    section = StandardPageFactory(parent=home_page, live=False)
    for user, allowed in ((editor, True), (moderator, True), (translator, False)):
        tester = draft.permissions_for_user(user)
        assert tester.can_delete() is allowed, user.username
        assert tester.can_move_to(section) is allowed, user.username


def test_nobody_but_moderators_may_delete_or_move_a_live_page(
    editor, moderator, translator, home_page
):
    live = StandardPageFactory(parent=home_page, live=True)
    section = StandardPageFactory(parent=home_page, live=True)
    assert live.permissions_for_user(moderator).can_delete()
    assert live.permissions_for_user(moderator).can_move_to(section)
    for user in (editor, translator):
        assert not live.permissions_for_user(user).can_delete()
        assert not live.permissions_for_user(user).can_move_to(section)


# The same rules seen through the admin: what each role gets when it opens a view.
def admin_views(home_page, page):
    return {
        "add": reverse(
            "wagtailadmin_pages:add", args=("pages", "standardpage", home_page.pk)
        ),
        "edit": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        "delete": reverse("wagtailadmin_pages:delete", args=(page.pk,)),
        "unpublish": reverse("wagtailadmin_pages:unpublish", args=(page.pk,)),
        "move": reverse("wagtailadmin_pages:move", args=(page.pk,)),
        "add_image": reverse("wagtailimages:add"),
        "add_document": reverse("wagtaildocs:add"),
    }


ADMIN_RULES = {
    # view:          (Editors, Moderators, Translators) may open it
    "add": (True, True, False),
    "edit": (True, True, True),
    "delete": (False, True, False),
    "unpublish": (False, True, False),
    "move": (False, True, False),
    "add_image": (True, True, True),
    "add_document": (True, True, False),
}


def allowed(response):
    if response.status_code == 200:
        return True
    # Wagtail answers a forbidden admin view with a redirect to the dashboard
    # and an error message (or a 403).
    assert response.status_code in (302, 403), response.status_code
    return False


@pytest.mark.parametrize("view", ADMIN_RULES)
def test_admin_views_per_role(client, editor, moderator, translator, home_page, view):
    page = StandardPageFactory(parent=home_page, live=True)
    url = admin_views(home_page, page)[view]
    for user, expected in zip(
        (editor, moderator, translator), ADMIN_RULES[view], strict=True
    ):
        client.force_login(user)
        assert allowed(client.get(url)) is expected, (user.username, view)


def test_staff_without_a_role_cannot_enter_the_admin(client, editorial_roles):
    nobody = StaffUserFactory()
    response = login(client, nobody).get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))


@pytest.mark.parametrize("group", [EDITORS, MODERATORS, TRANSLATORS])
def test_each_role_signs_in_to_the_dashboard(client, editorial_roles, group):
    user = StaffUserFactory(groups=[group])
    assert login(client, user).get(reverse("wagtailadmin_home")).status_code == 200


def test_translators_edit_only_their_own_uploads(client, editor, translator):
    Image = get_image_model()
    theirs = Image.objects.create(
        title="Plenary hall",
        file=get_test_image_file(),
        uploaded_by_user=editor,
        collection=Collection.get_first_root_node(),
    )
    client.force_login(translator)
    edit = reverse("wagtailimages:edit", args=(theirs.pk,))
    assert not allowed(client.get(edit))

    upload = client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Mayors' panel",
            "file": SimpleUploadedFile(
                "panel.png", get_test_image_file().file.getvalue(), "image/png"
            ),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert upload.status_code == 302, upload.context["form"].errors
    mine = Image.objects.get(title="Mayors' panel")
    assert mine.uploaded_by_user == translator
    assert client.get(reverse("wagtailimages:edit", args=(mine.pk,))).status_code == 200


def test_editors_upload_documents_and_translators_only_choose_them(
    client, editor, translator
):
    client.force_login(editor)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Mexico City declaration",
            "file": SimpleUploadedFile("declaration.txt", b"Learning cities"),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert get_document_model().objects.filter(title="Mexico City declaration").exists()

    client.force_login(translator)
    assert not allowed(client.get(reverse("wagtaildocs:add")))
    chooser = client.get(reverse("wagtaildocs_chooser:choose"))
    assert chooser.status_code == 200
    assert "Mexico City declaration" in chooser.json()["html"]
