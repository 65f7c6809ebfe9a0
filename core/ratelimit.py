"""Who is knocking, and how often: the client address, a fixed-window rate limit in the cache,
and the hooks django-axes uses for login throttling.

The client address is REMOTE_ADDR. A forged X-Forwarded-For header never changes it, unless the
connection comes from a proxy listed in the TRUSTED_PROXIES setting (env DJANGO_TRUSTED_PROXIES):
then the right-most X-Forwarded-For entry that is not itself a trusted proxy is the client (the
one the trusted proxy appended; anything further left was written by the client)."""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import RateCount
from .phone import looks_like_phone, normalize_phone


def client_ip(request) -> str:
    address = request.META.get("REMOTE_ADDR") or "unknown"
    trusted = set(getattr(settings, "TRUSTED_PROXIES", ()))
    if address not in trusted:
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
    for hop in reversed(hops):
        if hop not in trusted:
            return hop
    return address


def allow(request, *, scope: str, limit: int, window: int = 60) -> bool:
    """Count this request in its fixed window; False once the limit is passed. Counted in the
    shared cache (Redis), or in the database when settings.RATE_LIMIT_STORE says so."""
    return allow_key(scope=scope, key=client_ip(request), limit=limit, window=window)


def allow_key(*, scope: str, key: str, limit: int, window: int = 60) -> bool:
    """The same count for any key: a phone number in its one canonical form, so every way of
    typing it shares one counter."""
    start = int(time.time() // window) * window
    key = f"rl:{scope}:{key}:{start}"
    if settings.RATE_LIMIT_STORE == "database":
        return _count_in_database(key, start=start, window=window) <= limit
    cache.add(key, 0, window + 1)
    try:
        count = cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, window + 1)
        count = 1
    return count <= limit


def _count_in_database(key: str, *, start: int, window: int) -> int:
    for _attempt in range(2):
        if RateCount.objects.filter(key=key).update(count=F("count") + 1):
            return RateCount.objects.values_list("count", flat=True).get(key=key)
        try:
            with transaction.atomic():
                RateCount.objects.create(key=key, window=start, count=1)
        except IntegrityError:  # another worker opened the window first: count again
            continue
        # A new window: the ones that have ended are of no use any more.
        RateCount.objects.filter(window__lt=start - window).delete()
        return 1
    return RateCount.objects.values_list("count", flat=True).get(key=key)


def axes_client_ip(request) -> str | None:
    """AXES_CLIENT_IP_CALLABLE: the same address the rate limits use, or None when there is no
    valid one (a request built in code, e.g. force_login's): axes stores it in an inet column
    on PostgreSQL, which refuses anything else."""
    address = client_ip(request)
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return None
    return address


def axes_username(request, credentials=None) -> str:
    """AXES_USERNAME_CALLABLE: one key per account, whatever the volunteer typed.

    The login takes the username or the phone in any form (people.backends). A phone that belongs to
    an account counts as that account's username, so "0812…", "+62 812…" and the username share
    one failure counter; a phone that belongs to nobody is counted in its +62 form."""
    from django.contrib.auth import get_user_model

    field = settings.AXES_USERNAME_FORM_FIELD
    typed = (credentials or {}).get(field)
    if typed is None and request is not None:
        typed = request.POST.get(field)
    typed = (typed or "").strip()
    if typed and looks_like_phone(typed):
        phone = normalize_phone(typed)
        username = (
            get_user_model()
            .objects.filter(phone=phone)
            .values_list(get_user_model().USERNAME_FIELD, flat=True)
            .first()
        )
        return username or phone
    return typed


def axes_lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: a readable page (status 429) instead of a bare text response."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = max(1, int(cool_off.total_seconds() // 60)) if cool_off else None
    if minutes:
        message = ngettext(
            "Too many failed login attempts for this account from your connection. "
            "Wait %(minutes)d minute and try again, or reset your password.",
            "Too many failed login attempts for this account from your connection. "
            "Wait %(minutes)d minutes and try again, or reset your password.",
            minutes,
        ) % {"minutes": minutes}
    else:
        message = _("Too many failed login attempts for this account. Ask the office to unlock it.")
    return render(
        request,
        "registration/locked_out.html",
        {"message": message, "minutes": minutes},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
