"""The own-data download, /dashboard/data-saya.json (UU 27/2022): every model of the project that
holds personal data is in it, it holds one of everything a volunteer has, nothing about anyone
else, and a fixed number of queries however much there is."""

import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from PIL import Image as PILImage

from assessments.models import RaterRole, VerdictStatus
from assessments.services import (
    answer_mark,
    answer_save,
    attempt_start,
    attempt_submit,
    attitude_rate,
    evidence_review,
    evidence_submit,
    observation_record,
    score_override,
)
from certificates.models import Certificate, CertificateTemplate
from certificates.services import certificate_reissue
from cohorts.models import Cohort, CohortSession
from cohorts.services import attendance_record
from demo.factories import (
    lessons_of,
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
)
from modules.models import ModulePage
from modules.services import enrollment_create, lesson_complete
from portal.export import PARTS

URL = "/dashboard/data-saya.json"
PAST = timezone.localdate() - datetime.timedelta(days=3)

# Models that point at the user but are not in the export, each with the reason.
NOT_PERSONAL_DATA = {
    "offline.SyncedAction": (
        "a receipt per queued act (random key, kind, applied or rejected) that keeps a phone's "
        "retries from applying an act twice; the acts themselves (lessons done, answers, "
        "self-assessments) are in the export through their own apps"
    ),
    "lms.VolunteerImportBatch": (
        "created_by/confirmed_by record the office user who uploaded and imported a register: "
        "their action in their role, not data about a subject; once imported the batch's rows "
        "are emptied, so it keeps no per-person copy of anyone in the file"
    ),
    "certificates.BulkJob": (
        "requested_by records which office user asked for a course's issuing or ZIP: their "
        "action in their role; the certificates it made are in each holder's own download"
    ),
    "notifications.Announcement": (
        "sent_by records the office user who sent an announcement: their action in their "
        "role; each recipient's copy is a Notification, which is in their own download"
    ),
}


def project_app_configs():
    root = Path(settings.BASE_DIR).resolve()
    venv = root / ".venv"
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).resolve().is_relative_to(root)
        and not Path(config.path).resolve().is_relative_to(venv)
    ]


def models_pointing_at_the_user() -> set[str]:
    user_model = get_user_model()
    found = set()
    for config in project_app_configs():
        for model in config.get_models():
            if model._meta.abstract or model._meta.proxy:
                continue
            relations = [
                field
                for field in model._meta.get_fields(include_parents=True, include_hidden=False)
                if field.is_relation
                and field.concrete
                and field.model is model  # not Page.owner & co., kept in Wagtail's own table
                and field.related_model is user_model
            ]
            if model is user_model or relations:
                found.add(model._meta.label)
    return found


def covered() -> set[str]:
    return {model._meta.label for part in PARTS for model in part.COVERS}


def test_every_model_holding_personal_data_is_in_the_export():
    """Every concrete model of the project's own apps (the directories of this repository:
    lms, modules, cohorts, assessments, certificates, reports, portal, demo, core) that is the
    user model or has a ForeignKey, OneToOneField or ManyToManyField to it must be in some
    app's `COVERS` (`<app>/export.py`) or in NOT_PERSONAL_DATA with a reason. Only the
    project's own apps: Django's, Wagtail's and other libraries' models (sessions, log entries,
    revisions, a page's owner, login attempts, task results) are not checked here."""
    labels = {config.label for config in project_app_configs()}
    assert {"lms", "modules", "cohorts", "assessments", "certificates"} <= labels
    found = models_pointing_at_the_user()
    assert {"lms.User", "assessments.Observation", "cohorts.Attendance"} <= found  # sanity
    missing = found - covered() - set(NOT_PERSONAL_DATA)
    assert not missing, f"add these to an app's COVERS or to NOT_PERSONAL_DATA: {missing}"


def test_covers_are_each_apps_own_models_and_the_allowlist_is_current():
    for part in PARTS:
        app_module = part.__name__.split(".")[0]
        for model in part.COVERS:
            assert apps.get_containing_app_config(model.__module__).name == app_module, model
    assert not set(NOT_PERSONAL_DATA) & covered()
    for label, reason in NOT_PERSONAL_DATA.items():
        assert label in models_pointing_at_the_user(), f"{label}: no longer needs an entry"
        assert len(reason) > 40


# --- one of everything ---------------------------------------------------------------------


