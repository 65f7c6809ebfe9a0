from decimal import Decimal

import pytest

from assessments.models import (
    PredicateBand,
    RaterRole,
    ScoreRecord,
    ScoreSource,
    Verdict,
    VerdictChange,
    VerdictStatus,
)
from assessments.services import (
    answer_mark,
    answer_save,
    attempt_start,
    attempt_submit,
    attitude_rate,
    observation_record,
    rubric_version_publish,
    score_override,
)
from assessments.verdict import reason_text, verdict_compute, verdict_recompute
from core.errors import DomainError
from demo.factories import (
    correct_response,
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
    make_unit,
)
from modules.models import LessonPage, ModulePage
from modules.services import enrollment_create, lesson_complete


@pytest.fixture
def course_setup(db, volunteer, trainer):
    course = make_course(modules=3, lessons=1)
    knowledge, skills, attitude = ModulePage.objects.child_of(course).order_by("path")
    unit = make_unit("PSM.01")
    course.competency_units.add(unit)
    course.trainers.add(trainer)
    course.save()
    questions = [
        make_question("single", units=[unit]),
        make_question("numeric", numeric_answer=32, units=[unit]),
    ]
    quiz = make_quiz(knowledge, questions, title="Post-test", role="post_test")
    rubric = make_rubric(skills, unit=unit)
    instrument = make_instrument(attitude)
    enrollment_create(user=volunteer, course=course)
    return {
        "course": course,
        "quiz": quiz,
        "rubric": rubric,
        "instrument": instrument,
        "unit": unit,
        "lessons": list(LessonPage.objects.descendant_of(course)),
    }


def take_quiz(user, quiz, right=True):
    attempt = attempt_start(by=user, quiz=quiz)
    for item in attempt.answers.select_related("question_version"):
        response = correct_response(item.question_version) if right else None
        answer_save(
            by=user,
            attempt_id=attempt.pk,
            question_id=item.question_version_id,
            response=response,
            seq=1,
        )
    return attempt_submit(by=user, attempt_id=attempt.pk)


def observe(trainer, user, rubric, level_index=3):
    version = rubric.current_version
    level = version.data["levels"][level_index]["id"]
    return observation_record(
        by=trainer,
        volunteer=user,
        rubric=rubric,
        levels={c["id"]: level for c in version.data["criteria"]},
    )


def rate(user, rater, instrument, role, value):
    answers = {
        f"s{s.pk}": (6 - value if s.reverse_keyed else value) for s in instrument.statements.all()
    }
    return attitude_rate(
        by=rater, volunteer=user, instrument=instrument, role=role, answers=answers
    )


def complete_everything(s, volunteer, trainer):
    with COMMIT[0]():
        _complete(s, volunteer, trainer)


def _complete(s, volunteer, trainer):
    for lesson in s["lessons"]:
        lesson_complete(by=volunteer, lesson=lesson)
    take_quiz(volunteer, s["quiz"])
    observe(trainer, volunteer, s["rubric"])
    rate(volunteer, volunteer, s["instrument"], RaterRole.SELF, 5)
    rate(volunteer, trainer, s["instrument"], RaterRole.TRAINER, 4)


COMMIT = []


@pytest.fixture(autouse=True)
def _commit(commit):
    COMMIT[:] = [commit]


def codes(verdict):
    return [r["code"] for r in verdict.reasons]


@pytest.mark.django_db
def test_everything_done_and_above_minimum_is_kompeten(volunteer, trainer, course_setup):
    complete_everything(course_setup, volunteer, trainer)
    verdict = Verdict.objects.get(volunteer=volunteer, course=course_setup["course"])
    assert verdict.status == VerdictStatus.KOMPETEN, verdict.reasons
    assert verdict.knowledge == 100 and verdict.skills == 100
    # attitude: trainer 4/5 = 75 %, self 5/5 = 100 %, trainer weighs 60 %: 85
    assert verdict.attitude == Decimal("85.00")
    # final: 0.3*100 + 0.4*100 + 0.3*85 = 95.5
    assert verdict.final_score == Decimal("95.50")
    assert verdict.predicate == "Sangat Baik"
    assert verdict.units[0]["status"] == VerdictStatus.KOMPETEN
    assert verdict.changes.values_list("new_status", flat=True).first() == "K"


@pytest.mark.django_db
def test_each_missing_input_is_a_reason(volunteer, trainer, course_setup):
    verdict = verdict_recompute(user=volunteer, course=course_setup["course"])
    assert verdict.status == VerdictStatus.BELUM_KOMPETEN
    assert set(codes(verdict)) == {
        "quiz_not_taken",
        "observation_missing",
        "self_assessment_missing",
        "trainer_rating_missing",
        "module_incomplete",
    }
    texts = [reason_text(r) for r in verdict.reasons]
    assert any("Post-test" in t for t in texts)
    assert verdict.units[0]["reasons"][0]["code"] == "unit_no_evidence"


@pytest.mark.django_db
def test_below_minimum_domain_is_a_reason(volunteer, trainer, course_setup):
    complete_everything(course_setup, volunteer, trainer)
    with COMMIT[0]():
        observe(trainer, volunteer, course_setup["rubric"], level_index=1)  # 2/4 = 50 %
    verdict = Verdict.objects.get(volunteer=volunteer, course=course_setup["course"])
    assert verdict.status == VerdictStatus.BELUM_KOMPETEN
    assert verdict.reasons == [
        {"code": "below_minimum", "domain": "skills", "value": "50.00", "minimum": "70"}
    ]
    assert verdict.units[0]["status"] == VerdictStatus.BELUM_KOMPETEN
    assert [c.new_status for c in VerdictChange.objects.order_by("changed_at", "pk")][-2:] == [
        "K",
        "BK",
    ]


