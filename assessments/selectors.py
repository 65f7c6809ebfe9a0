"""Reads for quizzes and attempts, shaped for the API and the pages. Never the answer key
before an attempt is submitted."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.images import get_image_model

from modules.models import ModulePage
from modules.selectors import course_outline

from .models import Attempt, AttemptStatus, AttitudeInstrument, Quiz, Rubric
from .scoring import response_is_complete, response_is_empty

QUESTION_IMAGE = "max-720x720|format-webp"


def _shown_choices(version, order: list[str]) -> tuple[list[dict], list[dict]]:
    by_id = {c["id"]: c for c in version.data["choices"]}
    shown = [{"id": cid, "text": by_id[cid]["text"]} for cid in order if cid in by_id]
    matches = []
    if version.kind == "matching":
        # The right-hand side is identified by the id of the item it belongs to, shown in a
        # different shuffled order (reversed layout) so position gives nothing away.
        matches = [{"id": cid, "text": by_id[cid]["match"]} for cid in reversed(order)]
    return shown, matches


def _correct_answer(version) -> object:
    data, kind = version.data, version.kind
    if kind in ("single", "true_false"):
        return next((c["id"] for c in data["choices"] if c["correct"]), None)
    if kind == "multiple":
        return [c["id"] for c in data["choices"] if c["correct"]]
    if kind == "short_text":
        return data["accepted"][0] if data["accepted"] else ""
    if kind == "numeric":
        return data["numeric"]["value"]
    if kind == "ordering":
        return [c["id"] for c in data["choices"]]
    if kind == "matching":
        return {c["id"]: c["id"] for c in data["choices"]}
    return None


def _choice_feedback(version, response) -> list[dict]:
    picked = response if isinstance(response, list) else [response]
    return [
        {"id": c["id"], "feedback": c["feedback"]}
        for c in version.data["choices"]
        if c["id"] in picked and c.get("feedback")
    ]


def attempt_payload(attempt: Attempt, *, answers=None) -> dict:
    """The attempt as the volunteer may see it now."""
    if answers is None:
        answers = list(attempt.answers.select_related("question_version"))
    layout = {item["v"]: item["choices"] for item in attempt.layout}
    image_ids = {a.question_version.data.get("image_id") for a in answers} - {None}
    images = {}
    if image_ids:
        # A WebP rendition at most 720 px wide or tall, never the uploaded original (a phone
        # photo of several megabytes); prefetched, so two queries for any number of images.
        images_with_renditions = get_image_model().objects.prefetch_renditions(QUESTION_IMAGE)
        for image in images_with_renditions.filter(pk__in=image_ids):
            images[image.pk] = image.get_rendition(QUESTION_IMAGE).url
    submitted = attempt.status == AttemptStatus.SUBMITTED
    quiz = attempt.quiz
    questions = []
    for answer in answers:
        version = answer.question_version
        choices, matches = _shown_choices(version, layout.get(version.pk, []))
        item = {
            "id": version.pk,
            "position": answer.position + 1,
            "kind": version.kind,
            "text": version.data["text"],
            "points": str(version.points),
            "image_url": images.get(version.data.get("image_id")),
            "choices": choices,
            "match_options": matches,
            "response": answer.response,
            "seq": answer.seq,
            # For the pages: "Kirim" names what is unanswered; the review says "not answered".
            "answered": not response_is_empty(answer.response),
            "complete": response_is_complete(version.kind, version.data, answer.response),
        }
        if submitted:
            review = {}
            if quiz.review_correctness:
                review["correct"] = answer.correct
                review["score"] = None if answer.score is None else str(answer.score)
                review["needs_marking"] = answer.needs_marking
            if quiz.review_correct_answers:
                review["correct_answer"] = _correct_answer(version)
            if quiz.review_feedback:
                review["feedback"] = version.data.get("feedback", "")
                review["choice_feedback"] = _choice_feedback(version, answer.response)
            item["review"] = review
        questions.append(item)
    result = None
    if submitted:
        passed = None
        if attempt.percent is not None and not attempt.needs_marking:
            passed = attempt.percent >= quiz.pass_percent
        result = {
            "score": None if attempt.score is None else str(attempt.score),
            "max_score": str(attempt.max_score),
            "percent": None if attempt.percent is None else str(attempt.percent),
            "passed": passed,
            "needs_marking": attempt.needs_marking,
            "pass_percent": str(quiz.pass_percent),
        }
    return {
        "id": attempt.pk,
        "quiz_id": attempt.quiz_id,
        "quiz_title": quiz.title,
        "number": attempt.number,
        "status": attempt.status,
        "started_at": attempt.started_at,
        "deadline": attempt.deadline,
        "finished_at": attempt.finished_at,
        "server_time": timezone.now(),
        "questions": questions,
        "result": result,
    }


def instruments_of_modules(*, module_ids) -> dict:
    """Quizzes, rubrics and attitude instruments of these modules, in module order."""
    return {
        "quizzes": list(
            Quiz.objects.filter(module_id__in=module_ids).order_by("module__path", "pk")
        ),
        "rubrics": list(
            Rubric.objects.filter(module_id__in=module_ids).order_by("module__path", "pk")
        ),
        "instruments": list(
            AttitudeInstrument.objects.filter(module_id__in=module_ids).order_by(
                "module__path", "pk"
            )
        ),
    }


def course_instruments(*, course) -> dict:
    """Quizzes, rubrics and attitude instruments of a course's live modules."""
    modules = ModulePage.objects.live().child_of(course)
    return {
        "quizzes": list(Quiz.objects.filter(module__in=modules).order_by("module__path", "pk")),
        "rubrics": list(Rubric.objects.filter(module__in=modules).order_by("module__path", "pk")),
        "instruments": list(
            AttitudeInstrument.objects.filter(module__in=modules).order_by("module__path", "pk")
        ),
    }


def module_tasks(*, course, found: dict | None = None) -> dict[int, list[dict]]:
    """Per module: the quizzes, evidence uploads and self-assessments a volunteer can open.
    `found`: the course's instruments when the caller has them already."""
    found = found if found is not None else course_instruments(course=course)
    tasks: dict[int, list[dict]] = {}
    for quiz in found["quizzes"]:
        tasks.setdefault(quiz.module_id, []).append(
            {"label": _("Quiz"), "title": quiz.title, "url": reverse("quiz_detail", args=[quiz.pk])}
        )
    for rubric in found["rubrics"]:
        tasks.setdefault(rubric.module_id, []).append(
            {
                "label": _("Practice evidence"),
                "title": rubric.title,
                "url": reverse("evidence_upload", args=[rubric.pk]),
            }
        )
    for instrument in found["instruments"]:
        tasks.setdefault(instrument.module_id, []).append(
            {
                "label": _("Self-assessment"),
                "title": instrument.title,
                "url": reverse("attitude_self", args=[instrument.pk]),
            }
        )
    return tasks


def module_locked_by(*, user, course, module_id: int) -> ModulePage | None:
    """The module `user` must finish before `module_id` opens, or None when it is open (from
    the cached course outline: no query once the course and progress are cached)."""
    for module in course_outline(course=course, user=user).modules:
        if module.page.pk == module_id:
            return module.locked_by if module.locked else None
    return None
