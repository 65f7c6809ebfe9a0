"""Evidence uploads: the type comes from the file's first bytes, never from its name; photos
lose their metadata (a phone writes the GPS position of where it was taken: a beneficiary's
home) before they are stored."""

import io

import filetype
from django.conf import settings
from django.core.files.base import ContentFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps

from core.errors import DomainError

ALLOWED = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}
MAX_BYTES = getattr(settings, "EVIDENCE_MAX_BYTES", 5 * 1024 * 1024)


def check_evidence_file(upload) -> str:
    """Return the detected content type, or raise DomainError with a message for the user."""
    if upload.size > MAX_BYTES:
        raise DomainError(
            "file_too_large",
            _("The file is too large: at most %(size)s.") % {"size": filesizeformat(MAX_BYTES)},
        )
    if upload.size == 0:
        raise DomainError("file_empty", _("The file is empty."))
    upload.seek(0)
    head = upload.read(262)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED:
        raise DomainError("file_type", _("Only PDF, JPEG or PNG files can be uploaded."))
    if kind.mime.startswith("image/"):
        _check_image(upload)
    # Store under the extension that matches the content, whatever the name said.
    upload.name = f"bukti.{ALLOWED[kind.mime]}"
    return kind.mime


MAX_PIXELS = 40_000_001  # up to a 40-megapixel phone photo; a "pixel bomb" claims far more


def _check_image(upload) -> None:
    """Read only the image's header: a broken file or absurd dimensions (a small file that
    would decode to gigabytes in the trainer's browser) are refused."""
    try:
        with Image.open(upload) as image:
            width, height = image.size
    except Image.DecompressionBombError:
        width = height = MAX_PIXELS  # Pillow's own limit already says it is far too large
    except (OSError, ValueError) as error:
        raise DomainError("file_broken", _("The image cannot be read.")) from error
    finally:
        upload.seek(0)
    if width * height >= MAX_PIXELS:
        raise DomainError("image_too_large", _("The image is too large: at most 40 megapixels."))


def without_metadata(upload, content_type: str):
    """A JPEG or PNG re-saved from its pixels alone: EXIF (GPS, phone, time), XMP, comments
    and PNG text chunks are gone; the EXIF orientation is applied to the pixels first, so the
    photo still stands the right way up. The colour profile stays. PDFs are returned as they
    came."""
    if not content_type.startswith("image/"):
        return upload
    upload.seek(0)
    with Image.open(upload) as image:
        image.load()
        upright = ImageOps.exif_transpose(image)
        icc = image.info.get("icc_profile")
        out = io.BytesIO()
        options = {"icc_profile": icc} if icc else {}
        if content_type == "image/jpeg":
            if upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            upright.save(out, "JPEG", quality=90, optimize=True, **options)
        else:
            upright.save(out, "PNG", optimize=True, **options)
    return ContentFile(out.getvalue(), name=upload.name)
