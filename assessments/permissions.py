"""Who may assess whom: a trainer acts on the volunteers of the courses they train; an office
admin on every course. Anything else answers 404, so nothing leaks that it exists."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404

from lms.services import OFFICE_ADMIN_GROUP, TRAINER_GROUP
from modules.models import CoursePage, Enrollment


def _groups(user) -> set[str]:
    if not hasattr(user, "_group_names"):
        user._group_names = set(user.groups.values_list("name", flat=True))
    return user._group_names


def is_office_admin(user) -> bool:
    return user.is_superuser or OFFICE_ADMIN_GROUP in _groups(user)


def is_trainer(user) -> bool:
    return user.is_authenticated and (is_office_admin(user) or TRAINER_GROUP in _groups(user))


def trainer_course_ids(user) -> set[int]:
    if is_office_admin(user):
        return set(CoursePage.objects.values_list("pk", flat=True))
    return set(CoursePage.objects.filter(trainers=user).values_list("pk", flat=True))


def trainer_required(view):
    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not is_trainer(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def trains_in_cohort(user, *, course_id: int, volunteer_id: int | None = None) -> bool:
    """A trainer of a cohort acts on that cohort's members only (not the whole course)."""
    from cohorts.models import Cohort

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
