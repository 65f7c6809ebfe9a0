"""Finding people the way the office knows them: by name, username or a phone typed any way."""

import re

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from core.phone import looks_like_phone, normalize_phone

from .roles import VOLUNTEER_GROUP

_PHONE_CHARS = re.compile(r"[\d\s\-().+]+")
# Fewer digits than this match too many numbers to mean anything.
MIN_PHONE_DIGITS = 5


def _phone_q(query: str) -> Q | None:
    """A whole number in any format (08…, +62…, 62…, spaced) matches exactly; a run of its
    digits (e.g. the last ones, "3456 7890") matches phones containing them."""
    if not _PHONE_CHARS.fullmatch(query):
        return None
    if looks_like_phone(query):
        return Q(phone=normalize_phone(query))
    digits = re.sub(r"\D", "", query)
    for prefix in ("62", "0"):  # the stored form is +62 8…: drop a national or country prefix
        if digits.startswith(prefix) and len(digits) - len(prefix) >= MIN_PHONE_DIGITS:
            digits = digits[len(prefix) :]
            break
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return Q(phone__contains=digits)


def user_search_q(query: str) -> Q:
    """Every word in the name (full, first or last), username or email; or the phone."""
    query = " ".join((query or "").split())
    if not query:
        return Q(pk__in=[])
    by_words = Q()
    for word in query.split():
        by_words &= (
            Q(full_name__icontains=word)
            | Q(first_name__icontains=word)
            | Q(last_name__icontains=word)
            | Q(username__icontains=word)
            | Q(email__icontains=word)
        )
    phone = _phone_q(query)
    return by_words | phone if phone is not None else by_words


def users_matching(queryset: QuerySet, query: str) -> QuerySet:
    return queryset.filter(user_search_q(query))


def volunteers() -> QuerySet:
    """Active users in the volunteer role: the people a certificate may be issued to."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=VOLUNTEER_GROUP)
        .select_related("profile__district")
    )
