"""notify(): the one way to tell someone something. Rows are created idempotently in the
caller's transaction; channels are delivered by a background task after it commits."""

import datetime
import logging
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from . import kinds
from .channels import SENDERS, Skip
from .models import (
    QUIET_CHANNELS,
    Channel,
    Delivery,
    Notification,
    Preference,
    PushSubscription,
    QuietHours,
)
from .selectors import unread_key

logger = logging.getLogger(__name__)

JAKARTA = ZoneInfo("Asia/Jakarta")
QUIET_FROM, QUIET_UNTIL = 21, 6  # hours, Asia/Jakarta
BATCH = 500
MAX_ATTEMPTS = 3
STALE_CLAIM = datetime.timedelta(minutes=10)  # a worker that died mid-send


def quiet_until(now: datetime.datetime) -> datetime.datetime | None:
    """06:00 Jakarta time when `now` is within 21:00-06:00 there, else None."""
    local = now.astimezone(JAKARTA)
    if QUIET_UNTIL <= local.hour < QUIET_FROM:
        return None
    day = local.date() if local.hour < QUIET_UNTIL else local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, datetime.time(QUIET_UNTIL), tzinfo=JAKARTA)


def _forget_counts(user_ids: list[int]) -> None:
    keys = [unread_key(pk) for pk in user_ids]
    cache.delete_many(keys)
    # Also after commit: a request that counted in between would have cached the old number.
    transaction.on_commit(lambda: cache.delete_many(keys))


def notify(
    *,
    kind: str,
    obj,
    recipients: Iterable,
    params: dict | None = None,
    event_key: str = "",
    now: datetime.datetime | None = None,
) -> list[int]:
    """Notify each recipient (users) once per (kind, obj, event_key). Returns the ids of the
    notifications (new or already there). Delivery runs in a task once the caller commits."""
    spec = kinds.get(kind)
    users = {user.pk: user for user in recipients if user is not None and user.is_active}
    if not users:
        return []
    now = now or timezone.now()
    object_type = ContentType.objects.get_for_model(obj)
    params = params or {}
    ids: list[int] = []
    pending = list(users)
    with transaction.atomic():
        while pending:
            batch, pending = pending[:BATCH], pending[BATCH:]
            Notification.objects.bulk_create(
                [
                    Notification(
                        recipient_id=pk,
                        kind=kind,
                        object_type=object_type,
                        object_id=obj.pk,
                        event_key=event_key[:100],
                        params=params,
                    )
                    for pk in batch
                ],
                ignore_conflicts=True,  # the unique constraint makes a repeat a no-op
            )
            rows = dict(
                Notification.objects.filter(
                    kind=kind,
                    object_type=object_type,
                    object_id=obj.pk,
                    event_key=event_key[:100],
                    recipient_id__in=batch,
                ).values_list("recipient_id", "pk")
            )
            ids += rows.values()
            Delivery.objects.bulk_create(
                _deliveries(spec=spec, users=users, rows=rows, now=now), ignore_conflicts=True
            )
            _forget_counts(batch)
    transaction.on_commit(lambda: enqueue_delivery(ids))
    return ids


def _deliveries(*, spec, users: dict, rows: dict[int, int], now) -> list[Delivery]:
    user_ids = list(rows)
    chosen = dict(
        Preference.objects.filter(user_id__in=user_ids, kind=spec.key).values_list(
            "user_id", "channels"
        )
    )
    with_push = set(
        PushSubscription.objects.filter(user_id__in=user_ids).values_list("user_id", flat=True)
    )
    no_quiet = set(
        QuietHours.objects.filter(user_id__in=user_ids, enabled=False).values_list(
            "user_id", flat=True
        )
    )
    morning = quiet_until(now)
    out = []
    for user_id, notification_id in rows.items():
        for channel in chosen.get(user_id, spec.channels):
            if channel == Channel.EMAIL and not users[user_id].email:
                continue
            if channel == Channel.PUSH and user_id not in with_push:
                continue
            if channel == Channel.TEXT and not users[user_id].phone:
                continue
            if channel not in SENDERS:  # in-app is the row itself
                continue
            held = morning if channel in QUIET_CHANNELS and user_id not in no_quiet else None
            out.append(Delivery(notification_id=notification_id, channel=channel, not_before=held))
    return out


