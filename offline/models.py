from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionKind(models.TextChoices):
    LESSON_DONE = "lesson_done", _("Lesson done")
    ANSWER = "answer", _("Quiz answer")
    SUBMIT = "submit", _("Quiz submitted")
    ATTITUDE = "attitude", _("Attitude self-assessment")
    LOGBOOK = "logbook", _("Logbook entry")


class ActionStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    REJECTED = "rejected", _("Rejected")


class SyncedAction(models.Model):
    """One act a volunteer did without a signal, as it reached the server. The (user, key) row
    is what makes the sync idempotent: a key is applied at most once per user, ever, and a
    rejected key stays rejected with the same code."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="synced_actions",
        verbose_name=_("volunteer"),
    )
    key = models.UUIDField(_("key"))
    kind = models.CharField(_("kind"), max_length=12, choices=ActionKind.choices)
    status = models.CharField(_("status"), max_length=8, choices=ActionStatus.choices)
    code = models.CharField(_("code"), max_length=40, blank=True)
    message = models.CharField(_("message"), max_length=300, blank=True)
    done_at = models.DateTimeField(_("done at"), help_text=_("As the phone said, at most now."))
    received_at = models.DateTimeField(_("received at"), auto_now_add=True)

    class Meta:
        verbose_name = _("synced action")
        verbose_name_plural = _("synced actions")
        constraints = [
            models.UniqueConstraint(fields=["user", "key"], name="unique_synced_action_key")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} {self.kind} {self.key}"
