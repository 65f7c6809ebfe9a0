"""The trainer's desk (/pelatih/): what waits in their courses, from portal.actions."""

from collections import defaultdict

from assessments.permissions import trainer_course_ids
from modules.models import CoursePage, Enrollment, ModulePage

from .actions import pending_actions


def trainer_queue(*, user) -> dict:
    """Essays, evidence, missing observations and attitude ratings in the trainer's courses,
    and who is enrolled. A fixed number of queries however many volunteers."""
    course_ids = trainer_course_ids(user)
    courses = {c.pk: c for c in CoursePage.objects.filter(pk__in=course_ids)}
    module_course: dict[int, CoursePage] = {}
    for module in ModulePage.objects.live().filter(depth=5).only("pk", "path"):
        for course in courses.values():
            if module.path.startswith(course.path):
                module_course[module.pk] = course
    enrolled: dict[int, list] = defaultdict(list)
    for enrollment in Enrollment.objects.filter(course_id__in=course_ids).select_related("user"):
        enrolled[enrollment.course_id].append(enrollment.user)
    pending = pending_actions(module_course=module_course, enrolled=enrolled)
    return {
        "courses": list(courses.values()),
        "enrolled": {courses[cid]: people for cid, people in enrolled.items()},
        "essays": pending.essays,
        "evidence": pending.evidence,
        "observations_due": pending.observations_due,
        "ratings_due": pending.ratings_due,
    }
