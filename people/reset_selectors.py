"""Reads for the office's reset desk and outbox."""

from urllib.parse import quote

from django.core.exceptions import ValidationError

from core.models import OutboxMessage
from core.phone import phone_last_four, phone_national, phone_wa_me

from .reset_services import live_codes, reset_code_message

DESK_ROWS = 100
OUTBOX_ROWS = 100


def reset_desk_rows(*, code_url: str) -> list[dict]:
    """Requests waiting for the office to hand the code over, oldest first: one query."""
    waiting = (
        live_codes()
        .filter(handed_over_at__isnull=True)
        .exclude(office_code="")
        .select_related("user")
        .order_by("created_at", "pk")[:DESK_ROWS]
    )
    rows = []
    for reset in waiting:
        text = f"{reset_code_message(reset.office_code)} {code_url}"
        rows.append(
            {
                "id": reset.pk,
                "name": reset.user.get_full_name(),
                "last_four": phone_last_four(reset.user.phone),
                "requested_at": reset.created_at,
                "expires_at": reset.expires_at,
                "whatsapp_url": f"https://wa.me/{phone_wa_me(reset.user.phone)}?text={quote(text)}",
            }
        )
    return rows


def outbox_rows() -> list[dict]:
    rows = []
    for message in OutboxMessage.objects.all()[:OUTBOX_ROWS]:
        try:
            to = phone_national(message.to)
        except ValidationError:  # an odd number stays as it was stored
            to = message.to
        rows.append({"to": to, "text": message.text, "created_at": message.created_at})
    return rows
