"""Cohorts (angkatan): the office builds them in the admin (saving enrols the members), trainers
run them from the cohort dashboard and take attendance per session."""

import datetime
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import (
    AttitudeRating,
    Evidence,
    Observation,
    RaterRole,
    Verdict,
    VerdictStatus,
)
from assessments.services import answer_save, attempt_start, attempt_submit
from certificates.models import CertificateTemplate
from certificates.services import certificate_issue, certificate_revoke
from cohorts.models import Attendance, Cohort, CohortSession
from cohorts.services import (
    attendance_record,
    attendance_record_many,
    cohort_add_members,
    cohort_enrol,
)
from core.errors import DomainError
from modules.models import Enrollment, LessonCompletion, ModulePage
from modules.services import enrollment_create
from portal.cohort import cohort_dashboard, parse_sort

from .conftest import lessons_of, make_course, make_user
from .factories import make_instrument, make_question, make_quiz, make_rubric

TODAY = timezone.localdate()
PAST = TODAY - datetime.timedelta(days=3)
FUTURE = TODAY + datetime.timedelta(days=30)
ADMIN_ADD = "/admin/snippets/cohorts/cohort/add/"


def make_cohort(course, *, name="Angkatan I 2026", trainers=(), members=(), sessions=()):
    cohort = Cohort(name=name, course=course, start_date=PAST, end_date=FUTURE, place="Manna")
    cohort.sessions = [CohortSession(date=d, topic=f"Tatap muka {d:%d/%m}") for d in sessions]
    cohort.save()
    cohort.trainers.set(trainers)
    cohort.members.set(members)
    cohort.save()
    return Cohort.objects.get(pk=cohort.pk)


@pytest.fixture
def world(db, volunteer, other_volunteer, trainer):
    """A course with one module per domain, an essay quiz, a rubric and an attitude
    instrument; a cohort run by `trainer` (who is not listed on the course itself) with two
    members, one past and one future session; and another cohort with its own trainer."""
    course = make_course(modules=3, lessons=1)
    k, s, a = ModulePage.objects.child_of(course).order_by("path")
    cohort = make_cohort(
        course, trainers=[trainer], members=[volunteer, other_volunteer], sessions=[PAST, FUTURE]
    )
    cohort_enrol(cohort=cohort, by=None)
    other_trainer = make_user("pelatih2", "Pelatih")
    other_cohort = make_cohort(
        make_course(title="Kursus Lain", modules=1, lessons=1),
        name="Angkatan Lain",
        trainers=[other_trainer],
        members=[make_user("relawan9")],
        sessions=[PAST],
    )
    return {
        "course": course,
        "cohort": cohort,
        "past": cohort.sessions.get(date=PAST),
        "future": cohort.sessions.get(date=FUTURE),
        "quiz": make_quiz(k, [make_question("essay", points=4)]),
        "rubric": make_rubric(s),
        "instrument": make_instrument(a),
        "other_trainer": other_trainer,
        "other_cohort": other_cohort,
    }


def cohort_urls(world):
    cohort = world["cohort"]
    return [
        f"/pelatih/angkatan/{cohort.pk}/",
        f"/pelatih/angkatan/{cohort.pk}/sesi/{world['past'].pk}/",
    ]


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


def submit_essay(volunteer, quiz):
    attempt = attempt_start(user=volunteer, quiz=quiz)
    answer = attempt.answers.get()
    answer_save(
        user=volunteer,
        attempt_id=attempt.pk,
        question_id=answer.question_version_id,
        response="Jawaban esai saya.",
        seq=1,
    )
    attempt_submit(user=volunteer, attempt_id=attempt.pk)
    return answer


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


# --- admin ------------------------------------------------------------------------------


NEW_SESSIONS = [
    {"date": PAST.isoformat(), "place": "Aula", "topic": "Pembukaan"},
    {"date": FUTURE.isoformat(), "place": "Desa", "topic": "Praktik lapangan"},
]


def admin_form_data(course, *, members, trainers, sessions=NEW_SESSIONS, initial=0):
    data = nested_form_data(
        {
            "name": "Angkatan II 2026",
            "course": str(course.pk),
            "start_date": PAST.isoformat(),
            "end_date": FUTURE.isoformat(),
            "place": "Aula Dinas Sosial, Manna",
            "sessions": inline_formset(sessions, initial=initial),
        }
    )
    data["members"] = [str(user.pk) for user in members]
    data["trainers"] = [str(user.pk) for user in trainers]
    return data


