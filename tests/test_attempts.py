import datetime
import json

import pytest
from django.utils import timezone

from assessments.models import Attempt, AttemptAnswer, AttemptStatus, QuestionVersion, ScoreRecord
from assessments.services import attempt_start, question_version_publish
from demo.factories import correct_response, make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create

ALL_KINDS = ["single", "multiple", "true_false", "short_text", "numeric", "ordering", "matching"]


@pytest.fixture
def setup(db, volunteer):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    questions = [
        make_question("single"),
        make_question("multiple"),
        make_question("true_false", true_false_answer=False),
        make_question("short_text", accepted_answers="Ikatan PSM\nIPSM"),
        make_question("numeric", numeric_answer=32, numeric_tolerance=0),
        make_question("ordering"),
        make_question("matching"),
        make_question("essay", points=4),
    ]
    quiz = make_quiz(module, questions, time_limit_minutes=20)
    enrollment_create(user=volunteer, course=course)
    return {"course": course, "module": module, "quiz": quiz, "questions": questions}


def api(client, method, url, body=None):
    kwargs = {"content_type": "application/json"}
    if body is not None:
        kwargs["data"] = json.dumps(body)
    return getattr(client, method)(f"/api/v1{url}", **kwargs)


def start(client, quiz):
    response = api(client, "post", f"/quizzes/{quiz.pk}/attempts")
    assert response.status_code == 200, response.content
    return response.json()


SECRET_KEYS = {"correct", "accepted", "numeric", "feedback", "match", "correct_answer", "review"}


def walk_keys(value):
    if isinstance(value, dict):
        for key, item in value.items():
            if item is not None:
                yield key
                yield from walk_keys(item)
    elif isinstance(value, list):
        for item in value:
            yield from walk_keys(item)


@pytest.mark.django_db
def test_start_never_reveals_the_answer_key(client, volunteer, setup):
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    assert len(body["questions"]) == 8
    assert set(walk_keys(body)) & SECRET_KEYS == set()
    raw = json.dumps(body)
    for secret in ("Ikatan PSM", "IPSM", "Tepat.", "Kurang tepat.", "32.0000"):
        assert secret not in raw, secret
    assert body["deadline"] is not None and body["result"] is None
    again = start(client, setup["quiz"])  # the attempt in progress comes back
    assert again["id"] == body["id"]
    assert Attempt.objects.count() == 1


@pytest.mark.django_db
def test_save_response_never_reveals_correctness(client, volunteer, setup):
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    question = body["questions"][0]
    choice = question["choices"][0]["id"] if question["choices"] else "x"
    response = api(
        client,
        "put",
        f"/attempts/{body['id']}/answers/{question['id']}",
        {"response": choice if question["kind"] in ("single", "true_false") else None, "seq": 1},
    )
    assert response.status_code == 200
    assert set(walk_keys(response.json())) & SECRET_KEYS == set()
    state = api(client, "get", f"/attempts/{body['id']}").json()
    assert set(walk_keys(state)) & SECRET_KEYS == set()


@pytest.mark.django_db
def test_autosave_keeps_the_newest_sequence(client, volunteer, setup):
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    q = next(q for q in body["questions"] if q["kind"] == "short_text")
    url = f"/attempts/{body['id']}/answers/{q['id']}"
    assert api(client, "put", url, {"response": "jawaban baru", "seq": 20}).json()["stale"] is False
    older = api(client, "put", url, {"response": "jawaban lama", "seq": 10}).json()
    assert older["stale"] is True and older["response"] == "jawaban baru"
    duplicate = api(client, "put", url, {"response": "ulang", "seq": 20}).json()
    assert duplicate["stale"] is True
    answer = AttemptAnswer.objects.get(attempt_id=body["id"], question_version_id=q["id"])
    assert (answer.response, answer.seq) == ("jawaban baru", 20)


