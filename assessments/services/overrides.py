"""A trainer overriding a domain score, with a reason, kept next to the score it overrides."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from core.audit import audit
from core.errors import DomainError
from modules.models import CoursePage

from ..models import Domain, ScoreRecord, ScoreSource
from .common import _enqueue_verdict, _require_enrolled


@transaction.atomic
def score_override(
    *, by, volunteer, course: CoursePage, domain: str, value: Decimal, reason: str
) -> ScoreRecord:
    """A trainer's override (`by`) is a new record with a reason; the history keeps both."""
    if not reason.strip():
        raise DomainError("reason_required", _("Give a reason for the override."))
    if domain not in Domain.values:
        raise DomainError("bad_domain", _("Unknown domain."))
    _require_enrolled(volunteer, course)
    record = ScoreRecord(
        volunteer=volunteer,
        course=course,
        domain=domain,
        source=ScoreSource.OVERRIDE,
        value=value,
        recorded_by=by,
        note=reason.strip(),
    )
    record.full_clean()
    record.save()
    audit(
        action="psm.score_override",
        instance=record,
        user=by,
        data={
            "volunteer": volunteer.pk,
            "course": course.pk,
            "domain": domain,
            "value": str(value),
            "reason": record.note,
        },
    )
    _enqueue_verdict(volunteer.pk, course.pk)
    return record
