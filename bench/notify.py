"""Benchmark notifications, in one process, against the bare cost of the same work.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/notify.py

1. An announcement to N volunteers (default 10,000) through announcement_send: in-app rows,
   idempotent, fanned out by the task in batches / a bare bulk_create of the same N rows.
2. P web pushes (default 1,000), encrypted (RFC 8291) and VAPID-signed by pywebpush, posted to
   an HTTP endpoint on loopback / P plain POSTs of a body of the same size to the same endpoint.
It creates and drops its own test database; prints JSON (or writes it to BENCH_JSON).
"""

import datetime
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    override_settings,
    setup_test_environment,
    teardown_test_environment,
)

VOLUNTEERS = int(os.environ.get("BENCH_NOTIFY_USERS", "10000"))
PUSHES = int(os.environ.get("BENCH_PUSHES", "1000"))


class Sink(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(201)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


def main() -> dict:
    import base64

    import requests
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.contenttypes.models import ContentType

    from notifications.announcements import announcement_send
    from notifications.management.commands.make_vapid_keys import make_keys
    from notifications.models import Delivery, Notification, PushSubscription
    from notifications.services import deliveries_send, notify
    from people.models import District, VolunteerProfile

    def b64(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

    district = District.objects.get(name="Manna")
    User = get_user_model()
    unusable = make_password(None)
    users = User.objects.bulk_create(
        [User(username=f"b{i}", full_name=f"B {i}", password=unusable) for i in range(VOLUNTEERS)]
    )
    VolunteerProfile.objects.bulk_create(
        [
            VolunteerProfile(
                user=u,
                district=district,
                birth_place="Manna",
                birth_date=datetime.date(1990, 1, 1),
                sex="P",
                village="Desa",
                year_appointed=2020,
                consent_at=datetime.datetime.now(tz=datetime.UTC),
            )
            for u in users
        ]
    )
    office = User.objects.create(username="office", full_name="Office")
    # 1. fan-out against a bare insert of the same rows
    begin = time.perf_counter()
    announcement = announcement_send(title="Rapat", body="Kamis.", by=office, district=district)
    fan_out = time.perf_counter() - begin
    assert Notification.objects.filter(kind="announcement").count() == VOLUNTEERS
    object_type = ContentType.objects.get_for_model(announcement)
    begin = time.perf_counter()
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=u.pk,
                kind="bare",
                object_type=object_type,
                object_id=announcement.pk,
                params={"title": "Rapat", "body": "Kamis."},
            )
            for u in users
        ],
        batch_size=1000,
    )
    bare = time.perf_counter() - begin

    # 2. pushes to loopback against plain posts of the same size
    server = ThreadingHTTPServer(("127.0.0.1", 0), Sink)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    endpoint = f"http://127.0.0.1:{server.server_address[1]}/push"
    settings.VAPID_PUBLIC_KEY, settings.VAPID_PRIVATE_KEY = make_keys()
    pushed = users[:PUSHES]
    key = ec.generate_private_key(ec.SECP256R1()).public_key()
    p256dh = b64(
        key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )
    PushSubscription.objects.bulk_create(
        [
            PushSubscription(
                user=u, endpoint=f"{endpoint}/{u.pk}", p256dh=p256dh, auth=b64(b"0" * 16)
            )
            for u in pushed
        ]
    )
    noon = datetime.datetime(2026, 1, 5, 12, tzinfo=datetime.UTC)  # outside quiet hours
    dummy = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    with override_settings(TASKS=dummy):  # created here, sent below under the clock
        notify(
            kind="announcement",
            obj=announcement,
            recipients=pushed,
            params={"title": "Rapat", "body": "Kamis."},
            event_key="push",
            now=noon,
        )
    Delivery.objects.exclude(channel="push").delete()
    begin = time.perf_counter()
    counts = deliveries_send()
    push = time.perf_counter() - begin
    assert counts["sent"] == PUSHES, counts
    payload = b"x" * 180  # about the size of an encrypted notification
    begin = time.perf_counter()
    for u in pushed:
        requests.post(f"{endpoint}/{u.pk}", data=payload, timeout=10)
    plain = time.perf_counter() - begin
    server.shutdown()
    fan_out_row = {"n": VOLUNTEERS, "seconds": round(fan_out, 3), "bare_seconds": round(bare, 3)}
    push_row = {"n": PUSHES, "seconds": round(push, 3), "plain_seconds": round(plain, 3)}
    return {
        "fan_out": {**fan_out_row, "ratio": round(fan_out / bare, 2)},
        "push": {**push_row, "ratio": round(push / plain, 2)},
    }


if __name__ == "__main__":
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        result = main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    text = json.dumps(result, indent=2)
    if os.environ.get("BENCH_JSON"):
        Path(os.environ["BENCH_JSON"]).write_text(text)
    print(text)
