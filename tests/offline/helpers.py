"""Building sync requests as a phone sends them."""

import datetime
import json
import uuid

from django.utils import timezone

SYNC = "/api/v1/offline/sync"


def action(kind, payload, *, key=None, at=None):
    at = at or timezone.now() - datetime.timedelta(hours=2)
    return {"key": str(key or uuid.uuid4()), "kind": kind, "at": at.isoformat(), "payload": payload}


def sync(client, *actions, raw=None):
    body = raw if raw is not None else json.dumps({"actions": list(actions)})
    return client.post(SYNC, body, content_type="application/json")
