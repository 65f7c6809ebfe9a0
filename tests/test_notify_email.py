"""The email channel through Django's SMTP backend to a real SMTP server on loopback
(aiosmtpd), reading the message back as the server received it."""

import email
import email.policy
import socket

import pytest
from aiosmtpd.controller import Controller
from django.utils.translation import gettext_lazy as _

from notifications import kinds
from notifications.kinds import Kind
from notifications.models import Delivery
from notifications.services import notify


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, controller.port
    finally:
        controller.stop()


def test_an_email_reaches_a_real_smtp_server(
    db, volunteer, settings, smtp_server, commit, monkeypatch
):
    inbox, port = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", port, False
    settings.DEFAULT_FROM_EMAIL = "dinsos@psm.local"
    kind = Kind(
        key="mail_test",
        label=_("A test event"),
        title="Esai Anda dinilai",
        body="Nilai: %(score)s dari 4.",
        url=lambda n: "/kompetensi/",
    )
    monkeypatch.setitem(kinds.KINDS, kind.key, kind)
    volunteer.email = "relawan1@example.org"
    volunteer.save()
    with commit():
        notify(kind="mail_test", obj=volunteer, recipients=[volunteer], params={"score": "3"})
    assert len(inbox.messages) == 1
    recipients, raw = inbox.messages[0]
    assert recipients == ["relawan1@example.org"]
    message = email.message_from_bytes(raw, policy=email.policy.default)
    assert message["Subject"] == "Esai Anda dinilai"
    assert message["From"] == "dinsos@psm.local"
    text = message.get_content()
    assert "Nilai: 3 dari 4." in text
    assert settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/kompetensi/" in text
    assert Delivery.objects.get().status == "sent"


def test_an_unreachable_smtp_server_is_retried_then_failed(db, volunteer, settings, monkeypatch):
    from notifications.services import MAX_ATTEMPTS, deliveries_send

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_USE_TLS = "127.0.0.1", 9, False
    settings.EMAIL_TIMEOUT = 2
    kind = Kind(key="mail_test", label="x", title="t")
    monkeypatch.setitem(kinds.KINDS, kind.key, kind)
    volunteer.email = "relawan1@example.org"
    volunteer.save()
    notify(kind="mail_test", obj=volunteer, recipients=[volunteer])
    outcomes = [deliveries_send() for _round in range(MAX_ATTEMPTS + 1)]
    assert [o["retry"] for o in outcomes] == [1] * (MAX_ATTEMPTS - 1) + [0, 0]
    delivery = Delivery.objects.get()
    assert (delivery.status, delivery.attempts) == ("failed", MAX_ATTEMPTS)
