"""Writes for studying: enrolment and lesson completion. The only way to make these changes."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from core.errors import DomainError

from .cache import progress_changed
from .models import CoursePage, Enrollment, LessonCompletion, LessonPage
from .selectors import lesson_access
from .signals import lesson_completed


def enrollment_create(*, user, course: CoursePage, by_office: bool = False) -> Enrollment:
    """Enrol `user` in `course`. Idempotent: enrolling twice returns the first enrolment."""
    if not course.live:
        raise DomainError("course_unavailable", _("This course is not available."))
    existing = Enrollment.objects.filter(user=user, course=course).first()
    if existing:
        return existing
    if not course.self_enrol and not by_office:
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


def lesson_complete(*, user, lesson: LessonPage) -> LessonCompletion:
    """Mark a lesson done, refusing lessons the user may not open (not enrolled, locked)."""
    access = lesson_access(lesson=lesson, user=user)
    if not access.allowed:
        raise DomainError("lesson_locked", access.reason or _("You cannot open this lesson."))
    completion, created = LessonCompletion.objects.get_or_create(user=user, lesson=lesson)
    if created:
        progress_changed(user.pk)
        # Finishing a required module is an input of the verdict (assessments listens).
        lesson_completed.send(sender=LessonCompletion, user_id=user.pk, course_id=access.course.pk)
    return completion
