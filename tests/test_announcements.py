"""An office announcement fans out in background batches, once per recipient."""

import pytest

from core.errors import DomainError
from demo.factories import make_course, make_user
from notifications import announcements
from notifications.announcements import announcement_fan_out, announcement_send
from notifications.models import Announcement, Notification
from people.models import District


def test_a_district_announcement_reaches_its_volunteers_in_batches(
    db, volunteer, other_volunteer, office_admin, commit, monkeypatch
):
    monkeypatch.setattr(announcements, "FAN_OUT_BATCH", 2)
    third = make_user("relawan3")
    elsewhere = make_user("relawan4")
    elsewhere.profile.district = District.objects.exclude(name="Manna").first()
    elsewhere.profile.save()
    with commit():
        sent = announcement_send(
            title="Rapat IPSM", body="Kamis pukul 09.00 di aula Dinsos.", by=office_admin,
            district=District.objects.get(name="Manna"),
        )  # fmt: skip
    sent.refresh_from_db()
    assert sent.delivered == 3 and sent.finished_at is not None
    got = set(Notification.objects.filter(kind="announcement").values_list("recipient", flat=True))
    assert got == {volunteer.pk, other_volunteer.pk, third.pk}
    # A batch run again (a retried task) notifies nobody twice.
    announcement_fan_out(announcement_id=sent.pk, start=0)
    assert Notification.objects.filter(kind="announcement").count() == 3


def test_a_cohort_announcement(db, volunteer, other_volunteer, office_admin, commit):
    from tests.security.test_permission_matrix import make_cohort

    cohort = make_cohort(make_course(), name="Angkatan 1", trainers=[], members=[volunteer])
    with commit():
        announcement_send(title="Sesi besok", body="Bawa buku.", by=office_admin, cohort=cohort)
    assert list(Notification.objects.values_list("recipient", flat=True)) == [volunteer.pk]


def test_an_announcement_needs_one_audience_and_text(db, office_admin):
    with pytest.raises(DomainError) as error:
        announcement_send(title="x", body="y", by=office_admin)
    assert error.value.code == "recipients_required"
    with pytest.raises(DomainError) as error:
        announcement_send(title=" ", body="y", by=office_admin, district=District.objects.first())
    assert error.value.code == "text_required"
    assert not Announcement.objects.exists()
