import io
import zipfile

from django.core.files.base import ContentFile
from django.utils import timezone
from django_tasks import task


@task()
def issue_certificate(user_id: int, course_id: int) -> str:
    """Background: issue after a verdict turned Kompeten (idempotent)."""
    from django.contrib.auth import get_user_model

    from lms.errors import DomainError
    from modules.models import CoursePage

    from .services import certificate_issue

    try:
        certificate = certificate_issue(
            holder=get_user_model().objects.get(pk=user_id),
            course=CoursePage.objects.get(pk=course_id),
        )
    except DomainError as error:  # e.g. no template yet: the office issues later in bulk
        return error.code
    return certificate.number


@task()
def run_bulk_job(job_id: int) -> str:
    """Background: issue for every Kompeten volunteer of a course, or zip its certificates.
    Progress is saved as it goes; a worker killed half-way can run the job again: issuing is
    idempotent, so nothing is issued twice."""
    from assessments.models import Verdict, VerdictStatus

    from .models import BulkJob, Certificate
    from .services import certificate_issue, course_subjects, template_for

    job = BulkJob.objects.select_related("course").get(pk=job_id)
    job.status = BulkJob.Status.RUNNING
    job.save(update_fields=["status"])
    try:
        if job.kind == BulkJob.Kind.ISSUE:
            verdicts = list(
                Verdict.objects.filter(course=job.course, status=VerdictStatus.KOMPETEN)
                .select_related("volunteer")
                .order_by("pk")
            )
            job.total = len(verdicts)
            job.save(update_fields=["total"])
            template = template_for(job.course)
            subjects = course_subjects(job.course)
            for index, verdict in enumerate(verdicts, start=1):
                certificate_issue(
                    holder=verdict.volunteer,
                    course=job.course,
                    verdict=verdict,
                    template=template,
                    subjects=subjects,
                )
                job.done = index
                job.save(update_fields=["done"])
        else:
            certificates = list(Certificate.objects.filter(course=job.course).order_by("number"))
            job.total = len(certificates)
            buffer = io.BytesIO()
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
                for index, certificate in enumerate(certificates, start=1):
                    with certificate.pdf.open("rb") as handle:
                        archive.writestr(certificate.filename, handle.read())
                    job.done = index
                    job.save(update_fields=["done", "total"])
            job.file.save(
                f"sertifikat-{job.course.slug}.zip", ContentFile(buffer.getvalue()), save=False
            )
        job.status = BulkJob.Status.DONE
    except Exception as error:
        job.status, job.message = BulkJob.Status.FAILED, str(error)[:500]
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "message", "file", "finished_at"])
    return job.status
