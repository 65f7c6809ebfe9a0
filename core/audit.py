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
}


def audit(*, action: str, instance, user=None, data: dict | None = None) -> None:
    """Record one action on one object. ``user`` None means the system (a background task)."""
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    log(instance=instance, action=action, user=user, data=data or {})