@pytest.mark.django_db
def test_office_admin_creates_a_cohort_in_the_admin_and_members_are_enrolled(
    client, office_admin, trainer, volunteer, other_volunteer
):
    course = make_course(title="Bimtek Tertutup", self_enrol=False)
    client.force_login(office_admin)
    assert client.get(ADMIN_ADD).status_code == 200
    data = admin_form_data(course, members=[volunteer, other_volunteer], trainers=[trainer])
    response = client.post(ADMIN_ADD, data)
    assert response.status_code == 302, response.content.decode()[:3000]

    cohort = Cohort.objects.get()
    assert set(cohort.members.all()) == {volunteer, other_volunteer}
    assert list(cohort.trainers.all()) == [trainer]
    assert [s.topic for s in cohort.sessions.order_by("sort_order")] == [
        "Pembukaan",
        "Praktik lapangan",
    ]
    # Closed to self-enrolment, yet the office's cohort enrols its members.
    assert set(Enrollment.objects.filter(course=course).values_list("user_id", flat=True)) == {
        volunteer.pk,
        other_volunteer.pk,
    }
    entry = ModelLogEntry.objects.get(action="psm.cohort_enrol")
    assert entry.user == office_admin and entry.object_id == str(cohort.pk)
    assert entry.data["enrolled"] == 2 and entry.data["course_id"] == course.pk

    # Editing adds a member: only the newcomer is enrolled and audited.
    third = make_user("relawan3")
    edit = f"/admin/snippets/cohorts/cohort/edit/{cohort.pk}/"
    saved = [
        {"id": str(x.pk), "date": x.date.isoformat(), "place": x.place, "topic": x.topic}
        for x in cohort.sessions.order_by("sort_order")
    ]
    data = admin_form_data(
        course,
        members=[volunteer, other_volunteer, third],
        trainers=[trainer],
        sessions=saved,
        initial=2,
    )
    response = client.post(edit, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Enrollment.objects.filter(course=course).count() == 3
    entries = ModelLogEntry.objects.filter(action="psm.cohort_enrol").order_by("pk")
    assert [e.data["user_ids"] for e in entries] == [
        sorted([volunteer.pk, other_volunteer.pk]),
        [third.pk],
    ]
    assert CohortSession.objects.filter(cohort=cohort).count() == 2


@pytest.mark.django_db
def test_admin_form_offers_volunteers_as_members_and_trainers_as_trainers(
    client, office_admin, trainer, volunteer
):
    course = make_course()
    client.force_login(office_admin)
    form = client.get(ADMIN_ADD).context["form"]
    assert list(form.fields["members"].queryset) == [volunteer]
    assert list(form.fields["trainers"].queryset) == [trainer]
    # A trainer posted as a member is refused, and nothing is saved.
    response = client.post(
        ADMIN_ADD, admin_form_data(course, members=[trainer], trainers=[volunteer])
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"members", "trainers"}
    assert not Cohort.objects.exists()
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_admin_list_shows_courses_dates_and_member_counts_and_filters_by_course(
    client, office_admin, world
):
    client.force_login(office_admin)
    page = client.get("/admin/snippets/cohorts/cohort/")
    assert page.status_code == 200
    rows = {c.name: c.member_count for c in page.context["object_list"]}
    assert rows == {"Angkatan I 2026": 2, "Angkatan Lain": 1}
    html = page.content.decode()
    assert "Kursus Lain" in html and "Bimtek Uji" in html
    filtered = client.get(f"/admin/snippets/cohorts/cohort/?course={world['course'].pk}")
    assert [c.name for c in filtered.context["object_list"]] == ["Angkatan I 2026"]
    by_size = client.get("/admin/snippets/cohorts/cohort/?ordering=member_count")
    assert [c.member_count for c in by_size.context["object_list"]] == [1, 2]
    found = client.get("/admin/snippets/cohorts/cohort/results/?q=Lain")
    assert [c.name for c in found.context["object_list"]] == ["Angkatan Lain"]
    edit = client.get(f"/admin/snippets/cohorts/cohort/edit/{world['cohort'].pk}/")
    assert edit.status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", [ADMIN_ADD, "/admin/snippets/cohorts/cohort/"])
def test_trainers_do_not_manage_cohorts_in_the_admin(client, trainer, url):
    client.force_login(trainer)
    assert client.get(url).status_code in (302, 403)


# --- services -----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("size", [3, 15])
def test_cohort_enrol_uses_the_same_queries_for_3_or_15_members(
    django_assert_num_queries, office_admin, size
):
    course = make_course(modules=1, lessons=1)
    people = [make_user(f"anggota{i}") for i in range(size)]
    enrollment_create(user=people[0], course=course)  # one already enrolled
    cohort = make_cohort(course, members=people)
    # savepoint, members, already enrolled, one insert, the audit entry (Wagtail's log checks
    # its two foreign keys, then inserts), release
    with django_assert_num_queries(8):
        assert cohort_enrol(cohort=cohort, by=office_admin) == size - 1
    assert Enrollment.objects.filter(course=course).count() == size
    with django_assert_num_queries(4):  # nothing new: no insert, no audit entry
        assert cohort_enrol(cohort=cohort, by=office_admin) == 0
    assert ModelLogEntry.objects.filter(action="psm.cohort_enrol").count() == 1


@pytest.mark.django_db
def test_cohort_add_members_adds_and_enrols(office_admin, world, volunteer):
    cohort = world["cohort"]
    newcomers = [make_user("relawan3"), make_user("relawan4")]
    assert cohort_add_members(cohort=cohort, users=[*newcomers, volunteer], by=office_admin) == 2
    assert cohort.members.count() == 4
    assert Enrollment.objects.filter(course=world["course"], user__in=newcomers).count() == 2


@pytest.mark.django_db
def test_attendance_is_an_upsert_for_members_of_held_sessions(
    world, trainer, volunteer, office_admin
):
    past = world["past"]
    first = attendance_record(session=past, user=volunteer, status="absent", by=trainer)
    again = attendance_record(session=past, user=volunteer, status="present", by=office_admin)
    assert first.pk == again.pk
    assert again.status == "present" and again.recorded_by == office_admin
    assert Attendance.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("who", "session", "status", "code"),
    [
        ("outsider", "past", "present", "not_a_member"),
        ("volunteer", "future", "present", "session_not_held"),
        ("volunteer", "past", "late", "invalid_status"),
        ("other_member", "past", "present", "not_a_member"),  # member of another cohort
    ],
)
def test_attendance_refusals(world, trainer, volunteer, who, session, status, code):
    people = {
        "volunteer": volunteer,
        "outsider": make_user("orang_luar"),
        "other_member": world["other_cohort"].members.get(),
    }
    with pytest.raises(DomainError) as error:
        attendance_record(session=world[session], user=people[who], status=status, by=trainer)
    assert error.value.code == code
    assert not Attendance.objects.exists()


