"""Issuing, revoking and re-issuing certificates: the only ways to change one."""

from __future__ import annotations

import datetime
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from assessments.models import Verdict
from cohorts.selectors import member_cohort
from core.audit import audit
from core.errors import DomainError
from modules.models import CoursePage, Enrollment, ModulePage
from notifications.services import notify

from .models import (
    Certificate,
    CertificateEvent,
    CertificateTemplate,
    IssueFailure,
    NumberSequence,
    new_verification_code,
)
from .period import date_text, period_text, training_period
from .render import certificate_html, file_uri, render_pdf


def site_url() -> str:
    return getattr(settings, "CERTIFICATE_SITE_URL", settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def verify_url(code: str) -> str:
    return site_url() + reverse("verify_certificate", args=[code])


# "Not passed in": a bulk job passes None for a holder in no cohort.
NOT_READ = object()


def template_for(course: CoursePage) -> CertificateTemplate:
    template = course.certificate_template or (
        CertificateTemplate.objects.filter(is_default=True).first()
        or CertificateTemplate.objects.order_by("pk").first()
    )
    if template is None:
        raise DomainError("no_template", _("No certificate template yet: add one in the admin."))
    return template


def certificate_data(
    *,
    holder,
    course: CoursePage,
    template: CertificateTemplate,
    number: str,
    code: str,
    issued_on: datetime.date,
    valid_until: datetime.date | None,
    verdict=None,
    subjects: list[dict] | None = None,
    enrolled_at: datetime.datetime | None = None,
    cohort=NOT_READ,
) -> dict:
    """Everything the PDF shows, as plain data stored with the certificate (frozen at issue).

    A bulk job passes `subjects`, `enrolled_at` and `cohort`, read once for the whole course."""
    profile = getattr(holder, "profile", None)
    if enrolled_at is None:
        enrolled_at = (
            Enrollment.objects.filter(user=holder, course=course)
            .values_list("enrolled_at", flat=True)
            .first()
        )
    if cohort is NOT_READ:
        cohort = member_cohort(course_id=course.pk, user_id=holder.pk, on=issued_on)
    training = training_period(
        cohort=cohort,
        template=template,
        enrolled_on=timezone.localdate(enrolled_at) if enrolled_at else None,
        verdict_on=timezone.localdate(verdict.computed_at) if verdict else None,
        issued_on=issued_on,
    )
    if subjects is None:
        subjects = course_subjects(course)
    holder_data = {
        "name": holder.get_full_name(),
        "birth_place": profile.birth_place if profile else "",
        "birth_date_text": date_text(profile.birth_date) if profile else "",
        "village": profile.village if profile else "",
        "district": profile.district.name if profile else "",
    }
    predicate = verdict.predicate if verdict else ""
    return {
        "number": number,
        "code": code,
        "verify_url": verify_url(code),
        "issue_date_text": date_text(issued_on),
        "valid_until_text": date_text(valid_until),
        "predicate": predicate,
        "final_score": str(verdict.final_score) if verdict and verdict.final_score else None,
        "holder": holder_data,
        "course": {"title": course.title, "jp": course.jp, "subjects": subjects},
        "training": training,
        "placeholders": {
            "holder_name": holder_data["name"],
            "course": course.title,
            "dates": training["dates"],
            "place": training["place"],
            "jp": str(course.jp),
            "predicate": predicate or "-",
            "village": holder_data["village"],
            "district": holder_data["district"],
            "issue_date": date_text(issued_on),
            "issue_place": template.place_of_issue,
        },
        **_template_data(template),
    }


def course_subjects(course: CoursePage) -> list[dict]:
    """The course's modules with JP, for the back page."""
    modules = ModulePage.objects.live().child_of(course).order_by("path")
    return [{"title": title, "jp": jp} for title, jp in modules.values_list("title", "jp")]


def _template_data(template: CertificateTemplate) -> dict:
    """The template's part of a certificate's frozen data."""
    return {
        "template": {
            "id": template.pk,
            "title": template.title,
            "body": template.body,
            "institution_name": template.institution_name,
            "place_of_issue": template.place_of_issue,
            "training_place": template.training_place,
            "signatory_name": template.signatory_name,
            "signatory_position": template.signatory_position,
            "signatory_nip": template.signatory_nip,
            "page_size": template.page_size,
            "orientation": template.orientation,
            "back_page": template.back_page,
        },
        "images": {
            "logo": file_uri(template.logo),
            "signature": file_uri(template.signature_image),
            "background": file_uri(template.background_image),
        },
    }


def render_certificate(data: dict) -> bytes:
    return render_pdf(
        certificate_html(data),
        page_size=data["template"]["page_size"],
        orientation=data["template"]["orientation"],
    )


def _next_number(pattern: str, year: int) -> str:
    """Lock the (pattern, year) sequence row and take the next number. The lock is held until
    the issuing transaction ends, so numbers are consecutive and a failed issue leaves no gap."""
    sequence = NumberSequence.objects.filter(pattern=pattern, year=year)
    # The UPDATE locks the row (as select_for_update would) in one statement instead of two.
    if not sequence.update(last=F("last") + 1):
        NumberSequence.objects.get_or_create(pattern=pattern, year=year)
        sequence.update(last=F("last") + 1)
    return pattern.format(seq=sequence.values_list("last", flat=True).get(), year=year)


def current_certificate(*, holder, course) -> Certificate | None:
    return Certificate.objects.filter(
        holder=holder, course=course, revoked_at__isnull=True, superseded_at__isnull=True
    ).first()


def certificate_issue(
    *,
    holder,
    course: CoursePage,
    by=None,
    reason: str = "",
    supersedes: Certificate | None = None,
    require_kompeten: bool = True,
    verdict=None,
    template: CertificateTemplate | None = None,
    subjects: list[dict] | None = None,
    enrolled_at: datetime.datetime | None = None,
    cohort=NOT_READ,
    known_new: bool = False,
) -> Certificate:
    """Issue (idempotent: the current certificate is returned when there is one).

    `verdict`, `template`, `subjects`, `enrolled_at` and `cohort` may be passed in by a bulk
    job that read them once for the whole course; `known_new` says it already left out the holders
    with a current certificate (a race is still caught by the unique constraint below)."""
    if supersedes is None and not known_new:
        existing = current_certificate(holder=holder, course=course)
        if existing:
            return existing
    if verdict is None:
        verdict = Verdict.objects.filter(volunteer=holder, course=course).first()
    if require_kompeten and not (verdict and verdict.is_kompeten):
        raise DomainError("not_kompeten", _("The volunteer is not Kompeten in this course yet."))
    if by is not None and not reason.strip() and supersedes is None:
        raise DomainError("reason_required", _("Give a reason for issuing by hand."))
    template = template or template_for(course)
    now = timezone.now()
    issued_on = timezone.localdate(now)
    valid_until = None
    if template.validity_years:
        try:
            valid_until = issued_on.replace(year=issued_on.year + template.validity_years)
        except ValueError:  # 29 February
            valid_until = issued_on.replace(year=issued_on.year + template.validity_years, day=28)
    code = new_verification_code()
    try:
        with transaction.atomic():
            if supersedes is not None:
                Certificate.objects.filter(pk=supersedes.pk).update(superseded_at=now)
            number = _next_number(template.number_pattern, issued_on.year)
            data = certificate_data(
                holder=holder,
                course=course,
                template=template,
                number=number,
                code=code,
                issued_on=issued_on,
                valid_until=valid_until,
                verdict=verdict,
                subjects=subjects,
                enrolled_at=enrolled_at,
                cohort=cohort,
            )
            pdf = render_certificate(data)
            certificate = Certificate(
                number=number,
                code=code,
                holder=holder,
                course=course,
                template=template,
                data=data,
                sha256=hashlib.sha256(pdf).hexdigest(),
                issued_at=now,
                valid_until=valid_until,
                issued_by=by,
                issue_reason=reason.strip(),
                supersedes=supersedes,
            )
            certificate.pdf.save(certificate.filename, ContentFile(pdf), save=False)
            # Field checks only: uniqueness (number, code, one current certificate) is the
            # database's job here, and its IntegrityError is handled below.
            certificate.full_clean(
                exclude=["pdf"], validate_unique=False, validate_constraints=False
            )
            certificate.save()
            CertificateEvent.objects.create(
                certificate=certificate,
                action=CertificateEvent.Action.REISSUE
                if supersedes
                else CertificateEvent.Action.ISSUE,
                actor=by,
                reason=reason.strip(),
            )
            audit(
                action="psm.certificate_reissue" if supersedes else "psm.certificate_issue",
                instance=certificate,
                user=by,
                data={
                    "number": number,
                    "holder": holder.pk,
                    "course": course.pk,
                    "reason": reason.strip(),
                    "supersedes": supersedes.number if supersedes else None,
                },
            )
            notify(
                kind="certificate_issued",
                obj=certificate,
                recipients=[holder],
                params={"course": course.title, "number": number, "reissue": bool(supersedes)},
            )
            # Issued: whatever the background task could not do before is done now.
            IssueFailure.objects.filter(holder=holder, course=course).delete()
    except IntegrityError:
        # Two workers issued for the same volunteer at once: the other one won.
        existing = current_certificate(holder=holder, course=course)
        if existing is None:
            raise
        return existing
    return certificate


@transaction.atomic
def certificate_revoke(*, certificate: Certificate, by, reason: str) -> Certificate:
    if not reason.strip():
        raise DomainError("reason_required", _("Give a reason for revoking."))
    certificate = Certificate.objects.select_for_update().get(pk=certificate.pk)
    if certificate.revoked_at:
        raise DomainError("already_revoked", _("This certificate is already revoked."))
    certificate.revoked_at, certificate.revoked_by = timezone.now(), by
    certificate.revoke_reason = reason.strip()
    certificate.save(update_fields=["revoked_at", "revoked_by", "revoke_reason"])
    CertificateEvent.objects.create(
        certificate=certificate,
        action=CertificateEvent.Action.REVOKE,
        actor=by,
        reason=reason.strip(),
    )
    notify(
        kind="certificate_revoked",
        obj=certificate,
        recipients=[certificate.holder],
        params={
            "course": certificate.course.title,
            "number": certificate.number,
            "reason": certificate.revoke_reason,
        },
    )
    audit(
        action="psm.certificate_revoke",
        instance=certificate,
        user=by,
        data={"number": certificate.number, "reason": certificate.revoke_reason},
    )
    return certificate


def certificate_reissue(*, certificate: Certificate, by, reason: str) -> Certificate:
    """A new certificate (new number, current data) that supersedes the old one. A revoked
    one can be re-issued too (e.g. revoked for a wrong name): it stays revoked, and the new
    one names it as the one it replaces."""
    if not reason.strip():
        raise DomainError("reason_required", _("Give a reason for re-issuing."))
    if not can_reissue(certificate):
        raise DomainError(
            "not_reissuable",
            _("This certificate was already replaced, or the holder has a current one."),
        )
    return certificate_issue(
        holder=certificate.holder,
        course=certificate.course,
        by=by,
        reason=reason,
        supersedes=certificate,
        require_kompeten=False,
    )


def can_reissue(certificate: Certificate) -> bool:
    """Current (valid or expired) certificates, and revoked ones that nothing replaced yet
    while the holder has no other current certificate for the course."""
    if certificate.superseded_at or Certificate.objects.filter(supersedes=certificate).exists():
        return False
    if certificate.revoked_at:
        return current_certificate(holder=certificate.holder, course=certificate.course) is None
    return True


def sample_data(template: CertificateTemplate) -> dict:
    """Data for a template preview: a fictional volunteer, marked as a sample."""
    today = timezone.localdate()
    code = "CONTOH2345XY"
    return {
        "number": template.number_pattern.format(seq=1, year=today.year) + " (CONTOH)",
        "code": code,
        "verify_url": verify_url(code),
        "issue_date_text": date_text(today),
        "valid_until_text": date_text(today.replace(year=today.year + template.validity_years))
        if template.validity_years
        else "",
        "predicate": "Baik",
        "final_score": "85.00",
        "holder": {
            "name": "Siti Contoh Aminah",
            "birth_place": "Manna",
            "birth_date_text": date_text(datetime.date(1990, 5, 17)),
            "village": "Desa Contoh",
            "district": "Manna",
        },
        "course": {
            "title": "Bimtek Dasar PSM",
            "jp": 32,
            "subjects": [{"title": "Kebijakan kesejahteraan sosial", "jp": 2}],
        },
        "placeholders": {
            "holder_name": "Siti Contoh Aminah",
            "course": "Bimtek Dasar PSM",
            "dates": period_text(today - datetime.timedelta(days=4), today),
            "place": template.training_place or template.place_of_issue,
            "jp": "32",
            "predicate": "Baik",
            "village": "Desa Contoh",
            "district": "Manna",
            "issue_date": date_text(today),
            "issue_place": template.place_of_issue,
        },
        **_template_data(template),
    }


def issue_failure_record(*, holder_id: int, course_id: int, code: str, message: str) -> None:
    """Keep (or update) why the background task could not issue, for the office's desk."""
    updated = IssueFailure.objects.filter(holder_id=holder_id, course_id=course_id).update(
        code=code, message=message, attempts=F("attempts") + 1, last_failed_at=timezone.now()
    )
    if not updated:
        try:
            with transaction.atomic():
                IssueFailure.objects.create(
                    holder_id=holder_id, course_id=course_id, code=code, message=message
                )
        except IntegrityError:  # another worker recorded it meanwhile
            pass
