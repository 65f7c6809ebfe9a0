"""Notifications: one row per event, object and recipient; one delivery row per channel."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    INAPP = "inapp", _("On this site")
    EMAIL = "email", _("Email")
    PUSH = "push", _("Phone notification")
    # Through core.gateway (outbox by default); only for users with a phone, off by default.
    TEXT = "text", _("WhatsApp/SMS")


# Channels held during quiet hours (21:00-06:00 Asia/Jakarta).
QUIET_CHANNELS = {Channel.PUSH, Channel.TEXT}


class Notification(models.Model):
    """Text is not stored: kinds.py renders it when read, in the reader's language, from
    `params` (names and numbers taken at the time of the event)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=50)
    object_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    # Tells apart two events of one kind on one object (e.g. a second review); "" for once.
    event_key = models.CharField(max_length=100, blank=True, default="")
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Idempotency: a retried task or a second call creates nothing.
            models.UniqueConstraint(
                fields=["kind", "object_type", "object_id", "recipient", "event_key"],
                name="notification_once_per_event",
            )
        ]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self):
        return f"{self.kind} #{self.object_id} -> {self.recipient_id}"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")
        SKIPPED = "skipped", _("Nothing to send to")

    notification = models.ForeignKey(
        Notification, on_delete=models.CASCADE, related_name="deliveries"
    )
    channel = models.CharField(max_length=20, choices=Channel.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    not_before = models.DateTimeField(null=True, blank=True)  # quiet hours: not until 06:00
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    error = models.CharField(max_length=500, blank=True, default="")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["notification", "channel"], name="delivery_per_channel")
        ]
        indexes = [models.Index(fields=["status", "not_before"], name="delivery_due")]

    def __str__(self):
        return f"{self.channel}: {self.status}"


class Preference(models.Model):
    """The channels a user chose for one kind; no row: the kind's default channels."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    kind = models.CharField(max_length=50)
    channels = models.JSONField(default=list, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "kind"], name="preference_per_kind")]

    def __str__(self):
        return f"{self.kind}: {', '.join(self.channels)}"


class QuietHours(models.Model):
    """Quiet hours are on unless the user turned them off (no row: on)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quiet_hours"
    )
    enabled = models.BooleanField(default=True)

    def __str__(self):
        return "on" if self.enabled else "off"


class PushSubscription(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_subscriptions"
    )
    endpoint = models.CharField(max_length=1000, unique=True)  # the API's schema checks it
    p256dh = models.CharField(max_length=200)
    auth = models.CharField(max_length=100)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.endpoint[:60]


class Announcement(models.Model):
    """An office message to a district's volunteers or a cohort's members, fanned out to
    in-app (and push) notifications by a background task, in batches."""

    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("message"), max_length=2000)
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Who receives it, fixed when sent (a cohort lives in a higher app: its members' ids).
    recipient_ids = models.JSONField(default=list)
    delivered = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return self.title
