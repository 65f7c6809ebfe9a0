"""Demo assessments for Bimtek Dasar PSM (demo/data/assessments/), loaded by `seed_demo`.
Idempotent: existing items (matched by code, text or title) are left as they are."""

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
from modules.models import CoursePage, ModulePage

from .loader import load_assessments


def _module(course: CoursePage, slug: str) -> ModulePage:
    return ModulePage.objects.child_of(course).get(slug=slug)


def _question(data: dict, units: dict[str, CompetencyUnit]) -> Question:
    existing = Question.objects.filter(text=data["text"]).first()
    if existing:
        return existing
    question = Question(
        kind=data["kind"],
        text=data["text"],
        points=Decimal(data["points"]),
        feedback=data.get("feedback", ""),
        model_answer=data.get("model_answer", ""),
        partial_credit=data.get("partial_credit", False),
        true_false_answer=data.get("true_false_answer", True),
        accepted_answers="\n".join(data.get("accepted", [])),
    )
    numeric = data.get("numeric")
    if numeric:
        question.numeric_answer = Decimal(numeric["value"])
        question.numeric_tolerance = Decimal(numeric.get("tolerance") or 0)
    question.choices = [
        QuestionChoice(
            text=choice["text"],
            is_correct=choice.get("correct", False),
            match_text=choice.get("match", ""),
            feedback=choice.get("feedback", ""),
        )
        for choice in data.get("choices", [])
    ]
    question.save()
    question.tags.add(*data["tags"])
    question.competency_units.set([units[code] for code in data["units"]])
    question.save()
    question_version_publish(question=question)
    return question


def load_demo_assessments(*, course: CoursePage, trainer) -> None:
    content = load_assessments()
    units = {}
    for data in content.units:
        units[data["code"]], _created = CompetencyUnit.objects.get_or_create(
            code=data["code"],
            defaults={
                "title": data["title"],
                "description": data["description"],
                "elements": "\n".join(data["elements"]),
                "performance_criteria": "\n".join(data["performance_criteria"]),
            },
        )
    course.competency_units.add(*units.values())
    course.trainers.add(trainer)
    course.save_revision().publish()

    questions = {data["key"]: _question(data, units) for data in content.questions}
    pre, post = content.pre_test_module_slug, content.post_test_module_slug
    quizzes = [
        ("Pre-test Bimtek Dasar PSM", pre, "pre_test", content.pre_test_keys, None),
        ("Post-test Bimtek Dasar PSM", post, "post_test", list(questions), 30),
    ]
    for title, slug, role, keys, minutes in quizzes:
        if Quiz.objects.filter(title=title).exists():
            continue
        quiz = Quiz(
            title=title,
            module=_module(course, slug),
            role=role,
            instructions=(
                "Jawablah semua soal. Jawaban tersimpan otomatis setiap kali Anda memilih."
            ),
            time_limit_minutes=minutes,
            attempts_allowed=0 if role == "pre_test" else 3,
            pass_percent=Decimal(70),
            shuffle_choices=True,
            review_correct_answers=role == "pre_test",
        )
        quiz.fixed_questions = [
            QuizQuestion(question=questions[key], sort_order=i) for i, key in enumerate(keys)
        ]
        quiz.save()

    rubric_data, attitude_data = content.rubric, content.attitude
    if not Rubric.objects.filter(title=rubric_data["title"]).exists():
        rubric = Rubric(
            title=rubric_data["title"],
            module=_module(course, rubric_data["module_slug"]),
            description=rubric_data["description"],
        )
        rubric.criteria = [
            RubricCriterion(title=c["title"], competency_unit=units[c["unit"]])
            for c in rubric_data["criteria"]
        ]
        rubric.levels = [
            RubricLevel(label=lv["label"], points=lv["points"], description=lv["description"])
            for lv in rubric_data["levels"]
        ]
        rubric.save()
        rubric_version_publish(rubric=rubric)

    if not AttitudeInstrument.objects.filter(title=attitude_data["title"]).exists():
        instrument = AttitudeInstrument(
            title=attitude_data["title"],
            module=_module(course, attitude_data["module_slug"]),
            instructions=attitude_data["instructions"],
            trainer_instructions=attitude_data.get("trainer_instructions", ""),
        )
        instrument.statements = [
            AttitudeStatement(
                text=s["text"],
                observer_text=s.get("observer", ""),
                aspect=s["aspect"],
                reverse_keyed=s["reverse"],
            )
            for s in attitude_data["statements"]
        ]
        instrument.save()
