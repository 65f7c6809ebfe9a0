"""The benchmark data generator makes a consistent data set, and refuses real sites."""

import pytest
from django.core.management import CommandError, call_command

from assessments.models import Attempt, AttemptAnswer, Verdict, VerdictStatus
from certificates.models import Certificate
from cohorts.models import Cohort
from modules.models import CoursePage, Enrollment
from people.models import VolunteerProfile


@pytest.mark.django_db
def test_generated_data_adds_up():
    call_command(
        "generate_scale_data",
        volunteers=30,
        courses=2,
        questions=5,
        allow_without_debug=True,
    )
    assert VolunteerProfile.objects.filter(user__username__startswith="gen-").count() == 30
    assert CoursePage.objects.filter(title__startswith="Pelatihan Skala").count() == 2
    assert Enrollment.objects.count() == 30 * 2
    assert Attempt.objects.count() == 30 * 2 * 2  # two attempts per enrolment
    assert AttemptAnswer.objects.count() == 30 * 2 * 2 * 5
    # An attempt's score is the number of its right answers.
    attempt = Attempt.objects.order_by("pk").first()
    assert attempt.score == attempt.answers.filter(correct=True).count()
    kompeten = Verdict.objects.filter(status=VerdictStatus.KOMPETEN).count()
    assert Certificate.objects.count() == kompeten > 0
    assert Cohort.objects.count() == 2 * 2
    with pytest.raises(CommandError):
        call_command("generate_scale_data", volunteers=1, courses=1, allow_without_debug=True)


@pytest.mark.django_db
def test_refused_when_debug_is_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("generate_scale_data", volunteers=1, courses=1)
    assert not VolunteerProfile.objects.exists()
