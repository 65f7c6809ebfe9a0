"""Who may assess whom: a trainer acts on the volunteers of the courses they train; an office
admin on every course. Anything else answers 404, so nothing leaks that it exists."""

from django.http import Http404

from cohorts.models import Cohort
from modules.models import CoursePage, Enrollment
from people.roles import is_office_admin


def trainer_course_ids(user) -> set[int]:
    if is_office_admin(user):
        return set(CoursePage.objects.values_list("pk", flat=True))
    return set(CoursePage.objects.filter(trainers=user).values_list("pk", flat=True))


def trains_in_cohort(user, *, course_id: int, volunteer_id: int | None = None) -> bool:
    """A trainer of a cohort acts on that cohort's members only (not the whole course)."""
    cohorts = Cohort.objects.filter(course_id=course_id, trainers=user)
    if volunteer_id is not None:
        cohorts = cohorts.filter(members=volunteer_id)
    return user.is_authenticated and cohorts.exists()


def assert_trains(user, *, course_id: int, volunteer_id: int | None = None) -> None:
    """404 unless the user trains the course (and the volunteer is enrolled in it), or runs a
    cohort of the course that the volunteer belongs to."""
    if course_id not in trainer_course_ids(user):
        if not trains_in_cohort(user, course_id=course_id, volunteer_id=volunteer_id):
            raise Http404
        return
    if (
        volunteer_id is not None
        and not Enrollment.objects.filter(course_id=course_id, user_id=volunteer_id).exists()
    ):
        raise Http404
