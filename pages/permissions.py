"""Page permission rules the editorial roles need beyond Wagtail's defaults."""

from wagtail.models import PagePermissionTester


class EditorialPagePermissionTester(PagePermissionTester):
    """Wagtail's page permission tester, with deletion reserved to creators.

    Wagtail lets anyone with "change" delete a page that has never been live, and
    moving follows deletion. Translators have "change" only (they edit existing
    pages), and must not delete or move anything, so deleting and moving need the
    "add" permission as well (Editors and Moderators have it).
    """

    def can_delete(self, ignore_bulk=False):
        if self.user.is_active and not self.user.is_superuser:
            if "add" not in self.permissions:
                return False
        return super().can_delete(ignore_bulk=ignore_bulk)
