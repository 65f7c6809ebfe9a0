"""The person's certificates and what happened to them, for their own download (UU 27/2022);
assembled by `portal/export.py`. The PDF itself is downloaded from the dashboard; here are its
number, code, dates, status, the personal data printed on it and its events (issued, revoked,
re-issued: who, by display name, when and why). BulkJob is not covered: it records which office
user asked for a course's issuing or ZIP, an action of that user, not data about a holder."""

from django.db.models import Prefetch

from .models import Certificate, CertificateEvent, IssueFailure

COVERS = (Certificate, CertificateEvent, IssueFailure)


def _iso(value):
    return value.isoformat() if value else None


def _name(user) -> str | None:
    return user.get_full_name() if user else None


def personal_data(*, user) -> dict[str, list | dict]:
    events = CertificateEvent.objects.select_related("actor").order_by("at", "pk")
    certificates = (
        Certificate.objects.filter(holder=user)
        .select_related("course", "supersedes", "issued_by", "revoked_by")
        .prefetch_related(Prefetch("events", queryset=events))
        .order_by("issued_at", "pk")
    )
    not_issued = IssueFailure.objects.filter(holder=user).select_related("course")
    return {
        "certificates": [
            {
                "number": c.number,
                "course": c.course.title,
                "status": str(c.status),
                "issued_at": c.issued_at.isoformat(),
                "code": c.code,
                "status_label": str(c.get_status_display()),
                "valid_until": _iso(c.valid_until),
                "issued_by": _name(c.issued_by),
                "issue_reason": c.issue_reason,
                "revoked_at": _iso(c.revoked_at),
                "revoked_by": _name(c.revoked_by),
                "revoke_reason": c.revoke_reason,
                "supersedes": c.supersedes.number if c.supersedes else None,
                "superseded_at": _iso(c.superseded_at),
                "sha256": c.sha256,
                "printed": {
                    "holder": c.data.get("holder", {}),
                    "predicate": c.data.get("predicate", ""),
                    "final_score": c.data.get("final_score"),
                    "verify_url": c.data.get("verify_url", ""),
                },
                "events": [
                    {
                        "action": e.action,
                        "action_label": str(e.get_action_display()),
                        "by": _name(e.actor),
                        "reason": e.reason,
                        "at": e.at.isoformat(),
                    }
                    for e in c.events.all()
                ],
            }
            for c in certificates
        ],
        "certificates_not_issued": [
            {
                "course": f.course.title,
                "code": f.code,
                "message": f.message,
                "first_failed_at": f.first_failed_at.isoformat(),
                "last_failed_at": f.last_failed_at.isoformat(),
            }
            for f in not_issued
        ],
    }
