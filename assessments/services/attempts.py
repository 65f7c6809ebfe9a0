"""Quiz attempts: start, autosave, submit, grading, closing expired attempts, and a trainer
marking an essay."""

from __future__ import annotations

import datetime
import json
import random
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import DomainError
from core.numbers import format_number
from notifications.services import notify

from .. import scoring
from ..models import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    Domain,
    Question,
    QuestionType,
    QuestionVersion,
    Quiz,
    ScoreRecord,
    ScoreSource,
)
from .bank import question_version_publish
from .common import _enqueue_verdict, _require_enrolled, _require_unlocked, course_of_module

GRACE = datetime.timedelta(seconds=getattr(settings, "QUIZ_GRACE_SECONDS", 30))


def _pick_questions(*, quiz: Quiz, user, rng: random.Random) -> list[Question]:
    chosen = [
        link.question for link in quiz.fixed_questions.select_related("question__current_version")
    ]
    taken = {q.pk for q in chosen}
    rules = list(quiz.random_rules.select_related("tag"))
    if rules:
        seen = set(
            AttemptAnswer.objects.filter(attempt__user=user, attempt__quiz=quiz).values_list(
                "question_version__question_id", flat=True
            )
        )
        for rule in rules:
            pool = list(
                Question.objects.filter(tags=rule.tag)
                .exclude(pk__in=taken)
                .select_related("current_version")
            )
            rng.shuffle(pool)
            pool.sort(key=lambda q: q.pk in seen)  # unseen first, random within each group
            for question in pool[: rule.count]:
                chosen.append(question)
                taken.add(question.pk)
    return chosen


def attempt_finalize(*, attempt: Attempt, finished_at: datetime.datetime) -> Attempt:
    """Grade and close an attempt. Call inside a transaction holding the attempt's row lock."""
    # Lock the answer rows: an autosave racing this submit waits, then finds them graded.
    answers = list(
        attempt.answers.select_related("question_version").select_for_update(of=("self",))
    )
    score, max_score, pending = Decimal(0), Decimal(0), False
    for answer in answers:
        version = answer.question_version
        result = scoring.grade(version.kind, version.data, answer.response)
        max_score += version.points
        if result.fraction is None:
            answer.score, answer.correct, answer.needs_marking = None, None, True
            pending = True
        else:
            answer.score = (version.points * result.fraction).quantize(Decimal("0.01"))
            answer.correct, answer.needs_marking = result.correct, False
            score += answer.score
    AttemptAnswer.objects.bulk_update(answers, ["score", "correct", "needs_marking"])
    attempt.status = AttemptStatus.SUBMITTED
    attempt.finished_at = finished_at
    attempt.score = score
    attempt.max_score = max_score
    attempt.needs_marking = pending
    attempt.percent = (score * 100 / max_score).quantize(Decimal("0.01")) if max_score else None
    attempt.save(
        update_fields=["status", "finished_at", "score", "max_score", "needs_marking", "percent"]
    )
    if not pending and attempt.percent is not None:
        _record_quiz_score(attempt=attempt)
    elif pending:
        # An essay waits for its trainer: the verdict must say so, not "not taken yet".
        _enqueue_verdict(attempt.user_id, course_of_module(attempt.quiz.module_id).pk)
    attempt.graded_answers = answers  # the caller's payload needs no second read
    return attempt


def _record_quiz_score(*, attempt: Attempt, recorded_by=None, note: str = "") -> None:
    course_id = course_of_module(attempt.quiz.module_id).pk
    ScoreRecord.objects.create(
        volunteer_id=attempt.user_id,
        course_id=course_id,
        domain=Domain.KNOWLEDGE,
        source=ScoreSource.QUIZ,
        value=attempt.percent,
        attempt=attempt,
        recorded_by=recorded_by,
        note=note,
    )
    _enqueue_verdict(attempt.user_id, course_id)


def attempt_close_expired(*, attempt: Attempt, now: datetime.datetime) -> bool:
    """An attempt left open past its deadline is graded with what was saved, finishing at the
    deadline. Returns True when it was closed now."""
    if attempt.status != AttemptStatus.IN_PROGRESS or attempt.deadline is None:
        return False
    if now <= attempt.deadline + GRACE:
        return False
    with transaction.atomic():
        locked = Attempt.objects.select_for_update().select_related("quiz").get(pk=attempt.pk)
        if locked.status == AttemptStatus.IN_PROGRESS:
            attempt_finalize(attempt=locked, finished_at=locked.deadline)
    attempt.refresh_from_db()
    return True


