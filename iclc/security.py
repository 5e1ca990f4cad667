"""Security helpers the settings point at: client address, sign-in names,
document and image uploads."""

import io
import os
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _

from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm

from PIL import Image

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

    def clean(self):
        cleaned_data = super().clean()
        # Model validation comes next (Django's ModelForm runs it after this).
        self.upload_refused = self.has_error("file")
        return cleaned_data

    def full_clean(self):
        self.upload_refused = False
        super().full_clean()
        # Wagtail's Document.clean() checks the extension of the stored file
        # again; after a refused upload that file is empty, and the editor would
        # see a second, puzzling error about the extension “”. Keep the first.
        if self.upload_refused:
            del self.errors["file"][1:]


def _is_plain_text(head):
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # The 64 KB sample may end in the middle of a character.
        return error.start >= len(head) - 3
    return True


# The only EXIF entry an uploaded photo keeps: how to turn it upright.
ORIENTATION = 0x0112
# Formats whose metadata can be rewritten without their pixels: a JPEG keeps its
# own quantisation ("keep"), PNG and lossless WebP are lossless anyway.
REWRITTEN_FORMATS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}


def without_personal_metadata(upload):
    """The uploaded photo's bytes without location (GPS), camera, owner, date or
    XMP metadata, keeping its orientation and colour profile; None when there is
    nothing to rewrite (another format, an animation)."""
    upload.seek(0)
    with Image.open(upload) as image:
        target = REWRITTEN_FORMATS.get(image.format)
        animated = getattr(image, "n_frames", 1) > 1 and target != "JPEG"
        if target is None or animated:
            return None
        kept = Image.Exif()
        if ORIENTATION in image.getexif():
            kept[ORIENTATION] = image.getexif()[ORIENTATION]
        options = {"exif": kept.tobytes()}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if image.format == "JPEG":
            options.update(quality="keep", subsampling="keep")
        elif target == "JPEG":  # a phone's MPO: its first picture
            options.update(quality=95)
        elif target == "WEBP":
            options.update(lossless=image.info.get("lossless", False), quality=95)
        output = io.BytesIO()
        image.save(output, target, **options)
    return output.getvalue()


class PrivateImageForm(BaseImageForm):
    """Wagtail's image form; an uploaded photo is stored without the metadata
    that would publish where and by whom it was taken (originals and their
    renditions are public media)."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # unchanged on an edit without a new file
        rewritten = without_personal_metadata(upload)
        if rewritten is None:
            upload.seek(0)
            return upload
        cleaned = SimpleUploadedFile(upload.name, rewritten, upload.content_type)
        # What Wagtail's image field found in the upload (format, size) holds.
        cleaned.image = upload.image
        return cleaned
