"""Writes of the offline app: preparing a quiz to be taken without a signal, and applying what
a phone queued while it had none. Every act goes through the service that does it online
(modules.services, assessments.services), so every rule online holds here too."""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments import services as assessments
from assessments.models import Attempt, AttitudeInstrument, Quiz, RaterRole
from core.errors import DomainError
from modules.models import Enrollment, LessonPage
from modules.services import lesson_complete

from .models import ActionKind, ActionStatus, SyncedAction

MAX_ACTIONS = 500  # one sync request; a phone sends the rest in the next one


@dataclass
class Action:
    key: uuid.UUID
    kind: str
    at: datetime.datetime
    payload: dict = field(default_factory=dict)


def quiz_prepare(*, by, quiz: Quiz) -> Attempt:
    """Start (or return the open) attempt of an untimed quiz, to be taken offline. A timed quiz
    needs a signal: its clock runs on the server. Not enrolled: not found, as on the quiz page."""
    course = assessments.course_of_module(quiz.module_id)
    if not Enrollment.objects.filter(user=by, course=course).exists():
        raise DomainError("not_found", _("Not found."))
    if quiz.time_limit_minutes:
        raise DomainError("quiz_timed", _("A timed quiz needs a signal to start."))
    return assessments.attempt_start(by=by, quiz=quiz)


def _lesson_done(*, by, payload: dict, at: datetime.datetime) -> None:
    lesson = LessonPage.objects.live().public().filter(pk=payload["lesson_id"]).first()
    if lesson is None:
        raise DomainError("not_found", _("Not found."))
    lesson_complete(by=by, lesson=lesson, at=at)


def _answer(*, by, payload: dict, at: datetime.datetime) -> None:
    # The server's clock, not the phone's, decides whether a timed attempt is still open.
    assessments.answer_save(
        by=by,
        attempt_id=payload["attempt_id"],
        question_id=payload["question_id"],
        response=payload["response"],
        seq=payload["seq"],
    )


def _submit(*, by, payload: dict, at: datetime.datetime) -> None:
    assessments.attempt_submit(by=by, attempt_id=payload["attempt_id"])


def _attitude(*, by, payload: dict, at: datetime.datetime) -> None:
    instrument = AttitudeInstrument.objects.filter(pk=payload["instrument_id"]).first()
    if instrument is None:
        raise DomainError("not_found", _("Not found."))
    course = assessments.course_of_module(instrument.module_id)
    if not Enrollment.objects.filter(user=by, course=course).exists():
        raise DomainError("not_found", _("Not found."))  # as the self-assessment page answers
    # The keys the form posts ("s12"), or the bare statement ids.
    answers = {
        (key if key.startswith("s") else f"s{key}"): value
        for key, value in payload["ratings"].items()
    }
    assessments.attitude_rate(
        by=by, volunteer=by, instrument=instrument, role=RaterRole.SELF, answers=answers
    )


def _logbook(*, by, payload: dict, at: datetime.datetime) -> None:
    raise DomainError("not_available", _("The logbook is not available yet."))


APPLY: dict[str, Callable] = {
    ActionKind.LESSON_DONE: _lesson_done,
    ActionKind.ANSWER: _answer,
    ActionKind.SUBMIT: _submit,
    ActionKind.ATTITUDE: _attitude,
    ActionKind.LOGBOOK: _logbook,
}


def _result(row: SyncedAction, *, again: bool) -> dict:
    if row.status == ActionStatus.APPLIED:
        return {"key": str(row.key), "status": "duplicate" if again else "applied"}
    return {"key": str(row.key), "status": "rejected", "code": row.code, "message": row.message}


EARLIEST = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)


def _done_at(at: datetime.datetime, now: datetime.datetime) -> datetime.datetime:
    """When the act was done, by the phone's clock, in UTC and never later than now. A phone whose
    clock was reset (1970, year 343) or a time that leaves the calendar in UTC gives no usable
    moment, so the act counts as done when it reached us."""
    try:
        moment = at.astimezone(datetime.UTC)
    except OverflowError:
        return now
    return now if moment < EARLIEST else min(moment, now)


def _apply_one(*, by, action: Action, now: datetime.datetime) -> dict:
    done_at = _done_at(action.at, now)
    with transaction.atomic():
        row = SyncedAction(
            user=by, key=action.key, kind=action.kind, status=ActionStatus.APPLIED, done_at=done_at
        )
        row.full_clean(validate_unique=False, validate_constraints=False)
        try:
            # The key's row first: a second request with the same key waits here for the first
            # one's transaction, then finds the key taken.
            with transaction.atomic():
                row.save()
        except IntegrityError:
            earlier = SyncedAction.objects.get(user=by, key=action.key)
            return _result(earlier, again=True)
        try:
            with transaction.atomic():
                APPLY[action.kind](by=by, payload=action.payload, at=done_at)
        except DomainError as error:
            row.status, row.code, row.message = ActionStatus.REJECTED, error.code, error.message
            row.message = row.message[:300]
            row.save(update_fields=["status", "code", "message"])
    return _result(row, again=False)


def sync_apply(*, by, actions: list[Action], now: datetime.datetime | None = None) -> list[dict]:
    """Apply a phone's queued acts in their order, each in its own transaction, each key at most
    once per user ever: [{key, status: applied | duplicate | rejected, code?, message?}]."""
    if len(actions) > MAX_ACTIONS:
        raise DomainError("too_many_actions", _("Send at most 500 actions at a time."))
    now = now or timezone.now()
    return [_apply_one(by=by, action=action, now=now) for action in actions]
