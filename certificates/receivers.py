"""certificates listens to assessments (connected in CertificatesConfig.ready())."""

from django.db import transaction

from assessments.models import Verdict
from assessments.signals import verdict_changed

from .tasks import issue_certificate


def issue_when_kompeten(*, verdict: Verdict, **kwargs) -> None:
    if verdict.is_kompeten:
        # Only once the verdict is committed may the certificate task see it.
        user_id, course_id = verdict.volunteer_id, verdict.course_id
        transaction.on_commit(lambda: issue_certificate.enqueue(user_id, course_id))


def connect() -> None:
    verdict_changed.connect(issue_when_kompeten, sender=Verdict, dispatch_uid="certificates.issue")
