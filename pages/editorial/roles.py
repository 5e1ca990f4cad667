"""The editorial roles (Editors, Moderators, Translators) and the moderation workflow.

The roles are defined here, in code, and written to the database by
`sync_editorial_roles()`. That function runs

- from the data migration `0008_editorial_roles` (with the migration's historical
  models), so a new database has the roles before anyone signs in;
- after every `migrate` (a `post_migrate` handler, see `PagesConfig.ready`), which
  `make run`, `make dev`, the Docker start script and the test database all run.
  That second run is what gives snippets added later (by any engineer, in any
  module registered through `wagtail_hooks.py`) the right permissions without a
  new migration: the snippet permissions are computed from Wagtail's snippet
  registry each time;
- on demand: `manage.py sync_editorial_roles`.

The definition is authoritative: a permission given to one of these three groups by
hand in the admin is removed at the next deploy. Change a role here instead, and
add a test in `tests/editorial/test_editorial_roles.py`.

Page permissions are granted on Wagtail's tree root (depth 1), not on the home
page: the migration runs before the content loader creates the home page, and
everything on the site sits below the root. Images and documents are granted on
the root collection. Superusers need nothing: Wagtail lets them do everything.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.contrib.contenttypes.management import create_contenttypes
from django.db import DEFAULT_DB_ALIAS

from wagtail.snippets.models import create_extra_permissions, get_snippet_models

EDITORS = "Editors"
MODERATORS = "Moderators"
TRANSLATORS = "Translators"

# Declared on the model that records translation sources (pages/models/translations.py).
MANAGE_TRANSLATIONS = ("pages", "translationsource", "manage_translations")

WORKFLOW_NAME = "Moderators approval"
TASK_NAME = "Moderators approval"


@dataclass(frozen=True)
class Role:
    """What one group may do; actions are Wagtail's permission verbs."""

    pages: tuple[str, ...]
    images: tuple[str, ...]
    documents: tuple[str, ...]
    # For each registered snippet model; an action the model doesn't have (e.g.
    # "publish" on a snippet without DraftStateMixin) is skipped.
    snippets: tuple[str, ...]
    # Other model permissions, as (app label, model name, codename).
    other: tuple[tuple[str, str, str], ...] = ()


ROLES = {
    # Write and revise pages, snippets and media; submit pages for moderation.
    # Wagtail lets "add"/"change" users delete only pages that were never live.
    EDITORS: Role(
        pages=("add", "change"),
        images=("add", "change", "choose"),
        documents=("add", "change", "choose"),
        snippets=("add", "change"),
    ),
    # Approve (which publishes), publish, unpublish and schedule; lock pages while
    # they review them. Moving a live page needs "publish" at the destination.
    MODERATORS: Role(
        pages=("add", "change", "publish", "lock", "unlock"),
        images=("add", "change", "choose"),
        documents=("add", "change", "choose"),
        snippets=("add", "change", "delete", "publish", "lock", "unlock"),
        # The translation report and PO files; their imports publish.
        other=(MANAGE_TRANSLATIONS,),
    ),
    # Edit existing content (pages and snippets) and upload images. Without "add"
    # they cannot create, copy or move pages; `EditorialPagePermissionTester` also
    # stops them deleting a draft, which Wagtail would allow with "change".
    TRANSLATORS: Role(
        pages=("change",),
        images=("add", "choose"),
        documents=("choose",),
        snippets=("change",),
        # The translation report and PO files; an import saves drafts and
        # submits them to the Moderators (pages/i18n/admin_views.py).
        other=(MANAGE_TRANSLATIONS,),
    ),
}

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")


