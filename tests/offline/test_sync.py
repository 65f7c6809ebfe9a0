"""The sync of what a phone queued offline: each kind applied through its online service, each
key once per user ever, every online rule enforced, and bad input refused whole."""

import datetime
import uuid

import pytest
from django.utils import timezone

from assessments.models import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    AttitudeRating,
    ScoreRecord,
)
from assessments.services import attempt_start
from demo.factories import (
    correct_response,
    lessons_of,
    make_course,
    make_instrument,
    make_question,
    make_quiz,
)
from modules.models import Enrollment, LessonCompletion, ModulePage
from modules.services import enrollment_create
from offline.models import SyncedAction

from .helpers import action, sync

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(volunteer):
    course = make_course(modules=2, lessons=2, requires_previous=True)
    enrollment = enrollment_create(user=volunteer, course=course)
    # Enrolled a week ago, so a completion a few hours old is inside the enrolment.
    Enrollment.objects.filter(pk=enrollment.pk).update(
        enrolled_at=timezone.now() - datetime.timedelta(days=7)
    )
    return course


@pytest.fixture
def attempt(volunteer, course):
    first = ModulePage.objects.child_of(course).order_by("path").first()
    quiz = make_quiz(first, [make_question("single") for _ in range(20)])
    return attempt_start(by=volunteer, quiz=quiz)


def answers_for(attempt, seq=1):
    return [
        action(
            "answer",
            {
                "attempt_id": attempt.pk,
                "question_id": a.question_version_id,
                "response": correct_response(a.question_version),
                "seq": seq,
            },
        )
        for a in attempt.answers.select_related("question_version").order_by("position")
    ]


def statuses(response):
    assert response.status_code == 200, response.content
    return [r["status"] for r in response.json()["results"]]


def test_lesson_done_keeps_the_time_it_was_done(client, volunteer, course):
    lesson = lessons_of(course)[0]
    client.force_login(volunteer)
    at = timezone.now() - datetime.timedelta(hours=5)
    response = sync(client, action("lesson_done", {"lesson_id": lesson.pk}, at=at))
    assert statuses(response) == ["applied"]
    completion = LessonCompletion.objects.get(user=volunteer, lesson=lesson)
    assert completion.completed_at == at.replace(microsecond=at.microsecond)


def test_a_time_in_the_future_is_clamped_to_now(client, volunteer, course):
    lesson = lessons_of(course)[0]
    client.force_login(volunteer)
    before = timezone.now()
    future = before + datetime.timedelta(days=3)
    assert statuses(sync(client, action("lesson_done", {"lesson_id": lesson.pk}, at=future)))
    completed_at = LessonCompletion.objects.get(user=volunteer, lesson=lesson).completed_at
    assert before <= completed_at <= timezone.now()


def test_a_time_before_the_enrolment_is_clamped_to_it(client, volunteer, course):
    lesson = lessons_of(course)[0]
    client.force_login(volunteer)
    long_ago = timezone.now() - datetime.timedelta(days=400)
    sync(client, action("lesson_done", {"lesson_id": lesson.pk}, at=long_ago))
    completion = LessonCompletion.objects.get(user=volunteer, lesson=lesson)
    assert completion.completed_at == Enrollment.objects.get(user=volunteer).enrolled_at


def test_prerequisites_are_enforced(client, volunteer, course):
    locked = lessons_of(course)[2]  # in the second module, which needs the first
    client.force_login(volunteer)
    response = sync(client, action("lesson_done", {"lesson_id": locked.pk}))
    assert statuses(response) == ["rejected"]
    assert response.json()["results"][0]["code"] == "lesson_locked"
    assert not LessonCompletion.objects.exists()
    first, second = lessons_of(course)[:2]
    response = sync(
        client,
        action("lesson_done", {"lesson_id": first.pk}),
        action("lesson_done", {"lesson_id": second.pk}),
        action("lesson_done", {"lesson_id": locked.pk}),  # in order: open by now
    )
    assert statuses(response) == ["applied", "applied", "applied"]


def test_the_same_key_twice_is_applied_once(client, volunteer, course):
    lesson = lessons_of(course)[0]
    client.force_login(volunteer)
    done = action("lesson_done", {"lesson_id": lesson.pk})
    assert statuses(sync(client, done, done)) == ["applied", "duplicate"]
    assert statuses(sync(client, done)) == ["duplicate"]
    assert LessonCompletion.objects.count() == 1
    assert SyncedAction.objects.count() == 1


