"""Evidence uploads: the type comes from the file's first bytes, never from its name."""

import filetype
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from lms.errors import DomainError

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
    # Store under the extension that matches the content, whatever the name said.
    upload.name = f"bukti.{ALLOWED[kind.mime]}"
    return kind.mime
