"""The autosave API refuses numbers no answer can hold (NaN, Infinity, 1e999, which JSON parsers
accept) and a `seq` beyond the database's 64-bit integer: 422 `invalid_answer`, in Indonesian,
and nothing saved. On PostgreSQL these answered 500 before."""

import pytest

from assessments.models import AttemptAnswer
from assessments.services import attempt_start
from demo.factories import make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create


@pytest.fixture
def attempt(db, volunteer):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    questions = [
        make_question("numeric", numeric_answer=32, numeric_tolerance=0),
        make_question("multiple"),
    ]
    enrollment_create(user=volunteer, course=course)
    return attempt_start(by=volunteer, quiz=make_quiz(module, questions))


def put(client, attempt, kind: str, raw: str):
    answer = attempt.answers.get(question_version__kind=kind)
    url = f"/api/v1/attempts/{attempt.pk}/answers/{answer.question_version_id}"
    return client.put(url, data=raw, content_type="application/json")


@pytest.mark.parametrize("number", ["NaN", "Infinity", "-Infinity", "1e999", "-1e999"])
@pytest.mark.django_db
def test_non_finite_numbers_are_not_answers(client, volunteer, attempt, number):
    client.force_login(volunteer)
    reply = put(client, attempt, "numeric", f'{{"response": {number}, "seq": 1}}')
    assert reply.status_code == 422, reply.content
    assert reply.json()["code"] == "invalid_answer"
    assert "terhingga" in reply.json()["message"]  # Indonesian: "finite"
    nested = put(client, attempt, "multiple", f'{{"response": ["a", {number}], "seq": 1}}')
    assert nested.status_code == 422 and nested.json()["code"] == "invalid_answer"
    assert not AttemptAnswer.objects.filter(attempt=attempt, seq__gt=0).exists()


@pytest.mark.parametrize("seq", [str(2**63), str(2**64), "-1", "1e999", "NaN", "2.5"])
@pytest.mark.django_db
def test_seq_must_fit_the_database(client, volunteer, attempt, seq):
    client.force_login(volunteer)
    reply = put(client, attempt, "numeric", f'{{"response": 32, "seq": {seq}}}')
    assert reply.status_code == 422, reply.content
    assert reply.json()["code"] == "invalid_answer"
    assert not AttemptAnswer.objects.filter(attempt=attempt, seq__gt=0).exists()


@pytest.mark.django_db
def test_the_largest_seq_and_whole_floats_still_save(client, volunteer, attempt):
    client.force_login(volunteer)
    assert put(client, attempt, "numeric", '{"response": 32, "seq": 2.0}').status_code == 200
    biggest = str(2**63 - 1)
    reply = put(client, attempt, "numeric", f'{{"response": 31.5, "seq": {biggest}}}')
    assert reply.status_code == 200, reply.content
    assert AttemptAnswer.objects.get(attempt=attempt, seq__gt=0).seq == 2**63 - 1


@pytest.mark.parametrize("seq", ['"banyak"', "[1]", "null"])
@pytest.mark.django_db
def test_a_seq_of_another_type_is_an_invalid_request(client, volunteer, attempt, seq):
    client.force_login(volunteer)
    reply = put(client, attempt, "numeric", f'{{"response": 32, "seq": {seq}}}')
    assert reply.status_code == 422 and reply.json()["code"] == "invalid_request"
