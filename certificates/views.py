"""Public verification (no login, no private data, rate-limited, noindex) and downloads."""

import hashlib

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Count, Q
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import DomainError
from core.ratelimit import allow
from modules.models import CoursePage

from .forms import ManualIssueForm, RevokeForm
from .models import BulkJob, Certificate, CertificateTemplate, IssueFailure, current_q
from .permissions import can_download, is_office_admin
from .selectors import public_record
from .services import (
    can_reissue,
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
    render_certificate,
    sample_data,
)
from .tasks import run_bulk_job

VERIFY_LIMIT = 30  # lookups per minute per address: enough for a person, not for a crawler
MAX_PDF_CHECK = 10 * 1024 * 1024


def _noindex(response: HttpResponse) -> HttpResponse:
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def _too_many(request) -> HttpResponse:
    response = render(request, "certificates/verify.html", {"limited": True}, status=429)
    response["Retry-After"] = "60"
    return _noindex(response)


def verify_form(request):
    """Type a code, or upload a PDF to check its SHA-256 against the register."""
    context = {}
    if request.method == "POST":
        if not allow(request, scope="verify", limit=VERIFY_LIMIT):
            return _too_many(request)
        upload = request.FILES.get("pdf")
        code = (request.POST.get("code") or "").strip().upper().replace(" ", "")
        if code:
            return redirect("verify_certificate", code=code[:20])
        if upload is not None:
            if upload.size > MAX_PDF_CHECK:
                context["error"] = _("The file is too large to be a certificate.")
            else:
                digest = hashlib.sha256()
                for chunk in upload.chunks():
                    digest.update(chunk)
                certificate = Certificate.objects.filter(sha256=digest.hexdigest()).first()
                if certificate is None:
                    context["error"] = _(
                        "This file is not in the register: it is not a certificate issued "
                        "here, or it was changed after issue."
                    )
                else:
                    return redirect("verify_certificate", code=certificate.code)
    return _noindex(render(request, "certificates/verify.html", context))


def verify_certificate(request, code: str):
    if not allow(request, scope="verify", limit=VERIFY_LIMIT):
        return _too_many(request)
    certificate = (
        Certificate.objects.select_related("course", "holder", "supersedes", "superseded_by")
        .filter(code=code.strip().upper()[:20])
        .first()
    )
    if certificate is None:
        response = render(request, "certificates/verify.html", {"not_found": code[:20]}, status=404)
        return _noindex(response)
    return _noindex(
        render(request, "certificates/verify.html", {"record": public_record(certificate)})
    )


FILE_LINK_SECONDS = 300
FILE_LINK_SALT = "certificates.file-link"


@login_required
def download(request, certificate_id: int):
    """Check who asks (holder, the course's trainers, office admins; anyone else 404), then
    hand over a short-lived signed link to the stored file, like a presigned storage URL."""
    certificate = get_object_or_404(Certificate.objects.select_related("course"), pk=certificate_id)
    if not can_download(request.user, certificate):
        raise Http404
    token = signing.dumps(
        {"path": certificate.pdf.name, "filename": certificate.filename}, salt=FILE_LINK_SALT
    )
    return redirect("certificate_file", token=token)


def signed_file_link(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=FILE_LINK_SALT, max_age=FILE_LINK_SECONDS)
    except signing.BadSignature:  # also SignatureExpired
        return None


def download_file(request, token: str):
    """The stored PDF, never re-rendered. The signature is the permission: no database work,
    and certificates.middleware answers it before sessions and the rest, as a static file."""
    link = signed_file_link(token)
    if link is None:
        raise Http404
    return file_response(link)


