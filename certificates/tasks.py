import io
import logging
import time
import zipfile

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import override
from django_tasks import task

from assessments.models import Verdict, VerdictStatus
from cohorts.selectors import member_cohorts
from core.errors import DomainError
from modules.models import CoursePage, Enrollment
from notifications.services import notify

from .models import BulkJob, Certificate, CertificateStatus, current_q
from .services import certificate_issue, course_subjects, issue_failure_record, template_for

logger = logging.getLogger(__name__)


def zip_name(certificate: Certificate) -> str:
    """A valid certificate under its own name; any other with its status in front, in
    Indonesian (DICABUT-…, DIGANTIKAN-…, KEDALUWARSA-…), so nobody hands one out by mistake."""
    status = certificate.status
    if status == CertificateStatus.VALID:
        return certificate.filename
    with override("id"):
        label = slugify(str(CertificateStatus(status).label)).upper()
    return f"{label}-{certificate.filename}"


@task()
def issue_certificate(user_id: int, course_id: int) -> str:
    """Background: issue after a verdict turned Kompeten (idempotent). A refusal (e.g. no
    template yet) is logged and recorded, so the volunteer shows up on the office's desk."""
    try:
        certificate = certificate_issue(
            holder=get_user_model().objects.select_related("profile__district").get(pk=user_id),
            course=CoursePage.objects.get(pk=course_id),
        )
    except DomainError as error:
        logger.warning(
            "certificate not issued: %s (holder %s, course %s)", error.code, user_id, course_id
        )
        issue_failure_record(
            holder_id=user_id, course_id=course_id, code=error.code, message=str(error.message)
        )
        return error.code
    except Exception as error:
        logger.exception("certificate issue failed (holder %s, course %s)", user_id, course_id)
        issue_failure_record(
            holder_id=user_id, course_id=course_id, code="error", message=str(error)[:500]
        )
        raise
    return certificate.number


@task()
def run_bulk_job(job_id: int) -> str:
    """Background: issue for every Kompeten volunteer of a course, or zip its certificates.
    Progress is saved as it goes; a worker killed half-way can run the job again: issuing is
    idempotent, so nothing is issued twice."""
    job = BulkJob.objects.select_related("course").get(pk=job_id)
    job.status = BulkJob.Status.RUNNING
    job.save(update_fields=["status"])
    try:
        if job.kind == BulkJob.Kind.ISSUE:
            # Everything shared by the course is read once; per certificate only the number,
            # the two inserts and the render remain.
            holders_done = Certificate.objects.filter(
                course=job.course, revoked_at__isnull=True, superseded_at__isnull=True
            ).values("holder")
            verdicts = list(
                Verdict.objects.filter(course=job.course, status=VerdictStatus.KOMPETEN)
                .exclude(volunteer__in=holders_done)
                .select_related("volunteer__profile__district")
                .order_by("pk")
            )
            enrolled = dict(
                Enrollment.objects.filter(
                    course=job.course, user__in=[v.volunteer_id for v in verdicts]
                ).values_list("user", "enrolled_at")
            )
            cohorts = member_cohorts(
                course_id=job.course_id,
                user_ids=[v.volunteer_id for v in verdicts],
                on=timezone.localdate(),
            )
            job.total = len(verdicts)
            job.save(update_fields=["total"])
            template = template_for(job.course)
            subjects = course_subjects(job.course)
            saved_at = time.monotonic()
            for index, verdict in enumerate(verdicts, start=1):
                certificate_issue(
                    holder=verdict.volunteer,
                    course=job.course,
                    verdict=verdict,
                    template=template,
                    subjects=subjects,
                    enrolled_at=enrolled.get(verdict.volunteer_id),
                    cohort=cohorts.get(verdict.volunteer_id),
                    known_new=True,
                )
                job.done = index
                # Progress about once a second: enough for the page that polls it, and not a
                # write (and a commit) per certificate.
                if time.monotonic() - saved_at >= 1 or index == len(verdicts):
                    job.save(update_fields=["done"])
                    saved_at = time.monotonic()
        else:
            certificates = Certificate.objects.filter(course=job.course).order_by("number")
            if not job.include_all:
                certificates = certificates.filter(current_q(today=timezone.localdate()))
            certificates = list(certificates)
            job.total = len(certificates)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
                for index, certificate in enumerate(certificates, start=1):
                    with certificate.pdf.open("rb") as handle:
                        archive.writestr(zip_name(certificate), handle.read())
                    job.done = index
                    job.save(update_fields=["done", "total"])
            job.file.save(
                f"sertifikat-{job.course.slug}.zip", ContentFile(buffer.getvalue()), save=False
            )
        job.status = BulkJob.Status.DONE
    except Exception as error:
        logger.exception("bulk job %s failed", job_id)
        job.status, job.message = BulkJob.Status.FAILED, str(error)[:500]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "file", "finished_at"])
    # One notice per job and outcome: a retried task adds nothing; a failed job run again
    # that then succeeds says so.
    notify(
        kind="bulk_job_done",
        obj=job,
        recipients=[job.requested_by],
        params={
            "course": job.course.title,
            "status": job.status,
            "done": job.done,
            "total": job.total,
        },
        event_key=job.status,
    )
    return job.status
