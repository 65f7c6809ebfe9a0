"""Skills: a trainer's observation against a rubric, and practice evidence (upload, review)."""

from __future__ import annotations

import datetime
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit
from core.errors import DomainError
from notifications.services import notify

from .. import scoring
from ..models import (
    Domain,
    Evidence,
    EvidenceStatus,
    Observation,
    Rubric,
    ScoreRecord,
    ScoreSource,
)
from ..uploads import check_evidence_file, without_metadata
from .bank import rubric_version_publish
from .common import _enqueue_verdict, _require_enrolled, _require_unlocked, course_of_module


@transaction.atomic
def observation_record(
    *,
    by,
    volunteer,
    rubric: Rubric,
    levels: dict[str, str],
    criterion_notes: dict[str, str] | None = None,
    note: str = "",
    observed_on: datetime.date | None = None,
) -> Observation:
    observed_on = observed_on or timezone.localdate()
    if observed_on > timezone.localdate():
        raise DomainError("observed_in_future", _("The observation date cannot be in the future."))
    version = rubric.current_version or rubric_version_publish(rubric=rubric)
    criteria = {c["id"] for c in version.data["criteria"]}
    level_ids = {lv["id"] for lv in version.data["levels"]}
    if set(levels) != criteria or not set(levels.values()) <= level_ids:
        raise DomainError("incomplete_observation", _("Choose a level for every criterion."))
    course = course_of_module(rubric.module_id)
    _require_enrolled(volunteer, course)
    observation = Observation(
        rubric_version=version,
        volunteer=volunteer,
        observer=by,
        levels=levels,
        criterion_notes={k: v for k, v in (criterion_notes or {}).items() if k in criteria and v},
        note=note,
        percent=scoring.rubric_percent(levels, version.data),
        observed_on=observed_on,
    )
    observation.full_clean()
    observation.save()
    ScoreRecord.objects.create(
        volunteer=volunteer,
        course=course,
        domain=Domain.SKILLS,
        source=ScoreSource.OBSERVATION,
        value=observation.percent,
        recorded_by=by,
        observation=observation,
        note=note,
    )
    _enqueue_verdict(volunteer.pk, course.pk)
    notify(
        kind="observation_recorded",
        obj=observation,
        recipients=[volunteer],
        params={"rubric": rubric.title, "percent": f"{observation.percent:g}"},
    )
    return observation


def evidence_submit(
    *, by, rubric: Rubric, upload, description: str = "", upload_key: uuid.UUID | None = None
) -> Evidence:
    """Store a volunteer's practice evidence. `upload_key` (the Idempotency-Key of a retried
    upload): the same key again returns the evidence stored the first time, with `created`
    False, and stores no second file."""
    if upload_key is not None:
        existing = _evidence_with_key(by=by, rubric=rubric, upload_key=upload_key)
        if existing is not None:
            return existing
    course = course_of_module(rubric.module_id)
    _require_enrolled(by, course)
    _require_unlocked(by, course, rubric.module_id)
    original_name = (upload.name or "bukti")[:200]
    content_type = check_evidence_file(upload)
    upload = without_metadata(upload, content_type)
    used = Evidence.objects.filter(volunteer=by).aggregate(total=Sum("size"))["total"] or 0
    if used + upload.size > settings.EVIDENCE_QUOTA_BYTES:
        raise DomainError(
            "quota_exceeded",
            _(
                "Your uploads have reached the limit of %(quota)s. Ask your trainer about your "
                "older evidence before adding more."
            )
            % {"quota": filesizeformat(settings.EVIDENCE_QUOTA_BYTES)},
        )
    evidence = Evidence(
        rubric=rubric,
        volunteer=by,
        file=upload,
        content_type=content_type,
        size=upload.size,
        original_name=original_name,
        description=description[:500],
        upload_key=upload_key,
    )
    evidence.full_clean(validate_constraints=False)  # the key's constraint: the insert decides
    try:
        with transaction.atomic():
            evidence.save()
    except IntegrityError:
        # The same key raced us (a retry while the first upload was still running): the first
        # one won. The file this attempt wrote is nobody's.
        if upload_key is None:
            raise
        evidence.file.storage.delete(evidence.file.name)
        existing = _evidence_with_key(by=by, rubric=rubric, upload_key=upload_key)
        if existing is None:
            raise
        return existing
    evidence.created = True
    return evidence


def _evidence_with_key(*, by, rubric: Rubric, upload_key: uuid.UUID) -> Evidence | None:
    existing = Evidence.objects.filter(volunteer=by, upload_key=upload_key).first()
    if existing is None:
        return None
    if existing.rubric_id != rubric.pk:
        raise DomainError(
            "idempotency_key_reused",
            _("This upload key was already used for another upload."),
        )
    existing.created = False
    return existing


@transaction.atomic
def evidence_review(*, by, evidence_id: int, accept: bool, comment: str = "") -> Evidence:
    evidence = Evidence.objects.select_for_update().filter(pk=evidence_id).first()
    if evidence is None:  # withdrawn by the volunteer since the page loaded
        raise DomainError("not_found", _("This file was withdrawn by the volunteer."))
    if not accept and not comment.strip():
        raise DomainError("comment_required", _("Say what to change when you return evidence."))
    evidence.status = EvidenceStatus.ACCEPTED if accept else EvidenceStatus.RETURNED
    evidence.reviewer, evidence.review_comment = by, comment.strip()
    evidence.reviewed_at = timezone.now()
    evidence.save(update_fields=["status", "reviewer", "review_comment", "reviewed_at"])
    notify(
        kind="evidence_reviewed",
        obj=evidence,
        recipients=[evidence.volunteer],
        params={
            "rubric": evidence.rubric.title,
            "rubric_id": evidence.rubric_id,
            "accepted": accept,
            "comment": evidence.review_comment,
        },
        event_key=evidence.reviewed_at.isoformat(),  # each review is its own event
    )
    return evidence


@transaction.atomic
def evidence_withdraw(*, evidence: Evidence, by) -> None:
    """The volunteer takes back a file nobody has reviewed yet: the row goes (which frees its
    share of the quota) and the stored file is deleted once that is committed."""
    # Read the row afresh under its lock: a review that landed since the page loaded wins.
    current = (
        Evidence.objects.select_for_update().filter(pk=evidence.pk, volunteer_id=by.pk).first()
    )
    if current is None:
        raise DomainError("not_found", _("Not found."))
    if current.status != EvidenceStatus.SUBMITTED or current.reviewed_at is not None:
        raise DomainError(
            "evidence_reviewed",
            _("This file has already been reviewed by your trainer and cannot be withdrawn."),
        )
    audit(
        action="psm.evidence_withdraw",
        instance=current,
        user=by,
        data={"volunteer": by.pk, "rubric": current.rubric_id, "size": current.size},
    )
    storage, name = current.file.storage, current.file.name
    current.delete()
    # A rollback keeps the row, so it must keep the file too.
    transaction.on_commit(lambda: storage.delete(name))
