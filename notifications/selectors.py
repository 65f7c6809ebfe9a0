"""Reads: the bell's count (cached per user), the list, the settings."""

from django.core.cache import cache

from .kinds import KINDS
from .models import Notification, Preference, QuietHours

UNREAD_TTL = 10 * 60  # a missed invalidation (another process's cache) heals itself


def unread_key(user_id: int) -> str:
    return f"psm:notify:unread:{user_id}"


def unread_count(*, user) -> int:
    """At most one query; none while cached. Every create and read deletes the entry."""
    if not user.is_authenticated:
        return 0
    key = unread_key(user.pk)
    count = cache.get(key)
    if count is None:
        count = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count()
        cache.set(key, count, UNREAD_TTL)
    return count


def notifications_for(*, user):
    # Nothing joined: every text comes from the row's own params (kinds.render).
    return Notification.objects.filter(recipient_id=user.pk).only(
        "pk", "kind", "object_id", "params", "created_at", "read_at"
    )


def preferences_for(*, user) -> tuple[dict[str, list[str]], bool]:
    """Channels per registered kind (the user's choice, else the kind's default) and whether
    quiet hours are on."""
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "channels"))
    channels = {key: list(chosen.get(key, kind.channels)) for key, kind in KINDS.items()}
    quiet = QuietHours.objects.filter(user=user).values_list("enabled", flat=True).first()
    return channels, quiet is not False
