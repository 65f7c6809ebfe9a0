"""While a submitted quiz's essay waits for the trainer, the competency profile says the quiz
waits for marking, not that it was never taken (pages and verdict agree)."""

import pytest

from assessments.models import Verdict, VerdictStatus
from assessments.services import answer_mark, answer_save, attempt_start, attempt_submit
from demo.factories import make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create


@pytest.mark.django_db
def test_an_essay_waiting_for_marking_is_said_so(client, volunteer, trainer, commit):
    course = make_course(modules=1, lessons=1, domains=("knowledge",))
    course.trainers.add(trainer)
    module = ModulePage.objects.child_of(course).get()
    quiz = make_quiz(module, [make_question("essay", points=4)], title="Post-test uji")
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    with commit():
        attempt = attempt_start(by=volunteer, quiz=quiz)
        answer = attempt.answers.get()
        answer_save(
            by=volunteer,
            attempt_id=attempt.pk,
            question_id=answer.question_version_id,
            response="Jawaban esai saya tentang pendampingan.",
            seq=1,
        )
    page = client.get("/kompetensi/").content.decode()
    assert "Post-test uji" in page and "belum dikerjakan" in page  # not submitted yet

    with commit():
        attempt_submit(by=volunteer, attempt_id=attempt.pk)
    verdict = Verdict.objects.get(volunteer=volunteer, course=course)
    assert [r["code"] for r in verdict.reasons if r.get("quiz") == "Post-test uji"] == [
        "quiz_waiting_marking"
    ]
    page = client.get("/kompetensi/").content.decode()
    assert "“Post-test uji” sedang menunggu dinilai oleh pelatih" in page
    assert "“Post-test uji” belum dikerjakan" not in page

    with commit():
        answer_mark(by=trainer, answer_id=answer.pk, score=4)
    verdict.refresh_from_db()
    assert not [r for r in verdict.reasons if r.get("quiz") == "Post-test uji"]
    assert verdict.status in (VerdictStatus.KOMPETEN, VerdictStatus.BELUM_KOMPETEN)
