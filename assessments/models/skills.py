"""Skills: rubrics with criteria and levels, their frozen versions, trainers' observations and
volunteers' practice evidence."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

from .bank import CompetencyUnit


class Rubric(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.CASCADE,
        related_name="rubrics",
        verbose_name=_("module"),
    )
    description = models.TextField(_("what the trainer observes"), blank=True)
    current_version = models.ForeignKey(
        "assessments.RubricVersion",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("module"),
        FieldPanel("description"),
        InlinePanel("criteria", label=_("Criteria"), min_num=1),
        InlinePanel("levels", label=_("Performance levels"), min_num=2),
    ]

    class Meta:
        verbose_name = _("skill rubric")
        verbose_name_plural = _("skill rubrics")

    def __str__(self) -> str:
        return self.title


class RubricCriterion(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=300)
    competency_unit = models.ForeignKey(
        CompetencyUnit,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("competency unit"),
    )

    panels = [FieldPanel("title"), FieldPanel("competency_unit")]


class RubricLevel(Orderable):
    rubric = ParentalKey(Rubric, on_delete=models.CASCADE, related_name="levels")
    label = models.CharField(_("level"), max_length=100)
    points = models.PositiveIntegerField(_("points"))
    description = models.CharField(_("description"), max_length=300, blank=True)

    panels = [FieldRowPanel([FieldPanel("label"), FieldPanel("points")]), FieldPanel("description")]


class RubricVersion(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField()
    data = models.JSONField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["rubric", "number"], name="unique_rubric_version")
        ]

    def __str__(self) -> str:
        return f"{self.rubric_id} v{self.number}"


class Observation(models.Model):
    """A trainer's observation of a volunteer against one rubric version. Append-only."""

    rubric_version = models.ForeignKey(
        RubricVersion, on_delete=models.PROTECT, related_name="observations"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="observations"
    )
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="observations_made"
    )
    levels = models.JSONField(help_text="criterion id → level id")
    criterion_notes = models.JSONField(default=dict, blank=True)
    note = models.TextField(blank=True)
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    # The day the trainer watched the practice; recorded (created_at) can be days later.
    observed_on = models.DateField(_("date observed"), default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.rubric_version} → {self.volunteer_id}"


def evidence_path(instance, filename: str) -> str:
    # A random segment: evidence URLs cannot be guessed from a volunteer's id.
    extension = filename.rsplit(".", 1)[-1].lower()[:5]
    return f"evidence/{uuid.uuid4().hex}/{uuid.uuid4().hex[:8]}.{extension}"


class EvidenceStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Waiting for review")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for changes")


class Evidence(models.Model):
    rubric = models.ForeignKey(Rubric, on_delete=models.CASCADE, related_name="evidence")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="evidence"
    )
    file = models.FileField(upload_to=evidence_path)
    content_type = models.CharField(max_length=50)
    size = models.PositiveIntegerField()
    original_name = models.CharField(max_length=200)
    description = models.CharField(max_length=500, blank=True)
    status = models.CharField(
        max_length=10, choices=EvidenceStatus.choices, default=EvidenceStatus.SUBMITTED
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    review_comment = models.TextField(blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # The Idempotency-Key of the upload: a photo queued offline and retried is stored once.
    upload_key = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")
        constraints = [
            models.UniqueConstraint(
                fields=["volunteer", "upload_key"],
                condition=models.Q(upload_key__isnull=False),
                name="unique_evidence_upload_key",
            )
        ]

    def __str__(self) -> str:
        return self.original_name
