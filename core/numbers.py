"""Numbers as the reader writes them: the active language's decimal mark and grouping
("66,67" in Indonesian), rounded to at most a few places, without needless zeros ("1" for
1.00). Scores are stored as Decimals with fixed places; this is only how they are shown."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils import formats


def format_number(value, *, places: int = 2) -> str:
    """A number for people to read. None and "" give ""; anything that is not a finite number
    is returned as text unchanged (a page never fails over a display)."""
    if value is None or value == "":
        return ""
    if isinstance(value, bool):
        return str(value)
    try:
        number = Decimal(str(value).strip())
        if not number.is_finite():
            return str(value)
        rounded = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):
        return str(value)
    if not rounded:
        rounded = abs(rounded)  # no "-0"
    fraction = format(rounded, "f").partition(".")[2].rstrip("0")
    return formats.number_format(
        rounded, decimal_pos=len(fraction), use_l10n=True, force_grouping=True
    )
