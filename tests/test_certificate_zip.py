"""The office's "ZIP" holds the certificates valid today by default; an option adds revoked,
superseded and expired ones, each named by its status. The desk counts each status apart."""

import datetime
import io
import zipfile

import pytest
from django.utils import timezone

from assessments.models import Verdict, VerdictStatus
from certificates.models import BulkJob, Certificate, CertificateTemplate
from certificates.services import certificate_issue, certificate_reissue, certificate_revoke
from demo.factories import make_course, make_user
from modules.services import enrollment_create


@pytest.fixture
def course_with_every_status(db, office_admin):
    CertificateTemplate.objects.create(name="Standar", is_default=True)
    course = make_course(title="Bimtek ZIP", modules=1, lessons=1)
    people = [make_user(f"zip{i}", phone=f"+62812777000{i}") for i in range(4)]
    issued = []
    for person in people:
        enrollment_create(user=person, course=course)
        Verdict.objects.create(
            volunteer=person,
            course=course,
            status=VerdictStatus.KOMPETEN,
            predicate="Baik",
            computed_at=timezone.now(),
        )
        issued.append(certificate_issue(holder=person, course=course))
    certificate_revoke(certificate=issued[1], by=office_admin, reason="Data palsu")
    certificate_reissue(certificate=issued[2], by=office_admin, reason="Salah nama")
    expired = issued[3]
    Certificate.objects.filter(pk=expired.pk).update(valid_until=datetime.date(2020, 1, 1))
    return course


def run_zip(client, commit, course, **extra) -> list[str]:
    with commit():
        client.post("/sertifikat/kelola/", {"action": "zip", "course": course.pk, **extra})
    job = BulkJob.objects.filter(kind=BulkJob.Kind.ZIP).latest("created_at")
    assert job.status == BulkJob.Status.DONE, job.message
    response = client.get(f"/sertifikat/tugas/{job.pk}/berkas/")
    return sorted(zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content))).namelist())


@pytest.mark.django_db
def test_the_zip_holds_only_valid_certificates_by_default(
    client, office_admin, commit, course_with_every_status
):
    client.force_login(office_admin)
    names = run_zip(client, commit, course_with_every_status)
    assert len(names) == 2  # the first one and the re-issued one
    assert all(name.startswith("Sertifikat-") for name in names)


@pytest.mark.django_db
def test_the_option_adds_the_others_named_by_status(
    client, office_admin, commit, course_with_every_status
):
    client.force_login(office_admin)
    names = run_zip(client, commit, course_with_every_status, include_all="1")
    assert len(names) == 5
    prefixes = sorted(name.split("-")[0].upper() for name in names)
    assert prefixes == ["DICABUT", "DIGANTIKAN", "KEDALUWARSA", "SERTIFIKAT", "SERTIFIKAT"]


@pytest.mark.django_db
def test_the_desk_counts_each_status_apart(client, office_admin, course_with_every_status):
    client.force_login(office_admin)
    page = " ".join(client.get("/sertifikat/kelola/").content.decode().split())
    assert "2 berlaku · 1 dicabut · 1 digantikan · 1 kedaluwarsa" in page
