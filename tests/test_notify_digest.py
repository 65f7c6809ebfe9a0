"""The trainers' digest: one notice per trainer per slot (07:00, 13:00 Jakarta) with the counts
of essays and evidence waiting, to the course's and the cohort's trainers; nothing when nothing
waits, nothing twice when cron runs again, and no per-item message."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.utils import translation
from PIL import Image as PILImage

from assessments.services import answer_save, attempt_start, attempt_submit, evidence_submit
from demo.factories import make_course, make_question, make_quiz, make_rubric, make_user
from modules.models import ModulePage
from modules.services import enrollment_create
from notifications.kinds import render
from notifications.models import Notification
from notifications.services import JAKARTA
from portal.digest import current_slot, trainers_digest

from .cohort_helpers import make_cohort


def at(hour, minute=0, day=datetime.date(2026, 3, 2)):
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=JAKARTA)


def digests(user):
    with translation.override("en"):
        return [
            render(n)
            for n in Notification.objects.filter(recipient=user, kind="trainer_digest").order_by(
                "pk"
            )
        ]


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), "image/png")


@pytest.fixture
def world(db, volunteer, trainer):
    course = make_course(title="Bimtek Dasar", modules=3, lessons=1)
    k, s, _a = ModulePage.objects.child_of(course).order_by("path")
    course.trainers.add(trainer)
    course.save()
    cohort_trainer = make_user("pelatih2", "Pelatih")
    idle = make_user("pelatih3", "Pelatih")
    make_cohort(course, trainers=[cohort_trainer], members=[volunteer])
    make_cohort(make_course(title="Lain"), name="Angkatan Lain", trainers=[idle])
    enrollment_create(user=volunteer, course=course)
    quiz = make_quiz(k, [make_question("essay", points=4)], title="Kuis Esai")
    attempt = attempt_start(by=volunteer, quiz=quiz)
    answer = attempt.answers.get()
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response="Jawaban",
        seq=1,
    )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    evidence_submit(by=volunteer, rubric=make_rubric(s), upload=png())
    return {"cohort_trainer": cohort_trainer, "idle": idle}


def test_slots():
    assert current_slot(at(6, 59)) is None
    assert current_slot(at(7)) == "digest:2026-03-02:07"
    assert current_slot(at(12, 59)) == "digest:2026-03-02:07"
    assert current_slot(at(13)) == "digest:2026-03-02:13"
    assert current_slot(at(23, 59)) == "digest:2026-03-02:13"


def test_one_digest_per_trainer_per_slot(world, trainer):
    # No per-item message for the essay or the evidence.
    assert not Notification.objects.filter(recipient=trainer).exists()
    trainers_digest(now=at(6, 30))
    assert not Notification.objects.filter(kind="trainer_digest").exists()
    trainers_digest(now=at(7, 5))
    trainers_digest(now=at(7, 10))  # cron again in the same slot
    for person in (trainer, world["cohort_trainer"]):
        (notice,) = digests(person)
        assert notice["title"] == "Waiting for you: 1 essays, 1 evidence"
        assert notice["url"] == "/pelatih/"
    assert not digests(world["idle"])  # nothing waits for them: nothing sent
    trainers_digest(now=at(13, 5))
    assert len(digests(trainer)) == 2
    keys = Notification.objects.filter(recipient=trainer).values_list("event_key", flat=True)
    assert sorted(keys) == ["digest:2026-03-02:07", "digest:2026-03-02:13"]


def test_the_command_sends_the_digest_once(world, trainer, monkeypatch):
    from django.utils import timezone

    monkeypatch.setattr(timezone, "now", lambda: at(8).astimezone(datetime.UTC))
    call_command("send_due_notifications", stdout=io.StringIO())
    call_command("send_due_notifications", stdout=io.StringIO())
    assert len(digests(trainer)) == 1
