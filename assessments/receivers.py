"""assessments listens to the rooms below it (connected in AssessmentsConfig.ready())."""

from django.db import transaction

from modules.models import CoursePage
from modules.signals import course_page_context, lesson_completed

from .models import Verdict
from .progress import before_kompeten_in_course
from .selectors import course_instruments, module_tasks
from .tasks import recompute_verdict


def recompute_after_lesson(*, user_id: int, course_id: int, **kwargs) -> None:
    # Once the volunteer has a verdict (something was assessed), recompute it, or the last
    # lesson of a required module never turns it Kompeten.
    if Verdict.objects.filter(volunteer_id=user_id, course_id=course_id).exists():
        transaction.on_commit(lambda: recompute_verdict.enqueue(user_id, course_id))


def add_module_tasks(*, course, request, context: dict, **kwargs) -> None:
    # One read of the instruments serves both: each module's tasks, and what is left before
    # Kompeten (from the stored verdict).
    found = course_instruments(course=course)
    context["module_tasks"] = module_tasks(course=course, found=found)
    context["before_kompeten"] = before_kompeten_in_course(
        user=request.user, outline=context["outline"], found=found
    )


def connect() -> None:
    lesson_completed.connect(recompute_after_lesson, dispatch_uid="assessments.lesson")
    course_page_context.connect(
        add_module_tasks, sender=CoursePage, dispatch_uid="assessments.tasks"
    )
