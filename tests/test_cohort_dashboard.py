"""The cohort dashboard (numbers per member, sorting, a fixed number of queries) and the
attendance page trainers take per session."""

import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from assessments.models import (
    AttitudeRating,
    Evidence,
    Observation,
    RaterRole,
    Verdict,
    VerdictStatus,
)
from certificates.models import CertificateTemplate
from certificates.services import certificate_issue, certificate_revoke
from cohorts.models import Attendance
from cohorts.services import attendance_record, attendance_record_many, cohort_add_members
from demo.factories import lessons_of, make_user, submit_essay
from modules.models import LessonCompletion
from modules.services import enrollment_create
from portal.cohort import cohort_dashboard, parse_sort

from .cohort_helpers import cohort_urls, cohort_world


@pytest.fixture
def world(db, volunteer, other_volunteer, trainer):
    return cohort_world(volunteer, other_volunteer, trainer)


def give_kompeten_and_certificate(volunteer, course):
    CertificateTemplate.objects.create(
        name="Standar", is_default=True, signatory_name="Drs. Contoh Kepala"
    )
    Verdict.objects.create(
        volunteer=volunteer,
        course=course,
        status=VerdictStatus.KOMPETEN,
        knowledge=Decimal("90"),
        skills=Decimal("80"),
        attitude=Decimal("85.5"),
        final_score=Decimal("84.65"),
        predicate="Baik",
        computed_at=timezone.now(),
    )
    return certificate_issue(holder=volunteer, course=course)


def complete_assessments(volunteer, world, trainer):
    """Observation and trainer rating given, so nothing waits for the trainer."""
    Observation.objects.create(
        rubric_version=world["rubric"].current_version,
        volunteer=volunteer,
        observer=trainer,
        levels={},
        percent=Decimal("80"),
    )
    AttitudeRating.objects.create(
        instrument=world["instrument"],
        volunteer=volunteer,
        rater=trainer,
        role=RaterRole.TRAINER,
        answers={},
        percent=Decimal("85"),
    )


# --- dashboard ------------------------------------------------------------------------------


@pytest.fixture
def graded(world, volunteer, other_volunteer, trainer):
    """`volunteer`: a lesson done, present at the past session, observed and rated, Kompeten
    with a certificate. `other_volunteer`: an essay and evidence waiting, nothing else."""
    course = world["course"]
    LessonCompletion.objects.create(user=volunteer, lesson=lessons_of(course)[0])
    attendance_record(session=world["past"], user=volunteer, status="present", by=trainer)
    attendance_record(session=world["past"], user=other_volunteer, status="excused", by=trainer)
    complete_assessments(volunteer, world, trainer)
    certificate = give_kompeten_and_certificate(volunteer, course)
    answer = submit_essay(other_volunteer, world["quiz"])
    evidence = Evidence.objects.create(
        rubric=world["rubric"],
        volunteer=other_volunteer,
        file=SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 bukti"),
        content_type="application/pdf",
        size=14,
        original_name="bukti.pdf",
    )
    return {"certificate": certificate, "answer": answer, "evidence": evidence}


@pytest.mark.django_db
def test_dashboard_numbers_per_member(client, world, graded, trainer, volunteer, other_volunteer):
    client.force_login(trainer)
    response = client.get(f"/pelatih/angkatan/{world['cohort'].pk}/")
    assert response.status_code == 200
    rows = {row.user: row for row in response.context["rows"]}

    done = rows[volunteer]
    assert (done.lessons_done, done.lessons_total, done.progress_percent) == (1, 3, 33)
    assert (done.knowledge, done.skills, done.attitude) == (
        Decimal(90),
        Decimal(80),
        Decimal("85.5"),
    )
    assert done.kompeten and done.certificate_status == "valid"
    assert (done.present, done.excused, done.held) == (1, 0, 1)
    assert done.actions == []

    waiting = rows[other_volunteer]
    assert (waiting.lessons_done, waiting.lessons_total) == (0, 3)
    assert waiting.verdict is None and waiting.knowledge is None
    assert waiting.certificate is None and waiting.certificate_status == ""
    assert (waiting.present, waiting.excused, waiting.held) == (0, 1, 1)
    rubric, instrument = world["rubric"], world["instrument"]
    assert [a.url for a in waiting.actions] == [
        f"/pelatih/esai/{graded['answer'].pk}/",
        f"/pelatih/bukti/{graded['evidence'].pk}/",
        f"/pelatih/observasi/{rubric.pk}/{other_volunteer.pk}/",
        f"/pelatih/sikap/{instrument.pk}/{other_volunteer.pk}/",
    ]

    html = response.content.decode()
    assert "Kompeten" in html and "85,5" in html  # Indonesian decimal comma
    assert f'href="/pelatih/angkatan/{world["cohort"].pk}/sesi/{world["past"].pk}/"' in html
    assert f"/sesi/{world['future'].pk}/" not in html  # not held yet: no attendance link
    # The cohort's trainer is not listed on the course, yet the linked pages open for them.
    for action in waiting.actions:
        assert client.get(action.url).status_code == 200, action.url


