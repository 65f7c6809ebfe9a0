"""Quiz attempts over JSON (django-ninja): the site's own quiz page saves every answer as it is
given, so a phone that loses its connection loses nothing that reached the server."""

from __future__ import annotations

import datetime
import math
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext
from ninja import Field, Router, Schema
from pydantic import field_validator
from pydantic_core import PydanticCustomError

from . import services
from .models import Quiz
from .selectors import attempt_payload

router = Router(tags=["quiz attempts"])


class ChoiceOut(Schema):
    id: str
    text: str


class ReviewOut(Schema):
    correct: bool | None = None
    score: str | None = None
    needs_marking: bool | None = None
    correct_answer: Any = None
    feedback: str | None = None
    choice_feedback: list[dict] | None = None


class QuestionShownOut(Schema):
    """A question as the volunteer sees it during an attempt: never its answers or scores."""

    id: int
    position: int
    kind: str
    text: str
    points: str
    image_url: str | None
    choices: list[ChoiceOut]
    match_options: list[ChoiceOut]
    response: Any = None
    seq: int


class QuestionOut(QuestionShownOut):
    review: ReviewOut | None = None


class ResultOut(Schema):
    score: str | None
    max_score: str
    percent: str | None
    passed: bool | None
    needs_marking: bool
    pass_percent: str


class AttemptOut(Schema):
    id: int
    quiz_id: int
    quiz_title: str
    number: int
    status: str
    started_at: datetime.datetime
    deadline: datetime.datetime | None
    finished_at: datetime.datetime | None
    server_time: datetime.datetime
    questions: list[QuestionOut]
    result: ResultOut | None


MAX_SEQ = 2**63 - 1  # the database's bigint


def _finite(value: Any) -> bool:
    """JSON may carry NaN, Infinity or 1e999 (a float overflow): no answer holds one."""
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(_finite(item) for item in value.values())
    if isinstance(value, list):
        return all(_finite(item) for item in value)
    return True


class AnswerIn(Schema):
    """Refusals here have the type `invalid_answer`, which lms/api.py answers with that code."""

    response: Any = None
    seq: int = Field(ge=0, le=MAX_SEQ)

    @field_validator("response", mode="before")
    @classmethod
    def response_is_finite(cls, value: Any) -> Any:
        if not _finite(value):
            raise PydanticCustomError("invalid_answer", gettext("Numbers must be finite."))
        return value

    @field_validator("seq", mode="before")
    @classmethod
    def seq_fits(cls, value: Any) -> Any:
        # A number that cannot be a seq is an invalid answer; a value of another type is left
        # to the schema's own check (invalid_request).
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 3.0, as some clients write whole numbers
        too_big = isinstance(value, int) and not isinstance(value, bool)
        if isinstance(value, float) or (too_big and not 0 <= value <= MAX_SEQ):
            raise PydanticCustomError(
                "invalid_answer", gettext("The save number (seq) must be a whole number ≥ 0.")
            )
        return value


class AnswerOut(Schema):
    question_id: int
    response: Any = None
    seq: int
    saved_at: datetime.datetime | None
    stale: bool


class ErrorOut(Schema):
    code: str
    message: str


ERRORS = {400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class MeOut(Schema):
    id: int
    name: str


@router.get("/me", response=MeOut, tags=["session"])
def me(request):
    """Who is logged in. The site's scripts use it to check the session; the quiz benchmark
    uses it as its baseline (authentication only)."""
    return {"id": request.user.pk, "name": request.user.get_full_name()}


@router.post("/quizzes/{quiz_id}/attempts", response={200: AttemptOut, **ERRORS})
def start_attempt(request, quiz_id: int):
    """Start an attempt, or return the one in progress. Never includes the answer key."""
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    attempt = services.attempt_start(by=request.user, quiz=quiz)
    return attempt_payload(attempt)


@router.put("/attempts/{attempt_id}/answers/{question_id}", response={200: AnswerOut, **ERRORS})
def save_answer(request, attempt_id: int, question_id: int, payload: AnswerIn):
    """Autosave one answer. `seq` must grow: an older or repeated one does not overwrite."""
    answer = services.answer_save(
        by=request.user,
        attempt_id=attempt_id,
        question_id=question_id,
        response=payload.response,
        seq=payload.seq,
    )
    return {
        "question_id": question_id,
        "response": answer.response,
        "seq": answer.seq,
        "saved_at": answer.saved_at,
        "stale": answer.stale,
    }


@router.post("/attempts/{attempt_id}/submit", response={200: AttemptOut, **ERRORS})
def submit_attempt(request, attempt_id: int):
    """Grade and close. Calling it again returns the same result and grades nothing twice."""
    attempt = services.attempt_submit(by=request.user, attempt_id=attempt_id)
    return attempt_payload(attempt, answers=getattr(attempt, "graded_answers", None))


@router.get("/attempts/{attempt_id}", response={200: AttemptOut, **ERRORS})
def get_attempt(request, attempt_id: int):
    attempt = services.attempt_get(user=request.user, attempt_id=attempt_id)
    return attempt_payload(attempt)
