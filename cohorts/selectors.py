"""Reads for cohorts: which cohorts a trainer runs. The cohort dashboard, which reads every
room's results, is in portal/cohort.py."""

from django.db.models import Count, QuerySet

from people.roles import is_office_admin

from .models import Cohort


def cohorts_for_trainer(*, user) -> QuerySet[Cohort]:
    """The cohorts the user runs (all of them for an office admin), with member counts."""
    cohorts = Cohort.objects.select_related("course")
    if not is_office_admin(user):
        cohorts = cohorts.filter(trainers=user)
    return cohorts.annotate(member_count=Count("members", distinct=True))
