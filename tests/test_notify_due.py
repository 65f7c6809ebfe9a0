"""Due-date reminders: two days before an untimed quiz's or a rubric's evidence due date, enrolled
volunteers who have not done it hear of it once; done, timed or unenrolled people hear nothing."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from assessments.models import Evidence, EvidenceStatus
from assessments.services.attempts import attempt_start, attempt_submit
from demo.factories import make_question, make_quiz, make_rubric, make_user
from modules.models import ModulePage
from modules.services import enrollment_create
from notifications.kinds import render
from notifications.models import Notification
from notifications.services import JAKARTA


def today():
    return timezone.now().astimezone(JAKARTA).date()


def notices(user, kind):
    with translation.override("en"):
        return [render(n) for n in Notification.objects.filter(recipient=user, kind=kind)]


@pytest.fixture
def module(course):
    return ModulePage.objects.child_of(course).first()


@pytest.fixture
def enrolled(course, volunteer, other_volunteer):
    for user in (volunteer, other_volunteer):
        enrollment_create(user=user, course=course)
    return volunteer, other_volunteer


@pytest.mark.django_db
def test_an_untimed_quiz_due_in_two_days_reminds_who_has_not_submitted(module, enrolled):
    volunteer, other = enrolled
    outsider = make_user("relawan9", phone="+6281211110009")
    due = today() + datetime.timedelta(days=2)
    quiz = make_quiz(module, [make_question()], title="Kuis pendampingan", due_date=due)
    attempt = attempt_start(by=other, quiz=quiz)
    attempt_submit(by=other, attempt_id=attempt.pk)

    call_command("send_due_notifications")
    call_command("send_due_notifications")  # cron again: nothing twice

    (notice,) = notices(volunteer, "quiz_due")
    assert notice["title"] == "“Kuis pendampingan” is due soon"
    assert notice["body"] == f"Due: {due.day} {due:%B} {due.year}"
    assert notice["url"] == reverse("quiz_detail", args=[quiz.pk])
    assert not notices(other, "quiz_due")  # submitted
    assert not notices(outsider, "quiz_due")  # not enrolled


@pytest.mark.django_db
def test_a_far_due_date_or_a_timed_quiz_reminds_nobody(module, enrolled):
    make_quiz(module, [make_question()], due_date=today() + datetime.timedelta(days=3))
    timed = make_quiz(module, [make_question()], time_limit_minutes=30)
    # Built in code past clean(): a timed quiz with a date still reminds nobody.
    timed.due_date = today() + datetime.timedelta(days=1)
    timed.save()
    call_command("send_due_notifications")
    assert not Notification.objects.filter(kind="quiz_due").exists()


@pytest.mark.django_db
def test_a_moved_due_date_reminds_again(module, enrolled):
    volunteer, _ = enrolled
    quiz = make_quiz(module, [make_question()], due_date=today() + datetime.timedelta(days=1))
    call_command("send_due_notifications")
    quiz.due_date = today() + datetime.timedelta(days=2)
    quiz.save()
    call_command("send_due_notifications")
    assert len(notices(volunteer, "quiz_due")) == 2


@pytest.mark.django_db
def test_a_timed_quiz_may_not_have_a_due_date(module):
    quiz = make_quiz(module, [make_question()], time_limit_minutes=30)
    quiz.due_date = today()
    with pytest.raises(ValidationError) as error:
        quiz.full_clean()
    assert "due_date" in error.value.message_dict


@pytest.mark.django_db
def test_evidence_due_reminds_who_has_not_sent_or_was_returned(module, enrolled):
    volunteer, other = enrolled
    third = make_user("relawan3", phone="+6281211110003")
    enrollment_create(user=third, course=module.get_parent().specific)
    rubric = make_rubric(module)
    rubric.evidence_due_date = today() + datetime.timedelta(days=2)
    rubric.save()

    def evidence(user, status):
        Evidence.objects.create(
            rubric=rubric,
            volunteer=user,
            file=SimpleUploadedFile("a.jpg", b"x"),
            content_type="image/jpeg",
            size=1,
            original_name="a.jpg",
            status=status,
        )

    evidence(other, EvidenceStatus.SUBMITTED)
    evidence(third, EvidenceStatus.RETURNED)  # returned: still has to send one
    call_command("send_due_notifications")
    call_command("send_due_notifications")

    (notice,) = notices(volunteer, "evidence_due")
    assert notice["title"] == "Evidence for “Observasi kunjungan rumah” is due soon"
    assert notice["url"] == reverse("evidence_upload", args=[rubric.pk])
    assert len(notices(third, "evidence_due")) == 1
    assert not notices(other, "evidence_due")


@pytest.mark.django_db
def test_the_volunteer_pages_show_the_due_dates(client, module, enrolled):
    volunteer, _ = enrolled
    quiz = make_quiz(module, [make_question()], due_date=datetime.date(2026, 12, 5))
    rubric = make_rubric(module)
    rubric.evidence_due_date = datetime.date(2026, 12, 7)
    rubric.save()
    client.force_login(volunteer)
    page = client.get(reverse("quiz_detail", args=[quiz.pk])).content.decode()
    assert "Kirim paling lambat 5 Desember 2026" in page
    page = client.get(reverse("evidence_upload", args=[rubric.pk])).content.decode()
    assert "Kirim bukti paling lambat 7 Desember 2026." in page
