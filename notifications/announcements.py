"""announcement_send(): one office message to a district or a cohort, never in the request:
the fan-out runs in background tasks, a batch each, each batch idempotent (notify())."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.errors import DomainError

from .models import Announcement
from .services import notify

FAN_OUT_BATCH = 1000


@transaction.atomic
def announcement_send(*, title: str, body: str, by, district=None, cohort=None) -> Announcement:
    if (district is None) == (cohort is None):
        raise DomainError("recipients_required", _("Choose one district or one cohort."))
    if not title.strip() or not body.strip():
        raise DomainError("text_required", _("An announcement needs a title and a message."))
    if district is not None:
        users = get_user_model().objects.filter(profile__district=district, is_active=True)
    else:
        users = cohort.members.filter(is_active=True)
    announcement = Announcement(
        title=title.strip(),
        body=body.strip(),
        sent_by=by,
        recipient_ids=sorted(users.values_list("pk", flat=True)),
    )
    announcement.full_clean()
    announcement.save()
    audit(
        action="psm.announcement_send",
        instance=announcement,
        user=by,
        data={"recipients": len(announcement.recipient_ids)},
    )
    transaction.on_commit(lambda: _enqueue(announcement.pk, 0))
    return announcement


def _enqueue(announcement_id: int, start: int) -> None:
    from .tasks import fan_out_announcement

    fan_out_announcement.enqueue(announcement_id, start)


def announcement_fan_out(*, announcement_id: int, start: int) -> int:
    """One batch from `start`; the next batch is enqueued once this one is committed. A batch
    run twice notifies nobody twice (one notification per announcement and recipient)."""
    announcement = Announcement.objects.get(pk=announcement_id)
    ids = announcement.recipient_ids[start : start + FAN_OUT_BATCH]
    with transaction.atomic():
        users = list(get_user_model().objects.filter(pk__in=ids, is_active=True))
        notify(
            kind="announcement",
            obj=announcement,
            recipients=users,
            params={"title": announcement.title, "body": announcement.body},
        )
        done = start + len(ids)
        finished = done >= len(announcement.recipient_ids)
        Announcement.objects.filter(pk=announcement_id).update(
            delivered=done, finished_at=timezone.now() if finished else None
        )
        if not finished:
            transaction.on_commit(lambda: _enqueue(announcement_id, done))
    return done