def test_a_rejected_key_stays_rejected(client, volunteer, course):
    locked = lessons_of(course)[2]
    client.force_login(volunteer)
    refused = action("lesson_done", {"lesson_id": locked.pk})
    first = sync(client, refused).json()["results"][0]
    for lesson in lessons_of(course)[:2]:  # the module opens...
        sync(client, action("lesson_done", {"lesson_id": lesson.pk}))
    again = sync(client, refused).json()["results"][0]  # ...but the key was spent
    assert first["status"] == again["status"] == "rejected"
    assert first["code"] == again["code"] == "lesson_locked"
    assert not LessonCompletion.objects.filter(lesson=locked).exists()


def test_keys_are_per_user(client, volunteer, other_volunteer, course):
    enrollment_create(user=other_volunteer, course=course)
    lesson = lessons_of(course)[0]
    done = action("lesson_done", {"lesson_id": lesson.pk})
    client.force_login(volunteer)
    assert statuses(sync(client, done)) == ["applied"]
    client.force_login(other_volunteer)
    assert statuses(sync(client, done)) == ["applied"]
    assert LessonCompletion.objects.count() == 2


def test_twenty_answers_and_submit_in_one_request_are_graded_on_arrival(client, volunteer, attempt):
    client.force_login(volunteer)
    answers = answers_for(attempt)
    response = sync(client, *answers, action("submit", {"attempt_id": attempt.pk}))
    assert statuses(response) == ["applied"] * 21
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.score == 20
    assert ScoreRecord.objects.filter(attempt=attempt).count() == 1
    # Sent again (the phone never saw the answer): nothing changes.
    response = sync(client, *answers, action("submit", {"attempt_id": attempt.pk}))
    assert statuses(response)[:20] == ["duplicate"] * 20


def test_an_older_seq_does_not_overwrite(client, volunteer, attempt):
    client.force_login(volunteer)
    answer = attempt.answers.order_by("position").first()
    version = answer.question_version
    wrong = next(c["id"] for c in version.data["choices"] if not c["correct"])
    payload = {"attempt_id": attempt.pk, "question_id": version.pk}
    sync(
        client,
        action("answer", {**payload, "response": wrong, "seq": 5}),
        action("answer", {**payload, "response": correct_response(version), "seq": 3}),
    )
    answer.refresh_from_db()
    assert (answer.response, answer.seq) == (wrong, 5)


def test_another_users_attempt_is_not_found(client, other_volunteer, attempt):
    client.force_login(other_volunteer)
    answer = attempt.answers.first()
    response = sync(
        client,
        action(
            "answer",
            {
                "attempt_id": attempt.pk,
                "question_id": answer.question_version_id,
                "response": None,
                "seq": 9,
            },
        ),
        action("submit", {"attempt_id": attempt.pk}),
    )
    assert [(r["status"], r["code"]) for r in response.json()["results"]] == [
        ("rejected", "not_found"),
        ("rejected", "not_found"),
    ]
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS


