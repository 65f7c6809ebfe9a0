import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from assessments.models import (
    AttitudeRating,
    Evidence,
    EvidenceStatus,
    Observation,
    RaterRole,
)
from assessments.services import answer_save, attempt_start, attempt_submit
from demo.factories import (
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
    make_user,
    submit_essay,
)
from modules.models import ModulePage
from modules.services import enrollment_create


@pytest.fixture
def world(db, volunteer, other_volunteer, trainer):
    course = make_course(modules=3, lessons=1)
    k, s, a = ModulePage.objects.child_of(course).order_by("path")
    course.trainers.add(trainer)
    course.save()
    other_course = make_course(title="Kursus Lain", modules=1, lessons=1)
    other_module = ModulePage.objects.child_of(other_course).get()
    other_trainer = make_user("pelatih2", "Pelatih")
    other_course.trainers.add(other_trainer)
    other_course.save()
    enrollment_create(user=volunteer, course=course)
    enrollment_create(user=other_volunteer, course=other_course)
    return {
        "course": course,
        "quiz": make_quiz(k, [make_question("essay", points=4)]),
        "rubric": make_rubric(s),
        "instrument": make_instrument(a),
        "other_rubric": make_rubric(other_module),
        "other_trainer": other_trainer,
    }


def png_bytes():
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.django_db
def test_trainer_observes_own_course_volunteer(client, trainer, volunteer, world):
    rubric = world["rubric"]
    version = rubric.current_version
    client.force_login(trainer)
    url = f"/pelatih/observasi/{rubric.pk}/{volunteer.pk}/"
    assert client.get(url).status_code == 200
    data = {c["id"]: version.data["levels"][2]["id"] for c in version.data["criteria"]}
    data["note"] = "Wawancara runtut"
    response = client.post(url, data)
    assert response.status_code == 302
    observation = Observation.objects.get()
    assert observation.percent == 75 and observation.observer == trainer


@pytest.mark.django_db
def test_trainer_of_another_course_gets_404_everywhere(client, volunteer, world):
    client.force_login(world["other_trainer"])
    attempt = attempt_start(by=volunteer, quiz=world["quiz"])
    answer = attempt.answers.get()
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response="Esai saya",
        seq=1,
    )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    evidence = Evidence.objects.create(
        rubric=world["rubric"],
        volunteer=volunteer,
        file=SimpleUploadedFile("b.png", png_bytes()),
        content_type="image/png",
        size=10,
        original_name="b.png",
    )
    course = world["course"]
    for url in [
        f"/pelatih/observasi/{world['rubric'].pk}/{volunteer.pk}/",
        f"/pelatih/sikap/{world['instrument'].pk}/{volunteer.pk}/",
        f"/pelatih/kompetensi/{course.pk}/{volunteer.pk}/",
        f"/pelatih/esai/{answer.pk}/",
        f"/pelatih/bukti/{evidence.pk}/",
        f"/bukti/berkas/{evidence.pk}/",
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"score": "4", "decision": "accept"}).status_code == 404, url
    assert not Observation.objects.exists()
    evidence.refresh_from_db()
    assert evidence.status == EvidenceStatus.SUBMITTED


