"""Password reset by phone: request a 6-digit code, then trade it for a new password.

Nothing here tells a caller whether a phone has an account: a request for an unknown phone does
nothing and returns like any other, and a wrong code and a code for nobody fail the same way."""

import hmac
import logging
import secrets
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import override

from core.audit import audit
from core.errors import DomainError
from core.gateway import GatewayError, gateway_is_outbox, get_gateway

from .models import PasswordResetCode

logger = logging.getLogger(__name__)
HASH_SALT = "people.reset_services.code"


def _code_hash(salt: str, code: str) -> str:
    return salted_hmac(HASH_SALT, f"{salt}:{code}", algorithm="sha256").hexdigest()


def reset_code_message(code: str) -> str:
    """The text the volunteer receives, in the site's language (the volunteer is not signed in)."""
    with override(settings.LANGUAGE_CODE):
        return _(
            "Your PSM Learning password reset code is %(code)s. It is valid for %(minutes)d "
            "minutes. Never give it to anyone, not even the office."
        ) % {"code": code, "minutes": settings.PASSWORD_RESET_CODE_MINUTES}


def live_codes(now=None):
    """Codes that can still be used: not spent, not expired, fewer than the allowed tries."""
    now = now or timezone.now()
    return PasswordResetCode.objects.filter(
        spent_at__isnull=True, expires_at__gt=now, tries__lt=settings.PASSWORD_RESET_CODE_TRIES
    )


def reset_codes_purge() -> int:
    """Wipe the office's plain copies of codes that can no longer be used (or were handed over)."""
    now = timezone.now()
    dead = (
        Q(spent_at__isnull=False)
        | Q(expires_at__lte=now)
        | Q(tries__gte=settings.PASSWORD_RESET_CODE_TRIES)
        | Q(handed_over_at__isnull=False)
    )
    return PasswordResetCode.objects.exclude(office_code="").filter(dead).update(office_code="")


def password_reset_request(*, phone: str, ip: str | None = None) -> None:
    """Make a code for the active account with this phone (E.164) and send it, or, without a
    gateway, leave it on the office's desk. Any earlier live code of that account dies."""
    user = get_user_model().objects.filter(phone=phone, is_active=True).first()
    reset_codes_purge()
    if user is None:
        return
    code = f"{secrets.randbelow(10**6):06d}"
    salt = secrets.token_hex(16)
    now = timezone.now()
    outbox = gateway_is_outbox()
    with transaction.atomic():
        live_codes(now).filter(user=user).update(expires_at=now, office_code="")
        reset = PasswordResetCode(
            user=user,
            code_salt=salt,
            code_hash=_code_hash(salt, code),
            office_code=code if outbox else "",
            created_at=now,
            expires_at=now + timedelta(minutes=settings.PASSWORD_RESET_CODE_MINUTES),
            requested_ip=ip,
        )
        reset.full_clean()
        reset.save()
    if outbox:
        return
    try:
        get_gateway().send_text(phone=phone, text=reset_code_message(code))
    except GatewayError:
        # The answer stays the same; the volunteer asks again or the office helps.
        logger.exception("password reset code not sent", extra={"reset_id": reset.pk})


def password_reset_confirm(*, phone: str, code: str, password: str):
    """Set the new password when ``code`` is the live code of the account with this phone.
    A wrong code counts one try; the fifth kills the code. Returns the user."""
    refused = DomainError(
        "reset_code_invalid",
        _("The code is wrong or no longer valid. Check the code or ask for a new one."),
    )
    user = get_user_model().objects.filter(phone=phone, is_active=True).first()
    if user is None:
        raise refused
    with transaction.atomic():
        reset = live_codes().filter(user=user).select_for_update().order_by("-created_at").first()
        if reset is None:
            raise refused
        if not hmac.compare_digest(reset.code_hash, _code_hash(reset.code_salt, code)):
            wrong = True
            last_try = reset.tries + 1 >= settings.PASSWORD_RESET_CODE_TRIES
            PasswordResetCode.objects.filter(pk=reset.pk).update(
                tries=F("tries") + 1, office_code="" if last_try else reset.office_code
            )
        # Conditional: of two simultaneous uses of one code, one wins.
        elif PasswordResetCode.objects.filter(pk=reset.pk, spent_at__isnull=True).update(
            spent_at=timezone.now(), office_code=""
        ):
            wrong = False
            user.set_password(password)
            user.save(update_fields=["password"])
            audit(action="psm.password_reset_phone", instance=user, user=user)
        else:
            wrong = True
    if wrong:  # raised after the block, so the counted try is kept
        raise refused
    _forget_login_failures(user)
    return user


def _forget_login_failures(user) -> None:
    """A locked-out volunteer who proved the phone is theirs may log in at once."""
    from axes.utils import reset

    reset(username=user.get_username())


@transaction.atomic
def password_reset_hand_over(*, reset_id: int, by) -> PasswordResetCode:
    """The office sent the code (by WhatsApp): the request leaves the desk, its plain copy goes."""
    waiting = live_codes().select_for_update().filter(pk=reset_id, handed_over_at__isnull=True)
    reset = waiting.first()
    if reset is None:
        message = _("This request is no longer waiting: used, expired or handed over.")
        raise DomainError("reset_not_waiting", message)
    reset.handed_over_by = by
    reset.handed_over_at = timezone.now()
    reset.office_code = ""
    reset.save(update_fields=["handed_over_by", "handed_over_at", "office_code"])
    audit(action="psm.password_reset_handover", instance=reset.user, user=by)
    return reset
