"""Reads for cohorts: which cohorts a trainer runs. The cohort dashboard, which reads every
room's results, is in portal/cohort.py."""

import datetime

from django.db.models import Count, QuerySet

from people.roles import is_office_admin

from .models import Cohort


def cohorts_for_trainer(*, user) -> QuerySet[Cohort]:
    """The cohorts the user runs (all of them for an office admin), with member counts."""
    cohorts = Cohort.objects.select_related("course")
    if not is_office_admin(user):
        cohorts = cohorts.filter(trainers=user)
    return cohorts.annotate(member_count=Count("members", distinct=True))


def _pick(cohorts: list[Cohort], on: datetime.date) -> Cohort | None:
    """The cohort that took place: the latest one started by `on`, else the first to come."""
    started = [c for c in cohorts if c.start_date <= on]
    if started:
        return max(started, key=lambda c: (c.start_date, c.pk))
    return min(cohorts, key=lambda c: (c.start_date, c.pk), default=None)


def member_cohorts(*, course_id: int, user_ids, on: datetime.date) -> dict[int, Cohort]:
    """Per volunteer, the cohort of this course they belong to (one query for all of them)."""
    links = Cohort.members.through.objects.filter(
        cohort__course_id=course_id, user_id__in=list(user_ids)
    ).select_related("cohort")
    by_user: dict[int, list[Cohort]] = {}
    for link in links:
        by_user.setdefault(link.user_id, []).append(link.cohort)
    return {user_id: _pick(cohorts, on) for user_id, cohorts in by_user.items()}


def member_cohort(*, course_id: int, user_id: int, on: datetime.date) -> Cohort | None:
    return member_cohorts(course_id=course_id, user_ids=[user_id], on=on).get(user_id)
