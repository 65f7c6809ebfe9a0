"""Quiz packs: an untimed quiz's attempt started online and handed over as shown, with nothing
that must stay secret before submission."""

import pytest

from assessments.models import Attempt, Question, QuestionChoice
from assessments.services import question_version_publish
from demo.factories import make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create

pytestmark = pytest.mark.django_db

SECRETS = ["UMPAN-BALIK-PILIHAN-91", "UMPAN-BALIK-SOAL-92", "JAWABAN-MODEL-93", "DITERIMA-94"]


@pytest.fixture
def module(volunteer):
    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    return ModulePage.objects.child_of(course).get()


def secret_questions():
    single = Question(kind="single", text="Siapa PSM?", feedback=SECRETS[1])
    single.save()
    single.choices = [
        QuestionChoice(text="Relawan sosial", is_correct=True, feedback=SECRETS[0]),
        QuestionChoice(text="Pegawai bank", is_correct=False),
    ]
    single.save()
    question_version_publish(question=single)
    essay = make_question("essay", model_answer=SECRETS[2])
    short = make_question("short_text", accepted_answers=SECRETS[3])
    return [single, essay, short]


def prepare(client, quiz):
    return client.post(f"/api/v1/offline/quizzes/{quiz.pk}/prepare")


def test_prepare_hands_over_the_questions_and_no_secret(client, volunteer, module):
    quiz = make_quiz(module, secret_questions(), instructions="Kerjakan dengan jujur.")
    client.force_login(volunteer)
    response = prepare(client, quiz)
    assert response.status_code == 200
    body = response.json()
    attempt = Attempt.objects.get(user=volunteer, quiz=quiz)
    assert body["attempt"] == attempt.pk and body["quiz"] == quiz.pk
    assert body["attempt_url"] == f"/kuis/percobaan/{attempt.pk}/"
    assert body["instructions"] == "Kerjakan dengan jujur."
    assert [q["kind"] for q in body["questions"]] == ["single", "essay", "short_text"]
    assert {c["text"] for c in body["questions"][0]["choices"]} == {
        "Relawan sosial",
        "Pegawai bank",
    }
    text = response.content.decode()
    for secret in SECRETS:
        assert secret not in text
    for word in ("correct", "feedback", "model_answer", "accepted", "score", "review"):
        assert word not in text


def test_preparing_twice_gives_the_same_attempt(client, volunteer, module):
    quiz = make_quiz(module, [make_question("single")])
    client.force_login(volunteer)
    first = prepare(client, quiz).json()
    second = prepare(client, quiz).json()
    assert first["attempt"] == second["attempt"]
    assert Attempt.objects.filter(user=volunteer, quiz=quiz).count() == 1


def test_a_timed_quiz_is_refused(client, volunteer, module):
    quiz = make_quiz(module, [make_question("single")], time_limit_minutes=10)
    client.force_login(volunteer)
    response = prepare(client, quiz)
    assert response.status_code == 409
    assert response.json() == {
        "code": "quiz_timed",
        "message": "Kuis berwaktu perlu sinyal untuk dimulai.",
    }
    assert not Attempt.objects.exists()


def test_not_enrolled_or_unknown_is_not_found(client, other_volunteer, module):
    quiz = make_quiz(module, [make_question("single")])
    client.force_login(other_volunteer)
    assert prepare(client, quiz).status_code == 404
    assert client.post("/api/v1/offline/quizzes/999999/prepare").status_code == 404
    assert not Attempt.objects.exists()


def test_attempts_used_up_keeps_the_start_rules(client, volunteer, module):
    from assessments.services import attempt_start, attempt_submit

    quiz = make_quiz(module, [make_question("single")], attempts_allowed=1)
    attempt_submit(by=volunteer, attempt_id=attempt_start(by=volunteer, quiz=quiz).pk)
    client.force_login(volunteer)
    response = prepare(client, quiz)
    assert response.status_code == 400
    assert response.json()["code"] == "no_attempts_left"


def test_quiz_page_offers_offline_only_for_an_untimed_quiz(client, volunteer, module):
    untimed = make_quiz(module, [make_question("single")])
    timed = make_quiz(module, [make_question("single")], time_limit_minutes=5)
    client.force_login(volunteer)
    page = client.get(f"/kuis/{untimed.pk}/").content.decode()
    assert 'id="offline-quiz"' in page
    assert f'data-prepare="/api/v1/offline/quizzes/{untimed.pk}/prepare"' in page
    assert "Kuis berwaktu perlu sinyal untuk dimulai" not in page
    page = client.get(f"/kuis/{timed.pk}/").content.decode()
    assert 'id="offline-quiz"' not in page
    assert "Kuis berwaktu perlu sinyal untuk dimulai" in page
