"""Web push end to end: pywebpush encrypts and posts (RFC 8291, aes128gcm) to an HTTP endpoint
on loopback, which decrypts the body with the subscription's own private key and checks the
VAPID signature. Nothing of the sender is mocked."""

import base64
import datetime
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from zoneinfo import ZoneInfo

import http_ece
import pytest
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from django.core.management import call_command

from notifications.management.commands.make_vapid_keys import b64url, make_keys
from notifications.models import Delivery, PushSubscription
from notifications.services import notify

NOON = datetime.datetime(2026, 12, 2, 12, tzinfo=ZoneInfo("Asia/Jakarta"))


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class PushService:
    """A push service on 127.0.0.1: records each request; answers `status`."""

    def __init__(self):
        self.requests, self.status = [], 201
        service = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                service.requests.append(
                    (self.path, {k.lower(): v for k, v in self.headers.items()}, body)
                )
                self.send_response(service.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def push_service():
    service = PushService()
    yield service
    service.stop()


@pytest.fixture
def vapid(settings):
    public, private = make_keys()
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = public, private
    settings.VAPID_SUBJECT = "mailto:dinsos@example.org"
    return public


def browser_keys():
    """What a browser's PushManager makes: a P-256 key pair and a 16-byte auth secret."""
    key = ec.generate_private_key(ec.SECP256R1())
    public = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return key, b64url(public), os.urandom(16)


def check_vapid(authorization: str, vapid_public: str, audience: str) -> dict:
    scheme, _space, rest = authorization.partition(" ")
    assert scheme == "vapid"  # RFC 8292
    fields = dict(part.strip().split("=", 1) for part in rest.split(","))
    assert fields["k"] == vapid_public
    header, claims, signature = fields["t"].split(".")
    raw = unb64(signature)
    point = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64(vapid_public))
    der = encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big"))
    try:
        point.verify(der, f"{header}.{claims}".encode(), ec.ECDSA(hashes.SHA256()))
    except InvalidSignature:  # pragma: no cover - the assertion below says it
        pytest.fail("the VAPID signature does not verify")
    data = json.loads(unb64(claims))
    assert data["aud"] == audience
    return data


def test_a_push_is_encrypted_for_the_subscription_and_signed(
    db, volunteer, vapid, push_service, commit, settings
):
    from assessments.notices import register_kinds  # noqa: F401 (registered at start-up)

    key, p256dh, auth = browser_keys()
    PushSubscription.objects.create(
        user=volunteer, endpoint=push_service.url + "/push/abc", p256dh=p256dh, auth=b64url(auth)
    )
    with commit():
        notify(
            kind="essay_marked",
            obj=volunteer,
            recipients=[volunteer],
            params={"quiz": "Kuis Dasar", "attempt": 7, "score": "3", "points": "4"},
            now=NOON,  # outside quiet hours, whatever the clock says
        )
    assert len(push_service.requests) == 1
    path, headers, body = push_service.requests[0]
    assert path == "/push/abc"
    assert headers["content-encoding"] == "aes128gcm"
    assert b"Kuis Dasar" not in body  # encrypted on the wire
    plain = http_ece.decrypt(body, private_key=key, auth_secret=auth, version="aes128gcm")
    payload = json.loads(plain)
    assert "Kuis Dasar" in payload["title"]
    assert payload["url"] == settings.WAGTAILADMIN_BASE_URL.rstrip("/") + "/kuis/percobaan/7/hasil/"
    claims = check_vapid(headers["authorization"], vapid, push_service.url)
    assert claims["sub"] == "mailto:dinsos@example.org"
    assert Delivery.objects.get().status == "sent"


def test_a_gone_subscription_is_forgotten(db, volunteer, vapid, push_service, commit):
    from assessments.notices import register_kinds  # noqa: F401

    push_service.status = 410
    _key, p256dh, auth = browser_keys()
    PushSubscription.objects.create(
        user=volunteer, endpoint=push_service.url + "/gone", p256dh=p256dh, auth=b64url(auth)
    )
    with commit():
        notify(
            kind="essay_marked",
            obj=volunteer,
            recipients=[volunteer],
            params={"quiz": "Q", "attempt": 1, "score": "1", "points": "4"},
            now=NOON,
        )
    assert len(push_service.requests) == 1
    assert not PushSubscription.objects.exists()
    assert Delivery.objects.get().status == "skipped"


def test_push_key_and_subscriptions_api(db, client, volunteer, other_volunteer, vapid):
    assert client.get("/api/v1/push/key").json() == {"key": vapid}
    body = {"endpoint": "https://push.example/abc", "keys": {"p256dh": "pk", "auth": "au"}}
    assert client.post("/api/v1/push/subscriptions", body, "application/json").status_code == 401
    client.force_login(volunteer)
    response = client.post("/api/v1/push/subscriptions", body, "application/json")
    assert response.status_code == 201
    # The same browser again: one row, updated.
    client.post("/api/v1/push/subscriptions", body, "application/json")
    assert PushSubscription.objects.get().user == volunteer
    bad = {**body, "endpoint": "javascript:alert(1)"}
    response = client.post("/api/v1/push/subscriptions", bad, "application/json")
    assert response.status_code == 422 and response.json()["code"] == "invalid_request"
    response = client.post("/api/v1/push/subscriptions", {"endpoint": 3}, "application/json")
    assert response.status_code == 422
    # Another user cannot remove it.
    client.force_login(other_volunteer)
    gone = {"endpoint": body["endpoint"]}
    assert client.delete("/api/v1/push/subscriptions", gone, "application/json").json() == {
        "ok": False
    }
    client.force_login(volunteer)
    assert client.delete("/api/v1/push/subscriptions", gone, "application/json").json() == {
        "ok": True
    }
    assert not PushSubscription.objects.exists()


def test_push_key_without_keys_configured(db, client, settings):
    settings.VAPID_PUBLIC_KEY = ""
    response = client.get("/api/v1/push/key")
    assert response.status_code == 404 and response.json()["code"] == "push_unavailable"


def test_service_worker_is_served_from_the_root(db, client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert b"showNotification" in b"".join([response.content])


def test_settings_page_asks_only_after_a_click(db, client, volunteer, vapid, settings):
    client.force_login(volunteer)
    page = client.get("/notifikasi/pengaturan/").content.decode()
    assert 'id="push-enable"' in page and "js/push.js" in page
    assert "<script>" not in page  # CSP: no inline script
    script = (settings.BASE_DIR / "static/js/push.js").read_text()
    assert 'button.addEventListener("click"' in script
    before_click = script.split('button.addEventListener("click"')[0]
    assert "requestPermission" not in before_click


def test_make_vapid_keys_prints_a_working_pair(capsys):
    call_command("make_vapid_keys")
    lines = dict(line.split("=", 1) for line in capsys.readouterr().out.split())
    public = unb64(lines["DJANGO_VAPID_PUBLIC_KEY"])
    assert len(public) == 65 and public[0] == 4
    assert len(unb64(lines["DJANGO_VAPID_PRIVATE_KEY"])) == 32
