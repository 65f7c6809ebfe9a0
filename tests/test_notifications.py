"""notify(): idempotent rows, channel deliveries claimed once, quiet hours, the bell, the list,
mark read, settings and the unread API."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from demo.factories import make_user
from notifications.models import Delivery, Notification, Preference, PushSubscription
from notifications.services import (
    _claim,
    deliveries_send,
    notify,
    quiet_until,
)
from notifications.tasks import deliver_notifications

JAKARTA = ZoneInfo("Asia/Jakarta")


def at(hour, minute=0, day=2):
    return datetime.datetime(2026, 12, day, hour, minute, tzinfo=JAKARTA)


def test_notify_twice_creates_one_row_and_one_email(db, volunteer, test_kind, commit):
    volunteer.email = "relawan@example.org"
    volunteer.save()
    for _round in range(2):
        with commit():
            notify(kind="test_event", obj=volunteer, recipients=[volunteer], params={"what": "x"})
    assert Notification.objects.count() == 1
    assert list(Delivery.objects.values_list("channel", "status")) == [("email", "sent")]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject == "Test x"
    # Another event on the same object (event_key) is a new notification.
    with commit():
        notify(kind="test_event", obj=volunteer, recipients=[volunteer], event_key="2")
    assert Notification.objects.count() == 2


def test_a_retried_task_sends_nothing_twice(db, volunteer, test_kind, commit):
    volunteer.email = "relawan@example.org"
    volunteer.save()
    with commit():
        ids = notify(kind="test_event", obj=volunteer, recipients=[volunteer])
    deliver_notifications.enqueue(ids)  # the queue ran it again (a retry)
    assert deliveries_send()["sent"] == 0
    assert len(mail.outbox) == 1
    delivery = Delivery.objects.get()
    assert delivery.attempts == 1
    # Two workers holding the same pending row: only the first claim wins.
    Delivery.objects.filter(pk=delivery.pk).update(status="pending")
    now = datetime.datetime.now(tz=JAKARTA)
    assert _claim(delivery.pk, now) is True
    assert _claim(delivery.pk, now) is False


def test_channels_follow_the_users_choice(db, volunteer, other_volunteer, test_kind, commit):
    for person in (volunteer, other_volunteer):
        person.email = f"{person.username}@example.org"
        person.save()
    Preference.objects.create(user=other_volunteer, kind="test_event", channels=["inapp"])
    with commit():
        notify(kind="test_event", obj=volunteer, recipients=[volunteer, other_volunteer])
    assert Notification.objects.count() == 2
    assert [m.to for m in mail.outbox] == [["relawan1@example.org"]]


def test_no_email_address_means_no_email_delivery(db, volunteer, test_kind, commit):
    with commit():
        notify(kind="test_event", obj=volunteer, recipients=[volunteer])
    assert Notification.objects.count() == 1
    assert not Delivery.objects.exists()


def test_unknown_kind_is_refused(db, volunteer):
    with pytest.raises(ValueError, match="unknown notification kind"):
        notify(kind="nope", obj=volunteer, recipients=[volunteer])


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (at(20, 59), None),
        (at(21, 0), at(6, day=3)),
        (at(23, 30), at(6, day=3)),
        (at(2, 0), at(6, day=2)),
        (at(5, 59), at(6, day=2)),
        (at(6, 0), None),
    ],
)
def test_quiet_hours_end_at_six_in_jakarta(now, expected):
    assert quiet_until(now.astimezone(datetime.UTC)) == expected


def test_quiet_hours_hold_push_not_email(db, volunteer, test_kind, settings):
    settings.VAPID_PUBLIC_KEY = settings.VAPID_PRIVATE_KEY = "set"
    volunteer.email = "relawan@example.org"
    volunteer.save()
    PushSubscription.objects.create(
        user=volunteer, endpoint="http://127.0.0.1:9/push", p256dh="k", auth="a"
    )
    notify(kind="test_event", obj=volunteer, recipients=[volunteer], now=at(22))
    held = dict(Delivery.objects.values_list("channel", "not_before"))
    assert held == {"email": None, "push": at(6, day=3)}
    # At 23:00 only the email is due; the push waits for the morning.
    assert deliveries_send(now=at(23)) == {"sent": 1, "skipped": 0, "failed": 0, "retry": 0}
    assert Delivery.objects.get(channel="push").status == "pending"


def test_quiet_hours_off_sends_push_at_night(db, volunteer, test_kind):
    PushSubscription.objects.create(
        user=volunteer, endpoint="http://127.0.0.1:9/push", p256dh="k", auth="a"
    )
    from notifications.models import QuietHours

    QuietHours.objects.create(user=volunteer, enabled=False)
    notify(kind="test_event", obj=volunteer, recipients=[volunteer], now=at(22))
    assert Delivery.objects.get().not_before is None


def bell_queries(client, url="/kompetensi/"):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    bell = [q for q in queries.captured_queries if "notifications_notification" in q["sql"]]
    return response, len(bell)


def test_the_bell_costs_one_query_then_none(db, client, volunteer, test_kind):
    client.force_login(volunteer)
    response, cold = bell_queries(client)
    assert cold == 1
    assert 'class="bell"' in response.content.decode()
    response, warm = bell_queries(client)
    assert warm == 0
    assert "bell-count" not in response.content.decode()
    notify(kind="test_event", obj=volunteer, recipients=[volunteer])  # invalidates the count
    response, _n = bell_queries(client)
    assert '<span class="bell-count">1</span>' in response.content.decode()
    # The chrome fragment is cached for all volunteers: another one sees their own count.
    other = make_user("relawan7")
    client.force_login(other)
    response, _n = bell_queries(client)
    assert "bell-count" not in response.content.decode()


def test_the_list_reads_in_constant_queries(db, client, volunteer, test_kind):
    client.force_login(volunteer)

    def make(count, start):
        for index in range(start, start + count):
            notify(
                kind="test_event",
                obj=volunteer,
                recipients=[volunteer],
                params={"what": f"n{index}"},
                event_key=str(index),
            )

    make(3, 0)
    client.get("/notifikasi/")
    with CaptureQueriesContext(connection) as few:
        client.get("/notifikasi/")
    make(40, 3)
    client.get("/notifikasi/")
    with CaptureQueriesContext(connection) as many:
        response = client.get("/notifikasi/")
    assert len(many) == len(few)
    text = response.content.decode()
    assert "Test n42" in text and "Test n22" not in text  # 20 a page, newest first
    assert client.get("/notifikasi/?page=3").status_code == 200


def test_mark_read_and_read_all(db, client, volunteer, other_volunteer, test_kind):
    first, second = (
        notify(kind="test_event", obj=volunteer, recipients=[volunteer], event_key=key)[0]
        for key in ("a", "b")
    )
    mine_for_other = notify(kind="test_event", obj=volunteer, recipients=[other_volunteer])[0]
    client.force_login(volunteer)
    assert client.get("/api/v1/notifications/unread").json() == {"count": 2}
    response = client.post(f"/notifikasi/{first}/baca/")
    assert response.status_code == 302 and response["Location"] == "/dashboard/"
    assert client.get("/api/v1/notifications/unread").json() == {"count": 1}
    assert client.post(f"/notifikasi/{mine_for_other}/baca/").status_code == 404
    assert client.get(f"/notifikasi/{second}/baca/").status_code == 405
    response = client.post(f"/notifikasi/{second}/baca/", {"next": "https://evil.example/"})
    assert response["Location"] == "/dashboard/"
    notify(kind="test_event", obj=volunteer, recipients=[volunteer], event_key="c")
    assert client.post("/notifikasi/baca-semua/").status_code == 302
    assert client.get("/api/v1/notifications/unread").json() == {"count": 0}
    assert Notification.objects.get(pk=mine_for_other).read_at is None


def test_settings_save_channels_and_quiet_hours(db, client, volunteer, test_kind):
    client.force_login(volunteer)
    page = client.get("/notifikasi/pengaturan/").content.decode()
    assert 'name="kind-test_event"' in page and 'name="quiet_hours" value="1"' in page
    response = client.post(
        "/notifikasi/pengaturan/", {"kind-test_event": ["push", "bogus"]}, follow=False
    )
    assert response.status_code == 302
    assert Preference.objects.get(user=volunteer, kind="test_event").channels == [
        "inapp",
        "push",
    ]
    assert volunteer.quiet_hours.enabled is False
    client.post("/notifikasi/pengaturan/", {"quiet_hours": "1"})
    volunteer.quiet_hours.refresh_from_db()
    assert volunteer.quiet_hours.enabled is True


def test_the_text_follows_the_readers_language(db, client, volunteer):
    from assessments.notices import register_kinds  # noqa: F401 (registered at start-up)

    notify(
        kind="essay_marked",
        obj=volunteer,
        recipients=[volunteer],
        params={"quiz": "Kuis Dasar", "attempt": 1, "score": "3", "points": "4"},
    )
    client.force_login(volunteer)
    client.cookies["django_language"] = "en"
    assert "Your essay in “Kuis Dasar” was marked" in client.get("/notifikasi/").content.decode()


def test_anonymous_visitors_are_sent_to_log_in(db, client):
    assert client.get("/notifikasi/").status_code == 302
    assert client.get("/api/v1/notifications/unread").status_code == 401


def test_send_due_notifications_sends_what_quiet_hours_held(db, volunteer, test_kind, settings):
    from django.core.management import call_command

    volunteer.email = "relawan@example.org"
    volunteer.save()
    notify(kind="test_event", obj=volunteer, recipients=[volunteer], now=at(22))
    Delivery.objects.update(not_before=at(6, day=2))  # held until a morning already past
    call_command("send_due_notifications")
    assert len(mail.outbox) == 1
    call_command("send_due_notifications")  # run again by cron: nothing twice
    assert len(mail.outbox) == 1


def test_a_json_api_body_sent_as_a_form_is_a_400_not_a_500(db, client, volunteer):
    client.force_login(volunteer)
    response = client.post("/api/v1/push/subscriptions", {"endpoint": "x"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_request"


@pytest.mark.django_db
def test_the_settings_page_offers_each_person_only_their_own_kinds(
    client, volunteer, trainer, office_admin
):
    import notifications.receivers  # noqa: F401 - the office kinds register with their apps
    import portal.digest  # noqa: F401

    def offered(user) -> set[str]:
        client.force_login(user)
        page = client.get("/notifikasi/pengaturan/").content.decode()
        return {
            key
            for key in ("trainer_digest", "import_finished", "essay_marked")
            if f'name="kind-{key}"' in page
        }

    assert offered(volunteer) == {"essay_marked"}
    assert offered(trainer) == {"essay_marked", "trainer_digest"}
    assert offered(office_admin) == {"essay_marked", "trainer_digest", "import_finished"}
