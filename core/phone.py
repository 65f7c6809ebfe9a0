"""Indonesian phone numbers: one canonical form (E.164, +62…) for 08…, 62…, +62… and spaced
input. Parsing, validity (an Indonesian mobile number per Google's numbering metadata) and
formatting are the `phonenumbers` library's; this module only sets the house rules around it."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

REGION = "ID"
# Digits, one leading plus and the separators people type. Refused before parsing: phonenumbers
# would read letters as a keypad ("0812ABCD…") and take "ext. 5" as an extension.
_TYPED = re.compile(r"\+?[0-9\s\-().]+")
_MOBILE = {phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE}


def _invalid() -> ValidationError:
    return ValidationError(
        _("Enter a valid Indonesian mobile number, for example 0812 3456 7890."),
        code="invalid_phone",
    )


def parse_phone(raw: str) -> phonenumbers.PhoneNumber:
    """The number as phonenumbers reads it, or ValidationError when it is not an Indonesian
    mobile number."""
    value = (raw or "").strip()
    if not value or len(value) > 32 or not _TYPED.fullmatch(value):
        raise _invalid()
    try:
        number = phonenumbers.parse(value, REGION)
    except phonenumbers.NumberParseException:
        raise _invalid() from None
    if (
        number.country_code != 62
        or number.extension
        or not phonenumbers.is_valid_number(number)
        or phonenumbers.number_type(number) not in _MOBILE
    ):
        raise _invalid()
    return number


def normalize_phone(raw: str) -> str:
    """Return the number in E.164 (+628…), or raise ValidationError."""
    return phonenumbers.format_number(parse_phone(raw), phonenumbers.PhoneNumberFormat.E164)


def looks_like_phone(value: str) -> bool:
    try:
        normalize_phone(value)
    except ValidationError:
        return False
    return True


def phone_national(phone: str) -> str:
    """How an Indonesian writes it: 0812-3456-7890."""
    return phonenumbers.format_number(parse_phone(phone), phonenumbers.PhoneNumberFormat.NATIONAL)


def phone_last_four(phone: str) -> str:
    """Enough for the office to recognise a number without showing it."""
    digits = re.sub(r"\D", "", phone or "")
    return digits[-4:]


def phone_wa_me(phone: str) -> str:
    """The digits wa.me wants: country code and number, no plus (6281234567890)."""
    return normalize_phone(phone).lstrip("+")
