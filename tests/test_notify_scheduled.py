"""Scheduled notices made by `send_due_notifications`: a cohort session tomorrow reaches its
members once, however often cron runs the command."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone, translation

from demo.factories import make_course, make_user
from notifications.kinds import render
from notifications.models import Notification
from notifications.services import JAKARTA

from .cohort_helpers import make_cohort


def notices(user, kind):
    with translation.override("en"):
        return [render(n) for n in Notification.objects.filter(recipient=user, kind=kind)]


def jakarta_today():
    return timezone.now().astimezone(JAKARTA).date()


@pytest.mark.django_db
def test_session_tomorrow_reaches_the_members_once(volunteer, other_volunteer, trainer):
    tomorrow = jakarta_today() + datetime.timedelta(days=1)
    outsider = make_user("relawan9", phone="+6281211110009")
    make_cohort(
        make_course(),
        trainers=[trainer],
        members=[volunteer, other_volunteer],
        sessions=[tomorrow, tomorrow + datetime.timedelta(days=1)],
    )
    call_command("send_due_notifications")
    call_command("send_due_notifications")  # cron again: nothing twice
    for member in (volunteer, other_volunteer):
        (notice,) = notices(member, "session_tomorrow")
        assert notice["title"] == f"Tomorrow: Tatap muka {tomorrow:%d/%m} (Angkatan I 2026)"
        assert notice["body"] == "Place: Manna"
        assert notice["url"] == "/dashboard/"
    assert not Notification.objects.filter(recipient__in=[trainer, outsider]).exists()


@pytest.mark.django_db
def test_no_session_tomorrow_sends_nothing(volunteer):
    make_cohort(make_course(), members=[volunteer], sessions=[jakarta_today()])
    call_command("send_due_notifications")
    assert not Notification.objects.exists()
