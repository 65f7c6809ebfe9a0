"""Certificates: templates an office edits, and certificates frozen at issue (the PDF, its
SHA-256 and the data it was rendered from). Issued certificates are never re-rendered."""

import secrets
import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

# No 0/O, 1/I/L: a code read aloud over the phone or typed from paper cannot be mistaken.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 12


def new_verification_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def certificate_pdf_path(instance, filename: str) -> str:
    # A random segment keeps stored PDFs unguessable even if media were ever served directly.
    return f"certificates/{uuid.uuid4().hex}/{filename}"


class PageSize(models.TextChoices):
    A4 = "A4", "A4"
    F4 = "210mm 330mm", "F4 (folio)"
    LETTER = "letter", "Letter"


class Orientation(models.TextChoices):
    PORTRAIT = "portrait", _("Portrait")
    LANDSCAPE = "landscape", _("Landscape")


DEFAULT_BODY = (
    "Pekerja Sosial Masyarakat dari {village}, Kecamatan {district}, yang telah mengikuti "
    "{course} pada {dates} di {place} selama {jp} JP dengan predikat {predicate}."
)


class CertificateTemplate(models.Model):
    name = models.CharField(_("name"), max_length=100)
    title = models.CharField(_("title"), max_length=100, default="SERTIFIKAT")
    body = models.TextField(
        _("body text"),
        default=DEFAULT_BODY,
        help_text=_(
            "Placeholders: {holder_name}, {course}, {jp}, {predicate}, {village}, {district}; "
            "{dates} and {place}: when and where the training took place, from the holder's "
            "cohort of the course (its start and end dates and its place), or without a cohort "
            "from enrolment to the verdict, at the training place below; {issue_date} and "
            "{issue_place}: when and where the certificate was signed. Plain text: HTML is "
            "shown as text."
        ),
    )
    institution_name = models.CharField(
        _("institution"), max_length=200, default="Dinas Sosial Kabupaten Bengkulu Selatan"
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    place_of_issue = models.CharField(_("place of issue"), max_length=100, default="Manna")
    training_place = models.CharField(
        _("training place"),
        max_length=200,
        blank=True,
        help_text=_(
            "{place} when the holder's cohort names no place, or the holder is in no cohort. "
            "Empty: the place of issue."
        ),
    )
    signatory_name = models.CharField(_("signatory"), max_length=150)
    signatory_position = models.CharField(
        _("signatory's position"), max_length=150, default="Kepala Dinas Sosial"
    )
    signatory_nip = models.CharField(_("signatory's NIP"), max_length=30, blank=True)
    signature_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("signature image"),
    )
    background_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("background or border image"),
    )
    page_size = models.CharField(
        _("page size"), max_length=20, choices=PageSize.choices, default=PageSize.A4
    )
    orientation = models.CharField(
        _("orientation"), max_length=10, choices=Orientation.choices, default=Orientation.PORTRAIT
    )
    validity_years = models.PositiveSmallIntegerField(
        _("valid for (years)"), null=True, blank=True, help_text=_("Empty: no expiry.")
    )
    number_pattern = models.CharField(
        _("number pattern"),
        max_length=100,
        default="{seq:04d}/PSM/DINSOS-BS/{year}",
        help_text=_("{seq} is the running number of the year, {year} the year of issue."),
    )
    back_page = models.BooleanField(_("back page with the subjects and JP"), default=True)
    is_default = models.BooleanField(_("default template"), default=False)

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("is_default")]),
        FieldPanel("title"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("institution_name"),
                FieldPanel("logo"),
                FieldRowPanel([FieldPanel("place_of_issue"), FieldPanel("training_place")]),
            ],
            heading=_("Institution"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("signatory_name"),
                FieldRowPanel([FieldPanel("signatory_position"), FieldPanel("signatory_nip")]),
                FieldPanel("signature_image"),
            ],
            heading=_("Signatory"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("page_size"), FieldPanel("orientation")]),
                FieldPanel("background_image"),
                FieldPanel("back_page"),
            ],
            heading=_("Layout"),
        ),
        FieldRowPanel([FieldPanel("number_pattern"), FieldPanel("validity_years")]),
    ]

    class Meta:
        verbose_name = _("certificate template")
        verbose_name_plural = _("certificate templates")

    def __str__(self) -> str:
        return self.name

    def clean(self):
        from django.core.exceptions import ValidationError

        try:
            self.number_pattern.format(seq=1, year=2026)
        except (KeyError, ValueError, IndexError) as error:
            raise ValidationError(
                {"number_pattern": _("Use only {seq} (e.g. {seq:04d}) and {year}.")}
            ) from error
        if "{seq" not in self.number_pattern:
            raise ValidationError({"number_pattern": _("The pattern must contain {seq}.")})