def png_upload(name="kunjungan.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


@pytest.fixture
def world(db, trainer, volunteer, other_volunteer):
    trainer.phone, trainer.email = "+6281299990009", "pelatih.rahasia@example.org"
    trainer.save()
    CertificateTemplate.objects.create(
        name="Standar", is_default=True, signatory_name="Drs. Contoh Kepala"
    )
    course = make_course(title="Bimtek Data Pribadi", modules=3, lessons=1)
    k, s, a = ModulePage.objects.child_of(course).order_by("path")
    course.trainers.add(trainer)
    course.save()
    cohort = Cohort(name="Angkatan Data 2026", course=course, start_date=PAST, end_date=PAST)
    cohort.sessions = [CohortSession(date=PAST, topic="Tatap muka pembukaan")]
    cohort.save()
    cohort.trainers.set([trainer])
    cohort.members.set([volunteer, other_volunteer])
    cohort.save()  # a cluster's many-to-many is written on save
    for user in (volunteer, other_volunteer):
        enrollment_create(user=user, course=course)
    return {
        "course": course,
        "session": cohort.sessions.get(),
        "quiz": make_quiz(k, [make_question("essay", points=4, text="Jelaskan pendampingan.")]),
        "rubric": make_rubric(s),
        "instrument": make_instrument(a),
    }


def essay(user, world, *, text, marker, note, score=3):
    attempt = attempt_start(by=user, quiz=world["quiz"])
    answer = attempt.answers.get()
    answer_save(
        by=user,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response=text,
        seq=1,
    )
    attempt_submit(by=user, attempt_id=attempt.pk)
    answer_mark(by=marker, answer_id=answer.pk, score=Decimal(score), note=note)


def observe(user, world, *, by, note):
    version = world["rubric"].current_version
    criteria = [c["id"] for c in version.data["criteria"]]
    top = version.data["levels"][3]["id"]
    observation_record(
        by=by,
        volunteer=user,
        rubric=world["rubric"],
        levels=dict.fromkeys(criteria, top),
        criterion_notes={criteria[0]: f"{note} (kriteria)"},
        note=note,
    )


def rate(user, world, *, rater, role, note=""):
    answers = {
        f"s{s.pk}": 1 if s.reverse_keyed else 5 for s in world["instrument"].statements.all()
    }
    attitude_rate(
        by=rater,
        volunteer=user,
        instrument=world["instrument"],
        role=role,
        answers=answers,
        note=note,
    )


def evidence(user, world, *, by, comment):
    item = evidence_submit(
        by=user, rubric=world["rubric"], upload=png_upload(), description="Foto kunjungan"
    )
    evidence_review(by=by, evidence_id=item.pk, accept=False, comment=comment)


@pytest.fixture
def everything(world, commit, trainer, volunteer, other_volunteer, office_admin):
    """`volunteer` has one of everything, Kompeten with a re-issued certificate; the other
    volunteer has their own essay, observation, evidence and attendance."""
    with commit():
        lesson_complete(by=volunteer, lesson=lessons_of(world["course"])[0])
        essay(
            volunteer,
            world,
            text="Esai relawan satu tentang kunjungan rumah.",
            marker=trainer,
            note="Catatan penilai: tambahkan contoh.",
        )
    with commit():  # verdict Belum Kompeten above; now the rest, so it turns Kompeten
        for lesson in lessons_of(world["course"])[1:]:
            lesson_complete(by=volunteer, lesson=lesson)
        observe(volunteer, world, by=trainer, note="Catatan pelatih: wawancara runtut.")
        rate(volunteer, world, rater=volunteer, role=RaterRole.SELF)
        rate(volunteer, world, rater=trainer, role=RaterRole.TRAINER, note="Sikap sangat baik.")
        score_override(
            by=trainer,
            volunteer=volunteer,
            course=world["course"],
            domain="skills",
            value=Decimal(90),
            reason="Alasan koreksi: praktik kedua.",
        )
        evidence(volunteer, world, by=trainer, comment="Komentar peninjau: foto buram.")
        attendance_record(session=world["session"], user=volunteer, status="present", by=trainer)
    first = Certificate.objects.get(holder=volunteer)
    certificate_reissue(certificate=first, by=office_admin, reason="Nama diperbaiki.")
    with commit():
        essay(
            other_volunteer,
            world,
            text="Esai milik relawan dua.",
            marker=trainer,
            note="Catatan untuk relawan dua.",
        )
        observe(other_volunteer, world, by=trainer, note="Catatan tentang relawan dua.")
        evidence(other_volunteer, world, by=trainer, comment="Komentar untuk relawan dua.")
        attendance_record(
            session=world["session"], user=other_volunteer, status="excused", by=trainer
        )
    from people.reset_services import password_reset_request

    password_reset_request(phone=volunteer.phone, ip="127.0.0.1")
    password_reset_request(phone=other_volunteer.phone, ip="198.51.100.9")
    return {"certificate": Certificate.objects.get(holder=volunteer, superseded_at=None)}


def download(client, user):
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 200
    return response


@pytest.mark.django_db
def test_download_holds_one_of_everything(client, world, everything, volunteer, trainer):
    response = download(client, volunteer)
    assert response["Content-Disposition"] == 'attachment; filename="data-saya.json"'
    cache_control = {part.strip() for part in response["Cache-Control"].split(",")}
    assert {"private", "no-store"} <= cache_control
    data = response.json()
    profile = volunteer.profile

    assert data["account"]["phone"] == volunteer.phone and data["account"]["roles"] == ["Relawan"]
    assert data["profile"]["birth_date"] == "1990-01-01"
    assert data["profile"]["consent_at"] == profile.consent_at.isoformat()
    [reset] = data["password_resets"]
    assert reset["requested_from"] == "127.0.0.1" and reset["wrong_tries"] == 0
    assert "code" not in " ".join(reset) and reset["used_at"] is None
    assert [e["course"] for e in data["enrolments"]] == ["Bimtek Data Pribadi"]
    assert len(data["lessons_completed"]) == 3

    [attempt] = data["quiz_attempts"]
    [answer] = attempt["answers"]
    assert answer["question"] == "Jelaskan pendampingan."
    assert answer["response"] == "Esai relawan satu tentang kunjungan rumah."
    assert answer["score"] == "3.00" and answer["marked_by"] == trainer.get_full_name()
    assert answer["marker_note"] == "Catatan penilai: tambahkan contoh."
    assert answer["marked_at"] is not None and attempt["percent"] == "75.00"

    [observation] = data["observations"]
    assert observation["note"] == "Catatan pelatih: wawancara runtut."
    assert observation["observer"] == trainer.get_full_name()
    assert [c["level"] for c in observation["criteria"]] == ["Sangat mampu", "Sangat mampu"]
    assert observation["criteria"][0]["note"] == "Catatan pelatih: wawancara runtut. (kriteria)"

    [item] = data["evidence"]
    assert item["name"] == "kunjungan.png" and item["description"] == "Foto kunjungan"
    assert item["status"] == "returned"
    assert item["review_comment"] == "Komentar peninjau: foto buram."
    assert "file" not in item and "url" not in item

    ratings = {r["role"]: r for r in data["attitude_ratings"]}
    assert set(ratings) == {"self", "trainer"}
    assert ratings["trainer"]["note"] == "Sikap sangat baik."
    assert ratings["trainer"]["rater"] == trainer.get_full_name()
    assert len(ratings["self"]["items"]) == 4
    assert ratings["self"]["items"][1] == {
        "statement": "Pernyataan 1",
        "aspect": "Empati",
        "reverse_keyed": False,
        "answer": 5,
    }

    override = next(r for r in data["scores"] if r["source"] == "override")
    assert override["note"] == "Alasan koreksi: praktik kedua." and override["value"] == "90.00"
    assert {r["source"] for r in data["scores"]} >= {"quiz", "observation", "attitude_self"}

    [verdict] = data["verdicts"]
    assert verdict["status"] == VerdictStatus.KOMPETEN and verdict["reasons"] == []
    assert [(c["old_status"], c["new_status"]) for c in verdict["changes"]] == [
        ("", "BK"),
        ("BK", "K"),
    ]

    [cohort] = data["cohorts"]
    assert cohort["name"] == "Angkatan Data 2026" and cohort["role"] == "member"
    assert cohort["course"] == "Bimtek Data Pribadi"
    [attendance] = data["attendance"]
    assert attendance["status"] == "present" and attendance["topic"] == "Tatap muka pembukaan"

    current = everything["certificate"]
    by_number = {c["number"]: c for c in data["certificates"]}
    assert len(by_number) == 2 and by_number[current.number]["status"] == "valid"
    assert by_number[current.number]["events"][0]["reason"] == "Nama diperbaiki."
    assert by_number[current.number]["printed"]["holder"]["village"] == "Desa Contoh"
    assert {c["status"] for c in data["certificates"]} == {"valid", "superseded"}


@pytest.mark.django_db
def test_download_holds_nothing_about_anyone_else(
    client, world, everything, volunteer, other_volunteer, trainer
):
    body = download(client, volunteer).content.decode()
    for other in [
        other_volunteer.username,
        other_volunteer.phone,
        "Esai milik relawan dua.",
        "Catatan untuk relawan dua.",
        "Catatan tentang relawan dua.",
        "Komentar untuk relawan dua.",
        "excused",
        trainer.phone,
        trainer.email,
        trainer.username,  # by display name only ("Pelatih1"), never the login
    ]:
        assert other not in body, other
    assert "+6281299990009" not in json.dumps(json.loads(body))


@pytest.mark.django_db
def test_a_trainers_download_leaves_out_what_they_recorded_about_volunteers(
    client, world, everything, volunteer, trainer
):
    data = download(client, trainer).json()
    assert data["account"]["phone"] == trainer.phone  # their own
    assert data["courses_trained"] == ["Bimtek Data Pribadi"]
    assert [(c["name"], c["role"]) for c in data["cohorts"]] == [("Angkatan Data 2026", "trainer")]
    for section in ("quiz_attempts", "observations", "evidence", "attitude_ratings", "scores"):
        assert data[section] == [], section
    assert data["attendance"] == [] and data["verdicts"] == [] and data["certificates"] == []
    body = json.dumps(data)
    for about_others in ["Esai relawan satu", "wawancara runtut", volunteer.username]:
        assert about_others not in body, about_others


@pytest.mark.django_db
def test_every_section_is_plain_json(world, everything, volunteer):
    from portal.export import volunteer_data_export

    data = volunteer_data_export(user=volunteer)
    assert json.loads(json.dumps(data)) == data  # no dates, decimals or lazy strings left


# --- queries ---------------------------------------------------------------------------------


def give(user, world, n, *, trainer):
    for i in range(n):
        essay(user, world, text=f"Esai {i}", marker=trainer, note=f"Catatan {i}")
        observe(user, world, by=trainer, note=f"Observasi {i}")
        rate(user, world, rater=user, role=RaterRole.SELF)
        rate(user, world, rater=trainer, role=RaterRole.TRAINER)
        evidence(user, world, by=trainer, comment=f"Komentar {i}")
    for lesson in lessons_of(world["course"]):
        lesson_complete(by=user, lesson=lesson)
    attendance_record(session=world["session"], user=user, status="present", by=trainer)


def reissue(user, n, *, by):
    for i in range(n - 1):
        current = Certificate.objects.get(holder=user, superseded_at=None)
        certificate_reissue(certificate=current, by=by, reason=f"Perbaikan {i}")


def count_queries(client, user) -> int:
    client.force_login(user)
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_query_count_does_not_grow_with_the_data(
    client, world, commit, trainer, volunteer, other_volunteer
):
    with commit():
        give(volunteer, world, 1, trainer=trainer)
        give(other_volunteer, world, 3, trainer=trainer)
    reissue(other_volunteer, 3, by=trainer)  # each volunteer Kompeten, with 1 or 3 certificates
    small, large = count_queries(client, volunteer), count_queries(client, other_volunteer)
    data = client.get(URL).json()
    assert len(data["quiz_attempts"]) == len(data["certificates"]) == 3
    # Session and user, then per app: people 4 (profile, roles, password resets, activation
    # codes), modules 3, cohorts 2, assessments 9 (scores, attempts + answers, ratings +
    # statements, evidence, observations, verdicts + changes), certificates 3 (certificates +
    # events, certificates not issued), notifications 5 (notifications + deliveries, channel
    # choices, quiet hours, push subscriptions; [I]: 23 -> 28).
    assert small == large == 28


@pytest.mark.django_db
def test_an_open_attempt_shows_the_response_but_no_marks(client, world, volunteer):
    """Downloading mid-quiz must not tell right from wrong (nor give the feedback)."""
    question = make_question("single", text="Pilih satu.")
    quiz = make_quiz(world["quiz"].module, [question], title="Kuis pilihan")
    attempt = attempt_start(by=volunteer, quiz=quiz)
    answer = attempt.answers.select_related("question_version").get()
    right = next(c for c in answer.question_version.data["choices"] if c["correct"])
    answer_save(
        by=volunteer,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response=right["id"],
        seq=1,
    )
    [item] = download(client, volunteer).json()["quiz_attempts"]
    [shown] = item["answers"]
    assert item["status"] == "in_progress" and shown["question"] == "Pilih satu."
    assert shown["response"] == right["id"] and shown["response_text"] == "Benar A"
    assert not {"score", "correct", "feedback", "marked_by"} & set(shown)
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    [shown] = download(client, volunteer).json()["quiz_attempts"][0]["answers"]
    assert shown["score"] == "1.00" and shown["correct"] is True
