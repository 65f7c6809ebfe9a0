"""Data the benchmark scripts share (they run with Django set up and the repository on the path)."""


def kompeten_volunteer(*, course, username: str, phone: str):
    """A volunteer enrolled in `course` with a Kompeten verdict: what a certificate needs. No
    password is hashed: hundreds of PBKDF2 hashes would take minutes, and nobody logs in by form."""
    from django.utils import timezone

    from assessments.models import Verdict, VerdictStatus
    from demo.factories import make_user
    from modules.services import enrollment_create

    person = make_user(username, phone=phone, password=None)
    enrollment_create(user=person, course=course)
    Verdict.objects.create(
        volunteer=person,
        course=course,
        status=VerdictStatus.KOMPETEN,
        predicate="Baik",
        computed_at=timezone.now(),
    )
    return person
