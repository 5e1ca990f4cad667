"""Page permission rules the editorial roles need beyond Wagtail's defaults."""

from wagtail.models import PagePermissionTester


class EditorialPagePermissionTester(PagePermissionTester):
    """Wagtail's page permission tester, with deletion and copying reserved to
    creators.

    Wagtail lets anyone with "change" delete a page that has never been live, and
    moving follows deletion; it lets them copy a page too, which makes a new one.
    Translators have "change" only (they edit existing pages), and must not
    delete, move or copy anything, so these need the "add" permission as well
    (Editors and Moderators have it). Wagtail hides "Copy" from whoever
    `can_copy` refuses, and `can_copy_to` asks it first.
    """

    def can_delete(self, ignore_bulk=False):
        if not self.may_create():
            return False
        return super().can_delete(ignore_bulk=ignore_bulk)

    def can_copy(self):
        return self.may_create() and super().can_copy()

    def may_create(self):
        """Whether the user may make pages here: a superuser, or "add"."""
        if self.user.is_active and not self.user.is_superuser:
            return "add" in self.permissions
        return True
