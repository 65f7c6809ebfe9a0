import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import Router, Schema, Status

from core.ratelimit import allow

from .models import Certificate
from .selectors import public_record
from .views import VERIFY_LIMIT

router = Router(tags=["certificates"])


class VerifyOut(Schema):
    number: str
    holder_name: str
    course: str
    jp: int
    predicate: str
    issued_at: datetime.datetime
    issuer: str
    status: str
    revoked_at: datetime.datetime | None
    revoke_reason: str
    valid_until: datetime.date | None
    superseded_by: str | None
    supersedes: str | None
    sha256: str


class MessageOut(Schema):
    code: str
    message: str


@router.get(
    "/certificates/{code}/verify",
    auth=None,
    response={200: VerifyOut, 404: MessageOut, 429: MessageOut},
)
def verify(request: HttpRequest, response: HttpResponse, code: str):
    """Public: is this certificate genuine and valid? Only what is printed on it, no private
    data. Rate-limited per address; search engines are told not to index it."""
    response["X-Robots-Tag"] = "noindex, nofollow"
    if not allow(request, scope="verify", limit=VERIFY_LIMIT):
        message = _("Too many lookups; try again soon.")
        return Status(429, {"code": "rate_limited", "message": message})
    certificate = (
        Certificate.objects.select_related("supersedes", "superseded_by")
        .filter(code=code.strip().upper()[:20])
        .first()
    )
    if certificate is None:
        return Status(404, {"code": "not_found", "message": _("No certificate has this code.")})
    record = public_record(certificate)
    for key in ("superseded_by", "supersedes"):
        record[key] = record[key].number if record[key] else None
    return Status(200, record)
