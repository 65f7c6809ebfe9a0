"""Builders for assessment tests: real models, saved through the same services as the app."""

from decimal import Decimal

from assessments.models import (
    AttitudeInstrument,
    AttitudeStatement,
    CompetencyUnit,
    Question,
    QuestionChoice,
    Quiz,
    QuizQuestion,
    Rubric,
    RubricCriterion,
    RubricLevel,
)
from assessments.services import question_version_publish, rubric_version_publish
from modules.models import ModulePage


def make_question(kind="single", *, text=None, points=1, units=(), tags=(), **fields):
    question = Question(
        kind=kind, text=text or f"Pertanyaan {kind}", points=Decimal(points), **fields
    )
    question.save()
    if kind in ("single", "multiple"):
        question.choices = [
            QuestionChoice(text="Benar A", is_correct=True, feedback="Tepat."),
            QuestionChoice(text="Salah B", is_correct=False, feedback="Kurang tepat."),
            QuestionChoice(
                text="Benar C" if kind == "multiple" else "Salah C", is_correct=kind == "multiple"
            ),
        ]
    elif kind in ("ordering", "matching"):
        question.choices = [
            QuestionChoice(text=f"Langkah {i}", match_text=f"Pasangan {i}") for i in range(1, 4)
        ]
    question.save()
    if units:
        question.competency_units.set(units)
    if tags:
        question.tags.add(*tags)
    question.save()
    question_version_publish(question=question)
    question.refresh_from_db()
    return question


def make_quiz(module: ModulePage, questions, **fields) -> Quiz:
    quiz = Quiz(title=fields.pop("title", "Kuis uji"), module=module, **fields)
    quiz.fixed_questions = [QuizQuestion(question=q) for q in questions]
    quiz.save()
    return quiz


def make_rubric(module: ModulePage, *, unit=None, criteria=2) -> Rubric:
    rubric = Rubric(title="Observasi kunjungan rumah", module=module)
    rubric.criteria = [
        RubricCriterion(title=f"Kriteria {i}", competency_unit=unit) for i in range(criteria)
    ]
    rubric.levels = [
        RubricLevel(label="Belum", points=1),
        RubricLevel(label="Cukup", points=2),
        RubricLevel(label="Mampu", points=3),
        RubricLevel(label="Sangat mampu", points=4),
    ]
    rubric.save()
    rubric_version_publish(rubric=rubric)
    rubric.refresh_from_db()
    return rubric


def make_instrument(module: ModulePage, statements=4) -> AttitudeInstrument:
    instrument = AttitudeInstrument(title="Sikap kerelawanan", module=module)
    instrument.statements = [
        AttitudeStatement(text=f"Pernyataan {i}", aspect="Empati", reverse_keyed=i == 0)
        for i in range(statements)
    ]
    instrument.save()
    return instrument


def make_unit(code="PSM.01") -> CompetencyUnit:
    return CompetencyUnit.objects.create(code=code, title=f"Unit {code}")


def correct_response(version):
    data, kind = version.data, version.kind
    if kind in ("single", "true_false"):
        return next(c["id"] for c in data["choices"] if c["correct"])
    if kind == "multiple":
        return [c["id"] for c in data["choices"] if c["correct"]]
    if kind == "ordering":
        return [c["id"] for c in data["choices"]]
    if kind == "matching":
        return {c["id"]: c["id"] for c in data["choices"]}
    if kind == "short_text":
        return data["accepted"][0]
    if kind == "numeric":
        return data["numeric"]["value"]
    return "Jawaban esai yang panjang."
