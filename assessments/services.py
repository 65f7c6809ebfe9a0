"""Every write in assessments goes through these functions: keyword-only, typed, validated,
atomic where two requests can race."""

from __future__ import annotations

import datetime
import json
import random
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, Max, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.errors import DomainError
from modules.models import CoursePage, Enrollment, ModulePage

from . import scoring
from .models import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    AttitudeInstrument,
    AttitudeRating,
    Domain,
    Evidence,
    EvidenceStatus,
    Observation,
    Question,
    QuestionType,
    QuestionVersion,
    Quiz,
    RaterRole,
    Rubric,
    RubricVersion,
    ScoreRecord,
    ScoreSource,
)

GRACE = datetime.timedelta(seconds=getattr(settings, "QUIZ_GRACE_SECONDS", 30))


# --- Versions -----------------------------------------------------------------------------


def question_snapshot(question: Question) -> dict:
    choices = [
        {
            "id": f"c{choice.pk}",
            "text": choice.text,
            "correct": choice.is_correct,
            "match": choice.match_text,
            "feedback": choice.feedback,
        }
        for choice in question.choices.all()
    ]
    if question.kind == QuestionType.TRUE_FALSE:
        choices = [
            {
                "id": "true",
                "text": _("True"),
                "correct": question.true_false_answer,
                "match": "",
                "feedback": "",
            },
            {
                "id": "false",
                "text": _("False"),
                "correct": not question.true_false_answer,
                "match": "",
                "feedback": "",
            },
        ]
    return {
        "text": question.text,
        "image_id": question.image_id,
        "feedback": question.feedback,
        "partial_credit": question.partial_credit,
        "choices": choices,
        "accepted": [a.strip() for a in question.accepted_answers.splitlines() if a.strip()],
        "numeric": {
            "value": None if question.numeric_answer is None else str(question.numeric_answer),
            "tolerance": str(question.numeric_tolerance or 0),
        },
    }


