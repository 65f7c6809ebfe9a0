"""Freezing questions and rubrics into the versions attempts and observations use."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from ..models import Question, QuestionType, QuestionVersion, Rubric, RubricVersion


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
        "model_answer": question.model_answer,  # for the marking trainer only
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