@pytest.mark.django_db
def test_volunteers_cannot_use_trainer_pages_or_others_evidence(
    client, volunteer, other_volunteer, world
):
    evidence = Evidence.objects.create(
        rubric=world["rubric"],
        volunteer=volunteer,
        file=SimpleUploadedFile("b.png", png_bytes()),
        content_type="image/png",
        size=10,
        original_name="b.png",
    )
    client.force_login(other_volunteer)
    assert client.get("/pelatih/").status_code == 403
    assert client.get(f"/bukti/berkas/{evidence.pk}/").status_code == 404
    assert client.get(f"/bukti/{world['rubric'].pk}/").status_code == 404  # not enrolled
    client.force_login(volunteer)
    response = client.get(f"/bukti/berkas/{evidence.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


@pytest.mark.django_db
def test_trainer_queue_lists_work_in_own_courses_only(
    client, trainer, volunteer, other_volunteer, world
):
    client.force_login(trainer)
    page = client.get("/pelatih/").content.decode()
    assert volunteer.get_full_name() in page
    assert other_volunteer.get_full_name() not in page
    assert world["rubric"].title in page and world["instrument"].title in page


@pytest.mark.django_db
def test_evidence_type_is_checked_by_content(client, volunteer, world):
    client.force_login(volunteer)
    url = f"/bukti/{world['rubric'].pk}/"
    fake = SimpleUploadedFile("laporan.pdf", b"MZ\x90\x00 this is an exe", "application/pdf")
    page = client.post(url, {"file": fake}).content.decode()
    assert "Hanya berkas PDF, JPEG, atau PNG" in page
    assert not Evidence.objects.exists()
    image = SimpleUploadedFile("foto.txt", png_bytes(), "text/plain")  # right content, odd name
    assert client.post(url, {"file": image, "description": "Foto kunjungan"}).status_code == 302
    evidence = Evidence.objects.get()
    assert evidence.content_type == "image/png"
    assert evidence.file.name.endswith(".png") and "evidence/" in evidence.file.name
    assert evidence.original_name == "foto.txt"


@pytest.mark.django_db
def test_oversize_evidence_is_refused(client, volunteer, world, settings):
    from assessments import uploads

    client.force_login(volunteer)
    big = SimpleUploadedFile("besar.png", png_bytes() + b"\0" * (uploads.MAX_BYTES + 1))
    page = client.post(f"/bukti/{world['rubric'].pk}/", {"file": big}).content.decode()
    assert "terlalu besar" in page
    assert not Evidence.objects.exists()


@pytest.mark.django_db
def test_trainer_accepts_or_returns_evidence_with_a_comment(client, trainer, volunteer, world):
    evidence = Evidence.objects.create(
        rubric=world["rubric"],
        volunteer=volunteer,
        file=SimpleUploadedFile("b.png", png_bytes()),
        content_type="image/png",
        size=10,
        original_name="b.png",
    )
    client.force_login(trainer)
    url = f"/pelatih/bukti/{evidence.pk}/"
    page = client.post(url, {"decision": "return", "comment": ""}).content.decode()
    assert "Tuliskan apa yang perlu diubah" in page
    assert client.post(url, {"decision": "return", "comment": "Foto buram"}).status_code == 302
    evidence.refresh_from_db()
    assert evidence.status == EvidenceStatus.RETURNED and evidence.review_comment == "Foto buram"


@pytest.mark.django_db
def test_attitude_self_assessment_and_trainer_rating(client, trainer, volunteer, world):
    instrument = world["instrument"]
    statements = list(instrument.statements.all())
    client.force_login(volunteer)
    url = f"/sikap/{instrument.pk}/"
    partial = {f"s{statements[0].pk}": "5"}
    assert "Jawab setiap pernyataan" in client.post(url, partial).content.decode()
    full = {f"s{s.pk}": "4" for s in statements}
    assert client.post(url, full).status_code == 302
    rating = AttitudeRating.objects.get()
    assert rating.role == RaterRole.SELF
    # 3 statements at 4 (75 %) and one reverse-keyed at 4 (counts 2, 25 %): 62.5 %
    assert rating.percent == 62.5
    client.force_login(trainer)
    response = client.post(f"/pelatih/sikap/{instrument.pk}/{volunteer.pk}/", full)
    assert response.status_code == 302
    assert AttitudeRating.objects.filter(role=RaterRole.TRAINER, rater=trainer).exists()


@pytest.mark.django_db
def test_trainer_marks_an_essay_from_the_queue(client, trainer, volunteer, world):
    attempt = attempt_start(by=volunteer, quiz=world["quiz"])
    answer = attempt.answers.get()
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response="Saya menjaga kerahasiaan data warga.",
        seq=1,
    )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    client.force_login(trainer)
    assert f"/pelatih/esai/{answer.pk}/" in client.get("/pelatih/").content.decode()
    page = client.post(f"/pelatih/esai/{answer.pk}/", {"score": "9"}).content.decode()
    assert "antara 0 dan 4" in page
    assert (
        client.post(f"/pelatih/esai/{answer.pk}/", {"score": "3", "note": "Baik"}).status_code
        == 302
    )
    attempt.refresh_from_db()
    assert attempt.percent == 75 and not attempt.needs_marking


