"""The events that reach the volunteer: essay marked, evidence accepted or returned (with the
comment), verdict changed (with the reasons), certificate issued, re-issued and revoked."""

import io
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image as PILImage

from assessments.models import Verdict, VerdictStatus
from assessments.services import (
    answer_mark,
    answer_save,
    attempt_start,
    attempt_submit,
    evidence_review,
    evidence_submit,
)
from assessments.verdict import verdict_recompute
from certificates.models import CertificateTemplate
from certificates.services import certificate_issue, certificate_reissue, certificate_revoke
from demo.factories import make_course, make_question, make_quiz, make_rubric
from modules.models import ModulePage
from modules.services import enrollment_create
from notifications.kinds import render
from notifications.models import Notification


def texts(user, language="id"):
    with translation.override(language):  # as the volunteer reads it
        return [render(n) for n in Notification.objects.filter(recipient=user).order_by("pk")]


@pytest.fixture
def world(db, volunteer, trainer):
    course = make_course(title="Bimtek Dasar", modules=3, lessons=1)
    k, s, _a = ModulePage.objects.child_of(course).order_by("path")
    course.trainers.add(trainer)
    course.save()
    enrollment_create(user=volunteer, course=course)
    quiz = make_quiz(k, [make_question("essay", points=4)], title="Kuis Esai")
    return {"course": course, "quiz": quiz, "rubric": make_rubric(s)}


def png():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), "image/png")


def test_essay_marked(world, volunteer, trainer):
    attempt = attempt_start(by=volunteer, quiz=world["quiz"])
    answer = attempt.answers.get()
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response="Jawaban",
        seq=1,
    )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    Notification.objects.all().delete()  # the verdict's own notice is tested below
    answer_mark(by=trainer, answer_id=answer.pk, score=Decimal(3), note="Baik")
    marked = [t for t in texts(volunteer) if "Kuis Esai" in t["title"]]
    assert len(marked) == 1
    assert marked[0]["body"] == "Nilai: 3 dari 4."
    assert marked[0]["url"] == f"/kuis/percobaan/{attempt.pk}/hasil/"


@pytest.mark.parametrize(("accept", "title"), [(True, "diterima"), (False, "dikembalikan")])
def test_evidence_reviewed_with_the_comment(world, volunteer, trainer, accept, title):
    item = evidence_submit(by=volunteer, rubric=world["rubric"], upload=png())
    evidence_review(by=trainer, evidence_id=item.pk, accept=accept, comment="Foto kurang jelas")
    (notice,) = [t for t in texts(volunteer) if "Observasi kunjungan rumah" in t["title"]]
    assert title in notice["title"]
    assert notice["body"] == "Komentar pelatih: Foto kurang jelas"
    assert notice["url"] == f"/bukti/{world['rubric'].pk}/"


def test_verdict_changed_with_the_reasons(world, volunteer):
    verdict_recompute(user=volunteer, course=world["course"])
    (notice,) = texts(volunteer)
    assert notice["title"] == "Hasil Anda di Bimtek Dasar: Belum Kompeten"
    assert any("Kuis Esai" in line for line in notice["details"])
    assert notice["url"] == "/kompetensi/"
    verdict_recompute(user=volunteer, course=world["course"])  # no change: no new notice
    assert len(texts(volunteer)) == 1


def test_certificate_issued_reissued_and_revoked(world, volunteer, office_admin):
    CertificateTemplate.objects.create(name="Standar", is_default=True, signatory_name="Drs. X")
    Verdict.objects.create(
        volunteer=volunteer,
        course=world["course"],
        status=VerdictStatus.KOMPETEN,
        computed_at=timezone.now(),
    )
    first = certificate_issue(holder=volunteer, course=world["course"])
    certificate_issue(holder=volunteer, course=world["course"])  # idempotent: no second notice
    second = certificate_reissue(certificate=first, by=office_admin, reason="Nama salah")
    certificate_revoke(certificate=second, by=office_admin, reason="Data palsu")
    titles = [t["title"] for t in texts(volunteer)]
    assert titles == [
        "Sertifikat Anda untuk Bimtek Dasar telah terbit",
        "Sertifikat Anda untuk Bimtek Dasar diterbitkan ulang",
        "Sertifikat Anda untuk Bimtek Dasar dicabut",
    ]
    assert texts(volunteer)[2]["body"] == f"Nomor {second.number}. Alasan: Data palsu"
