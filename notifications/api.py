from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from core.errors import DomainError

from .selectors import unread_count
from .services import push_subscription_delete, push_subscription_save

router = Router(tags=["notifications"])


class CountOut(Schema):
    count: int


class KeyOut(Schema):
    key: str


class Keys(Schema):
    p256dh: str
    auth: str


class SubscriptionIn(Schema):
    endpoint: str
    keys: Keys


class EndpointIn(Schema):
    endpoint: str


class OkOut(Schema):
    ok: bool


@router.get("/notifications/unread", response=CountOut)
def unread(request):
    return {"count": unread_count(user=request.user)}


@router.get("/push/key", response=KeyOut, auth=None)
def push_key(request):
    """The VAPID public key the browser subscribes with (public by nature)."""
    if not settings.VAPID_PUBLIC_KEY:
        raise DomainError("push_unavailable", _("Phone notifications are not set up here."))
    return {"key": settings.VAPID_PUBLIC_KEY}


def _valid_endpoint(endpoint: str) -> str:
    endpoint = endpoint.strip()
    if not endpoint.startswith(("https://", "http://")) or len(endpoint) > 1000:
        raise DomainError("invalid_subscription", _("This push subscription is not valid."))
    return endpoint


@router.post("/push/subscriptions", response={201: OkOut})
def subscribe(request, payload: SubscriptionIn):
    keys = payload.keys
    if not (0 < len(keys.p256dh) <= 200 and 0 < len(keys.auth) <= 100):
        raise DomainError("invalid_subscription", _("This push subscription is not valid."))
    push_subscription_save(
        user=request.user,
        endpoint=_valid_endpoint(payload.endpoint),
        p256dh=keys.p256dh,
        auth=keys.auth,
    )
    return Status(201, {"ok": True})


@router.delete("/push/subscriptions", response=OkOut)
def unsubscribe(request, payload: EndpointIn):
    return {"ok": bool(push_subscription_delete(user=request.user, endpoint=payload.endpoint))}
