"""Observation recorded and attitude rated by the trainer reach the volunteer, once each; the
volunteer's own self-assessment sends nothing."""

import pytest
from django.utils import translation

from assessments.models import RaterRole
from assessments.services import attitude_rate, observation_record
from demo.factories import make_course, make_instrument, make_rubric
from modules.models import ModulePage
from modules.services import enrollment_create
from notifications.kinds import render
from notifications.models import Notification


def notices(user, kind):
    with translation.override("en"):
        return [render(n) for n in Notification.objects.filter(recipient=user, kind=kind)]


@pytest.fixture
def world(db, volunteer, trainer):
    course = make_course(title="Bimtek Dasar", modules=3, lessons=1)
    _k, s, a = ModulePage.objects.child_of(course).order_by("path")
    course.trainers.add(trainer)
    course.save()
    enrollment_create(user=volunteer, course=course)
    return {"rubric": make_rubric(s), "instrument": make_instrument(a)}


def observe(trainer, volunteer, rubric):
    version = rubric.current_version
    level = version.data["levels"][2]["id"]
    return observation_record(
        by=trainer,
        volunteer=volunteer,
        rubric=rubric,
        levels={c["id"]: level for c in version.data["criteria"]},
    )


def rate(by, volunteer, instrument, role):
    return attitude_rate(
        by=by,
        volunteer=volunteer,
        instrument=instrument,
        role=role,
        answers={f"s{s.pk}": 4 for s in instrument.statements.all()},
    )


def test_observation_recorded_reaches_the_volunteer_once_per_observation(world, volunteer, trainer):
    first = observe(trainer, volunteer, world["rubric"])
    (notice,) = notices(volunteer, "observation_recorded")
    assert world["rubric"].title in notice["title"]
    assert notice["body"] == f"Score: {first.percent:g}%."
    assert notice["url"] == "/kompetensi/"
    observe(trainer, volunteer, world["rubric"])  # a second observation is a second event
    assert len(notices(volunteer, "observation_recorded")) == 2
    assert not Notification.objects.filter(recipient=trainer).exists()


def test_trainer_attitude_rating_reaches_the_volunteer(world, volunteer, trainer):
    rate(trainer, volunteer, world["instrument"], RaterRole.TRAINER)
    (notice,) = notices(volunteer, "attitude_rated")
    assert "Sikap kerelawanan" in notice["title"]
    assert notice["url"] == "/kompetensi/"


def test_self_assessment_sends_nothing(world, volunteer):
    rate(volunteer, volunteer, world["instrument"], RaterRole.SELF)
    assert not notices(volunteer, "attitude_rated")
