"""One audit trail for the office: Wagtail's own log entries (ModelLogEntry), so the admin's
"Site history" report lists grade overrides, verdict changes, certificate actions, imports and
role changes beside page edits, with its filters by action, user and date."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

# action code -> (label in the filter, message in the list)
ACTIONS: dict[str, tuple[Any, Any]] = {
    "psm.score_override": (_("Override a score"), _("Score overridden")),
    "psm.verdict_change": (_("Change a verdict"), _("Verdict changed")),
    "psm.certificate_issue": (_("Issue a certificate"), _("Certificate issued")),
    "psm.certificate_revoke": (_("Revoke a certificate"), _("Certificate revoked")),
    "psm.certificate_reissue": (_("Re-issue a certificate"), _("Certificate re-issued")),
    "psm.volunteer_import": (_("Import volunteers"), _("Volunteers imported")),
    "psm.role_change": (_("Change roles"), _("Roles changed")),
    "psm.cohort_enrol": (_("Enrol a cohort"), _("Cohort enrolled")),
    "psm.evidence_withdraw": (_("Withdraw evidence"), _("Evidence withdrawn")),
    "psm.password_reset_phone": (_("Reset a password by phone"), _("Password reset by phone")),
    "psm.password_reset_handover": (
        _("Hand over a password reset code"),
        _("Password reset code handed over"),
    ),
    "psm.activation_issue": (_("Issue activation codes"), _("Activation code issued")),
    "psm.account_activate": (_("Activate an account"), _("Account activated")),
    "psm.first_password_set": (_("Set a first password"), _("First password set by the office")),
    "psm.announcement_send": (_("Send an announcement"), _("Announcement sent")),
}


def audit(*, action: str, instance, user=None, data: dict | None = None) -> None:
    """Record one action on one object. ``user`` None means the system (a background task)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    log(instance=instance, action=action, user=user, data=data or {})


def audit_many(*, action: str, instances, user=None, data: dict | None = None) -> None:
    """One row per object in a fixed number of queries (a slip run for a whole import)."""
    from django.contrib.contenttypes.models import ContentType
    from django.utils import timezone
    from wagtail.models import ModelLogEntry

    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    now = timezone.now()
    ModelLogEntry.objects.bulk_create(
        ModelLogEntry(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
            label=str(obj) or f"{type(obj).__name__} object ({obj.pk})",
            action=action,
            timestamp=now,
            data=data or {},
            user=user,
        )
        for obj in instances
    )
