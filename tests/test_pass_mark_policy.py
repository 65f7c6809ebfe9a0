"""[H] 4. A quiz's pass mark counts: by the course's policy (default: post-tests), every quiz it
names must reach its own pass mark for Kompeten, with its own reason when not; the quiz pages
say the same as the verdict."""

from decimal import Decimal

import pytest

from assessments.models import RaterRole, Verdict, VerdictStatus
from assessments.services import (
    answer_save,
    attempt_start,
    attempt_submit,
    attitude_rate,
    observation_record,
    score_override,
)
from assessments.verdict import reason_text, verdict_compute
from demo.factories import (
    correct_response,
    lessons_of,
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
)
from modules.models import CoursePage, ModulePage
from modules.services import enrollment_create, lesson_complete


@pytest.fixture
def world(db, volunteer, trainer, commit):
    """Everything done and well rated; a regular quiz and a post-test wait to be taken."""
    course = make_course(modules=3, lessons=1)
    course.trainers.add(trainer)
    course.save()
    knowledge, skills, attitude = ModulePage.objects.child_of(course).order_by("path")
    regular = make_quiz(knowledge, [make_question(), make_question()], title="Kuis latihan")
    post = make_quiz(
        knowledge, [make_question(), make_question()], title="Post-test uji", role="post_test"
    )
    rubric = make_rubric(skills)
    instrument = make_instrument(attitude)
    enrollment_create(user=volunteer, course=course)
    with commit():
        for lesson in lessons_of(course):
            lesson_complete(by=volunteer, lesson=lesson)
        version = rubric.current_version
        top = version.data["levels"][3]["id"]
        observation_record(
            by=trainer,
            volunteer=volunteer,
            rubric=rubric,
            levels={c["id"]: top for c in version.data["criteria"]},
        )
        for rater, role in ((volunteer, RaterRole.SELF), (trainer, RaterRole.TRAINER)):
            attitude_rate(
                by=rater,
                volunteer=volunteer,
                instrument=instrument,
                role=role,
                answers={
                    f"s{s.pk}": 1 if s.reverse_keyed else 5 for s in instrument.statements.all()
                },
            )
    return {"course": course, "regular": regular, "post": post}


def take(user, quiz, right: int):
    """Submit an attempt with the first `right` questions answered right, the others not."""
    attempt = attempt_start(by=user, quiz=quiz)
    for item in attempt.answers.select_related("question_version").order_by("position"):
        answer_save(
            by=user,
            attempt_id=attempt.pk,
            question_id=item.question_version_id,
            response=correct_response(item.question_version) if item.position < right else None,
            seq=1,
        )
    return attempt_submit(by=user, attempt_id=attempt.pk)


def verdict_of(volunteer, course):
    return Verdict.objects.get(volunteer=volunteer, course=course)


def set_rule(course, rule):
    course = CoursePage.objects.get(pk=course.pk)
    course.pass_mark_rule = rule
    course.save()
    return course


@pytest.mark.django_db
def test_post_test_below_its_pass_mark_is_a_reason_though_the_average_passes(
    volunteer, world, commit
):
    with commit():
        take(volunteer, world["regular"], right=2)  # 100 %
        take(volunteer, world["post"], right=1)  # 50 %, pass mark 70 %
    verdict = verdict_of(volunteer, world["course"])
    assert verdict.knowledge == Decimal("75.00")  # above the domain minimum of 70
    assert verdict.status == VerdictStatus.BELUM_KOMPETEN
    assert verdict.reasons == [
        {
            "code": "quiz_below_pass",
            "quiz": "Post-test uji",
            "quiz_id": world["post"].pk,
            "value": "50.00",
            "pass_mark": "70.00",
        }
    ]
    assert verdict.predicate == ""
    assert reason_text(verdict.reasons[0]) == (
        "Kuis “Post-test uji”: nilai 50% belum mencapai nilai lulus 70%."
    )

    with commit():
        take(volunteer, world["post"], right=2)  # highest attempt counts: 100 %
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.KOMPETEN, verdict.reasons


@pytest.mark.django_db
def test_the_rule_is_the_courses_choice(volunteer, world, commit):
    with commit():
        take(volunteer, world["regular"], right=1)  # 50 %
        take(volunteer, world["post"], right=2)  # 100 %
    course = world["course"]
    # Default (post-tests): a regular quiz below its pass mark counts only in the average.
    assert verdict_of(volunteer, course).status == VerdictStatus.KOMPETEN
    course = set_rule(course, "all")
    data = verdict_compute(user=volunteer, course=course)
    assert [(r["code"], r["quiz"]) for r in data["reasons"]] == [
        ("quiz_below_pass", "Kuis latihan")
    ]
    # "none": the domain minimum only, as before the policy existed.
    world["post"].pass_percent = Decimal(100)
    world["regular"].pass_percent = Decimal(100)
    world["regular"].save()
    world["post"].save()
    course = set_rule(course, "none")
    assert verdict_compute(user=volunteer, course=course)["status"] == VerdictStatus.KOMPETEN


