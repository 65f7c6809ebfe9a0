"""A Kompeten volunteer whose certificate the background task could not issue is logged,
recorded and shown on the office's certificate desk, not lost."""

import logging

import pytest
from django.utils import timezone

from assessments.models import Verdict, VerdictStatus
from assessments.signals import verdict_changed
from certificates.models import Certificate, CertificateTemplate, IssueFailure
from certificates.services import certificate_issue
from certificates.tasks import issue_certificate
from demo.factories import make_course
from modules.services import enrollment_create


def kompeten(user, course) -> Verdict:
    enrollment_create(user=user, course=course)
    return Verdict.objects.create(
        volunteer=user,
        course=course,
        status=VerdictStatus.KOMPETEN,
        final_score=88,
        predicate="Baik",
        computed_at=timezone.now(),
    )


@pytest.mark.django_db
def test_no_template_is_logged_recorded_and_on_the_desk(
    client, volunteer, office_admin, commit, caplog
):
    course = make_course(title="Bimtek Tanpa Templat")
    verdict = kompeten(volunteer, course)
    with caplog.at_level(logging.WARNING, logger="certificates.tasks"), commit():
        # What verdict_recompute announces when a verdict turns Kompeten.
        verdict_changed.send(sender=Verdict, verdict=verdict, previous="", by=None)
    assert not Certificate.objects.filter(holder=volunteer).exists()
    failure = IssueFailure.objects.get(holder=volunteer, course=course)
    assert failure.code == "no_template" and failure.attempts == 1
    assert "no_template" in caplog.text

    issue_certificate.call(volunteer.pk, course.pk)  # a retry updates the same record
    failure.refresh_from_db()
    assert failure.attempts == 2
    assert IssueFailure.objects.count() == 1

    client.force_login(volunteer)  # it is the holder's data: in their own download too
    data = client.get("/dashboard/data-saya.json").json()
    assert data["certificates_not_issued"][0]["code"] == "no_template"

    client.force_login(office_admin)
    page = client.get("/sertifikat/kelola/").content.decode()
    assert volunteer.get_full_name() in page
    assert "Bimtek Tanpa Templat" in page
    assert failure.message in page

    CertificateTemplate.objects.create(name="Standar", is_default=True)
    certificate_issue(holder=volunteer, course=course)
    assert not IssueFailure.objects.exists()
    assert volunteer.get_full_name() not in client.get("/sertifikat/kelola/").content.decode()


@pytest.mark.django_db
def test_the_desk_is_for_office_admins_only(client, trainer):
    client.force_login(trainer)
    assert client.get("/sertifikat/kelola/").status_code == 404
