"""The offline app over JSON: course packs to save, quiz packs to take offline, and the sync of
what a phone queued without a signal. Answers stay small: a sync is paid for in mobile data."""

from __future__ import annotations

import datetime
import uuid
from typing import Annotated, Any, Literal

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from ninja import Field, Router, Schema
from pydantic import StrictInt, StringConstraints

from assessments.api import AnswerIn, ErrorOut, QuestionShownOut
from assessments.models import Quiz
from assessments.selectors import attempt_payload

from . import selectors, services

router = Router(tags=["offline"])

MAX_ID = 2**63 - 1  # the database's bigint
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
ERRORS = {400: ErrorOut, 404: ErrorOut, 409: ErrorOut, 422: ErrorOut}


class PackItemOut(Schema):
    url: str
    bytes: int
    etag: str
    kind: Literal["page", "image", "document"]
    title: str | None = None
    optional: bool


class PackOut(Schema):
    course: int
    title: str
    version: str
    total_bytes: int
    items: list[PackItemOut]


class CourseOut(Schema):
    id: int
    title: str
    url: str
    version: str


class CoursesOut(Schema):
    courses: list[CourseOut]


@router.get("/offline/courses", response={200: CoursesOut, **ERRORS}, url_name="offline_courses")
def offline_courses(request):
    """The courses the signed-in volunteer may keep saved (enrolled, published), with their
    packs' versions. A phone removes every saved course not listed."""
    return {"courses": selectors.saved_courses(user=request.user)}


@router.get(
    "/offline/courses/{course_id}/pack",
    response={200: PackOut, **ERRORS},
    url_name="offline_course_pack",
    exclude_none=True,
)
def offline_course_pack(request, course_id: int):
    """Every page, image and document of the course the volunteer may open now."""
    course = selectors.enrolled_course(user=request.user, course_id=course_id)
    return selectors.course_pack(user=request.user, course=course).as_dict()


class QuizPackOut(Schema):
    attempt: int
    quiz: int
    title: str
    instructions: str
    attempt_url: str
    questions: list[QuestionShownOut]


@router.post(
    "/offline/quizzes/{quiz_id}/prepare",
    response={200: QuizPackOut, **ERRORS},
    url_name="offline_prepare_quiz",
)
def offline_prepare_quiz(request, quiz_id: int):
    """Start the attempt of an untimed quiz (or return the open one) with its questions as
    shown: never the answers, feedback, model answers or scores."""
    quiz = get_object_or_404(Quiz, pk=quiz_id)
    attempt = services.quiz_prepare(by=request.user, quiz=quiz)
    payload = attempt_payload(attempt)
    return {
        "attempt": attempt.pk,
        "quiz": quiz.pk,
        "title": quiz.title,
        "instructions": quiz.instructions,
        "attempt_url": reverse("attempt_page", args=[attempt.pk]),
        "questions": payload["questions"],  # QuestionShownOut keeps only what is shown
    }


class _ActionBase(Schema):
    key: uuid.UUID
    at: datetime.datetime


class LessonDonePayload(Schema):
    lesson_id: Id


class LessonDoneAction(_ActionBase):
    kind: Literal["lesson_done"]
    payload: LessonDonePayload


class AnswerPayload(AnswerIn):  # the autosave's own checks: finite numbers, a valid seq
    attempt_id: Id
    question_id: Id


class AnswerAction(_ActionBase):
    kind: Literal["answer"]
    payload: AnswerPayload


class SubmitPayload(Schema):
    attempt_id: Id


class SubmitAction(_ActionBase):
    kind: Literal["submit"]
    payload: SubmitPayload


StatementKey = Annotated[str, StringConstraints(pattern=r"^s?[0-9]{1,18}$")]


class AttitudePayload(Schema):
    instrument_id: Id
    ratings: dict[StatementKey, StrictInt] = Field(max_length=200)


class AttitudeAction(_ActionBase):
    kind: Literal["attitude"]
    payload: AttitudePayload


class LogbookAction(_ActionBase):
    kind: Literal["logbook"]
    payload: dict[str, Any] = Field(default_factory=dict, max_length=50)


ActionIn = Annotated[
    LessonDoneAction | AnswerAction | SubmitAction | AttitudeAction | LogbookAction,
    Field(discriminator="kind"),
]


class SyncIn(Schema):
    actions: list[ActionIn] = Field(max_length=services.MAX_ACTIONS)


class ResultOut(Schema):
    key: str
    status: Literal["applied", "duplicate", "rejected"]
    code: str | None = None
    message: str | None = None


class SyncOut(Schema):
    results: list[ResultOut]


def _plain(item) -> dict:
    payload = item.payload
    return payload if isinstance(payload, dict) else payload.model_dump()


def _aware(moment: datetime.datetime) -> datetime.datetime:
    """A time without an offset is the volunteer's own (Asia/Jakarta)."""
    if timezone.is_naive(moment):
        return timezone.make_aware(moment)
    return moment


@router.post(
    "/offline/sync",
    response={200: SyncOut, **ERRORS},
    url_name="offline_sync",
    exclude_none=True,
)
def offline_sync(request, body: SyncIn):
    """Apply the queued acts in order. Each key is applied at most once per user, ever: sent
    again it answers `duplicate` (or `rejected` with the same code)."""
    actions = [
        services.Action(key=item.key, kind=item.kind, at=_aware(item.at), payload=_plain(item))
        for item in body.actions
    ]
    return {"results": services.sync_apply(by=request.user, actions=actions)}
