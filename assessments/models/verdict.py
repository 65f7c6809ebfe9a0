"""Scores and verdicts: predicate bands, the append-only score history, each volunteer's
current verdict per course and every change of it."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .attitude import AttitudeRating
from .common import DOMAIN_CHOICES, PERCENT
from .quizzes import Attempt
from .skills import Observation


class PredicateBand(models.Model):
    """Predicate for a final score: the highest band whose minimum the score reaches."""

    name = models.CharField(_("predicate"), max_length=50)
    min_score = models.DecimalField(
        _("minimum score"), max_digits=5, decimal_places=2, validators=PERCENT, unique=True
    )

    panels = [FieldPanel("name"), FieldPanel("min_score")]

    class Meta:
        ordering = ["-min_score"]
        verbose_name = _("predicate band")
        verbose_name_plural = _("predicate bands")

    def __str__(self) -> str:
        return f"{self.name} (≥ {self.min_score})"


class ScoreSource(models.TextChoices):
    QUIZ = "quiz", _("Quiz")
    OBSERVATION = "observation", _("Skill observation")
    ATTITUDE_SELF = "attitude_self", _("Attitude self-assessment")
    ATTITUDE_TRAINER = "attitude_trainer", _("Attitude rating by trainer")
    OVERRIDE = "override", _("Trainer override")


class ScoreRecord(models.Model):
    """Append-only history of every score (who, when, source, value, note)."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="score_records"
    )
    course = models.ForeignKey(
        "modules.CoursePage", on_delete=models.CASCADE, related_name="score_records"
    )
    domain = models.CharField(max_length=10, choices=DOMAIN_CHOICES)
    source = models.CharField(max_length=20, choices=ScoreSource.choices)
    value = models.DecimalField(max_digits=5, decimal_places=2, validators=PERCENT)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.TextField(blank=True)
    attempt = models.ForeignKey(Attempt, null=True, blank=True, on_delete=models.SET_NULL)
    observation = models.ForeignKey(Observation, null=True, blank=True, on_delete=models.SET_NULL)
    attitude_rating = models.ForeignKey(
        AttitudeRating, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["volunteer", "course", "domain"])]

    def __str__(self) -> str:
        return f"{self.get_source_display()} {self.value}"


class VerdictStatus(models.TextChoices):
    KOMPETEN = "K", _("Kompeten")
    BELUM_KOMPETEN = "BK", _("Belum Kompeten")


class Verdict(models.Model):
    """The current verdict of a volunteer in a course; every change is kept in VerdictChange."""

    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="verdicts"
    )
    course = models.ForeignKey(
        "modules.CoursePage", on_delete=models.CASCADE, related_name="verdicts"
    )
    status = models.CharField(max_length=2, choices=VerdictStatus.choices)
    knowledge = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    skills = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    attitude = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    final_score = models.DecimalField(max_digits=5, decimal_places=2, null=True, blank=True)
    predicate = models.CharField(max_length=50, blank=True)
    reasons = models.JSONField(default=list, blank=True)
    units = models.JSONField(default=list, blank=True)
    computed_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["volunteer", "course"], name="unique_verdict")
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} · {self.course}: {self.get_status_display()}"

    @property
    def is_kompeten(self) -> bool:
        return self.status == VerdictStatus.KOMPETEN


class VerdictChange(models.Model):
    verdict = models.ForeignKey(Verdict, on_delete=models.CASCADE, related_name="changes")
    old_status = models.CharField(max_length=2, blank=True)
    new_status = models.CharField(max_length=2)
    final_score = models.DecimalField(max_digits=5, decimal_places=2, null=True)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-changed_at"]

    def __str__(self) -> str:
        return f"{self.old_status or '—'} → {self.new_status}"
