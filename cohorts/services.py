"""Writes for cohorts: enrolling members in the course and taking attendance. Keyword-only,
typed, atomic; a fixed number of queries however many members."""

from collections.abc import Iterable, Mapping

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.errors import DomainError
from modules.cache import progress_changed
from modules.models import Enrollment

from .models import Attendance, Cohort, CohortSession

Membership = Cohort.members.through


@transaction.atomic
def cohort_enrol(*, cohort: Cohort, by) -> int:
    """Enrol every member in the cohort's course; returns how many were newly enrolled.

    The office enrols on purpose, so a course closed to self-enrolment or still in draft is
    no obstacle (the volunteer sees it once it is published). Removing a member later keeps
    their enrolment and progress."""
    member_ids = set(
        Membership.objects.filter(cohort_id=cohort.pk).values_list("user_id", flat=True)
    )
    enrolled = set(
        Enrollment.objects.filter(course_id=cohort.course_id, user_id__in=member_ids).values_list(
            "user_id", flat=True
        )
    )
    new_ids = sorted(member_ids - enrolled)
    if not new_ids:
        return 0
    # Ids come from the membership table (foreign keys hold) and a concurrent enrolment is
    # absorbed by the unique constraint, so there is nothing left for full_clean() to check.
    Enrollment.objects.bulk_create(
        [Enrollment(user_id=user_id, course_id=cohort.course_id) for user_id in new_ids],
        ignore_conflicts=True,
    )
    progress_changed(*new_ids)  # bulk_create sends no signals
    audit(
        action="psm.cohort_enrol",
        instance=cohort,
        user=by,
        data={
            "course_id": cohort.course_id,
            "members": len(member_ids),
            "enrolled": len(new_ids),
            "user_ids": new_ids,
        },
    )
    return len(new_ids)


@transaction.atomic
def cohort_add_members(*, cohort: Cohort, users: Iterable, by) -> int:
    """Add people to the cohort and enrol them; returns how many were newly enrolled."""
    Membership.objects.bulk_create(
        [Membership(cohort_id=cohort.pk, user_id=user.pk) for user in users],
        ignore_conflicts=True,
    )
    return cohort_enrol(cohort=cohort, by=by)


@transaction.atomic
def attendance_record_many(
    *, session: CohortSession, statuses: Mapping[int, str], by
) -> list[Attendance]:
    """Record (or correct) the attendance of several members at one session: user id → status.
    Refused as a whole when anyone is not a member of the session's cohort."""
    if session.date > timezone.localdate():
        raise DomainError("session_not_held", _("This session has not taken place yet."))
    if not statuses:
        return []
    if not set(statuses.values()) <= set(Attendance.Status.values):
        raise DomainError("invalid_status", _("Choose present, excused or absent."))
    members = set(
        Membership.objects.filter(cohort_id=session.cohort_id, user_id__in=statuses).values_list(
            "user_id", flat=True
        )
    )
    if set(statuses) - members:
        raise DomainError("not_a_member", _("Only members of this cohort can be marked."))
    rows = [
        Attendance(session=session, user_id=user_id, status=status, recorded_by=by)
        for user_id, status in statuses.items()
    ]
    for row in rows:
        # The related rows are checked above; this validates the status.
        row.full_clean(
            exclude=["session", "user", "recorded_by"],
            validate_unique=False,
            validate_constraints=False,
        )
    return Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "user"],
        update_fields=["status", "recorded_by", "recorded_at"],
    )


def attendance_record(*, session: CohortSession, user, status: str, by) -> Attendance:
    """Record one member's attendance at one session; recording again replaces the status."""
    attendance_record_many(session=session, statuses={user.pk: status}, by=by)
    return Attendance.objects.get(session=session, user=user)