@pytest.mark.django_db
def test_full_attempt_grades_every_type_and_shows_the_allowed_review(client, volunteer, setup):
    quiz = setup["quiz"]
    quiz.review_correct_answers = True
    quiz.save()
    client.force_login(volunteer)
    body = start(client, quiz)
    for q in body["questions"]:
        version = QuestionVersion.objects.get(pk=q["id"])
        response = correct_response(version)
        if q["kind"] == "short_text":
            response = "  ikatan   psm "  # case and spaces ignored
        reply = api(
            client,
            "put",
            f"/attempts/{body['id']}/answers/{q['id']}",
            {"response": response, "seq": 1},
        )
        assert reply.status_code == 200, (q["kind"], reply.content)
    result = api(client, "post", f"/attempts/{body['id']}/submit").json()
    assert result["status"] == "submitted"
    assert result["result"]["needs_marking"] is True  # the essay waits for a trainer
    reviewed = {q["kind"]: q["review"] for q in result["questions"]}
    for kind in ALL_KINDS:
        assert reviewed[kind]["correct"] is True, kind
        assert "correct_answer" in reviewed[kind]
    assert reviewed["essay"]["needs_marking"] is True
    attempt = Attempt.objects.get(pk=body["id"])
    assert attempt.score == 7 and attempt.max_score == 11


@pytest.mark.django_db
def test_double_submit_grades_once(client, volunteer, setup):
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    first = api(client, "post", f"/attempts/{body['id']}/submit")
    second = api(client, "post", f"/attempts/{body['id']}/submit")
    assert first.status_code == second.status_code == 200
    assert first.json()["result"] == second.json()["result"]
    assert first.json()["finished_at"] == second.json()["finished_at"]
    # Nothing was answered (an empty essay needs no marking): graded once, one score record.
    assert ScoreRecord.objects.filter(attempt_id=body["id"]).count() == 1


@pytest.mark.django_db
def test_saves_after_submission_are_refused(client, volunteer, setup):
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    api(client, "post", f"/attempts/{body['id']}/submit")
    q = body["questions"][0]
    reply = api(
        client, "put", f"/attempts/{body['id']}/answers/{q['id']}", {"response": None, "seq": 5}
    )
    assert reply.status_code == 409
    assert reply.json()["code"] == "attempt_closed"


@pytest.mark.django_db
def test_deadline_and_grace_are_enforced_on_the_server(client, volunteer, setup):
    from assessments.services import GRACE, answer_save

    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    attempt = Attempt.objects.get(pk=body["id"])
    q = next(q for q in body["questions"] if q["kind"] == "short_text")
    # Inside the grace period: accepted.
    late_but_ok = attempt.deadline + GRACE - datetime.timedelta(seconds=1)
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=q["id"],
        response="IPSM",
        seq=1,
        now=late_but_ok,
    )
    # Past deadline + grace: refused with a clear error, and the attempt is closed and graded.
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - GRACE - datetime.timedelta(seconds=5)
    )
    reply = api(
        client, "put", f"/attempts/{attempt.pk}/answers/{q['id']}", {"response": "salah", "seq": 2}
    )
    assert reply.status_code == 409
    assert reply.json()["code"] == "deadline_passed"
    assert "Waktu habis" in reply.json()["message"]
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.finished_at == attempt.deadline
    answer = AttemptAnswer.objects.get(attempt=attempt, question_version_id=q["id"])
    assert answer.response == "IPSM" and answer.correct is True


@pytest.mark.django_db
def test_abandoned_attempt_is_closed_and_graded_with_saved_answers(client, volunteer, setup):
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    q = next(q for q in body["questions"] if q["kind"] == "numeric")
    api(client, "put", f"/attempts/{body['id']}/answers/{q['id']}", {"response": "32", "seq": 1})
    deadline = timezone.now() - datetime.timedelta(hours=1)
    Attempt.objects.filter(pk=body["id"]).update(deadline=deadline)
    state = api(client, "get", f"/attempts/{body['id']}").json()
    assert state["status"] == "submitted"
    attempt = Attempt.objects.get(pk=body["id"])
    assert attempt.finished_at == deadline
    assert attempt.score == 1
    # Starting again gives a new attempt, numbered 2.
    assert start(client, setup["quiz"])["number"] == 2


@pytest.mark.django_db
def test_close_expired_attempts_command(volunteer, setup):
    from django.core.management import call_command

    attempt = attempt_start(by=volunteer, quiz=setup["quiz"])
    Attempt.objects.filter(pk=attempt.pk).update(
        deadline=timezone.now() - datetime.timedelta(hours=2)
    )
    call_command("close_expired_attempts")
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED


