"""Security helpers the settings point at: client address, document uploads."""

import os
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm

# What the first bytes of an allowed document must be: a renamed HTML page or
# program is refused even when its name ends in .pdf.
ZIP = b"PK\x03\x04"
SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (ZIP,),
    "xlsx": (ZIP,),
    "pptx": (ZIP,),
    "odt": (ZIP,),
    "ods": (ZIP,),
}
TEXT_EXTENSIONS = {"txt", "csv"}


def client_ip(request):
    """The visitor's address for login throttling.

    Behind our own proxy (DJANGO_BEHIND_PROXY=1) the last X-Forwarded-For entry
    is the one that proxy added; earlier entries are whatever the client sent.
    """
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.split(",")[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR", "")


def sign_in_name(request, credentials):
    """The name sign-in failures are counted under (AXES_USERNAME_CALLABLE).

    Django's sign-in form reads a username in its NFKC form ("ｖictim" is
    "victim") before checking the password; counting failures under the name
    as typed let eight spellings of one name guess 32 times without a lock-out.
    Case-folded too: "Victim" and "victim" share one count.
    """
    name = (credentials or {}).get("username")
    if name is None:
        name = request.POST.get("username", "") if request is not None else ""
    return unicodedata.normalize("NFKC", str(name)).casefold()


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, which checks the extension and the size
    (WAGTAILDOCS_MAX_UPLOAD_SIZE), plus a check that the content is what the
    extension says."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not isinstance(file, UploadedFile):
            return file
        extension = os.path.splitext(file.name)[1].lower().lstrip(".")
        file.seek(0)
        head = file.read(64 * 1024)
        file.seek(0)
        if extension in SIGNATURES and not head.startswith(SIGNATURES[extension]):
            raise ValidationError(
                _("This file is not a real .%(extension)s document."),
                code="wrong_content",
                params={"extension": extension},
            )
        if extension in TEXT_EXTENSIONS and not _is_plain_text(head):
            raise ValidationError(
                _("This file is not plain text (UTF-8)."), code="wrong_content"
            )
        return file

    def _post_clean(self):
        # Wagtail's Document.clean() checks the extension of the stored file
        # again; after a refused upload that file is empty, and the editor would
        # see a second, puzzling error about the extension “”. Keep the first.
        refused = list(self._errors["file"].data) if "file" in self._errors else None
        super()._post_clean()
        if refused is not None:
            self._errors["file"].data[:] = refused


def _is_plain_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The 64 KB sample may end in the middle of a character.
        return error.start >= len(head) - 3
    return True
