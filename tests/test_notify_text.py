"""The WhatsApp/SMS channel: through core.gateway (the outbox here) for users with a phone who
chose it; off by default; held by quiet hours like push; a retried task adds nothing."""

import pytest

from core.models import OutboxMessage
from demo.factories import make_user
from notifications.models import Delivery, Preference
from notifications.services import deliveries_send, notify
from notifications.tasks import deliver_notifications
from tests.test_notifications import at


def choose_text(user):
    Preference.objects.create(user=user, kind="test_event", channels=["inapp", "text"])


@pytest.fixture(autouse=True)
def outbox(settings):
    settings.MESSAGE_GATEWAY = "core.gateway.OutboxGateway"


@pytest.mark.django_db
def test_text_goes_to_the_outbox_once(volunteer, test_kind, django_capture_on_commit_callbacks):
    choose_text(volunteer)
    params = {"what": "x"}
    with django_capture_on_commit_callbacks(execute=True):
        (nid,) = notify(
            kind="test_event", obj=volunteer, recipients=[volunteer], params=params, now=at(10)
        )
    # notify() enqueued delivery on commit (immediate backend): one message.
    (message,) = OutboxMessage.objects.all()
    assert message.to == volunteer.phone
    assert message.text.splitlines()[:2] == ["Test x", "Body x"]
    assert message.text.endswith("/dashboard/")
    deliver_notifications.enqueue([nid])  # a retried task
    notify(kind="test_event", obj=volunteer, recipients=[volunteer], params=params, now=at(10))
    assert deliveries_send() == {"sent": 0, "skipped": 0, "failed": 0, "retry": 0}
    assert OutboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_off_by_default_and_never_without_a_phone(volunteer, test_kind):
    notify(kind="test_event", obj=volunteer, recipients=[volunteer], now=at(10))
    phoneless = make_user("tanpahp")
    choose_text(phoneless)
    notify(kind="test_event", obj=phoneless, recipients=[phoneless], now=at(10))
    assert not Delivery.objects.filter(channel="text").exists()
    deliveries_send(now=at(10))
    assert not OutboxMessage.objects.exists()


@pytest.mark.django_db
def test_quiet_hours_hold_text_until_morning(volunteer, test_kind):
    choose_text(volunteer)
    notify(kind="test_event", obj=volunteer, recipients=[volunteer], now=at(22))
    (delivery,) = Delivery.objects.filter(channel="text")
    assert delivery.not_before == at(6, day=3)
    deliveries_send(now=at(23))
    assert not OutboxMessage.objects.exists()
    deliveries_send(now=at(6, 30, day=3))
    deliveries_send(now=at(6, 35, day=3))
    assert OutboxMessage.objects.count() == 1


@pytest.mark.django_db
def test_settings_offer_text_only_with_a_phone(client, volunteer, test_kind):
    client.force_login(volunteer)
    assert 'value="text"' in client.get("/notifikasi/pengaturan/").content.decode()
    client.post("/notifikasi/pengaturan/", {"kind-test_event": ["text"]})
    assert "text" in Preference.objects.get(user=volunteer, kind="test_event").channels
    client.force_login(make_user("tanpahp"))
    assert 'value="text"' not in client.get("/notifikasi/pengaturan/").content.decode()