@pytest.mark.django_db
def test_another_users_attempt_answers_404(client, volunteer, other_volunteer, setup):
    attempt = attempt_start(by=volunteer, quiz=setup["quiz"])
    question_id = attempt.layout[0]["v"]
    client.force_login(other_volunteer)
    assert api(client, "get", f"/attempts/{attempt.pk}").status_code == 404
    assert api(client, "post", f"/attempts/{attempt.pk}/submit").status_code == 404
    assert (
        api(
            client,
            "put",
            f"/attempts/{attempt.pk}/answers/{question_id}",
            {"response": None, "seq": 1},
        ).status_code
        == 404
    )
    assert client.get(f"/kuis/percobaan/{attempt.pk}/").status_code == 404
    assert client.get(f"/kuis/percobaan/{attempt.pk}/hasil/").status_code == 404
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


@pytest.mark.django_db
def test_api_needs_login_and_csrf(volunteer, setup):
    from django.test import Client

    anonymous = Client()
    assert anonymous.post(f"/api/v1/quizzes/{setup['quiz'].pk}/attempts").status_code == 401
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(volunteer)
    assert strict.post(f"/api/v1/quizzes/{setup['quiz'].pk}/attempts").status_code == 403
    assert not Attempt.objects.exists()


@pytest.mark.django_db
def test_unenrolled_volunteer_cannot_start(client, other_volunteer, setup):
    client.force_login(other_volunteer)
    reply = api(client, "post", f"/quizzes/{setup['quiz'].pk}/attempts")
    assert reply.status_code == 400 and reply.json()["code"] == "not_enrolled"


@pytest.mark.django_db
def test_invalid_answers_get_a_clear_error(client, volunteer, setup):
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    q = next(q for q in body["questions"] if q["kind"] == "single")
    reply = api(
        client,
        "put",
        f"/attempts/{body['id']}/answers/{q['id']}",
        {"response": ["not", "a", "choice"], "seq": 1},
    )
    assert reply.status_code == 422
    assert reply.json()["code"] == "invalid_answer"
    bad_json = client.put(
        f"/api/v1/attempts/{body['id']}/answers/{q['id']}",
        data="{not json",
        content_type="application/json",
    )
    assert bad_json.status_code in (400, 422)
    assert AttemptAnswer.objects.get(attempt_id=body["id"], question_version_id=q["id"]).seq == 0


@pytest.mark.django_db
def test_attempt_limits_and_wait(client, volunteer, setup):
    quiz = setup["quiz"]
    quiz.attempts_allowed, quiz.min_wait_minutes = 2, 30
    quiz.save()
    client.force_login(volunteer)
    first = start(client, quiz)
    api(client, "post", f"/attempts/{first['id']}/submit")
    reply = api(client, "post", f"/quizzes/{quiz.pk}/attempts")
    assert reply.json()["code"] == "wait_between_attempts"
    Attempt.objects.filter(pk=first["id"]).update(
        finished_at=timezone.now() - datetime.timedelta(hours=1)
    )
    second = start(client, quiz)
    api(client, "post", f"/attempts/{second['id']}/submit")
    Attempt.objects.filter(pk=second["id"]).update(
        finished_at=timezone.now() - datetime.timedelta(hours=1)
    )
    assert api(client, "post", f"/quizzes/{quiz.pk}/attempts").json()["code"] == "no_attempts_left"