class NumberSequence(models.Model):
    """The running number per pattern and year; its row lock serialises numbering."""

    pattern = models.CharField(max_length=100)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["pattern", "year"], name="unique_sequence")]

    def __str__(self) -> str:
        return f"{self.pattern} {self.year}: {self.last}"


class CertificateStatus(models.TextChoices):
    VALID = "valid", _("Valid")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")
    SUPERSEDED = "superseded", _("Superseded")


def current_q(*, today, prefix: str = "") -> Q:
    """Certificates valid on `today`: neither revoked nor superseded, and not expired.
    `prefix` reaches them through a relation (e.g. "certificates__" from a course)."""
    return Q(**{f"{prefix}revoked_at__isnull": True, f"{prefix}superseded_at__isnull": True}) & (
        Q(**{f"{prefix}valid_until__isnull": True}) | Q(**{f"{prefix}valid_until__gte": today})
    )


class Certificate(models.Model):
    number = models.CharField(_("number"), max_length=100, unique=True)
    code = models.CharField(
        _("verification code"), max_length=20, unique=True, default=new_verification_code
    )
    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("holder"),
    )
    course = models.ForeignKey(
        "modules.CoursePage",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("course"),
    )
    template = models.ForeignKey(
        CertificateTemplate, on_delete=models.PROTECT, related_name="certificates"
    )
    data = models.JSONField(help_text="Everything the PDF was rendered from, frozen at issue.")
    pdf = models.FileField(upload_to=certificate_pdf_path)
    sha256 = models.CharField(max_length=64, db_index=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    issue_reason = models.TextField(blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoke_reason = models.TextField(blank=True)
    supersedes = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="superseded_by"
    )
    superseded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # One current certificate per volunteer and course: automatic issuing is idempotent.
            models.UniqueConstraint(
                fields=["holder", "course"],
                condition=Q(revoked_at__isnull=True, superseded_at__isnull=True),
                name="one_current_certificate",
            )
        ]

    def __str__(self) -> str:
        return self.number

    @property
    def status(self) -> str:
        if self.revoked_at:
            return CertificateStatus.REVOKED
        if self.superseded_at:
            return CertificateStatus.SUPERSEDED
        if self.valid_until and self.valid_until < timezone.localdate():
            return CertificateStatus.EXPIRED
        return CertificateStatus.VALID

    def get_status_display(self) -> str:
        return CertificateStatus(self.status).label

    @property
    def filename(self) -> str:
        safe = "".join(ch if ch.isalnum() else "-" for ch in self.number).strip("-")
        return f"Sertifikat-{safe}.pdf"


class CertificateEvent(models.Model):
    """Who did what to a certificate, when and why (append-only)."""

    class Action(models.TextChoices):
        ISSUE = "issue", _("Issued")
        REVOKE = "revoke", _("Revoked")
        REISSUE = "reissue", _("Re-issued")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    reason = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at"]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.certificate_id}"


class BulkJob(models.Model):
    """Issue a whole course, or zip its certificates, in the background with visible progress."""

    class Kind(models.TextChoices):
        ISSUE = "issue", _("Issue for the course")
        ZIP = "zip", _("ZIP of the course's certificates")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(max_length=5, choices=Kind.choices)
    course = models.ForeignKey("modules.CoursePage", on_delete=models.CASCADE, related_name="+")
    # ZIP: only the certificates valid today, unless the office asks for all (named by status).
    include_all = models.BooleanField(_("include revoked, superseded and expired"), default=False)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.QUEUED)
    total = models.PositiveIntegerField(default=0)
    done = models.PositiveIntegerField(default=0)
    file = models.FileField(upload_to=certificate_pdf_path, blank=True)
    message = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.course_id} ({self.status})"

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


class IssueFailure(models.Model):
    """A certificate the background task could not issue (e.g. no template yet), kept so the
    office sees the Kompeten volunteer on its desk instead of losing them. Removed when a
    certificate is issued for that holder and course."""

    holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("holder"),
    )
    course = models.ForeignKey(
        "modules.CoursePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("course")
    )
    code = models.CharField(_("code"), max_length=50)
    message = models.TextField(_("message"))
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    first_failed_at = models.DateTimeField(_("first failed at"), auto_now_add=True)
    last_failed_at = models.DateTimeField(_("last failed at"), auto_now=True)

    class Meta:
        ordering = ["-last_failed_at"]
        verbose_name = _("certificate not issued")
        verbose_name_plural = _("certificates not issued")
        constraints = [
            models.UniqueConstraint(fields=["holder", "course"], name="one_issue_failure")
        ]

    def __str__(self) -> str:
        return f"{self.holder_id}/{self.course_id}: {self.code}"
