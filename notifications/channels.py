"""Senders per channel. Each takes a Delivery (with its notification and recipient) and raises
on failure; `Skip` means there was nothing to send to (no address, no subscription left)."""

import json
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation

from .kinds import render
from .models import PushSubscription

logger = logging.getLogger(__name__)


class Skip(Exception):
    pass


def absolute(url: str) -> str:
    if not url or url.startswith("http"):
        return url
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _content(notification) -> dict:
    # Email and push leave the site: written in the site's language (no reader to follow).
    with translation.override(settings.LANGUAGE_CODE):
        content = render(notification)
    content["url"] = absolute(content["url"])
    return content


def send_email(delivery) -> None:
    user = delivery.notification.recipient
    if not user.email:
        raise Skip("no email address")
    content = _content(delivery.notification)
    lines = [content["body"], *content["details"], "", content["url"]]
    send_mail(
        subject=content["title"],
        message="\n".join(line for line in lines if line is not None).strip() + "\n",
        from_email=None,
        recipient_list=[user.email],
    )


def vapid_ready() -> bool:
    return bool(settings.VAPID_PRIVATE_KEY and settings.VAPID_PUBLIC_KEY)


def send_push(delivery) -> None:
    from pywebpush import WebPushException, webpush

    if not vapid_ready():
        raise Skip("no VAPID keys configured")
    notification = delivery.notification
    subscriptions = list(PushSubscription.objects.filter(user_id=notification.recipient_id))
    if not subscriptions:
        raise Skip("no push subscription")
    content = _content(notification)
    payload = json.dumps(
        {"title": content["title"], "body": content["body"], "url": content["url"]}
    )
    sent = 0
    for subscription in subscriptions:
        try:
            webpush(
                subscription_info={
                    "endpoint": subscription.endpoint,
                    "keys": {"p256dh": subscription.p256dh, "auth": subscription.auth},
                },
                data=payload,
                vapid_private_key=settings.VAPID_PRIVATE_KEY,
                vapid_claims={"sub": settings.VAPID_SUBJECT},
                ttl=24 * 60 * 60,
                timeout=10,
            )
            sent += 1
        except WebPushException as error:
            status = getattr(error.response, "status_code", None)
            if status in (404, 410):  # the browser dropped it: forget it
                subscription.delete()
                continue
            raise
    if not sent:
        raise Skip("every push subscription had expired")


def send_text(delivery) -> None:
    """WhatsApp/SMS through the configured gateway (core.gateway): the outbox the office reads
    unless a provider's adapter is set. Short: title, body and link."""
    from core.gateway import get_gateway

    user = delivery.notification.recipient
    if not user.phone:
        raise Skip("no phone number")
    content = _content(delivery.notification)
    lines = [content["title"], content["body"], content["url"]]
    get_gateway().send_text(phone=user.phone, text="\n".join(line for line in lines if line))


SENDERS = {"email": send_email, "push": send_push, "text": send_text}
