"""Test data builders for the tests (tests/) and the benchmarks (bench/): real models, saved
through the same services as the app. Ships with the code (demo is the top room, so it may
import every app), so bench uses it without importing the test suite. No pytest here: the
fixtures that use these builders live in tests/conftest.py."""

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from assessments.models import (
    AttitudeInstrument,
    AttitudeStatement,
    CompetencyUnit,
    Question,
    QuestionChoice,
    QuestionType,
    Quiz,
    QuizQuestion,
    Rubric,
    RubricCriterion,
    RubricLevel,
    Verdict,
    VerdictStatus,
)
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    question_version_publish,
    rubric_version_publish,
)
from modules.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from modules.services import enrollment_create
from people.models import District, VolunteerProfile

PASSWORD = "Rahasia-Kuat-2026"  # noqa: S105 (test users only)


def make_user(
    username: str,
    group: str = "Relawan",
    *,
    phone: str | None = None,
    profile=True,
    password: str | None = PASSWORD,
):
    """A user in a group, a volunteer with a profile. `password=None` leaves the password
    unusable and skips hashing it (bench/stages.py makes hundreds of users)."""
    user = get_user_model().objects.create_user(
        username=username, password=password, full_name=username.title(), phone=phone
    )
    user.groups.add(Group.objects.get(name=group))
    if profile and group == "Relawan":
        VolunteerProfile.objects.create(
            user=user,
            birth_place="Manna",
            birth_date=datetime.date(1990, 1, 1),
            sex="P",
            village="Desa Contoh",
            district=District.objects.get(name="Manna"),
            year_appointed=2020,
            consent_at=timezone.now(),
        )
    return user


def make_course(
    *,
    title: str = "Bimtek Uji",
    modules: int = 2,
    lessons: int = 2,
    self_enrol: bool = True,
    requires_previous: bool = False,
    domains=("knowledge", "skills", "attitude"),
) -> CoursePage:
    catalogue = CourseIndexPage.objects.get()
    course = CoursePage(title=title, summary=f"Ringkasan {title}", jp=8, self_enrol=self_enrol)
    catalogue.add_child(instance=course)
    course.save_revision().publish()
    for m in range(modules):
        module = ModulePage(
            title=f"{title} modul {m + 1}",
            domain=domains[m % len(domains)],
            requires_previous=requires_previous and m > 0,
        )
        course.add_child(instance=module)
        module.save_revision().publish()
        for n in range(lessons):
            lesson = LessonPage(
                title=f"{title} modul {m + 1} pelajaran {n + 1}",
                intro="Pengantar",
                body=LessonPage.body.field.stream_block.to_python(
                    [{"type": "paragraph", "value": "<p>Isi pelajaran tentang pendampingan.</p>"}]
                ),
            )
            module.add_child(instance=lesson)
            lesson.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


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
    # sort_order set here: the admin sets it, and rows without one come back in any order on PG.
    quiz.fixed_questions = [QuizQuestion(question=q, sort_order=i) for i, q in enumerate(questions)]
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


def correct_response(version, *, essay: str = "Jawaban esai yang panjang."):
    """The right answer to a question version, in the shape answer_save takes."""
    data, kind = version.data, version.kind
    if kind in (QuestionType.SINGLE, QuestionType.TRUE_FALSE):
        return next(c["id"] for c in data["choices"] if c["correct"])
    if kind == QuestionType.MULTIPLE:
        return [c["id"] for c in data["choices"] if c["correct"]]
    if kind == QuestionType.ORDERING:
        return [c["id"] for c in data["choices"]]
    if kind == QuestionType.MATCHING:
        return {c["id"]: c["id"] for c in data["choices"]}
    if kind == QuestionType.SHORT_TEXT:
        return data["accepted"][0]
    if kind == QuestionType.NUMERIC:
        return data["numeric"]["value"]
    return essay


def kompeten_volunteer(*, course, username: str, phone: str):
    """A volunteer enrolled in `course` with a Kompeten verdict: what a certificate needs. No
    password is hashed: hundreds of PBKDF2 hashes would take minutes, and nobody logs in by form."""
    person = make_user(username, phone=phone, password=None)
    make_kompeten(person, course)
    return person


def make_kompeten(user, course) -> Verdict:
    """`user` enrolled in `course` with a Kompeten verdict, without assessing anything."""
    enrollment_create(user=user, course=course)
    return Verdict.objects.create(
        volunteer=user,
        course=course,
        status=VerdictStatus.KOMPETEN,
        predicate="Baik",
        computed_at=timezone.now(),
    )


def submit_essay(volunteer, quiz, response: str = "Jawaban esai saya."):
    """`volunteer` answers a one-essay `quiz` and submits it; returns the answer to mark."""
    attempt = attempt_start(by=volunteer, quiz=quiz)
    answer = attempt.answers.get()
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response=response,
        seq=1,
    )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    return answer
