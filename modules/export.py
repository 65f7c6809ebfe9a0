"""Enrolments, finished lessons and the courses a trainer is listed on, for the person's own
download (UU 27/2022); assembled by `portal/export.py`."""

from .models import CoursePage, Enrollment, LessonCompletion

COVERS = (CoursePage, Enrollment, LessonCompletion)


def personal_data(*, user) -> dict[str, list | dict]:
    return {
        "enrolments": [
            {"course": e.course.title, "enrolled_at": e.enrolled_at.isoformat()}
            for e in Enrollment.objects.filter(user=user).select_related("course").order_by("pk")
        ],
        "lessons_completed": [
            {"lesson": c.lesson.title, "completed_at": c.completed_at.isoformat()}
            for c in LessonCompletion.objects.filter(user=user)
            .select_related("lesson")
            .order_by("pk")
        ],
        # CoursePage.trainers: the courses this person assesses as a trainer (their own role;
        # nothing about the volunteers of those courses).
        "courses_trained": [
            course.title for course in CoursePage.objects.filter(trainers=user).order_by("path")
        ],
    }