def enqueue_delivery(notification_ids: list[int]) -> None:
    from .tasks import deliver_notifications

    for start in range(0, len(notification_ids), BATCH):
        deliver_notifications.enqueue(notification_ids[start : start + BATCH])


def _due(now) -> Q:
    unclaimed = Q(status=Delivery.Status.PENDING) | Q(
        status=Delivery.Status.SENDING, claimed_at__lt=now - STALE_CLAIM
    )
    return unclaimed & (Q(not_before__isnull=True) | Q(not_before__lte=now))


def _claim(delivery_id: int, now) -> bool:
    """The conditional UPDATE: only one worker turns a due delivery into sending, so a
    retried or doubled task sends nothing twice."""
    claimed = Delivery.objects.filter(_due(now), pk=delivery_id).update(
        status=Delivery.Status.SENDING, claimed_at=now, attempts=F("attempts") + 1
    )
    return bool(claimed)


def deliveries_send(
    *, notification_ids: list[int] | None = None, now: datetime.datetime | None = None
) -> dict[str, int]:
    """Send every due delivery (of these notifications, or all). Returns counts by outcome."""
    now = now or timezone.now()
    due = Delivery.objects.filter(_due(now))
    if notification_ids is not None:
        due = due.filter(notification_id__in=notification_ids)
    counts = {"sent": 0, "skipped": 0, "failed": 0, "retry": 0}
    for delivery in due.select_related("notification__recipient").order_by("pk"):
        if not _claim(delivery.pk, now):
            continue
        delivery.attempts += 1
        try:
            SENDERS[delivery.channel](delivery)
        except Skip as reason:
            outcome, status, error = "skipped", Delivery.Status.SKIPPED, str(reason)
        except Exception as error_:
            logger.warning("notification delivery %s failed: %s", delivery.pk, error_)
            final = delivery.attempts >= MAX_ATTEMPTS
            outcome = "failed" if final else "retry"
            status = Delivery.Status.FAILED if final else Delivery.Status.PENDING
            error = str(error_)[:500]
        else:
            outcome, status, error = "sent", Delivery.Status.SENT, ""
        Delivery.objects.filter(pk=delivery.pk).update(
            status=status,
            error=error,
            sent_at=timezone.now() if outcome == "sent" else None,
        )
        counts[outcome] += 1
    return counts


def notification_read(*, user, notification_id: int) -> Notification:
    """Marks the user's own notification read; another user's is Notification.DoesNotExist."""
    notification = Notification.objects.get(pk=notification_id, recipient_id=user.pk)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
        _forget_counts([user.pk])
    return notification


def notifications_read_all(*, user) -> int:
    count = Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
    _forget_counts([user.pk])
    return count


@transaction.atomic
def preferences_save(*, user, channels: dict[str, list[str]], quiet_hours: bool) -> None:
    """Channels per kind (in-app always stays) and quiet hours on or off."""
    allowed = set(Channel.values)
    for key in kinds.KINDS:
        chosen = sorted({c for c in channels.get(key, []) if c in allowed} | {Channel.INAPP})
        Preference.objects.update_or_create(user=user, kind=key, defaults={"channels": chosen})
    QuietHours.objects.update_or_create(user=user, defaults={"enabled": quiet_hours})


def push_subscription_save(*, user, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """One row per endpoint; a browser that subscribes again (or for another user on a shared
    phone) takes the row over."""
    subscription = PushSubscription.objects.filter(endpoint=endpoint).first() or PushSubscription(
        endpoint=endpoint
    )
    subscription.user, subscription.p256dh, subscription.auth = user, p256dh, auth
    subscription.full_clean(validate_unique=False)
    subscription.save()
    return subscription


def push_subscription_delete(*, user, endpoint: str) -> int:
    deleted, _ = PushSubscription.objects.filter(user=user, endpoint=endpoint).delete()
    return deleted
