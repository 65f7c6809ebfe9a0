"""Shared by the cohort tests (tests/test_cohorts.py, tests/test_cohort_dashboard.py): the
session dates, a cohort builder, the world both files test in, and the trainer's cohort pages."""

import datetime

from django.utils import timezone

from cohorts.models import Cohort, CohortSession
from cohorts.services import cohort_enrol
from demo.factories import (
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
    make_user,
)
from modules.models import ModulePage

TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=3)
FUTURE = TODAY + datetime.timedelta(days=30)


def make_cohort(course, *, name="Angkatan I 2026", trainers=(), members=(), sessions=()):
    cohort = Cohort(name=name, course=course, start_date=PAST, end_date=FUTURE, place="Manna")
    cohort.sessions = [CohortSession(date=d, topic=f"Tatap muka {d:%d/%m}") for d in sessions]
    cohort.save()
    cohort.trainers.set(trainers)
    cohort.members.set(members)
    cohort.save()
    return Cohort.objects.get(pk=cohort.pk)


def cohort_world(volunteer, other_volunteer, trainer) -> dict:
    """A course with one module per domain, an essay quiz, a rubric and an attitude
    instrument; a cohort run by `trainer` (who is not listed on the course itself) with two
    members, one past and one future session; and another cohort with its own trainer."""
    course = make_course(modules=3, lessons=1)
    k, s, a = ModulePage.objects.child_of(course).order_by("path")
    cohort = make_cohort(
        course, trainers=[trainer], members=[volunteer, other_volunteer], sessions=[PAST, FUTURE]
    )
    cohort_enrol(cohort=cohort, by=None)
    other_trainer = make_user("pelatih2", "Pelatih")
    other_cohort = make_cohort(
        make_course(title="Kursus Lain", modules=1, lessons=1),
        name="Angkatan Lain",
        trainers=[other_trainer],
        members=[make_user("relawan9")],
        sessions=[PAST],
    )
    return {
        "course": course,
        "cohort": cohort,
        "past": cohort.sessions.get(date=PAST),
        "future": cohort.sessions.get(date=FUTURE),
        "quiz": make_quiz(k, [make_question("essay", points=4)]),
        "rubric": make_rubric(s),
        "instrument": make_instrument(a),
        "other_trainer": other_trainer,
        "other_cohort": other_cohort,
    }


def cohort_urls(world):
    cohort = world["cohort"]
    return [
        f"/pelatih/angkatan/{cohort.pk}/",
        f"/pelatih/angkatan/{cohort.pk}/sesi/{world['past'].pk}/",
    ]