@pytest.mark.django_db
def test_the_marking_page_shows_the_model_answer_never_the_volunteer(
    client, trainer, volunteer, db
):
    """[H] 14: the trainer marks against the question's model answer."""
    from assessments.services import question_version_publish

    course = make_course(modules=1, lessons=1)
    course.trainers.add(trainer)
    course.save()
    enrollment_create(user=volunteer, course=course)
    question = make_question("essay", points=4)
    question.model_answer = "Menolak dengan sopan; catatan disimpan terkunci."
    question.save()
    question_version_publish(question=question)
    quiz = make_quiz(ModulePage.objects.child_of(course).get(), [question])
    answer = submit_essay(volunteer, quiz, "Saya menolak bercerita kepada tetangga.")
    client.force_login(trainer)
    page = client.get(f"/pelatih/esai/{answer.pk}/").content.decode()
    assert "Jawaban model" in page
    assert "Menolak dengan sopan; catatan disimpan terkunci." in page
    client.force_login(volunteer)
    result = client.get(f"/kuis/percobaan/{answer.attempt_id}/hasil/").content.decode()
    assert "catatan disimpan terkunci" not in result
    assert (
        "catatan disimpan terkunci" not in client.get("/dashboard/data-saya.json").content.decode()
    )


@pytest.mark.django_db
def test_a_question_without_a_model_answer_says_so(client, trainer, volunteer, world):
    answer = submit_essay(volunteer, world["quiz"], "Saya menolak bercerita kepada tetangga.")
    client.force_login(trainer)
    page = client.get(f"/pelatih/esai/{answer.pk}/").content.decode()
    assert "Soal ini belum punya jawaban model" in page


@pytest.mark.django_db
def test_the_observation_form_shows_level_descriptors_and_records_the_date(
    client, trainer, volunteer, world
):
    """[H] 14: what each level means, and the day the practice was watched."""
    import datetime

    from django.utils import timezone

    from assessments.models import RubricLevel
    from assessments.services import rubric_version_publish

    rubric = world["rubric"]
    RubricLevel.objects.filter(rubric=rubric, label="Mampu").update(
        description="Wawancara runtut, warga bercerita tanpa didesak."
    )
    version = rubric_version_publish(rubric=rubric)
    client.force_login(trainer)
    url = f"/pelatih/observasi/{rubric.pk}/{volunteer.pk}/"
    page = client.get(url).content.decode()
    assert "Wawancara runtut, warga bercerita tanpa didesak." in page
    assert 'name="observed_on"' in page
    levels = {c["id"]: version.data["levels"][2]["id"] for c in version.data["criteria"]}
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    refused = client.post(url, {**levels, "observed_on": tomorrow.isoformat()})
    assert "tidak boleh di masa depan" in refused.content.decode()
    bad = client.post(url, {**levels, "observed_on": "kemarin"})
    assert bad.status_code == 200 and "Isi tanggal observasi" in bad.content.decode()
    assert not Observation.objects.exists()
    day = timezone.localdate() - datetime.timedelta(days=3)
    assert client.post(url, {**levels, "observed_on": day.isoformat()}).status_code == 302
    assert Observation.objects.get().observed_on == day
    page = client.get(url).content.decode()
    assert f"Diamati {day.day} " in page
