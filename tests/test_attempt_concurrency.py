"""Races that happen on real phones: a double tap on submit, a retry racing the first request,
autosave racing submit. On PostgreSQL with real threads and separate connections."""

import threading

import pytest
from django.db import connection, connections

from assessments.models import Attempt, AttemptStatus, ScoreRecord
from assessments.scoring import grade
from assessments.services import answer_save, attempt_start, attempt_submit
from core.errors import DomainError
from demo.factories import correct_response, make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; CI runs this file on PostgreSQL")


def run_together(functions):
    barrier = threading.Barrier(len(functions))
    results, errors = [None] * len(functions), []

    def runner(i, fn):
        try:
            barrier.wait()
            results[i] = fn()
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=runner, args=(i, f)) for i, f in enumerate(functions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    return results, errors


@pytest.fixture
def attempt(volunteer):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = make_quiz(module, [make_question("single") for _ in range(5)])
    enrollment_create(user=volunteer, course=course)
    attempt = attempt_start(by=volunteer, quiz=quiz)
    for answer in attempt.answers.select_related("question_version"):
        answer_save(
            by=volunteer,
            attempt_id=attempt.pk,
            question_id=answer.question_version_id,
            response=correct_response(answer.question_version),
            seq=1,
        )
    return attempt


def test_concurrent_submits_grade_once(volunteer, attempt):
    results, errors = run_together(
        [lambda: attempt_submit(by=volunteer, attempt_id=attempt.pk) for _ in range(6)]
    )
    assert errors == []
    assert {r.finished_at for r in results} == {results[0].finished_at}
    assert {r.score for r in results} == {5}
    assert ScoreRecord.objects.filter(attempt=attempt).count() == 1
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED


def test_autosave_racing_submit_keeps_a_consistent_result(volunteer, attempt):
    first = attempt.answers.select_related("question_version").first()
    wrong = next(c["id"] for c in first.question_version.data["choices"] if not c["correct"])

    def late_save():
        try:
            answer_save(
                by=volunteer,
                attempt_id=attempt.pk,
                question_id=first.question_version_id,
                response=wrong,
                seq=2,
            )
            return "saved"
        except DomainError as error:
            return error.code

    results, errors = run_together(
        [late_save, lambda: attempt_submit(by=volunteer, attempt_id=attempt.pk)]
    )
    assert errors == []
    assert results[0] in ("saved", "attempt_closed")
    attempt.refresh_from_db()
    # Whichever came first, every stored answer was graded as it is stored now.
    for answer in attempt.answers.select_related("question_version"):
        version = answer.question_version
        assert grade(version.kind, version.data, answer.response).correct == answer.correct
    assert attempt.score == sum(a.score for a in attempt.answers.all())
    first.refresh_from_db()
    assert attempt.score == (4 if results[0] == "saved" else 5)
    assert (first.response == wrong) == (results[0] == "saved")


def test_concurrent_starts_open_one_attempt(volunteer, attempt):
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    quiz = attempt.quiz
    results, errors = run_together([lambda: attempt_start(by=volunteer, quiz=quiz)] * 4)
    assert errors == []
    assert len({r.pk for r in results}) == 1
    assert Attempt.objects.filter(quiz=quiz, status=AttemptStatus.IN_PROGRESS).count() == 1