def file_response(link: dict) -> FileResponse:
    response = FileResponse(
        default_storage.open(link["path"], "rb"),
        as_attachment=True,
        filename=link["filename"],
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


@login_required
def revoke(request, certificate_id: int):
    """A confirmation page naming the certificate, with a required reason; revoked on POST."""
    if not is_office_admin(request.user):
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder", "course"), pk=certificate_id
    )
    if certificate.revoked_at:
        messages.error(request, _("This certificate is already revoked."))
        return redirect("certificate_admin", certificate_id=certificate.pk)
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        try:
            certificate_revoke(
                certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Certificate revoked."))
            return redirect("certificate_admin", certificate_id=certificate.pk)
    return render(
        request,
        "certificates/revoke.html",
        {"certificate": certificate, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def reissue(request, certificate_id: int):
    if not is_office_admin(request.user):
        raise Http404
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    try:
        new = certificate_reissue(
            certificate=certificate, by=request.user, reason=request.POST.get("reason", "")
        )
    except DomainError as error:
        messages.error(request, error.message)
        return redirect("certificate_admin", certificate_id=certificate.pk)
    messages.success(
        request, _("A new certificate was issued: %(number)s.") % {"number": new.number}
    )
    return redirect("certificate_admin", certificate_id=new.pk)


@login_required
def certificate_admin(request, certificate_id: int):
    if not is_office_admin(request.user):
        raise Http404
    certificate = get_object_or_404(
        Certificate.objects.select_related("holder", "course", "supersedes", "superseded_by"),
        pk=certificate_id,
    )
    record = public_record(certificate)
    return render(
        request,
        "certificates/admin_detail.html",
        {
            "certificate": certificate,
            "record": record,
            "events": certificate.events.select_related("actor"),
            "successor": record["superseded_by"],
            "can_reissue": can_reissue(certificate),
        },
    )


@login_required
def bulk_job(request, job_id: int):
    if not is_office_admin(request.user):
        raise Http404
    job = get_object_or_404(BulkJob.objects.select_related("course"), pk=job_id)
    return render(request, "certificates/bulk_job.html", {"job": job})


@login_required
def bulk_job_file(request, job_id: int):
    if not is_office_admin(request.user):
        raise Http404
    job = get_object_or_404(BulkJob, pk=job_id, status=BulkJob.Status.DONE)
    if not job.file:
        raise Http404
    return FileResponse(
        job.file.open("rb"), as_attachment=True, filename=job.file.name.rsplit("/", 1)[-1]
    )


@login_required
def manage(request):
    """Office admin's certificate desk: bulk issue, ZIP, manual issue, search, previews, and
    the Kompeten volunteers whose certificate the background task could not issue."""
    if not is_office_admin(request.user):
        raise Http404
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "manual":
            return _manual_issue(request)
        if action in (BulkJob.Kind.ISSUE, BulkJob.Kind.ZIP):
            course_id = request.POST.get("course", "")
            course = get_object_or_404(
                CoursePage, pk=int(course_id) if course_id.isascii() and course_id.isdigit() else 0
            )
            job = BulkJob.objects.create(
                kind=action,
                course=course,
                requested_by=request.user,
                include_all=request.POST.get("include_all") == "1",
            )
            job_id = job.pk
            transaction.on_commit(lambda: run_bulk_job.enqueue(job_id))
            return redirect("certificate_bulk_job", job_id=job.pk)
        return redirect("certificate_manage")
    return _manage_page(request, ManualIssueForm())


def _manual_issue(request):
    form = ManualIssueForm(request.POST)
    if form.is_valid() and form.cleaned_data.get("holder_user"):
        try:
            certificate = certificate_issue(
                holder=form.cleaned_data["holder_user"],
                course=form.cleaned_data["course"],
                by=request.user,
                reason=form.cleaned_data["reason"],
                require_kompeten=False,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            return redirect("certificate_admin", certificate_id=certificate.pk)
    # Errors, or several volunteers matched: the same page with the form filled in.
    return _manage_page(request, form, status=200 if form.candidates else 400)


def _manage_page(request, form: ManualIssueForm, status: int = 200):
    query = (request.GET.get("q") or "").strip()[:100]
    found = []
    if query:
        found = Certificate.objects.select_related("holder", "course", "superseded_by").filter(
            Q(number__icontains=query)
            | Q(holder__full_name__icontains=query)
            | Q(code=query.upper())
        )[:50]
    today = timezone.localdate()
    courses = (
        CoursePage.objects.live()
        .annotate(
            n_valid=Count("certificates", filter=current_q(today=today, prefix="certificates__")),
            n_revoked=Count("certificates", filter=Q(certificates__revoked_at__isnull=False)),
            n_superseded=Count(
                "certificates",
                filter=Q(
                    certificates__revoked_at__isnull=True,
                    certificates__superseded_at__isnull=False,
                ),
            ),
            n_expired=Count(
                "certificates",
                filter=Q(
                    certificates__revoked_at__isnull=True,
                    certificates__superseded_at__isnull=True,
                    certificates__valid_until__lt=today,
                ),
            ),
        )
        .order_by("path")
    )
    return render(
        request,
        "certificates/manage.html",
        {
            "courses": courses,
            "query": query,
            "found": found,
            "templates": CertificateTemplate.objects.all(),
            "jobs": BulkJob.objects.select_related("course")[:10],
            "failures": IssueFailure.objects.select_related("holder", "course")[:200],
            "form": form,
        },
        status=status,
    )


@login_required
def template_preview(request, template_id: int):
    """The real PDF of a template with sample data; nothing is issued or numbered."""
    if not is_office_admin(request.user):
        raise Http404
    template = get_object_or_404(CertificateTemplate, pk=template_id)
    response = HttpResponse(
        render_certificate(sample_data(template)), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'inline; filename="pratinjau-sertifikat.pdf"'
    return response