@pytest.mark.django_db
def test_attendance_for_several_members_is_refused_as_a_whole(world, trainer, volunteer):
    outsider = make_user("orang_luar")
    with pytest.raises(DomainError):
        attendance_record_many(
            session=world["past"],
            statuses={volunteer.pk: "present", outsider.pk: "present"},
            by=trainer,
        )
    assert not Attendance.objects.exists()


# --- trainer pages: access ------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["other_cohort_trainer", "course_trainer_not_in_cohort"])
def test_trainer_of_another_cohort_gets_404_on_every_cohort_page(client, world, volunteer, who):
    outsider = world["other_trainer"]
    if who == "course_trainer_not_in_cohort":
        outsider = make_user("pelatih3", "Pelatih")
        world["course"].trainers.add(outsider)
        world["course"].save()
    client.force_login(outsider)
    for url in cohort_urls(world):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {f"status_{volunteer.pk}": "present"}).status_code == 404, url
    assert not Attendance.objects.exists()
    listing = client.get("/pelatih/angkatan/")
    assert "Angkatan I 2026" not in {c.name for c in listing.context["cohorts"]}


@pytest.mark.django_db
def test_session_of_another_cohort_answers_404(client, world, trainer):
    client.force_login(trainer)
    other_session = world["other_cohort"].sessions.get()
    url = f"/pelatih/angkatan/{world['cohort'].pk}/sesi/{other_session.pk}/"
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("index", [0, 1, 2])
def test_volunteers_are_refused_and_visitors_sent_to_log_in(client, world, volunteer, index):
    url = ["/pelatih/angkatan/", *cohort_urls(world)][index]
    assert client.get(url).status_code == 302
    assert client.get(url)["Location"].startswith("/accounts/login/")
    client.force_login(volunteer)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_cohort_list_shows_own_cohorts_and_office_admins_see_all(
    client, world, trainer, office_admin
):
    client.force_login(trainer)
    page = client.get("/pelatih/angkatan/")
    assert [(c.name, c.member_count) for c in page.context["cohorts"]] == [("Angkatan I 2026", 2)]
    assert f'href="/pelatih/angkatan/{world["cohort"].pk}/"' in page.content.decode()
    assert 'href="/pelatih/angkatan/"' in client.get("/pelatih/").content.decode()
    client.force_login(office_admin)
    names = {c.name for c in client.get("/pelatih/angkatan/").context["cohorts"]}
    assert names == {"Angkatan I 2026", "Angkatan Lain"}
    assert client.get(cohort_urls(world)[0]).status_code == 200


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
