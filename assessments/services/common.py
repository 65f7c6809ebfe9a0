"""What every write service needs: the course of a module, the enrolment and unlock checks, and
queueing a verdict recompute once the write is committed."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext as _

from core.errors import DomainError
from modules.models import CoursePage, Enrollment, ModulePage

from ..selectors import module_locked_by
from ..tasks import recompute_verdict


def course_of_module(module_id: int) -> CoursePage:
    """The course a module belongs to, in one query."""
    return CoursePage.objects.get(
        Exists(ModulePage.objects.filter(pk=module_id, path__startswith=OuterRef("path")))
    )


def _require_enrolled(user, course: CoursePage) -> None:
    if not Enrollment.objects.filter(user=user, course=course).exists():
        raise DomainError("not_enrolled", _("Enrol in the course first."))


def _require_unlocked(user, course: CoursePage, module_id: int) -> None:
    """A module that requires the one before stays closed, for its quizzes too."""
    first = module_locked_by(user=user, course=course, module_id=module_id)
    if first is not None:
        raise DomainError(
            "module_locked", _("Finish the module “%(module)s” first.") % {"module": first.title}
        )


def _enqueue_verdict(user_id: int, course_id: int) -> None:
    transaction.on_commit(lambda: recompute_verdict.enqueue(user_id, course_id))
