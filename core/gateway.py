"""Text messages (SMS/WhatsApp) behind one small interface: ``send_text(*, phone, text)``.

settings.MESSAGE_GATEWAY (env DJANGO_MESSAGE_GATEWAY) is the dotted path of the adapter class;
the default, OutboxGateway, sends nothing and keeps the message for the office to read.
WebhookGateway POSTs JSON {"to", "text"} with a bearer token to MESSAGE_GATEWAY_URL: the shape a
small relay in front of any provider (an SMS modem, a WhatsApp Business API account) takes."""

import json
import logging
import urllib.error
import urllib.request
from typing import Protocol

from django.conf import settings
from django.utils.module_loading import import_string

from .models import OutboxMessage

logger = logging.getLogger(__name__)

OUTBOX = "core.gateway.OutboxGateway"


class GatewayError(Exception):
    """The provider did not take the message."""


class MessageGateway(Protocol):
    def send_text(self, *, phone: str, text: str) -> None: ...


class OutboxGateway:
    """No provider: the message waits in the outbox (admin) and the office hands it over."""

    def send_text(self, *, phone: str, text: str) -> None:
        message = OutboxMessage(to=phone, text=text)
        message.full_clean()
        message.save()


class WebhookGateway:
    TIMEOUT_SECONDS = 10

    def __init__(self, *, url: str | None = None, token: str | None = None):
        self.url = url if url is not None else settings.MESSAGE_GATEWAY_URL
        self.token = token if token is not None else settings.MESSAGE_GATEWAY_TOKEN
        if not self.url.startswith(("https://", "http://")):
            raise GatewayError("DJANGO_MESSAGE_GATEWAY_URL must be an http(s) URL")

    def send_text(self, *, phone: str, text: str) -> None:
        body = json.dumps({"to": phone, "text": text}).encode()
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/json",
                "Authorization": f"Bearer {self.token}",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.TIMEOUT_SECONDS) as response:  # noqa: S310
                status = response.status
        except (urllib.error.URLError, OSError) as error:
            raise GatewayError(f"gateway unreachable or refused: {error}") from error
        if not 200 <= status < 300:
            raise GatewayError(f"gateway answered {status}")


def get_gateway() -> MessageGateway:
    return import_string(settings.MESSAGE_GATEWAY)()


def gateway_is_outbox() -> bool:
    """True when nothing is really sent: the office hands codes over itself."""
    return settings.MESSAGE_GATEWAY == OUTBOX
