"""Cohort memberships and attendance, for the person's own download (UU 27/2022); assembled by
`portal/export.py`. A trainer's cohorts are listed with the role "trainer", without the members
or anyone's attendance: that is other people's data."""

from django.db.models import Exists, OuterRef, Q

from .models import Attendance, Cohort

COVERS = (Cohort, Attendance)

Membership = Cohort.members.through
Trainership = Cohort.trainers.through


def _name(user) -> str | None:
    return user.get_full_name() if user else None


def personal_data(*, user) -> dict[str, list | dict]:
    membership = Membership.objects.filter(user=user)
    cohorts = (
        Cohort.objects.filter(
            Q(pk__in=membership.values("cohort_id"))
            | Q(pk__in=Trainership.objects.filter(user=user).values("cohort_id"))
        )
        .annotate(is_member=Exists(membership.filter(cohort_id=OuterRef("pk"))))
        .select_related("course")
        .order_by("start_date", "pk")
    )
    attendance = (
        Attendance.objects.filter(user=user)
        .select_related("session__cohort", "recorded_by")
        .order_by("session__date", "pk")
    )
    return {
        "cohorts": [
            {
                "name": c.name,
                "course": c.course.title,
                "start_date": c.start_date.isoformat(),
                "end_date": c.end_date.isoformat(),
                "place": c.place,
                "role": "member" if c.is_member else "trainer",
            }
            for c in cohorts
        ],
        "attendance": [
            {
                "cohort": a.session.cohort.name,
                "session_date": a.session.date.isoformat(),
                "topic": a.session.topic,
                "place": a.session.place,
                "status": a.status,
                "status_label": a.get_status_display(),
                "recorded_by": _name(a.recorded_by),
                "recorded_at": a.recorded_at.isoformat(),
            }
            for a in attendance
        ],
    }
