from django.db import models


class RateCount(models.Model):
    """One rate-limit window's count for one key, in the database: what core.ratelimit counts
    in when the processes share no cache (production without REDIS_URL), so two gunicorn
    workers allow the limit once, not once each."""

    key = models.CharField(max_length=200, unique=True)
    window = models.BigIntegerField(db_index=True)  # the window's start, in seconds
    count = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.key}: {self.count}"


class OutboxMessage(models.Model):
    """A text message the development gateway (core.gateway.OutboxGateway) kept instead of
    sending: what the office reads in the admin when no SMS/WhatsApp provider is configured."""

    to = models.CharField(max_length=16)  # E.164
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.to}: {self.text[:40]}"