@pytest.mark.django_db
def test_unfinished_required_module_is_a_reason(volunteer, trainer, course_setup):
    complete_everything(course_setup, volunteer, trainer)
    course_setup["lessons"][0].completions.all().delete()
    verdict = verdict_recompute(user=volunteer, course=course_setup["course"])
    assert codes(verdict) == ["module_incomplete"]


@pytest.mark.django_db
def test_essay_waiting_for_marking_is_a_reason_until_marked(volunteer, trainer, course_setup):
    quiz = course_setup["quiz"]
    essay = make_question("essay", points=2)
    quiz.fixed_questions.create(question=essay)
    complete_everything(course_setup, volunteer, trainer)
    verdict = Verdict.objects.get(volunteer=volunteer, course=course_setup["course"])
    assert codes(verdict) == ["quiz_waiting_marking"]
    answer = quiz.attempts.get().answers.get(needs_marking=True)
    with pytest.raises(DomainError):
        answer_mark(by=trainer, answer_id=answer.pk, score=Decimal(3))
    with COMMIT[0]():
        answer_mark(by=trainer, answer_id=answer.pk, score=Decimal(2), note="Jelas")
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.KOMPETEN


@pytest.mark.django_db
def test_override_is_appended_with_reason_and_history_keeps_both(volunteer, trainer, course_setup):
    complete_everything(course_setup, volunteer, trainer)
    with COMMIT[0]():
        observe(trainer, volunteer, course_setup["rubric"], level_index=1)
    with pytest.raises(DomainError):
        score_override(
            by=trainer,
            volunteer=volunteer,
            course=course_setup["course"],
            domain="skills",
            value=Decimal(80),
            reason="  ",
        )
    with COMMIT[0]():
        score_override(
            by=trainer,
            volunteer=volunteer,
            course=course_setup["course"],
            domain="skills",
            value=Decimal(80),
            reason="Praktik ulang di lapangan baik",
        )
    verdict = Verdict.objects.get(volunteer=volunteer, course=course_setup["course"])
    assert verdict.status == VerdictStatus.KOMPETEN and verdict.skills == 80
    skills = ScoreRecord.objects.filter(volunteer=volunteer, domain="skills").order_by("pk")
    assert [r.source for r in skills] == [
        ScoreSource.OBSERVATION,
        ScoreSource.OBSERVATION,
        ScoreSource.OVERRIDE,
    ]
    assert skills.last().note == "Praktik ulang di lapangan baik"


@pytest.mark.django_db
def test_grading_methods_and_pre_test_is_ignored(volunteer, trainer, course_setup):
    quiz = course_setup["quiz"]
    take_quiz(volunteer, quiz, right=False)
    take_quiz(volunteer, quiz, right=True)
    course = course_setup["course"]
    assert verdict_compute(user=volunteer, course=course)["scores"]["knowledge"] == 100
    for method, expected in [("last", 100), ("first", 0), ("average", 50)]:
        quiz.grading_method = method
        quiz.save()
        assert verdict_compute(user=volunteer, course=course)["scores"]["knowledge"] == expected
    quiz.role = "pre_test"
    quiz.save()
    assert "knowledge" not in verdict_compute(user=volunteer, course=course)["scores"]


@pytest.mark.django_db
def test_predicate_bands_are_data(volunteer, trainer, course_setup):
    PredicateBand.objects.filter(name="Sangat Baik").update(name="Istimewa")
    complete_everything(course_setup, volunteer, trainer)
    assert Verdict.objects.get(volunteer=volunteer).predicate == "Istimewa"


@pytest.mark.django_db
def test_rubric_versioning_keeps_observations(volunteer, trainer, course_setup):
    rubric = course_setup["rubric"]
    first = rubric.current_version
    observation = observe(trainer, volunteer, rubric)
    criterion = rubric.criteria.first()
    criterion.title = "Kriteria yang diperbaiki"
    criterion.save()
    second = rubric_version_publish(rubric=rubric)
    assert second.pk != first.pk and second.number == 2
    observation.refresh_from_db()
    assert observation.rubric_version_id == first.pk
    assert first.data["criteria"][0]["title"] == "Kriteria 0"


@pytest.mark.django_db
def test_observation_needs_every_criterion(volunteer, trainer, course_setup):
    rubric = course_setup["rubric"]
    with pytest.raises(DomainError) as error:
        observation_record(by=trainer, volunteer=volunteer, rubric=rubric, levels={})
    assert error.value.code == "incomplete_observation"


@pytest.mark.django_db
def test_competency_profile_page_shows_reasons_in_indonesian(client, volunteer, course_setup):
    client.force_login(volunteer)
    page = client.get("/kompetensi/").content.decode()
    assert "Belum Kompeten" in page
    assert "Post-test" in page


@pytest.mark.django_db
def test_reading_the_last_lesson_turns_the_verdict_kompeten(volunteer, trainer, course_setup):
    """Everything assessed but one lesson unread: Belum Kompeten; reading it recomputes."""
    *read, last = course_setup["lessons"]
    with COMMIT[0]():
        for lesson in read:
            lesson_complete(by=volunteer, lesson=lesson)
        take_quiz(volunteer, course_setup["quiz"])
        observe(trainer, volunteer, course_setup["rubric"])
        rate(volunteer, volunteer, course_setup["instrument"], RaterRole.SELF, 5)
        rate(volunteer, trainer, course_setup["instrument"], RaterRole.TRAINER, 4)
    verdict = Verdict.objects.get(volunteer=volunteer, course=course_setup["course"])
    assert verdict.status == VerdictStatus.BELUM_KOMPETEN
    assert codes(verdict) == ["module_incomplete"]
    with COMMIT[0]():
        lesson_complete(by=volunteer, lesson=last)
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.KOMPETEN, verdict.reasons
