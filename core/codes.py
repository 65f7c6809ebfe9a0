"""One-time codes a person types from paper or a phone screen: an unambiguous alphabet (no
0/O/1/I/L), grouped for reading, forgiving on input, and stored only as a keyed digest."""

import secrets

from django.utils.crypto import salted_hmac

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 8
GROUP = 4


def new_code() -> str:
    """A fresh code in its canonical form (8 characters, no dash)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize_code(raw: str) -> str:
    """Upper case without spaces or dashes; "" when it cannot be a code at all."""
    value = "".join(ch for ch in (raw or "").upper() if ch not in " -\t")
    if len(value) != LENGTH or any(ch not in ALPHABET for ch in value):
        return ""
    return value


def format_code(code: str) -> str:
    """K7M49QXR -> K7M4-9QXR, as printed."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def code_digest(code: str, *, purpose: str) -> str:
    """HMAC-SHA256 keyed with the secret key (Django's salted_hmac, a pepper): a copy of the
    database alone does not give the codes away, and a lookup needs no slow hash per row."""
    return salted_hmac(f"psm.codes.{purpose}", code, algorithm="sha256").hexdigest()


def user_key(user_pk: int) -> str:
    """An opaque key per user for the offline app (the `psm-user` meta tag): the service worker
    keeps each person's saved pages under it, so a second person on the phone sees none of them.
    Keyed with the secret key: it does not give the user's id away."""
    return salted_hmac("psm.offline.user", str(user_pk), algorithm="sha256").hexdigest()[:32]
