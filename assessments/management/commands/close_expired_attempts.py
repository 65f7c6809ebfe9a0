from django.core.management.base import BaseCommand
from django.utils import timezone

from assessments.models import Attempt, AttemptStatus
from assessments.services import GRACE, attempt_close_expired


class Command(BaseCommand):
    help = "Grade and close quiz attempts left open past their deadline (run every few minutes)."

    def handle(self, *args, **options):
        now = timezone.now()
        closed = 0
        for attempt in Attempt.objects.filter(
            status=AttemptStatus.IN_PROGRESS, deadline__lt=now - GRACE
        ).only("pk", "status", "deadline"):
            closed += attempt_close_expired(attempt=attempt, now=now)
        self.stdout.write(f"Closed {closed} expired attempt(s).")