def ensure_permissions_exist(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create content types and permissions now, not at the end of `migrate`.

    Django creates them in `post_migrate`, app by app; a data migration, and a
    `post_migrate` handler of an app listed before the others, would otherwise
    look for permissions that don't exist yet.
    """
    for app_config in apps.get_app_configs():
        if apps is not global_apps:
            # Historical app configs have no models module; Django skips those.
            app_config.models_module = True
        create_contenttypes(app_config, verbosity=0, using=using, apps=apps)
        create_permissions(app_config, verbosity=0, using=using, apps=apps)
    if apps is global_apps:
        create_extra_permissions(
            global_apps.get_app_config("wagtailsnippets"), using=using
        )


def snippet_model_labels():
    """The `app_label.ModelName` of every snippet registered in the admin."""
    return sorted(model._meta.label for model in get_snippet_models())


def _permission(apps, using, app_label, model_name, codename):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type = (
        ContentType.objects.db_manager(using)
        .filter(app_label=app_label, model=model_name.lower())
        .first()
    )
    if content_type is None:
        return None  # a model a later migration adds
    return (
        Permission.objects.using(using)
        .filter(content_type=content_type, codename=codename)
        .first()
    )


def _model_permissions(apps, using, role, snippet_labels):
    """The Django model permissions of a role (admin access and snippets)."""
    permissions = [_permission(apps, using, *ADMIN_ACCESS)]
    permissions += [_permission(apps, using, *other) for other in role.other]
    for label in snippet_labels:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue  # not in this migration's state yet; the next migrate adds it
        for action in role.snippets:
            permission = _permission(
                apps,
                using,
                model._meta.app_label,
                model._meta.model_name,
                f"{action}_{model._meta.model_name}",
            )
            if permission is not None:
                permissions.append(permission)
    return [permission for permission in permissions if permission is not None]


def _grant_exactly(model, using, group, target, wanted):
    """Leave the group exactly the `wanted` rows of a Wagtail group permission
    model: (`target` id, permission id) pairs, `target` being the collection or
    page column. Rows no longer wanted go; the missing ones are added."""
    existing = model.objects.using(using).filter(group=group)
    for row in existing:
        if (getattr(row, target), row.permission_id) not in wanted:
            row.delete()
    have = set(existing.values_list(target, "permission_id"))
    model.objects.using(using).bulk_create(
        model(group=group, permission_id=permission_id, **{target: target_id})
        for target_id, permission_id in wanted - have
    )


def _sync_collection_permissions(apps, using, group, role):
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model(
        "wagtailcore", "GroupCollectionPermission"
    )
    root = Collection.objects.using(using).filter(depth=1).first()
    wanted = set()
    if root is not None:
        for app_label, model_name, actions in (
            ("wagtailimages", "image", role.images),
            ("wagtaildocs", "document", role.documents),
        ):
            for action in actions:
                permission = _permission(
                    apps, using, app_label, model_name, f"{action}_{model_name}"
                )
                if permission is not None:
                    wanted.add((root.pk, permission.pk))
    _grant_exactly(GroupCollectionPermission, using, group, "collection_id", wanted)


def _sync_page_permissions(apps, using, group, role, root):
    """Grant the role's page permissions on the tree root (`root` is its key)."""
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    wanted = set()
    if root is not None:
        for action in role.pages:
            permission = _permission(
                apps, using, "wagtailcore", "page", f"{action}_page"
            )
            wanted.add((root, permission.pk))
    _grant_exactly(GroupPagePermission, using, group, "page_id", wanted)


def _approval_task_model(apps):
    """The site's approval task (pages/models/workflow.py); Wagtail's group
    approval in the migrations that come before the model."""
    try:
        return apps.get_model("pages", "ModeratorsApprovalTask")
    except LookupError:
        return apps.get_model("wagtailcore", "GroupApprovalTask")


def _sync_workflow(apps, using, moderators, root):
    """One workflow, "Moderators approval", on the tree root: every page uses it.

    Its one task is the site's approval task; a workflow made before that task
    existed (with Wagtail's group approval) has its task replaced, and the old
    task deactivated so that it is offered nowhere.
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    ApprovalTask = _approval_task_model(apps)

    task = ApprovalTask.objects.using(using).filter(name=TASK_NAME).first()
    if task is None:
        task = ApprovalTask.objects.using(using).create(
            name=TASK_NAME,
            active=True,
            content_type=ContentType.objects.db_manager(using).get_for_model(
                ApprovalTask
            ),
        )
    elif not task.active:
        task.active = True
        task.save(update_fields=["active"])
    task.groups.set([moderators])

    workflow = Workflow.objects.using(using).filter(name=WORKFLOW_NAME).first()
    if workflow is None:
        workflow = Workflow.objects.using(using).create(name=WORKFLOW_NAME, active=True)
    elif not workflow.active:
        workflow.active = True
        workflow.save(update_fields=["active"])
    steps = WorkflowTask.objects.using(using).filter(workflow=workflow)
    replaced = list(steps.exclude(task=task).values_list("task_id", flat=True))
    steps.exclude(task=task).delete()
    apps.get_model("wagtailcore", "Task").objects.using(using).filter(
        pk__in=replaced
    ).update(active=False)
    if not steps.exists():
        WorkflowTask.objects.using(using).create(
            workflow=workflow, task=task, sort_order=0
        )
    if root is not None:
        WorkflowPage.objects.using(using).update_or_create(
            page_id=root, defaults={"workflow": workflow}
        )


def sync_editorial_roles(apps=global_apps, using=DEFAULT_DB_ALIAS):
    """Create or correct the three groups and the workflow; idempotent.

    `apps` is the migration's historical registry in the data migration and the
    real one everywhere else.
    """
    ensure_permissions_exist(apps, using)
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    # Only the key: on a new database `post_migrate` runs before
    # wagtail-modeltranslation adds the page's `title_en`… columns.
    root = (
        Page.objects.using(using)
        .filter(depth=1)
        .order_by("path")
        .values_list("pk", flat=True)
        .first()
    )
    labels = snippet_model_labels()

    groups = {}
    for name, role in ROLES.items():
        group, _created = Group.objects.using(using).get_or_create(name=name)
        groups[name] = group
        group.permissions.set(_model_permissions(apps, using, role, labels))
        _sync_page_permissions(apps, using, group, role, root)
        _sync_collection_permissions(apps, using, group, role)
    _sync_workflow(apps, using, groups[MODERATORS], root)
    return groups


def sync_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs):
    """`post_migrate` receiver (connected for the pages app only)."""
    sync_editorial_roles(using=using)