@transaction.atomic
def question_version_publish(*, question: Question) -> QuestionVersion:
    """Freeze the question's current content. A version already answered in an attempt is
    never changed: editing it makes a new version, so old results stay as they were."""
    question = Question.objects.select_for_update().get(pk=question.pk)
    data = question_snapshot(question)
    current = question.current_version
    if (
        current
        and current.data == data
        and current.kind == question.kind
        and (current.points == question.points)
    ):
        return current
    if current and not current.answers.exists():
        current.data, current.kind, current.points = data, question.kind, question.points
        current.full_clean()
        current.save(update_fields=["data", "kind", "points"])
        return current
    number = (question.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = QuestionVersion(
        question=question, number=number, kind=question.kind, points=question.points, data=data
    )
    version.full_clean()
    version.save()
    question.current_version = version
    question.save(update_fields=["current_version"])
    return version


def rubric_snapshot(rubric: Rubric) -> dict:
    return {
        "title": rubric.title,
        "criteria": [
            {"id": f"k{c.pk}", "title": c.title, "unit_id": c.competency_unit_id}
            for c in rubric.criteria.all()
        ],
        "levels": [
            {
                "id": f"l{lv.pk}",
                "label": lv.label,
                "points": lv.points,
                "description": lv.description,
            }
            for lv in rubric.levels.all()
        ],
    }


@transaction.atomic
def rubric_version_publish(*, rubric: Rubric) -> RubricVersion:
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    data = rubric_snapshot(rubric)
    current = rubric.current_version
    if current and current.data == data:
        return current
    if current and not current.observations.exists():
        current.data = data
        current.save(update_fields=["data"])
        return current
    number = (rubric.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    version = RubricVersion.objects.create(rubric=rubric, number=number, data=data)
    rubric.current_version = version
    rubric.save(update_fields=["current_version"])
    return version


# --- Helpers ------------------------------------------------------------------------------


def course_of_module(module_id: int) -> CoursePage:
    """The course a module belongs to, in one query."""
    return CoursePage.objects.get(
        Exists(ModulePage.objects.filter(pk=module_id, path__startswith=OuterRef("path")))
    )


def _require_enrolled(user, course: CoursePage) -> None:
    if not Enrollment.objects.filter(user=user, course=course).exists():
        raise DomainError("not_enrolled", _("Enrol in the course first."))


def _require_unlocked(user, course: CoursePage, module_id: int) -> None:
    """A module that requires the one before stays closed, for its quizzes too."""
    from modules.selectors import course_outline

    for module in course_outline(course=course, user=user).modules:
        if module.page.pk == module_id and module.locked:
            raise DomainError(
                "module_locked",
                _("Finish the module “%(module)s” first.") % {"module": module.locked_by.title},
            )


def _enqueue_verdict(user_id: int, course_id: int) -> None:
    from .tasks import recompute_verdict

    transaction.on_commit(lambda: recompute_verdict.enqueue(user_id, course_id))


# --- Attempts -----------------------------------------------------------------------------


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


def attempt_start(*, user, quiz: Quiz, now: datetime.datetime | None = None, seed=None) -> Attempt:
    """Start an attempt, or return the one in progress."""
    now = now or timezone.now()
    course = course_of_module(quiz.module_id)
    _require_enrolled(user, course)
    _require_unlocked(user, course, quiz.module_id)
    open_attempt = Attempt.objects.filter(
        user=user, quiz=quiz, status=AttemptStatus.IN_PROGRESS
    ).first()
    if open_attempt and not attempt_close_expired(attempt=open_attempt, now=now):
        return open_attempt
    finished = list(
        Attempt.objects.filter(user=user, quiz=quiz, status=AttemptStatus.SUBMITTED)
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
    questions = _pick_questions(quiz=quiz, user=user, rng=rng)
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
        user=user,
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
        return Attempt.objects.get(user=user, quiz=quiz, status=AttemptStatus.IN_PROGRESS)
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
    user,
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
        user_id=user.pk,
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
        .filter(attempt_id=attempt_id, attempt__user=user, question_version_id=question_id)
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


def attempt_submit(*, user, attempt_id: int, now: datetime.datetime | None = None) -> Attempt:
    """Grade and close. Idempotent: a second call (double tap, retry) returns the same result."""
    now = now or timezone.now()
    with transaction.atomic():
        attempt = (
            Attempt.objects.select_for_update(of=("self",))
            .select_related("quiz")
            .filter(pk=attempt_id, user=user)
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
def answer_mark(*, marker, answer_id: int, score: Decimal, note: str = "") -> AttemptAnswer:
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
            _("The score must be between 0 and %(points)s.") % {"points": points},
        )
    answer.score, answer.correct = score, score == points
    answer.needs_marking, answer.marked_by, answer.marker_note = False, marker, note
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
        _record_quiz_score(attempt=attempt, recorded_by=marker, note=note)
    return answer


# --- Skills ---------------------------------------------------------------------------------


@transaction.atomic
def observation_record(
    *,
    observer,
    volunteer,
    rubric: Rubric,
    levels: dict[str, str],
    criterion_notes: dict[str, str] | None = None,
    note: str = "",
) -> Observation:
    version = rubric.current_version or rubric_version_publish(rubric=rubric)
    criteria = {c["id"] for c in version.data["criteria"]}
    level_ids = {lv["id"] for lv in version.data["levels"]}
    if set(levels) != criteria or not set(levels.values()) <= level_ids:
        raise DomainError("incomplete_observation", _("Choose a level for every criterion."))
    course = course_of_module(rubric.module_id)
    _require_enrolled(volunteer, course)
    observation = Observation(
        rubric_version=version,
        volunteer=volunteer,
        observer=observer,
        levels=levels,
        criterion_notes={k: v for k, v in (criterion_notes or {}).items() if k in criteria and v},
        note=note,
        percent=scoring.rubric_percent(levels, version.data),
    )
    observation.full_clean()
    observation.save()
    ScoreRecord.objects.create(
        volunteer=volunteer,
        course=course,
        domain=Domain.SKILLS,
        source=ScoreSource.OBSERVATION,
        value=observation.percent,
        recorded_by=observer,
        observation=observation,
        note=note,
    )
    _enqueue_verdict(volunteer.pk, course.pk)
    return observation


def evidence_submit(*, volunteer, rubric: Rubric, upload, description: str = "") -> Evidence:
    from .uploads import check_evidence_file

    course = course_of_module(rubric.module_id)
    _require_enrolled(volunteer, course)
    original_name = (upload.name or "bukti")[:200]
    content_type = check_evidence_file(upload)
    evidence = Evidence(
        rubric=rubric,
        volunteer=volunteer,
        file=upload,
        content_type=content_type,
        size=upload.size,
        original_name=original_name,
        description=description[:500],
    )
    evidence.full_clean()
    evidence.save()
    return evidence


@transaction.atomic
def evidence_review(*, reviewer, evidence_id: int, accept: bool, comment: str = "") -> Evidence:
    evidence = Evidence.objects.select_for_update().get(pk=evidence_id)
    if not accept and not comment.strip():
        raise DomainError("comment_required", _("Say what to change when you return evidence."))
    evidence.status = EvidenceStatus.ACCEPTED if accept else EvidenceStatus.RETURNED
    evidence.reviewer, evidence.review_comment = reviewer, comment.strip()
    evidence.reviewed_at = timezone.now()
    evidence.save(update_fields=["status", "reviewer", "review_comment", "reviewed_at"])
    return evidence


# --- Attitude -------------------------------------------------------------------------------


@transaction.atomic
def attitude_rate(
    *,
    rater,
    volunteer,
    instrument: AttitudeInstrument,
    role: str,
    answers: dict[str, int],
    note: str = "",
) -> AttitudeRating:
    statements = {f"s{s.pk}": s for s in instrument.statements.all()}
    if set(answers) != set(statements) or not all(
        isinstance(v, int) and 1 <= v <= 5 for v in answers.values()
    ):
        raise DomainError("incomplete_rating", _("Answer every statement with 1 to 5."))
    if role == RaterRole.SELF and rater.pk != volunteer.pk:
        raise DomainError("not_yours", _("Not found."))
    course = course_of_module(instrument.module_id)
    _require_enrolled(volunteer, course)
    reverse = {key for key, s in statements.items() if s.reverse_keyed}
    rating = AttitudeRating(
        instrument=instrument,
        volunteer=volunteer,
        rater=rater,
        role=role,
        answers=answers,
        percent=scoring.likert_percent(answers, reverse),
        note=note,
    )
    rating.full_clean()
    rating.save()
    ScoreRecord.objects.create(
        volunteer=volunteer,
        course=course,
        domain=Domain.ATTITUDE,
        source=ScoreSource.ATTITUDE_SELF
        if role == RaterRole.SELF
        else ScoreSource.ATTITUDE_TRAINER,
        value=rating.percent,
        recorded_by=rater,
        attitude_rating=rating,
        note=note,
    )
    _enqueue_verdict(volunteer.pk, course.pk)
    return rating


# --- Overrides --------------------------------------------------------------------------


@transaction.atomic
def score_override(
    *, trainer, volunteer, course: CoursePage, domain: str, value: Decimal, reason: str
) -> ScoreRecord:
    """A trainer's override is a new record with a reason; the history keeps both."""
    if not reason.strip():
        raise DomainError("reason_required", _("Give a reason for the override."))
    if domain not in Domain.values:
        raise DomainError("bad_domain", _("Unknown domain."))
    _require_enrolled(volunteer, course)
    record = ScoreRecord(
        volunteer=volunteer,
        course=course,
        domain=domain,
        source=ScoreSource.OVERRIDE,
        value=value,
        recorded_by=trainer,
        note=reason.strip(),
    )
    record.full_clean()
    record.save()
    audit(
        action="psm.score_override",
        instance=record,
        user=trainer,
        data={
            "volunteer": volunteer.pk,
            "course": course.pk,
            "domain": domain,
            "value": str(value),
            "reason": record.note,
        },
    )
    _enqueue_verdict(volunteer.pk, course.pk)
    return record
