"""Indonesian phone numbers: one canonical form (+62…) for 08…, 62…, +62… and spaced input."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-().]")


def normalize_phone(raw: str) -> str:
    """Return the number as +62 followed by 9-12 digits, or raise ValidationError."""
    value = _SEPARATORS.sub("", raw or "")
    if value.startswith("+62"):
        national = value[3:]
    elif value.startswith("62"):
        national = value[2:]
    elif value.startswith("0"):
        national = value[1:]
    else:
        national = value
    if not national.isdigit() or not national.startswith("8") or not 9 <= len(national) <= 12:
        raise ValidationError(
            _("Enter a valid Indonesian mobile number, for example 0812 3456 7890."),
            code="invalid_phone",
        )
    return "+62" + national


def looks_like_phone(value: str) -> bool:
    try:
        normalize_phone(value)
    except ValidationError:
        return False
    return True
