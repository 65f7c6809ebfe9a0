from django.conf import settings
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from core.errors import DomainError

from .selectors import unread_count
from .services import push_subscription_delete, push_subscription_save

router = Router(tags=["notifications"])


class CountOut(Schema):
    count: int


class KeyOut(Schema):
    key: str


# What a browser's PushSubscription.toJSON() sends; the schema refuses anything else (422).
ENDPOINT = Field(
    min_length=10, max_length=1000, pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?/[!-~]*$"
)


class Keys(Schema):
    p256dh: str = Field(min_length=1, max_length=200, pattern=r"^[A-Za-z0-9_=-]+$")
    auth: str = Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_=-]+$")


class SubscriptionIn(Schema):
    endpoint: str = ENDPOINT
    keys: Keys


class EndpointIn(Schema):
    endpoint: str = Field(min_length=1, max_length=1000)


class OkOut(Schema):
    ok: bool


class MessageOut(Schema):
    code: str
    message: str


# The refusals every route may answer (lms/api.py turns them into {code, message}).
ERRORS = {400: MessageOut, 422: MessageOut}


@router.get("/notifications/unread", response=CountOut)
def unread(request):
    return {"count": unread_count(user=request.user)}


@router.get("/push/key", response={200: KeyOut, 404: MessageOut, **ERRORS}, auth=None)
def push_key(request):
    """The VAPID public key the browser subscribes with (public by nature)."""
    if not settings.VAPID_PUBLIC_KEY:
        raise DomainError("push_unavailable", _("Phone notifications are not set up here."))
    return {"key": settings.VAPID_PUBLIC_KEY}


@router.post("/push/subscriptions", response={201: OkOut, **ERRORS})
def subscribe(request, payload: SubscriptionIn):
    push_subscription_save(
        user=request.user,
        endpoint=payload.endpoint,
        p256dh=payload.keys.p256dh,
        auth=payload.keys.auth,
    )
    return Status(201, {"ok": True})


@router.delete("/push/subscriptions", response={200: OkOut, **ERRORS})
def unsubscribe(request, payload: EndpointIn):
    return {"ok": bool(push_subscription_delete(user=request.user, endpoint=payload.endpoint))}
