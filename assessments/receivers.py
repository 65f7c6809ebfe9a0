"""assessments listens to the rooms below it (connected in AssessmentsConfig.ready())."""

from django.db import transaction
from wagtail.signals import page_published

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


def recompute_course_verdicts(*, instance, **kwargs) -> None:
    # The course's competency policy (minimums, weights, pass-mark rule) is an input of every
    # verdict in it: once a version is published, the stored verdicts follow it.
    volunteer_ids = list(
        Verdict.objects.filter(course_id=instance.pk).values_list("volunteer_id", flat=True)
    )

    def enqueue():
        for user_id in volunteer_ids:
            recompute_verdict.enqueue(user_id, instance.pk)

    if volunteer_ids:
        transaction.on_commit(enqueue)


def connect() -> None:
    lesson_completed.connect(recompute_after_lesson, dispatch_uid="assessments.lesson")
    course_page_context.connect(
        add_module_tasks, sender=CoursePage, dispatch_uid="assessments.tasks"
    )
    page_published.connect(
        recompute_course_verdicts, sender=CoursePage, dispatch_uid="assessments.policy"
    )
