from django.core.management.base import BaseCommand

from assessments.models import Verdict
from assessments.verdict import verdict_recompute


class Command(BaseCommand):
    help = (
        "Recompute every stored verdict (or one course's) by the current rules: run once after "
        "an upgrade that changes how verdicts are decided."
    )

    def add_arguments(self, parser):
        parser.add_argument("--course", type=int, help="only this course (page id)")

    def handle(self, *args, **options):
        verdicts = Verdict.objects.select_related("volunteer", "course").order_by("pk")
        if options["course"]:
            verdicts = verdicts.filter(course_id=options["course"])
        changed = 0
        for verdict in verdicts.iterator():
            old = verdict.status
            changed += (
                verdict_recompute(user=verdict.volunteer, course=verdict.course).status != old
            )
        self.stdout.write(f"Recomputed {verdicts.count()} verdict(s); {changed} changed status.")