@pytest.mark.django_db
def test_question_versioning_keeps_old_results(client, volunteer, setup):
    question = setup["questions"][0]
    first_version = question.current_version
    # Not answered yet: an edit updates the same version.
    question.text = "Pertanyaan yang diperbaiki"
    question.save()
    assert question_version_publish(question=question).pk == first_version.pk
    client.force_login(volunteer)
    body = start(client, setup["quiz"])
    api(
        client,
        "put",
        f"/attempts/{body['id']}/answers/{first_version.pk}",
        {"response": correct_response(first_version), "seq": 1},
    )
    api(client, "post", f"/attempts/{body['id']}/submit")
    # Answered: editing (make the old right answer wrong) makes version 2; the attempt keeps v1.
    for choice in question.choices.all():
        choice.is_correct = not choice.is_correct
        choice.save()
    question.text = "Versi kedua"
    question.save()
    second = question_version_publish(question=question)
    assert second.pk != first_version.pk and second.number == 2
    first_version.refresh_from_db()
    assert first_version.data["text"] == "Pertanyaan yang diperbaiki"
    answer = AttemptAnswer.objects.get(attempt_id=body["id"], question_version=first_version)
    assert answer.correct is True
    later = start(client, setup["quiz"])
    assert second.pk in [q["id"] for q in later["questions"]]


@pytest.mark.django_db
def test_random_questions_prefer_unseen_ones(volunteer, setup):
    from taggit.models import Tag

    from assessments.models import QuizRandomRule

    pool = [make_question("single", text=f"Bank {i}", tags=["bank"]) for i in range(4)]
    quiz = make_quiz(setup["module"], [], title="Acak")
    QuizRandomRule.objects.create(quiz=quiz, tag=Tag.objects.get(name="bank"), count=2)
    first = attempt_start(by=volunteer, quiz=quiz, seed=1)
    Attempt.objects.filter(pk=first.pk).update(status="submitted", finished_at=timezone.now())
    second = attempt_start(by=volunteer, quiz=quiz, seed=1)
    seen = {item["v"] for item in first.layout}
    shown = {item["v"] for item in second.layout}
    assert len(seen) == len(shown) == 2
    assert seen.isdisjoint(shown)
    assert seen | shown == {q.current_version_id for q in pool}


@pytest.mark.django_db
def test_plain_form_without_javascript_saves_and_submits(client, volunteer, setup):
    client.force_login(volunteer)
    response = client.post(f"/kuis/{setup['quiz'].pk}/mulai/")
    attempt = Attempt.objects.get()
    assert response.url == f"/kuis/percobaan/{attempt.pk}/"
    page = client.get(response.url).content.decode()
    assert "Kirim" in page
    single = next(
        a
        for a in attempt.answers.select_related("question_version")
        if a.question_version.kind == "single"
    )
    right = correct_response(single.question_version)
    numeric = next(
        a
        for a in attempt.answers.select_related("question_version")
        if a.question_version.kind == "numeric"
    )
    client.post(
        f"/kuis/percobaan/{attempt.pk}/",
        {
            f"q{single.question_version_id}": right,
            f"q{numeric.question_version_id}": "32,0",
            "save": "1",
        },
    )
    single.refresh_from_db()
    assert single.response == right
    response = client.post(
        f"/kuis/percobaan/{attempt.pk}/",
        {
            f"q{single.question_version_id}": right,
            f"q{numeric.question_version_id}": "32,0",
            "submit": "1",
        },
    )
    assert response.url == f"/kuis/percobaan/{attempt.pk}/kirim/"  # asks first
    response = client.post(response.url)
    assert response.url == f"/kuis/percobaan/{attempt.pk}/hasil/"
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.score == 2
    result = client.get(response.url).content.decode()
    assert "Hasil" in result


@pytest.mark.django_db
def test_openapi_schema_documents_the_attempt_routes(client):
    schema = client.get("/api/v1/openapi.json").json()
    for path in [
        "/api/v1/quizzes/{quiz_id}/attempts",
        "/api/v1/attempts/{attempt_id}/answers/{question_id}",
        "/api/v1/attempts/{attempt_id}/submit",
        "/api/v1/attempts/{attempt_id}",
    ]:
        assert path in schema["paths"], path


@pytest.mark.django_db
def test_quiz_of_a_locked_module_cannot_be_started(client, volunteer):
    course = make_course(title="Berurutan", modules=2, lessons=1, requires_previous=True)
    second = ModulePage.objects.child_of(course).order_by("path").last()
    quiz = make_quiz(second, [make_question("single")])
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    reply = api(client, "post", f"/quizzes/{quiz.pk}/attempts")
    assert reply.status_code == 400 and reply.json()["code"] == "module_locked"
    assert not Attempt.objects.exists()
