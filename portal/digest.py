"""The trainers' digest: essays to mark and evidence to review, as one notice per trainer per
slot (07:00 and 13:00 Asia/Jakarta) instead of one per item. Run by `send_due_notifications`
through notifications.schedule (registered in PortalConfig.ready())."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cohorts.models import Cohort
from notifications import schedule
from notifications.kinds import Kind, register
from notifications.models import Notification
from notifications.services import JAKARTA, notify

from .trainer import trainer_queue

SLOTS = (7, 13)  # hours, Asia/Jakarta


def current_slot(now: datetime.datetime) -> str | None:
    """The latest slot of today (Jakarta) that has begun, as its event_key; None before 07:00."""
    local = now.astimezone(JAKARTA)
    begun = [hour for hour in SLOTS if local.hour >= hour]
    if not begun:
        return None
    return f"digest:{local.date().isoformat()}:{begun[-1]:02d}"


def waiting_for(trainer) -> tuple[int, int]:
    """Essays and evidence waiting in the trainer's courses and the cohorts they run (the same
    rows the desk at /pelatih/ shows), each counted once."""
    essays, evidence = set(), set()
    scopes = [None, *Cohort.objects.filter(trainers=trainer).values_list("pk", flat=True)]
    for cohort_id in scopes:
        queue = trainer_queue(user=trainer, params={"angkatan": cohort_id} if cohort_id else None)
        essays |= {answer.pk for answer in queue["essays"]}
        evidence |= {item.pk for item in queue["evidence"]}
    return len(essays), len(evidence)


def trainers_digest(*, now: datetime.datetime) -> int:
    slot = current_slot(now)
    if slot is None:
        return 0
    trainers = (
        get_user_model()
        .objects.filter(Q(trained_cohorts__isnull=False) | Q(courses_trained__isnull=False))
        .filter(is_active=True)
        # Cron runs every few minutes: who already has this slot's digest is not counted again.
        .exclude(
            pk__in=Notification.objects.filter(kind="trainer_digest", event_key=slot).values(
                "recipient_id"
            )
        )
        .distinct()
    )
    count = 0
    for trainer in trainers:
        essays, evidence = waiting_for(trainer)
        if not essays and not evidence:
            continue
        count += len(
            notify(
                kind="trainer_digest",
                obj=trainer,
                recipients=[trainer],
                params={"essays": essays, "evidence": evidence},
                event_key=slot,
                now=now,
            )
        )
    return count


def register_kinds() -> None:
    register(
        Kind(
            key="trainer_digest",
            audience="trainer",
            label=_("Daily digest of essays and evidence waiting for me"),
            title=_("Waiting for you: %(essays)s essays, %(evidence)s evidence"),
            body=_("Mark and review them on your desk."),
            url=lambda n: reverse("trainer_queue"),
        )
    )
    schedule.register("trainers_digest", trainers_digest)
