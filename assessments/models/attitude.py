"""Attitude: Likert instruments, their statements, and the ratings given with them. One set of
statements serves two readers: the volunteer rates themselves ("Saya …"), a trainer rates the
volunteer ("Peserta …"), each with their own instructions."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable


class AttitudeInstrument(ClusterableModel):
    title = models.CharField(_("title"), max_length=200)
    module = models.ForeignKey(
        "modules.ModulePage",
        on_delete=models.CASCADE,
        related_name="attitude_instruments",
        verbose_name=_("module"),
    )
    instructions = models.TextField(
        _("instructions for the self-assessment"),
        blank=True,
        help_text=_("What the volunteer reads before rating themselves."),
    )
    trainer_instructions = models.TextField(
        _("instructions for the trainer"),
        blank=True,
        help_text=_(
            "What a trainer reads before rating a volunteer. Leave empty for the standard "
            "wording (rate what you observed)."
        ),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("module"),
        FieldPanel("instructions"),
        FieldPanel("trainer_instructions"),
        InlinePanel("statements", label=_("Statements"), min_num=1),
    ]

    class Meta:
        verbose_name = _("attitude instrument")
        verbose_name_plural = _("attitude instruments")

    def __str__(self) -> str:
        return self.title


class AttitudeStatement(Orderable):
    instrument = ParentalKey(
        AttitudeInstrument, on_delete=models.CASCADE, related_name="statements"
    )
    text = models.CharField(
        _("statement"),
        max_length=300,
        help_text=_("In the first person, as the volunteer reads it: “Saya …”."),
    )
    observer_text = models.CharField(
        _("statement for the trainer"),
        max_length=300,
        blank=True,
        help_text=_(
            "The same behaviour as a trainer observes it: “Peserta …”. Leave empty to use the "
            "statement with “saya” replaced by “peserta”."
        ),
    )
    aspect = models.CharField(
        _("aspect"), max_length=100, help_text=_("e.g. volunteering spirit, confidentiality")
    )
    reverse_keyed = models.BooleanField(
        _("reverse-keyed"), default=False, help_text=_("Agreeing shows a weaker attitude.")
    )

    panels = [
        FieldPanel("text"),
        FieldPanel("observer_text"),
        FieldRowPanel([FieldPanel("aspect"), FieldPanel("reverse_keyed")]),
    ]

    @property
    def observer_wording(self) -> str:
        return self.observer_text or third_person(self.text)

    def wording_for(self, role: str) -> str:
        return self.observer_wording if role == RaterRole.TRAINER else self.text


# Statements are written in Indonesian, whatever the reader's language: so is the fallback.
_FIRST_PERSON = re.compile(r"\b(saya|aku)\b", re.IGNORECASE)


def third_person(text: str) -> str:
    """A first-person statement as an observer reads it: the pronoun becomes "peserta" (the
    participant), in the same case."""

    def swap(match: re.Match) -> str:
        word = match.group(0)
        if word.isupper() and len(word) > 1:
            return "PESERTA"
        return "Peserta" if word[0].isupper() else "peserta"

    return _FIRST_PERSON.sub(swap, text)


class RaterRole(models.TextChoices):
    SELF = "self", _("Self-assessment")
    TRAINER = "trainer", _("Trainer")


class AttitudeRating(models.Model):
    """One filled instrument, by the volunteer or a trainer. Append-only: the latest counts."""

    instrument = models.ForeignKey(
        AttitudeInstrument, on_delete=models.CASCADE, related_name="ratings"
    )
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="attitude_ratings"
    )
    rater = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="attitude_ratings_given"
    )
    role = models.CharField(max_length=8, choices=RaterRole.choices)
    answers = models.JSONField(help_text="statement id → 1..5 as answered")
    percent = models.DecimalField(max_digits=5, decimal_places=2)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.instrument} {self.role} → {self.volunteer_id}"