def attempt_start(*, by, quiz: Quiz, now: datetime.datetime | None = None, seed=None) -> Attempt:
    """Start an attempt, or return the one in progress."""
    now = now or timezone.now()
    course = course_of_module(quiz.module_id)
    _require_enrolled(by, course)
    _require_unlocked(by, course, quiz.module_id)
    open_attempt = Attempt.objects.filter(
        user=by, quiz=quiz, status=AttemptStatus.IN_PROGRESS
    ).first()
    if open_attempt and not attempt_close_expired(attempt=open_attempt, now=now):
        return open_attempt
    finished = list(
        Attempt.objects.filter(user=by, quiz=quiz, status=AttemptStatus.SUBMITTED)
        .order_by("number")
        .values_list("number", "finished_at")
    )
    if quiz.attempts_allowed and len(finished) >= quiz.attempts_allowed:
        raise DomainError("no_attempts_left", _("You have used all attempts for this quiz."))
    if finished and quiz.min_wait_minutes:
        ready_at = finished[-1][1] + datetime.timedelta(minutes=quiz.min_wait_minutes)
        if now < ready_at:
            raise DomainError(
                "wait_between_attempts",
                _("You can try again at %(time)s.")
                % {"time": timezone.localtime(ready_at).strftime("%H:%M")},
            )
    rng = random.Random(seed)  # noqa: S311 - shuffling questions, not a secret
    questions = _pick_questions(quiz=quiz, user=by, rng=rng)
    if not questions:
        raise DomainError("quiz_empty", _("This quiz has no questions yet."))
    versions = []
    for question in questions:
        version = question.current_version or question_version_publish(question=question)
        versions.append(version)
    if quiz.shuffle_questions:
        rng.shuffle(versions)
    layout = []
    for version in versions:
        choice_ids = [c["id"] for c in version.data["choices"]]
        if quiz.shuffle_choices or version.kind in (QuestionType.ORDERING, QuestionType.MATCHING):
            rng.shuffle(choice_ids)  # ordering/matching are always shown mixed up
        layout.append({"v": version.pk, "choices": choice_ids})
    number = (finished[-1][0] if finished else 0) + 1
    attempt = Attempt(
        quiz=quiz,
        user=by,
        number=number,
        started_at=now,
        deadline=now + datetime.timedelta(minutes=quiz.time_limit_minutes)
        if quiz.time_limit_minutes
        else None,
        layout=layout,
    )
    try:
        with transaction.atomic():
            attempt.save()
            AttemptAnswer.objects.bulk_create(
                AttemptAnswer(attempt=attempt, question_version=version, position=i)
                for i, version in enumerate(versions)
            )
    except IntegrityError:  # a second tap started one at the same moment: use that one
        return Attempt.objects.get(user=by, quiz=quiz, status=AttemptStatus.IN_PROGRESS)
    return attempt


