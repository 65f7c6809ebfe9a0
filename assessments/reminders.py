"""Due-date reminders: two days before an untimed quiz's or a rubric's evidence due date, the
course's enrolled volunteers who have not done it yet hear of it (a job of
`send_due_notifications`, registered in notices.register_kinds())."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from modules.models import Enrollment
from notifications import schedule
from notifications.kinds import Kind, register
from notifications.services import JAKARTA, notify

from .models import Attempt, AttemptStatus, Evidence, EvidenceStatus, Quiz, Rubric

DAYS_BEFORE = 2


def _window(now: datetime.datetime) -> tuple[datetime.date, datetime.date]:
    """From today to two days ahead (Jakarta's calendar): a job that missed a day still sends
    once; the due date is the event key, so a moved date reminds again."""
    today = now.astimezone(JAKARTA).date()
    return today, today + datetime.timedelta(days=DAYS_BEFORE)


def _enrolled_in_course_of(module):
    course_path = module.path[: -Page.steplen]
    enrolled = Enrollment.objects.filter(user=OuterRef("pk"), course__path=course_path)
    return get_user_model().objects.filter(Exists(enrolled), is_active=True)


def quizzes_due(*, now: datetime.datetime) -> int:
    count = 0
    quizzes = Quiz.objects.filter(
        due_date__range=_window(now), time_limit_minutes__isnull=True, module__live=True
    ).select_related("module")
    for quiz in quizzes:
        submitted = Attempt.objects.filter(
            quiz=quiz, user=OuterRef("pk"), status=AttemptStatus.SUBMITTED
        )
        recipients = _enrolled_in_course_of(quiz.module).exclude(Exists(submitted))
        params = {"quiz": quiz.title, "quiz_id": quiz.pk, "date": quiz.due_date.isoformat()}
        count += len(
            notify(
                kind="quiz_due",
                obj=quiz,
                recipients=recipients,
                params=params,
                event_key=quiz.due_date.isoformat(),
                now=now,
            )
        )
    return count


def evidence_due(*, now: datetime.datetime) -> int:
    count = 0
    rubrics = Rubric.objects.filter(
        evidence_due_date__range=_window(now), module__live=True
    ).select_related("module")
    for rubric in rubrics:
        sent = Evidence.objects.filter(
            rubric=rubric,
            volunteer=OuterRef("pk"),
            status__in=[EvidenceStatus.SUBMITTED, EvidenceStatus.ACCEPTED],
        )
        recipients = _enrolled_in_course_of(rubric.module).exclude(Exists(sent))
        date = rubric.evidence_due_date.isoformat()
        params = {"rubric": rubric.title, "rubric_id": rubric.pk, "date": date}
        count += len(
            notify(
                kind="evidence_due",
                obj=rubric,
                recipients=recipients,
                params=params,
                event_key=date,
                now=now,
            )
        )
    return count


def _date_line(params) -> str:
    from django.utils.formats import date_format

    try:
        day = datetime.date.fromisoformat(params.get("date") or "")
    except ValueError:
        return ""
    return _("Due: %(date)s") % {"date": date_format(day, "j F Y")}


def register_kinds() -> None:
    register(
        Kind(
            key="quiz_due",
            label=_("A quiz of mine is due soon"),
            title=_("“%(quiz)s” is due soon"),
            body=_date_line,
            url=lambda n: reverse("quiz_detail", args=[n.params["quiz_id"]]),
        )
    )
    register(
        Kind(
            key="evidence_due",
            label=_("Evidence of mine is due soon"),
            title=_("Evidence for “%(rubric)s” is due soon"),
            body=_date_line,
            url=lambda n: reverse("evidence_upload", args=[n.params["rubric_id"]]),
        )
    )
    schedule.register("quizzes_due", quizzes_due)
    schedule.register("evidence_due", evidence_due)
