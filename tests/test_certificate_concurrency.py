"""50 certificates issued at once on PostgreSQL get 50 distinct, consecutive numbers."""

import threading

import pytest
from django.db import connection, connections
from django.utils import timezone

from assessments.models import Verdict, VerdictStatus
from certificates.models import Certificate, CertificateTemplate
from certificates.services import certificate_issue
from demo.factories import make_course, make_user
from modules.services import enrollment_create

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_fifty_concurrent_issues_get_consecutive_numbers():
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; CI runs this file on PostgreSQL")
    CertificateTemplate.objects.create(name="Uji", is_default=True, signatory_name="Kepala")
    course = make_course(title="Serentak", modules=1, lessons=1)
    people = []
    for i in range(50):
        person = make_user(f"serentak{i}", phone=f"+628124440{i:03d}")
        enrollment_create(user=person, course=course)
        Verdict.objects.create(
            volunteer=person,
            course=course,
            status=VerdictStatus.KOMPETEN,
            computed_at=timezone.now(),
        )
        people.append(person)
    errors = []
    barrier = threading.Barrier(10)

    def worker(batch):
        try:
            barrier.wait()
            for person in batch:
                certificate_issue(holder=person, course=course)
        except Exception as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(people[i::10],)) for i in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert errors == []
    numbers = sorted(
        int(n.split("/")[0]) for n in Certificate.objects.values_list("number", flat=True)
    )
    assert numbers == list(range(1, 51))
    assert Certificate.objects.values("code").distinct().count() == 50