def test_an_answer_after_submit_is_rejected(client, volunteer, attempt):
    client.force_login(volunteer)
    sync(client, action("submit", {"attempt_id": attempt.pk}))
    late = answers_for(attempt, seq=7)[0]
    result = sync(client, late).json()["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "attempt_closed")


def test_attitude_self_assessment(client, volunteer, course):
    first = ModulePage.objects.child_of(course).order_by("path").first()
    instrument = make_instrument(first)
    ids = list(instrument.statements.values_list("pk", flat=True))
    client.force_login(volunteer)
    ratings = {str(pk): 4 for pk in ids}
    response = sync(
        client, action("attitude", {"instrument_id": instrument.pk, "ratings": ratings})
    )
    assert statuses(response) == ["applied"]
    rating = AttitudeRating.objects.get(volunteer=volunteer)
    assert rating.answers == {f"s{pk}": 4 for pk in ids}
    assert ScoreRecord.objects.filter(attitude_rating=rating).count() == 1
    missing = {f"s{ids[0]}": 4}  # the form's own keys; not every statement answered
    result = sync(client, action("attitude", {"instrument_id": instrument.pk, "ratings": missing}))
    assert result.json()["results"][0]["code"] == "incomplete_rating"
    assert AttitudeRating.objects.count() == 1


def test_logbook_is_not_available_yet(client, volunteer, course):
    client.force_login(volunteer)
    result = sync(client, action("logbook", {"text": "Kunjungan"})).json()["results"][0]
    assert (result["status"], result["code"]) == ("rejected", "not_available")


def test_not_enrolled_any_more_is_rejected(client, volunteer, course):
    lesson = lessons_of(course)[0]
    Enrollment.objects.filter(user=volunteer).delete()
    client.force_login(volunteer)
    result = sync(client, action("lesson_done", {"lesson_id": lesson.pk})).json()["results"][0]
    assert result["status"] == "rejected"
    assert not LessonCompletion.objects.exists()


def test_anonymous_is_refused(client):
    response = sync(client, action("lesson_done", {"lesson_id": 1}))
    assert response.status_code == 401
    assert not SyncedAction.objects.exists()


def _ok(lesson):
    return action("lesson_done", {"lesson_id": lesson.pk})


BAD = {
    "not json": lambda ok: "{actions: [",
    "actions not a list": lambda ok: '{"actions": {"key": "x"}}',
    "no actions": lambda ok: "{}",
    "too many actions": lambda ok: {"actions": [ok] + [action("logbook", {})] * 500},
    "bad uuid": lambda ok: {"actions": [ok, {**ok, "key": "not-a-uuid"}]},
    "unknown kind": lambda ok: {"actions": [ok, {**ok, "key": str(uuid.uuid4()), "kind": "hack"}]},
    "bad time": lambda ok: {"actions": [ok, {**ok, "key": str(uuid.uuid4()), "at": "kemarin"}]},
    "id too big": lambda ok: {"actions": [ok, action("lesson_done", {"lesson_id": 10**30})]},
    "nan in a response": lambda ok: (
        '{"actions": ['
        + __import__("json").dumps(ok)
        + ', {"key": "'
        + str(uuid.uuid4())
        + '", "kind": "answer", "at": "2026-01-01T10:00:00+07:00", "payload": '
        '{"attempt_id": 1, "question_id": 1, "response": NaN, "seq": 1}}]}'
    ),
    "huge key": lambda ok: {"actions": [ok, {**ok, "key": "a" * 100_000}]},
    "huge statement key": lambda ok: {
        "actions": [
            ok,
            action("attitude", {"instrument_id": 1, "ratings": {"s" + "9" * 5000: 3}}),
        ]
    },
    "rating not a whole number": lambda ok: {
        "actions": [ok, action("attitude", {"instrument_id": 1, "ratings": {"s1": 2.5}})]
    },
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_input_is_refused_whole(client, volunteer, course, case):
    import json

    ok = _ok(lessons_of(course)[0])
    body = BAD[case](ok)
    client.force_login(volunteer)
    response = sync(client, raw=body if isinstance(body, str) else json.dumps(body))
    assert 400 <= response.status_code < 500
    error = response.json()
    assert error["code"] and error["message"]
    assert not LessonCompletion.objects.exists()
    assert not SyncedAction.objects.exists()


def test_a_huge_body_is_refused(client, volunteer, course, settings):
    import json

    client.force_login(volunteer)
    essay = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10)
    body = json.dumps({"actions": [action("logbook", {"text": essay})]})
    response = sync(client, raw=body)
    assert response.status_code in (400, 413)
    assert response.json()["code"]
    assert not SyncedAction.objects.exists()


def test_an_attempt_row_count_stays_one(client, volunteer, attempt):
    client.force_login(volunteer)
    sync(client, *answers_for(attempt))
    assert Attempt.objects.count() == 1
    assert AttemptAnswer.objects.filter(attempt=attempt, seq=1).count() == 20


@pytest.mark.parametrize(
    "at",
    [
        "2026-11-30T17:20:07.6+18:29",  # an offset PostgreSQL does not store (beyond ±15:59)
        "0001-01-01T00:00:00+05:00",  # before year 1 once in UTC
        "9999-12-31T23:59:59-05:00",  # after year 9999 once in UTC
        "0343-02-19T17:20:07Z",  # a phone whose clock was reset
        "1970-01-01T00:00:00Z",
    ],
)
def test_a_time_no_clock_could_show_is_taken_as_the_time_of_sync(client, volunteer, course, at):
    lesson = lessons_of(course)[0]
    client.force_login(volunteer)
    body = action("lesson_done", {"lesson_id": lesson.pk})
    body["at"] = at
    before = timezone.now()
    assert statuses(sync(client, body)) == ["applied"]
    done_at = SyncedAction.objects.get(user=volunteer).done_at
    if at.startswith("2026"):
        assert done_at == datetime.datetime(2026, 11, 29, 22, 51, 7, 600000, tzinfo=datetime.UTC)
    else:
        assert before <= done_at <= timezone.now()
    assert LessonCompletion.objects.filter(user=volunteer, lesson=lesson).exists()
