from django.core.management.base import BaseCommand
from django.utils import timezone

from notifications.schedule import run_scheduled
from notifications.services import deliveries_send


class Command(BaseCommand):
    help = (
        "Make the scheduled notices (sessions tomorrow, trainers' digest), then send notification "
        "deliveries that are due (held by quiet hours, or to retry). Run every few minutes."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        made = run_scheduled(now=now)
        counts = deliveries_send(now=now)
        self.stdout.write(" ".join(f"{k}={v}" for k, v in {**made, **counts}.items()))
