import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from modules.models import CoursePage, Enrollment, LessonPage, ModulePage
from people.models import District


@pytest.mark.django_db
def test_seed_demo_refuses_when_debug_is_off():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_seed_demo_builds_the_curriculum_and_is_idempotent(client):
    call_command("seed_demo")
    counts = (
        get_user_model().objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        LessonPage.objects.count(),
        Enrollment.objects.count(),
    )
    call_command("seed_demo")
    assert counts == (
        get_user_model().objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        LessonPage.objects.count(),
        Enrollment.objects.count(),
    )
    assert CoursePage.objects.count() >= 3
    basic = CoursePage.objects.get(slug="bimtek-dasar-psm")
    assert basic.jp == 32
    modules = ModulePage.objects.child_of(basic)
    assert modules.count() == 10
    assert sum(m.jp for m in modules) == 32
    assert {m.domain for m in modules} == {"knowledge", "skills", "attitude"}
    assert LessonPage.objects.descendant_of(basic).count() >= 10
    for username in ("relawan", "pelatih", "admin"):
        assert client.login(username=username, password="psm-demo-2026")
    used = set(District.objects.filter(volunteers__isnull=False).values_list("name", flat=True))
    assert len(used) == 11
    assert "lorem" not in LessonPage.objects.first().body.render_as_block().lower()
    from assessments.models import AttitudeInstrument, CompetencyUnit, Question, Quiz, Rubric

    assert set(Quiz.objects.values_list("role", flat=True)) == {"pre_test", "post_test"}
    assert (
        Question.objects.filter(current_version__isnull=False).count() == Question.objects.count()
    )
    assert len({q.kind for q in Question.objects.all()}) == 8
    assert Rubric.objects.get().current_version is not None
    assert AttitudeInstrument.objects.get().statements.filter(reverse_keyed=True).exists()
    assert basic.competency_units.count() == CompetencyUnit.objects.count() == 5
    assert basic.trainers.filter(username="pelatih").exists()
    from cohorts.models import Cohort

    cohort = Cohort.objects.get()  # the second run added no second cohort
    assert cohort.course == basic
    assert list(cohort.trainers.values_list("username", flat=True)) == ["pelatih"]
    enrolled = set(Enrollment.objects.filter(course=basic).values_list("user", flat=True))
    assert set(cohort.members.values_list("pk", flat=True)) == enrolled
    assert cohort.sessions.count() == 2


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_if_empty_skips_a_database_with_users():
    get_user_model().objects.create_user(username="sudah-ada", password="x-Y-z-12345")
    call_command("seed_demo", "--if-empty")
    assert not CoursePage.objects.exists()
