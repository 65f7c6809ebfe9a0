"""Item 6 of [H]: evidence upload waits for its module to open; the volunteer's list shows when
each file was sent and reviewed; a file not yet reviewed can be withdrawn (file deleted, quota
freed, audited), never another person's and never a reviewed one."""

import datetime
import io
import re
import zoneinfo

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image as PILImage
from wagtail.models import ModelLogEntry

from assessments.models import Evidence, EvidenceStatus
from assessments.services import evidence_review, evidence_submit, evidence_withdraw
from core.errors import DomainError
from demo.factories import lessons_of, make_course, make_rubric
from modules.models import ModulePage
from modules.services import enrollment_create, lesson_complete

JAKARTA = zoneinfo.ZoneInfo("Asia/Jakarta")


def png(colour="green") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), colour).save(buffer, "PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), "image/png")


@pytest.fixture
def locked(db, volunteer):
    """A course whose second module (with the rubric) opens when the first is done."""
    course = make_course(title="Berurutan", modules=2, lessons=1, requires_previous=True)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    enrollment_create(user=volunteer, course=course)
    return {"course": course, "first": first, "rubric": make_rubric(second)}


@pytest.fixture
def rubric(db, volunteer):
    course = make_course(title="Terbuka", modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    return make_rubric(ModulePage.objects.child_of(course).get())


# --- the upload waits for the module -------------------------------------------------------


@pytest.mark.django_db
def test_upload_page_of_a_locked_module_says_so_and_links_back(client, volunteer, locked):
    client.force_login(volunteer)
    response = client.get(f"/bukti/{locked['rubric'].pk}/")
    assert response.status_code == 403
    page = response.content.decode()
    assert "belum terbuka" in page
    assert f"Selesaikan modul “{locked['first'].title}” terlebih dahulu" in page
    assert f'href="{locked["course"].url}#module-{locked["first"].pk}"' in page
    assert 'type="file"' not in page  # no form to fill in vain


@pytest.mark.django_db
def test_upload_to_a_locked_module_is_refused_and_stores_nothing(client, volunteer, locked):
    client.force_login(volunteer)
    response = client.post(f"/bukti/{locked['rubric'].pk}/", {"file": png()})
    assert response.status_code == 403
    assert "belum terbuka" in response.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_the_service_refuses_a_locked_module_too(volunteer, locked):
    with pytest.raises(DomainError) as error:
        evidence_submit(by=volunteer, rubric=locked["rubric"], upload=png())
    assert error.value.code == "module_locked"
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_upload_opens_once_the_module_before_is_done(client, volunteer, locked):
    for lesson in lessons_of(locked["course"])[:1]:
        lesson_complete(by=volunteer, lesson=lesson)
    client.force_login(volunteer)
    url = f"/bukti/{locked['rubric'].pk}/"
    assert 'type="file"' in client.get(url).content.decode()
    assert client.post(url, {"file": png()}).status_code == 302
    assert Evidence.objects.count() == 1


# --- dates and review in the list ----------------------------------------------------------


@pytest.mark.django_db
def test_the_list_shows_sent_and_reviewed_dates_in_jakarta_time(client, volunteer, trainer, rubric):
    evidence = evidence_submit(by=volunteer, rubric=rubric, upload=png())
    # 02:30 UTC on 5 March is 09:30 in Jakarta; 23:10 UTC on 6 March is 06:10 on 7 March.
    sent = datetime.datetime(2026, 3, 5, 2, 30, tzinfo=datetime.UTC)
    Evidence.objects.filter(pk=evidence.pk).update(created_at=sent)
    evidence_review(by=trainer, evidence_id=evidence.pk, accept=False, comment="Foto buram")
    Evidence.objects.filter(pk=evidence.pk).update(
        reviewed_at=datetime.datetime(2026, 3, 6, 23, 10, tzinfo=datetime.UTC)
    )
    client.force_login(volunteer)
    page = client.get(f"/bukti/{rubric.pk}/").content.decode()
    assert "Dikirim 5 Maret 2026, 09.30 WIB" in page
    assert "Dikembalikan untuk diperbaiki" in page
    assert "diperiksa 7 Maret 2026, 06.10 WIB" in page
    assert "Foto buram" in page


@pytest.mark.django_db
def test_the_list_says_a_file_waits_for_review(client, volunteer, rubric):
    evidence_submit(by=volunteer, rubric=rubric, upload=png())
    client.force_login(volunteer)
    page = client.get(f"/bukti/{rubric.pk}/").content.decode()
    now = timezone.localtime(timezone.now(), JAKARTA)
    assert f"Dikirim {now.day} " in page
    assert "Menunggu diperiksa" in page
    assert not re.search(r"diperiksa \d", page)  # no review date yet


# --- withdrawing ----------------------------------------------------------------------------


@pytest.mark.django_db
def test_withdraw_asks_first_then_deletes_the_file_audits_and_frees_quota(
    client, volunteer, rubric, settings, commit
):
    client.force_login(volunteer)
    url = f"/bukti/{rubric.pk}/"
    assert client.post(url, {"file": png()}).status_code == 302
    evidence = Evidence.objects.get()
    name = evidence.file.name
    assert default_storage.exists(name)
    settings.EVIDENCE_QUOTA_BYTES = evidence.size + 10  # the next file no longer fits
    assert "batas" in client.post(url, {"file": png("red")}).content.decode()

    page = client.get(url).content.decode()
    withdraw = f"/bukti/berkas/{evidence.pk}/tarik/"
    assert f'href="{withdraw}"' in page and "Tarik" in page
    confirm = client.get(withdraw)
    assert confirm.status_code == 200
    text = confirm.content.decode()
    assert evidence.original_name in text and 'method="post"' in text
    assert Evidence.objects.filter(pk=evidence.pk).exists()  # asking deletes nothing

    with commit():  # the file goes once the deletion is committed
        response = client.post(withdraw)
    assert response.status_code == 302 and response.url == url
    assert not Evidence.objects.filter(pk=evidence.pk).exists()
    assert not default_storage.exists(name)
    (entry,) = ModelLogEntry.objects.filter(action="psm.evidence_withdraw")
    assert entry.user == volunteer and entry.object_id == str(evidence.pk)
    assert entry.data["rubric"] == rubric.pk and entry.data["size"] == evidence.size
    assert "ditarik" in client.get(url).content.decode()
    # The space is free again.
    assert client.post(url, {"file": png("red")}).status_code == 302


@pytest.mark.django_db
def test_withdrawing_keeps_the_file_until_the_transaction_commits(
    volunteer, rubric, django_capture_on_commit_callbacks
):
    evidence = evidence_submit(by=volunteer, rubric=rubric, upload=png())
    name = evidence.file.name
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        evidence_withdraw(evidence=evidence, by=volunteer)
    assert default_storage.exists(name)  # a rollback would leave the row and its file
    for callback in callbacks:
        callback()
    assert not default_storage.exists(name)


@pytest.mark.django_db
@pytest.mark.parametrize("accept", [True, False])
def test_a_reviewed_file_cannot_be_withdrawn(client, volunteer, trainer, rubric, accept):
    evidence = evidence_submit(by=volunteer, rubric=rubric, upload=png())
    evidence_review(by=trainer, evidence_id=evidence.pk, accept=accept, comment="Ulangi")
    client.force_login(volunteer)
    page = client.get(f"/bukti/{rubric.pk}/").content.decode()
    assert f"/bukti/berkas/{evidence.pk}/tarik/" not in page
    response = client.post(f"/bukti/berkas/{evidence.pk}/tarik/", follow=True)
    assert response.status_code == 200
    assert "sudah diperiksa" in response.content.decode()
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    assert default_storage.exists(evidence.file.name)
    with pytest.raises(DomainError) as error:
        evidence_withdraw(evidence=evidence, by=volunteer)
    assert error.value.code == "evidence_reviewed"
    assert not ModelLogEntry.objects.filter(action="psm.evidence_withdraw").exists()


@pytest.mark.django_db
def test_another_persons_evidence_answers_404(client, volunteer, other_volunteer, trainer, rubric):
    evidence = evidence_submit(by=volunteer, rubric=rubric, upload=png())
    url = f"/bukti/berkas/{evidence.pk}/tarik/"
    for person in (other_volunteer, trainer):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.post(url).status_code == 404
    client.force_login(volunteer)
    assert client.post("/bukti/berkas/999999/tarik/").status_code == 404
    assert Evidence.objects.filter(pk=evidence.pk).exists()
    with pytest.raises(DomainError) as error:
        evidence_withdraw(evidence=evidence, by=other_volunteer)
    assert error.value.code == "not_found"
    assert Evidence.objects.filter(pk=evidence.pk).exists()


@pytest.mark.django_db
def test_reviewed_status_is_checked_again_under_the_row_lock(volunteer, trainer, rubric):
    """A trainer's review that lands after the volunteer's page loaded still wins: the service
    reads the row afresh, not the stale instance it was given."""
    evidence = evidence_submit(by=volunteer, rubric=rubric, upload=png())
    stale = Evidence.objects.get(pk=evidence.pk)
    evidence_review(by=trainer, evidence_id=evidence.pk, accept=True)
    assert stale.status == EvidenceStatus.SUBMITTED
    with pytest.raises(DomainError):
        evidence_withdraw(evidence=stale, by=volunteer)
    assert Evidence.objects.filter(pk=evidence.pk).exists()


@pytest.mark.django_db
def test_the_office_reads_a_withdrawal_in_site_history(client, volunteer, office_admin, rubric):
    evidence = evidence_submit(by=volunteer, rubric=rubric, upload=png())
    evidence_withdraw(evidence=evidence, by=volunteer)
    client.force_login(office_admin)
    response = client.get("/admin/reports/site-history/", {"action": "psm.evidence_withdraw"})
    assert response.status_code == 200
    shown = list(response.context["object_list"])
    assert [entry.action for entry in shown] == ["psm.evidence_withdraw"]
    assert evidence.original_name in response.content.decode()


@pytest.mark.django_db
def test_reviewing_a_file_withdrawn_meanwhile_is_a_clear_refusal(volunteer, trainer, rubric):
    evidence = evidence_submit(by=volunteer, rubric=rubric, upload=png())
    evidence_withdraw(evidence=evidence, by=volunteer)
    with pytest.raises(DomainError) as error:
        evidence_review(by=trainer, evidence_id=evidence.pk, accept=True)
    assert error.value.code == "not_found"
