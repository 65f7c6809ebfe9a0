"""The office hears that an import it confirmed and a certificate job it started are done:
once, even when the task runs again."""

import pytest
from django.utils import translation

from certificates.models import BulkJob
from certificates.tasks import run_bulk_job
from demo.factories import make_course, make_user
from notifications.kinds import render
from notifications.models import Notification
from people.services import volunteer_import_confirm

from .import_helpers import csv_bytes, person, preview
from .test_certificates import make_kompeten, template  # noqa: F401 - fixture


def notices(user, kind):
    with translation.override("en"):
        return [render(n) for n in Notification.objects.filter(recipient=user, kind=kind)]


@pytest.mark.django_db
def test_import_finished_reaches_the_office_user_who_confirmed(office_admin):
    other = make_user("admin2", "Admin Dinsos")
    batch = preview(csv_bytes([person(1), person(2)]), by=office_admin)
    volunteer_import_confirm(batch=batch, by=office_admin)
    (notice,) = notices(office_admin, "import_finished")
    assert notice["body"] == "2 new volunteers, 0 already registered."
    assert notice["url"] == f"/admin/impor-relawan/{batch.pk}/"
    assert not Notification.objects.filter(recipient=other).exists()
    assert not Notification.objects.exclude(recipient=office_admin).exists()


@pytest.mark.django_db
def test_bulk_job_done_reaches_who_started_it_once(template):  # noqa: F811
    course = make_course(title="Angkatan Besar", modules=1, lessons=1)
    for i in range(2):
        make_kompeten(make_user(f"massal{i}", phone=f"+62812777{i:05d}"), course)
    admin = make_user("admin-massal", "Admin Dinsos")
    job = BulkJob.objects.create(kind="issue", course=course, requested_by=admin)
    run_bulk_job.enqueue(job.pk)
    run_bulk_job.enqueue(job.pk)  # a retried task
    (notice,) = notices(admin, "bulk_job_done")
    assert notice["title"] == "Certificate job for Angkatan Besar finished"
    assert notice["body"] == "2 of 2 done."
    assert notice["url"] == f"/sertifikat/tugas/{job.pk}/"