@pytest.mark.django_db
def test_a_pre_test_never_needs_its_pass_mark(volunteer, world, commit):
    pre = world["regular"]
    pre.role = "pre_test"
    pre.save()
    course = set_rule(world["course"], "all")
    with commit():
        take(volunteer, pre, right=0)
        take(volunteer, world["post"], right=2)
    assert verdict_compute(user=volunteer, course=course)["status"] == VerdictStatus.KOMPETEN


@pytest.mark.django_db
def test_a_knowledge_override_replaces_the_pass_mark_reason(volunteer, trainer, world, commit):
    with commit():
        take(volunteer, world["regular"], right=2)
        take(volunteer, world["post"], right=1)
        score_override(
            by=trainer,
            volunteer=volunteer,
            course=world["course"],
            domain="knowledge",
            value=Decimal(80),
            reason="Ujian lisan ulang di kelas, dijawab baik",
        )
    verdict = verdict_of(volunteer, world["course"])
    assert verdict.status == VerdictStatus.KOMPETEN, verdict.reasons


@pytest.mark.django_db
def test_default_is_post_tests_and_the_admin_edits_it(client, office_admin, world):
    assert CoursePage().pass_mark_rule == "post_tests"
    assert CoursePage.objects.get(pk=world["course"].pk).pass_mark_rule == "post_tests"
    client.force_login(office_admin)
    page = client.get(f"/admin/pages/{world['course'].pk}/edit/").content.decode()
    assert 'name="pass_mark_rule"' in page


@pytest.mark.django_db
def test_quiz_pages_say_what_the_verdict_says(client, volunteer, world, commit):
    client.force_login(volunteer)
    with commit():
        failed = take(volunteer, world["post"], right=1)
    detail = client.get(f"/kuis/{world['post'].pk}/").content.decode()
    assert "Nilai Anda untuk kuis ini (percobaan dengan nilai tertinggi): 50%" in detail
    assert "Belum mencapai nilai lulus: kuis ini harus lulus untuk Kompeten." in detail
    result = client.get(f"/kuis/percobaan/{failed.pk}/hasil/").content.decode()
    assert "Belum mencapai nilai lulus: kuis ini harus lulus untuk Kompeten." in result

    with commit():
        passed = take(volunteer, world["post"], right=2)
    detail = client.get(f"/kuis/{world['post'].pk}/").content.decode()
    assert "Nilai Anda untuk kuis ini (percobaan dengan nilai tertinggi): 100%" in detail
    assert "Sudah mencapai nilai lulus." in detail
    # The failed attempt's own page now says the quiz is passed (its grade is the highest).
    result = client.get(f"/kuis/percobaan/{failed.pk}/hasil/").content.decode()
    assert "Sudah mencapai nilai lulus." in result
    assert client.get(f"/kuis/percobaan/{passed.pk}/hasil/").status_code == 200

    with commit():
        take(volunteer, world["regular"], right=1)
    detail = client.get(f"/kuis/{world['regular'].pk}/").content.decode()
    assert "Belum mencapai nilai lulus; kuis ini tetap dihitung dalam rata-rata pengetahuan" in (
        detail
    )


@pytest.mark.django_db
def test_publishing_a_changed_policy_recomputes_the_courses_verdicts(volunteer, world, commit):
    """Pages read the policy as it is now; the stored verdicts follow it once it is published."""
    with commit():
        take(volunteer, world["regular"], right=1)  # 50 %: fine while only post-tests count
        take(volunteer, world["post"], right=2)
    assert verdict_of(volunteer, world["course"]).status == VerdictStatus.KOMPETEN
    course = CoursePage.objects.get(pk=world["course"].pk)
    course.pass_mark_rule = "all"
    with commit():
        course.save_revision().publish()
    verdict = verdict_of(volunteer, course)
    assert verdict.status == VerdictStatus.BELUM_KOMPETEN
    assert [r["code"] for r in verdict.reasons] == ["quiz_below_pass"]


@pytest.mark.django_db
def test_recompute_verdicts_command_applies_the_rules_to_stored_verdicts(volunteer, world, commit):
    """After the upgrade, verdicts stored under the old rules are recomputed by one command."""
    from django.core.management import call_command

    with commit():
        take(volunteer, world["regular"], right=2)
        take(volunteer, world["post"], right=1)
    # As stored before the pass mark counted: Kompeten on the average.
    Verdict.objects.update(status=VerdictStatus.KOMPETEN, reasons=[])
    call_command("recompute_verdicts")
    verdict = verdict_of(volunteer, world["course"])
    assert verdict.status == VerdictStatus.BELUM_KOMPETEN
    assert [r["code"] for r in verdict.reasons] == ["quiz_below_pass"]
