"""Cohorts (angkatan): the office builds them in the admin (saving enrols the members), trainers
run them from the cohort dashboard and take attendance per session."""

import pytest
from wagtail.models import ModelLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cohorts.models import Attendance, Cohort, CohortSession
from cohorts.services import (
    attendance_record,
    attendance_record_many,
    cohort_add_members,
    cohort_enrol,
)
from core.errors import DomainError
from demo.factories import make_course, make_user
from modules.models import Enrollment
from modules.services import enrollment_create

from .cohort_helpers import FUTURE, PAST, cohort_urls, cohort_world, make_cohort

ADMIN_ADD = "/admin/snippets/cohorts/cohort/add/"


@pytest.fixture
def world(db, volunteer, other_volunteer, trainer):
    return cohort_world(volunteer, other_volunteer, trainer)


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


@pytest.mark.django_db
def test_all_present_marks_the_whole_room_in_one_go(
    client, world, trainer, volunteer, other_volunteer
):
    """[H] 14: one tick for everyone, the exceptions marked beside it."""
    client.force_login(trainer)
    url = f"/pelatih/angkatan/{world['cohort'].pk}/sesi/{world['past'].pk}/"
    page = client.get(url).content.decode()
    assert 'name="all_present"' in page and "Semua yang tidak ditandai lain di bawah hadir" in page
    response = client.post(url, {"all_present": "on"})
    assert response.status_code == 302
    statuses = dict(Attendance.objects.values_list("user__username", "status"))
    assert statuses == {"relawan1": "present", "relawan2": "present"}
    client.post(url, {"all_present": "on", f"status_{other_volunteer.pk}": "excused"})
    statuses = dict(Attendance.objects.values_list("user__username", "status"))
    assert statuses == {"relawan1": "present", "relawan2": "excused"}
