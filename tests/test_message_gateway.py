"""The text-message gateway (core/gateway.py): the outbox, and the webhook adapter against a real
HTTP server on loopback started by the test."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.cache import cache
from django.test import override_settings

from core.gateway import GatewayError, OutboxGateway, WebhookGateway, get_gateway
from core.models import OutboxMessage
from people.models import PasswordResetCode

WEBHOOK = "core.gateway.WebhookGateway"


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def provider():
    """A stand-in provider: records every request; answers `provider.status`."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):
            length = int(self.headers["Content-Length"])
            received.append(
                {
                    "path": self.path,
                    "authorization": self.headers["Authorization"],
                    "content_type": self.headers["Content-Type"],
                    "body": json.loads(self.rfile.read(length)),
                }
            )
            self.send_response(server.status)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.status = 202
    server.received = received
    server.url = f"http://127.0.0.1:{server.server_address[1]}/kirim"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


@pytest.mark.django_db
def test_the_default_gateway_is_the_outbox():
    gateway = get_gateway()
    assert isinstance(gateway, OutboxGateway)
    gateway.send_text(phone="+6281211110001", text="Halo")
    message = OutboxMessage.objects.get()
    assert (message.to, message.text) == ("+6281211110001", "Halo")


@pytest.mark.django_db
def test_the_office_reads_the_outbox_in_the_admin(client, office_admin, trainer):
    OutboxGateway().send_text(phone="+6281211110001", text="Sesi besok pukul 09.00")
    client.force_login(office_admin)
    html = client.get("/admin/kotak-keluar/").content.decode()
    assert "Sesi besok pukul 09.00" in html and "0812-1111-0001" in html
    client.force_login(trainer)
    assert client.get("/admin/kotak-keluar/").status_code == 302


def test_the_webhook_posts_json_with_the_bearer_token(provider):
    WebhookGateway(url=provider.url, token="rahasia-123").send_text(
        phone="+6281211110001", text="Kode Anda 123456"
    )
    assert provider.received == [
        {
            "path": "/kirim",
            "authorization": "Bearer rahasia-123",
            "content_type": "application/json",
            "body": {"to": "+6281211110001", "text": "Kode Anda 123456"},
        }
    ]


def test_a_refusing_or_absent_provider_is_a_gateway_error(provider):
    provider.status = 500
    with pytest.raises(GatewayError):
        WebhookGateway(url=provider.url, token="t").send_text(phone="+62812", text="x")
    address = provider.url
    provider.shutdown()
    provider.server_close()
    with pytest.raises(GatewayError):
        WebhookGateway(url=address, token="t").send_text(phone="+62812", text="x")
    with pytest.raises(GatewayError):
        WebhookGateway(url="file:///etc/passwd", token="t")


@pytest.mark.django_db
def test_with_a_gateway_the_reset_code_goes_to_the_phone_not_the_desk(
    client, volunteer, office_admin, provider
):
    with override_settings(
        MESSAGE_GATEWAY=WEBHOOK, MESSAGE_GATEWAY_URL=provider.url, MESSAGE_GATEWAY_TOKEN="tkn"
    ):
        response = client.post("/accounts/lupa-sandi/", {"phone": "0812 1111 0001"})
        assert response.status_code == 302
        sent = provider.received[0]
        assert sent["authorization"] == "Bearer tkn"
        assert sent["body"]["to"] == "+6281211110001"
        code = sent["body"]["text"].split("Anda: ")[1][:6]
        assert code.isdigit()
        reset = PasswordResetCode.objects.get()
        assert reset.office_code == ""  # no plain copy when a gateway sends
        assert not OutboxMessage.objects.exists()
        client.force_login(office_admin)
        assert "reset-desk-empty" in client.get("/admin/atur-ulang-sandi/").content.decode()
        client.logout()
        session = client.session
        session["password_reset_phone"] = "+6281211110001"
        session.save()
        response = client.post(
            "/accounts/lupa-sandi/kode/",
            {"code": code, "password1": "Pantai-Manna-2027", "password2": "Pantai-Manna-2027"},
        )
        assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.check_password("Pantai-Manna-2027")


@pytest.mark.django_db
def test_a_failing_gateway_gives_the_same_answer(client, volunteer, provider):
    provider.status = 503
    with override_settings(MESSAGE_GATEWAY=WEBHOOK, MESSAGE_GATEWAY_URL=provider.url):
        response = client.post("/accounts/lupa-sandi/", {"phone": "0812 1111 0001"})
    assert (response.status_code, response["Location"]) == (302, "/accounts/lupa-sandi/kode/")
    assert len(provider.received) == 1
