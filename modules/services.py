"""Writes for studying: enrolment and lesson completion. The only way to make these changes."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from people.roles import is_office_admin

from .cache import progress_changed
from .models import CoursePage, Enrollment, LessonCompletion, LessonPage
from .selectors import lesson_access
from .signals import lesson_completed


def enrollment_create(*, user, course: CoursePage, by=None) -> Enrollment:
    """Enrol `user` in `course`; `by` is who does it (None: the volunteer themselves). An office
    admin may enrol into a course closed to self-enrolment. Idempotent: enrolling twice returns
    the first enrolment."""
    if not course.live:
        raise DomainError("course_unavailable", _("This course is not available."))
    existing = Enrollment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    if not course.self_enrol and not (by is not None and is_office_admin(by)):
        raise DomainError(
            "enrolment_closed",
            _("This course is not open for self-enrolment. Ask your district office."),
        )
    enrollment = Enrollment(user=user, course=course)
    enrollment.full_clean(validate_unique=False)
    try:
        with transaction.atomic():
            enrollment.save()
    except IntegrityError:  # a double tap raced us; the first one won
        return Enrollment.objects.get(user=user, course=course)
    progress_changed(user.pk)
    return enrollment


def lesson_complete(
    *, by, lesson: LessonPage, at: datetime.datetime | None = None
) -> LessonCompletion:
    """`by` marks a lesson done; refused for lessons they may not open (not enrolled, locked).
    `at`: when it was done (a completion queued on a phone without signal), clamped to between
    the enrolment and now; a lesson already done keeps its first time."""
    access = lesson_access(lesson=lesson, user=by)
    if not access.allowed:
        raise DomainError("lesson_locked", access.reason or _("You cannot open this lesson."))
    now = timezone.now()
    when = now
    if at is not None:
        when = min(at, now)
        enrolled_at = (
            Enrollment.objects.filter(user=by, course=access.course)
            .values_list("enrolled_at", flat=True)
            .first()
        )
        if enrolled_at is not None:
            when = max(when, enrolled_at)
    completion, created = LessonCompletion.objects.get_or_create(
        user=by, lesson=lesson, defaults={"completed_at": when}
    )
    if created:
        progress_changed(by.pk)
        # Finishing a required module is an input of the verdict (assessments listens).
        lesson_completed.send(sender=LessonCompletion, user_id=by.pk, course_id=access.course.pk)
    return completion
