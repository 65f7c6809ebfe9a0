from django.core.management.base import BaseCommand

from notifications.services import deliveries_send


class Command(BaseCommand):
    help = "Send notification deliveries that are due (held by quiet hours, or to retry)."

    def handle(self, *args, **options):
        counts = deliveries_send()
        self.stdout.write(" ".join(f"{k}={v}" for k, v in counts.items()))
