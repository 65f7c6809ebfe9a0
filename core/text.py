"""People's names and places as typed on phones and in spreadsheets: one clean form."""

import unicodedata

# Control, format (zero-width, bidi overrides such as U+202E), private-use and surrogate code
# points: invisible, and a bidi override would show a name reversed on a certificate.
_INVISIBLE = {"Cc", "Cf", "Co", "Cs"}


def clean_text(value: str) -> str:
    """NFC-normalised, invisible characters removed, runs of spaces collapsed and trimmed."""
    value = unicodedata.normalize("NFC", value or "")
    value = "".join(ch for ch in value if unicodedata.category(ch) not in _INVISIBLE)
    return " ".join(value.split())