@pytest.mark.django_db
def test_revoked_certificate_shows_as_revoked(client, world, graded, office_admin, volunteer):
    certificate_revoke(certificate=graded["certificate"], by=office_admin, reason="Data keliru")
    rows = {r.user: r for r in cohort_dashboard(cohort=world["cohort"])["rows"]}
    assert rows[volunteer].certificate_status == "revoked"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("sort", "first"),
    [
        ("progress", "other"),
        ("-progress", "volunteer"),
        ("knowledge", "volunteer"),  # no score sorts last both ways
        ("-knowledge", "volunteer"),
        ("verdict", "volunteer"),
        ("-actions", "other"),
        ("actions", "volunteer"),
        ("-attendance", "volunteer"),
        ("-name", "other"),
        ("password", "volunteer"),  # not a column: by name
        ("__class__", "volunteer"),
    ],
)
def test_dashboard_sorts_by_whitelisted_columns(
    client, world, graded, trainer, volunteer, other_volunteer, sort, first
):
    client.force_login(trainer)
    response = client.get(f"/pelatih/angkatan/{world['cohort'].pk}/", {"sort": sort})
    people = {"volunteer": volunteer, "other": other_volunteer}
    assert response.context["rows"][0].user == people[first]
    column, descending = parse_sort(sort)
    assert response.context["sort"] == column
    header = next(h for h in response.context["headers"] if h["key"] == column)
    assert header["aria_sort"] == ("descending" if descending else "ascending")
    assert header["next"] == (column if descending else f"-{column}")


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 15])
def test_dashboard_queries_do_not_grow_with_members(
    client, django_assert_num_queries, world, trainer, size
):
    course, cohort = world["course"], world["cohort"]
    lesson = lessons_of(course)[0]
    people = [make_user(f"anggota{i}") for i in range(size)]
    cohort_add_members(cohort=cohort, users=people, by=None)
    for person in people:
        LessonCompletion.objects.create(user=person, lesson=lesson)
        Verdict.objects.create(
            volunteer=person,
            course=course,
            status=VerdictStatus.BELUM_KOMPETEN,
            knowledge=Decimal(50),
            computed_at=timezone.now(),
        )
        submit_essay(person, world["quiz"])
    attendance_record_many(
        session=world["past"], statuses={p.pk: "present" for p in people}, by=trainer
    )
    client.force_login(trainer)
    url = f"/pelatih/angkatan/{cohort.pk}/"
    client.get(url)  # warm per-process caches (content types, site)
    with django_assert_num_queries(21):
        response = client.get(url, {"sort": "-progress"})
    assert len(response.context["rows"]) == size + 2
    with django_assert_num_queries(6):
        client.get("/pelatih/angkatan/")


# --- attendance page --------------------------------------------------------------------------


@pytest.mark.django_db
def test_trainer_takes_attendance_with_one_radio_per_member(
    client, world, trainer, volunteer, other_volunteer
):
    client.force_login(trainer)
    url = cohort_urls(world)[1]
    attendance_record(session=world["past"], user=other_volunteer, status="absent", by=trainer)
    page = client.get(url)
    html = page.content.decode()
    for person in (volunteer, other_volunteer):
        assert html.count(f'name="status_{person.pk}"') == 3
    assert page.context["form"][f"status_{other_volunteer.pk}"].value() == "absent"
    assert re.search(rf'name="status_{other_volunteer.pk}" value="absent"[^>]*checked', html)
    response = client.post(
        url, {f"status_{volunteer.pk}": "present", f"status_{other_volunteer.pk}": "excused"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"/pelatih/angkatan/{world['cohort'].pk}/"
    marks = dict(Attendance.objects.values_list("user_id", "status"))
    assert marks == {volunteer.pk: "present", other_volunteer.pk: "excused"}
    assert set(Attendance.objects.values_list("recorded_by", flat=True)) == {trainer.pk}


@pytest.mark.django_db
def test_attendance_page_rejects_bad_values_future_sessions_and_missing_csrf(
    client, world, trainer, volunteer
):
    client.force_login(trainer)
    url = cohort_urls(world)[1]
    response = client.post(url, {f"status_{volunteer.pk}": "late"})
    assert response.status_code == 200 and response.context["form"].errors
    future = f"/pelatih/angkatan/{world['cohort'].pk}/sesi/{world['future'].pk}/"
    page = client.get(future)
    assert page.status_code == 200 and 'name="status_' not in page.content.decode()
    response = client.post(future, {f"status_{volunteer.pk}": "present"})
    assert response.status_code == 200 and response.context["form"].non_field_errors()
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(trainer)
    assert strict.post(url, {f"status_{volunteer.pk}": "present"}).status_code == 403
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_a_cohort_trainer_acts_on_own_members_only(client, world, trainer):
    """Enrolled in the same course but not in the cohort: the cohort's trainer gets 404."""
    outsider = make_user("relawan-luar")
    enrollment_create(user=outsider, course=world["course"])
    client.force_login(trainer)
    rubric, instrument = world["rubric"], world["instrument"]
    assert client.get(f"/pelatih/observasi/{rubric.pk}/{outsider.pk}/").status_code == 404
    assert client.get(f"/pelatih/sikap/{instrument.pk}/{outsider.pk}/").status_code == 404
    member = world["cohort"].members.first()
    assert client.get(f"/pelatih/observasi/{rubric.pk}/{member.pk}/").status_code == 200