def _conditional_save(*, user_id, attempt_id, question_id, response, seq, now) -> int:
    """One UPDATE carrying every rule of a save; returns the number of rows saved (0 or 1).

    Written in SQL rather than the ORM because it is the hottest path of the product (one call
    per answer on a phone) and building the equivalent nested queryset cost more than the
    query itself in bench/quiz_api.py."""
    ops = connection.ops
    answer_table = ops.quote_name(AttemptAnswer._meta.db_table)
    attempt_table = ops.quote_name(Attempt._meta.db_table)
    as_json = "%s::jsonb" if connection.vendor == "postgresql" else "%s"
    # Only table names are formatted in; every value is a parameter.
    sql = (
        f"UPDATE {answer_table} SET response = {as_json}, seq = %s, saved_at = %s "  # noqa: S608
        "WHERE question_version_id = %s AND seq < %s AND score IS NULL AND needs_marking = %s "
        f"AND attempt_id = (SELECT id FROM {attempt_table} WHERE id = %s AND user_id = %s "
        "AND status = %s AND (deadline IS NULL OR deadline >= %s))"
    )
    params = [
        json.dumps(response),
        seq,
        ops.adapt_datetimefield_value(now),
        question_id,
        seq,
        False,
        attempt_id,
        user_id,
        AttemptStatus.IN_PROGRESS.value,
        ops.adapt_datetimefield_value(now - GRACE),
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


_FROZEN_VERSIONS: dict[int, tuple[str, dict]] = {}


def _frozen_version(version_id: int) -> tuple[str, dict]:
    """(kind, data) of a question version shown in an attempt, cached per process. Safe: once
    a version is in an attempt it is never edited (question_version_publish makes a new one).
    A version in no attempt is not cached (nor savable: there is no answer row for it)."""
    cached = _FROZEN_VERSIONS.get(version_id)
    if cached is None:
        version = (
            QuestionVersion.objects.only("kind", "data")
            .filter(pk=version_id, answers__isnull=False)
            .first()
        )
        if version is None:
            raise DomainError("not_found", _("Not found."))
        if len(_FROZEN_VERSIONS) > 10_000:
            _FROZEN_VERSIONS.clear()
        cached = _FROZEN_VERSIONS[version_id] = (version.kind, version.data)
    return cached


def answer_save(
    *,
    by,
    attempt_id: int,
    question_id: int,
    response,
    seq: int,
    now: datetime.datetime | None = None,
) -> AttemptAnswer:
    """Autosave one answer. An older or repeated sequence number never overwrites a newer one.

    The hot path is a single UPDATE whose conditions carry every rule: the attempt is this
    user's, open and within deadline + grace; the sequence is newer; and the answer is not
    graded yet. The last one is checked on the answer row itself, so a save racing a submit
    (which locks the answer rows before grading) either lands before grading or not at all."""
    now = now or timezone.now()
    kind, data = _frozen_version(question_id)
    if not scoring.response_is_valid(kind, data, response):
        raise DomainError("invalid_answer", _("This answer does not fit the question."))
    updated = _conditional_save(
        user_id=by.pk,
        attempt_id=attempt_id,
        question_id=question_id,
        response=response,
        seq=seq,
        now=now,
    )
    if updated:
        answer = AttemptAnswer(
            attempt_id=attempt_id,
            question_version_id=question_id,
            response=response,
            seq=seq,
            saved_at=now,
        )
        answer.stale = False
        return answer
    # Not saved: find out why (only on this rare path).
    answer = (
        AttemptAnswer.objects.select_related("attempt")
        .filter(attempt_id=attempt_id, attempt__user=by, question_version_id=question_id)
        .first()
    )
    if answer is None:
        raise DomainError("not_found", _("Not found."))
    if answer.attempt.status != AttemptStatus.IN_PROGRESS:
        raise DomainError("attempt_closed", _("This attempt has already been submitted."))
    if answer.attempt.deadline is not None and now > answer.attempt.deadline + GRACE:
        attempt_close_expired(attempt=answer.attempt, now=now)
        raise DomainError(
            "deadline_passed",
            _(
                "Time is up: the answer was not saved. Your attempt was submitted with the "
                "answers saved before the deadline."
            ),
        )
    answer.stale = True  # an older or repeated sequence number: the newer answer stays
    return answer


def attempt_submit(*, by, attempt_id: int, now: datetime.datetime | None = None) -> Attempt:
    """Grade and close. Idempotent: a second call (double tap, retry) returns the same result."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz")
            .filter(pk=attempt_id, user=by)
            .first()
        )
        if attempt is None:
            raise DomainError("not_found", _("Not found."))
        if attempt.status == AttemptStatus.SUBMITTED:
            return attempt
        finished_at = now
        if attempt.deadline and now > attempt.deadline + GRACE:
            finished_at = attempt.deadline
        return attempt_finalize(attempt=attempt, finished_at=finished_at)


def attempt_get(*, user, attempt_id: int, now: datetime.datetime | None = None) -> Attempt:
    attempt = Attempt.objects.select_related("quiz").filter(pk=attempt_id, user=user).first()
    if attempt is None:
        raise DomainError("not_found", _("Not found."))
    attempt_close_expired(attempt=attempt, now=now or timezone.now())
    return attempt


@transaction.atomic
def answer_mark(*, by, answer_id: int, score: Decimal, note: str = "") -> AttemptAnswer:
    """A trainer marks an essay. The attempt's score is recomputed; the record is appended."""
    answer = (
        AttemptAnswer.objects.select_for_update()
        .select_related("question_version", "attempt")
        .get(pk=answer_id)
    )
    points = answer.question_version.points
    if not Decimal(0) <= score <= points:
        raise DomainError(
            "score_out_of_range",
            _("The score must be between 0 and %(points)s.") % {"points": format_number(points)},
        )
    answer.score, answer.correct = score, score == points
    answer.needs_marking, answer.marked_by, answer.marker_note = False, by, note
    answer.save(update_fields=["score", "correct", "needs_marking", "marked_by", "marker_note"])
    attempt = Attempt.objects.select_for_update().select_related("quiz").get(pk=answer.attempt_id)
    totals = list(attempt.answers.values_list("score", "needs_marking"))
    attempt.score = sum((s or Decimal(0) for s, _pending in totals), Decimal(0))
    attempt.needs_marking = any(pending for _s, pending in totals)
    attempt.percent = (
        (attempt.score * 100 / attempt.max_score).quantize(Decimal("0.01"))
        if attempt.max_score
        else None
    )
    attempt.save(update_fields=["score", "needs_marking", "percent"])
    if not attempt.needs_marking:
        _record_quiz_score(attempt=attempt, recorded_by=by, note=note)
    notify(
        kind="essay_marked",
        obj=answer,
        recipients=[attempt.user],
        params={
            "quiz": attempt.quiz.title,
            "attempt": attempt.pk,
            "score": format_number(score),
            "points": format_number(points),
        },
        event_key=str(score),  # marked again with another score: a new notification
    )
    return answer
