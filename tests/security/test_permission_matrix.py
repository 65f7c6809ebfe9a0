"""Part 6: every site URL and API route, for every kind of visitor.

The expected table is explicit: 302 = sent to log in, 403 = not for this role, 404 = an object
of someone else (its existence is not even confirmed). A new URL that is not in the table fails
`test_every_route_is_in_the_matrix`. No cell may be a 500, and no 200 may show another person's
data (the 200 cells are checked for the owner's private markers)."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction

from assessments.models import Evidence, Verdict, VerdictStatus
from certificates.models import BulkJob, CertificateTemplate
from certificates.services import certificate_issue
from cohorts.models import Cohort, CohortSession
from demo.factories import (
    lessons_of,
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
    make_user,
    submit_essay,
)
from lms.api import api
from modules.models import ModulePage
from modules.services import enrollment_create
from notifications.models import Notification

ROLES = ("anon", "owner", "other", "trainer_elsewhere", "trainer", "office")
OWNER_SECRET = "Jawaban esai rahasia milik relawan satu."


def make_cohort(course, *, name, trainers, members):
    today = timezone.localdate()
    cohort = Cohort(
        name=name,
        course=course,
        start_date=today - datetime.timedelta(days=5),
        end_date=today + datetime.timedelta(days=30),
        place="Manna",
    )
    cohort.sessions = [CohortSession(date=today - datetime.timedelta(days=2), topic="Tatap muka")]
    cohort.save()
    cohort.trainers.set(trainers)
    cohort.members.set(members)
    cohort.save()
    return Cohort.objects.get(pk=cohort.pk)


@pytest.fixture
def world(db, volunteer, other_volunteer, trainer, office_admin):
    """Course A (trainer `pelatih1`, cohort A) where `relawan1` (owner) and `relawan2` (other)
    study; course B with its own trainer `pelatih2` (trainer elsewhere) and cohort B. The owner
    has a submitted essay attempt, evidence and a certificate."""
    course = make_course(title="Kursus A", modules=3, lessons=1)
    k, s, a = ModulePage.objects.child_of(course).order_by("path")
    course.trainers.add(trainer)
    course.save()
    other_course = make_course(title="Kursus B", modules=1, lessons=1)
    elsewhere = make_user("pelatih2", "Pelatih")
    other_course.trainers.add(elsewhere)
    other_course.save()
    for person in (volunteer, other_volunteer):
        enrollment_create(user=person, course=course)
    cohort = make_cohort(
        course, name="Angkatan A", trainers=[trainer], members=[volunteer, other_volunteer]
    )
    other_cohort = make_cohort(
        other_course, name="Angkatan B", trainers=[elsewhere], members=[make_user("relawan9")]
    )
    quiz = make_quiz(k, [make_question("essay", points=4)])
    answer = submit_essay(volunteer, quiz, OWNER_SECRET)
    attempt = answer.attempt
    rubric = make_rubric(s)
    evidence = Evidence.objects.create(
        rubric=rubric,
        volunteer=volunteer,
        file=SimpleUploadedFile("bukti.pdf", b"%PDF-1.4 bukti"),
        content_type="application/pdf",
        size=14,
        original_name="bukti-relawan1.pdf",
    )
    template = CertificateTemplate.objects.create(
        name="Standar", is_default=True, signatory_name="Drs. Contoh"
    )
    Verdict.objects.create(
        volunteer=volunteer,
        course=course,
        status=VerdictStatus.KOMPETEN,
        final_score=Decimal("88"),
        predicate="Baik",
        computed_at=timezone.now(),
    )
    certificate = certificate_issue(holder=volunteer, course=course)
    job = BulkJob.objects.create(
        kind=BulkJob.Kind.ZIP, course=course, requested_by=office_admin, status="done"
    )
    job.file.save("sertifikat-kursus-a.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18))
    private = Collection.get_first_root_node().add_child(name="Khusus pengguna")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Panduan", file=SimpleUploadedFile("panduan.txt", b"panduan"), collection=private
    )
    from django.core import signing

    from certificates.views import FILE_LINK_SALT
    from people.models import PasswordResetCode
    from people.reset_services import password_reset_request

    password_reset_request(phone=volunteer.phone)

    return {
        "users": {
            "owner": volunteer,
            "other": other_volunteer,
            "trainer_elsewhere": elsewhere,
            "trainer": trainer,
            "office": office_admin,
        },
        "course": course,
        "lesson": lessons_of(course)[0],
        "quiz": quiz,
        "attempt": attempt,
        "answer": answer,
        "rubric": rubric,
        "instrument": make_instrument(a),
        "evidence": evidence,
        "certificate": certificate,
        "template": template,
        "job": job,
        "cohort": cohort,
        "session": cohort.sessions.get(),
        "other_cohort": other_cohort,
        "document": document,
        "reset": PasswordResetCode.objects.get(user=volunteer),
        "notification": Notification.objects.filter(recipient=volunteer).first(),
        "token": signing.dumps(
            {"path": certificate.pdf.name, "filename": certificate.filename}, salt=FILE_LINK_SALT
        ),
    }


ROUTES = {
    # --- public or account pages -------------------------------------------------------
    "wagtail_serve:home": ("GET", lambda w: "/"),
    "wagtail_serve:course": ("GET", lambda w: w["course"].url),
    "wagtail_serve:lesson": ("GET", lambda w: w["lesson"].url),
    "login": ("GET", lambda w: "/accounts/login/"),
    "register": ("GET", lambda w: "/accounts/register/"),
    "account_activate": ("GET", lambda w: "/accounts/aktivasi/"),
    "account_activate_code": ("GET", lambda w: "/accounts/aktivasi/K7M4-9QXR/"),
    "logout": ("POST", lambda w: "/accounts/logout/"),
    "password_change": ("GET", lambda w: "/accounts/password_change/"),
    "password_change_done": ("GET", lambda w: "/accounts/password_change/done/"),
    "password_reset": ("GET", lambda w: "/accounts/password_reset/"),
    "password_reset_done": ("GET", lambda w: "/accounts/password_reset/done/"),
    "password_reset_confirm": ("GET", lambda w: "/accounts/reset/MQ/bad-token/"),
    "password_reset_complete": ("GET", lambda w: "/accounts/reset/done/"),
    "password_reset_phone": ("GET", lambda w: "/accounts/lupa-sandi/"),
    "password_reset_phone_code": ("GET", lambda w: "/accounts/lupa-sandi/kode/"),
    "set_language": ("POST", lambda w: "/i18n/setlang/"),
    "search": ("GET", lambda w: "/search/?q=pelajaran"),
    "healthz": ("GET", lambda w: "/healthz"),
    "verify_form": ("GET", lambda w: "/verify/"),
    "verify_certificate": ("GET", lambda w: f"/verify/{w['certificate'].code}/"),
    "wagtailcore_login": ("GET", lambda w: "/_util/login/"),
    # --- the volunteer's own pages -------------------------------------------------------
    "dashboard": ("GET", lambda w: "/dashboard/"),
    "my_data": ("GET", lambda w: "/dashboard/data-saya.json"),
    "competency_profile": ("GET", lambda w: "/kompetensi/"),
    "course_enrol": ("POST", lambda w: f"/belajar/kursus/{w['course'].pk}/daftar/"),
    "lesson_mark_done": ("POST", lambda w: f"/belajar/pelajaran/{w['lesson'].pk}/selesai/"),
    "quiz_detail": ("GET", lambda w: f"/kuis/{w['quiz'].pk}/"),
    "quiz_start": ("POST", lambda w: f"/kuis/{w['quiz'].pk}/mulai/"),
    "attempt_page": ("GET", lambda w: f"/kuis/percobaan/{w['attempt'].pk}/"),
    "attempt_confirm": ("GET", lambda w: f"/kuis/percobaan/{w['attempt'].pk}/kirim/"),
    "attempt_result": ("GET", lambda w: f"/kuis/percobaan/{w['attempt'].pk}/hasil/"),
    "attitude_self": ("GET", lambda w: f"/sikap/{w['instrument'].pk}/"),
    "evidence_upload": ("GET", lambda w: f"/bukti/{w['rubric'].pk}/"),
    "evidence_file": ("GET", lambda w: f"/bukti/berkas/{w['evidence'].pk}/"),
    "evidence_withdraw": ("POST", lambda w: f"/bukti/berkas/{w['evidence'].pk}/tarik/"),
    "certificate_download": ("GET", lambda w: f"/sertifikat/{w['certificate'].pk}/unduh/"),
    "certificate_file": ("GET", lambda w: f"/sertifikat/berkas/{w['token']}/"),
    "wagtaildocs_serve": ("GET", lambda w: w["document"].url),
    "notification_list": ("GET", lambda w: "/notifikasi/"),
    "notification_mark_read": ("POST", lambda w: f"/notifikasi/{w['notification'].pk}/baca/"),
    "notification_read_all": ("POST", lambda w: "/notifikasi/baca-semua/"),
    "notification_settings": ("GET", lambda w: "/notifikasi/pengaturan/"),
    "service_worker": ("GET", lambda w: "/sw.js"),
    "web_manifest": ("GET", lambda w: "/manifest.webmanifest"),
    "offline_page": ("GET", lambda w: "/luring/"),
    # --- trainers ------------------------------------------------------------------------
    "trainer_queue": ("GET", lambda w: "/pelatih/"),
    "trainer_item_analysis": ("GET", lambda w: f"/pelatih/kuis/{w['quiz'].pk}/analisis/"),
    "trainer_item_analysis_csv": ("GET", lambda w: f"/pelatih/kuis/{w['quiz'].pk}/analisis.csv"),
    "trainer_mark_essay": ("GET", lambda w: f"/pelatih/esai/{w['answer'].pk}/"),
    "trainer_review_evidence": ("GET", lambda w: f"/pelatih/bukti/{w['evidence'].pk}/"),
    "trainer_observe": (
        "GET",
        lambda w: f"/pelatih/observasi/{w['rubric'].pk}/{w['users']['owner'].pk}/",
    ),
    "trainer_rate_attitude": (
        "GET",
        lambda w: f"/pelatih/sikap/{w['instrument'].pk}/{w['users']['owner'].pk}/",
    ),
    "trainer_volunteer_competency": (
        "GET",
        lambda w: f"/pelatih/kompetensi/{w['course'].pk}/{w['users']['owner'].pk}/",
    ),
    "cohort_list": ("GET", lambda w: "/pelatih/angkatan/"),
    "cohort_detail": ("GET", lambda w: f"/pelatih/angkatan/{w['cohort'].pk}/"),
    "cohort_session_attendance": (
        "GET",
        lambda w: f"/pelatih/angkatan/{w['cohort'].pk}/sesi/{w['session'].pk}/",
    ),
    # --- office --------------------------------------------------------------------------
    "certificate_manage": ("GET", lambda w: "/sertifikat/kelola/"),
    "certificate_template_preview": (
        "GET",
        lambda w: f"/sertifikat/templat/{w['template'].pk}/pratinjau/",
    ),
    "certificate_admin": ("GET", lambda w: f"/sertifikat/{w['certificate'].pk}/kelola/"),
    "certificate_revoke": ("GET", lambda w: f"/sertifikat/{w['certificate'].pk}/cabut/"),
    # The same URL posted without a reason: the office sees the form again (400), revoked nothing.
    "certificate_revoke:post": ("POST", lambda w: f"/sertifikat/{w['certificate'].pk}/cabut/"),
    "certificate_reissue": (
        "POST",
        lambda w: f"/sertifikat/{w['certificate'].pk}/terbitkan-ulang/",
    ),
    "certificate_bulk_job": ("GET", lambda w: f"/sertifikat/tugas/{w['job'].pk}/"),
    "certificate_bulk_file": ("GET", lambda w: f"/sertifikat/tugas/{w['job'].pk}/berkas/"),
    # --- API -------------------------------------------------------------------------------
    "api:openapi-json": ("GET", lambda w: "/api/v1/openapi.json"),
    "api:me": ("GET", lambda w: "/api/v1/me"),
    "api:start_attempt": ("POST", lambda w: f"/api/v1/quizzes/{w['quiz'].pk}/attempts"),
    "api:get_attempt": ("GET", lambda w: f"/api/v1/attempts/{w['attempt'].pk}"),
    "api:save_answer": (
        "PUT",
        lambda w: f"/api/v1/attempts/{w['attempt'].pk}/answers/{w['answer'].question_version_id}",
    ),
    "api:submit_attempt": ("POST", lambda w: f"/api/v1/attempts/{w['attempt'].pk}/submit"),
    "api:verify": ("GET", lambda w: f"/api/v1/certificates/{w['certificate'].code}/verify"),
    "api:api-root": ("GET", lambda w: "/api/v1/"),
    "api:unread": ("GET", lambda w: "/api/v1/notifications/unread"),
    "api:push_key": ("GET", lambda w: "/api/v1/push/key"),
    "api:subscribe": ("POST", lambda w: "/api/v1/push/subscriptions"),
    "api:unsubscribe": ("DELETE", lambda w: "/api/v1/push/subscriptions"),
    "api:offline_courses": ("GET", lambda w: "/api/v1/offline/courses"),
    "api:offline_course_pack": ("GET", lambda w: f"/api/v1/offline/courses/{w['course'].pk}/pack"),
    "api:offline_prepare_quiz": (
        "POST",
        lambda w: f"/api/v1/offline/quizzes/{w['quiz'].pk}/prepare",
    ),
    "api:offline_sync": ("POST", lambda w: "/api/v1/offline/sync"),
    # --- the Wagtail admin (Wagtail's own permissions; a sample of the office's screens) ----
    "admin:wagtailadmin_home": ("GET", lambda w: "/admin/"),
    "admin:users": ("GET", lambda w: "/admin/users/"),
    "admin:volunteer_register": ("GET", lambda w: "/admin/snippets/lms/volunteerprofile/"),
    "admin:page_edit": ("GET", lambda w: f"/admin/pages/{w['lesson'].pk}/edit/"),
    "admin:password_reset_desk": ("GET", lambda w: "/admin/atur-ulang-sandi/"),
    "admin:password_reset_hand_over": (
        "POST",
        lambda w: f"/admin/atur-ulang-sandi/{w['reset'].pk}/diserahkan/",
    ),
    "admin:message_outbox": ("GET", lambda w: "/admin/kotak-keluar/"),
    "admin:announcement_send": ("GET", lambda w: "/admin/pengumuman/"),
    "admin:activation_office_issue": ("POST", lambda w: "/admin/aktivasi/kode/"),
    "admin:activation_first_password": (
        "GET",
        lambda w: f"/admin/aktivasi/sandi-pertama/{w['users']['owner'].pk}/",
    ),
    "admin:activation_slips_bulk": (
        "GET",
        lambda w: f"/admin/bulk/lms/user/activation_slips/?id={w['users']['owner'].pk}",
    ),
}


LOGIN = "login"  # 302 to a login page
PUBLIC = (200, 200, 200, 200, 200, 200)
SIGNED_IN = (LOGIN, 200, 200, 200, 200, 200)
TRAINER_OF_COURSE = (LOGIN, 403, 403, 404, 200, 200)
OFFICE_ONLY = (LOGIN, 404, 404, 404, 404, 200)
OWNER_ONLY_API = (401, 200, 404, 404, 404, 404)

# Expected status per role, in the order of ROLES:
#            anon    owner other elsewhere trainer office
EXPECTED = {
    "wagtail_serve:home": PUBLIC,
    "wagtail_serve:course": PUBLIC,
    "wagtail_serve:lesson": SIGNED_IN,  # trainers read lessons; both volunteers are enrolled
    "login": (200, 302, 302, 302, 302, 302),
    "register": (200, 302, 302, 302, 302, 302),
    "account_activate": (200, 302, 302, 302, 302, 302),  # signed in: to the dashboard
    "account_activate_code": (200, 302, 302, 302, 302, 302),
    "logout": (302, 302, 302, 302, 302, 302),
    "password_change": SIGNED_IN,
    "password_change_done": SIGNED_IN,
    "password_reset": PUBLIC,
    "password_reset_done": PUBLIC,
    "password_reset_confirm": PUBLIC,  # a bad token: "this link is no longer valid"
    "password_reset_complete": PUBLIC,
    "password_reset_phone": PUBLIC,
    "password_reset_phone_code": (302, 302, 302, 302, 302, 302),  # no phone asked: to the start
    "set_language": (302, 302, 302, 302, 302, 302),
    "search": PUBLIC,
    "healthz": PUBLIC,
    "verify_form": PUBLIC,
    "verify_certificate": PUBLIC,  # public by design: only what is printed on the certificate
    "wagtailcore_login": PUBLIC,
    "dashboard": SIGNED_IN,  # everyone sees only their own
    "my_data": SIGNED_IN,  # everyone downloads only their own
    "competency_profile": SIGNED_IN,
    "course_enrol": (LOGIN, 302, 302, 302, 302, 302),
    "lesson_mark_done": (LOGIN, 302, 302, 302, 302, 302),
    "quiz_detail": (LOGIN, 200, 200, 404, 404, 404),  # for the course's volunteers
    "quiz_start": (LOGIN, 302, 302, 404, 404, 404),
    "attempt_page": (LOGIN, 302, 404, 404, 404, 404),  # owner: submitted, sent to the result
    "attempt_confirm": (LOGIN, 302, 404, 404, 404, 404),  # owner: submitted, to the result
    "attempt_result": (LOGIN, 200, 404, 404, 404, 404),
    "attitude_self": (LOGIN, 200, 200, 404, 404, 404),
    "evidence_upload": (LOGIN, 200, 200, 404, 404, 404),
    "evidence_file": (LOGIN, 200, 404, 404, 200, 200),
    "evidence_withdraw": (LOGIN, 302, 404, 404, 404, 404),  # the owner's own, unreviewed
    "certificate_download": (LOGIN, 302, 404, 404, 302, 302),
    "certificate_file": PUBLIC,  # the 5-minute signed link is the permission (bearer link)
    "wagtaildocs_serve": SIGNED_IN,  # collection restricted to logged-in users
    "notification_list": SIGNED_IN,  # everyone sees only their own
    "notification_mark_read": (LOGIN, 302, 404, 404, 404, 404),  # the owner's notification
    "notification_read_all": (LOGIN, 302, 302, 302, 302, 302),  # one's own only
    "notification_settings": SIGNED_IN,
    "service_worker": PUBLIC,
    "web_manifest": PUBLIC,
    "offline_page": PUBLIC,
    "trainer_queue": (LOGIN, 403, 403, 200, 200, 200),
    "trainer_item_analysis": TRAINER_OF_COURSE,
    "trainer_item_analysis_csv": TRAINER_OF_COURSE,
    "trainer_mark_essay": TRAINER_OF_COURSE,
    "trainer_review_evidence": TRAINER_OF_COURSE,
    "trainer_observe": TRAINER_OF_COURSE,
    "trainer_rate_attitude": TRAINER_OF_COURSE,
    "trainer_volunteer_competency": TRAINER_OF_COURSE,
    "cohort_list": (LOGIN, 403, 403, 200, 200, 200),  # each trainer sees own cohorts
    "cohort_detail": TRAINER_OF_COURSE,
    "cohort_session_attendance": TRAINER_OF_COURSE,
    "certificate_manage": OFFICE_ONLY,
    "certificate_template_preview": OFFICE_ONLY,
    "certificate_admin": OFFICE_ONLY,
    "certificate_revoke": OFFICE_ONLY,  # the confirmation page
    "certificate_revoke:post": (LOGIN, 404, 404, 404, 404, 400),
    "certificate_reissue": (LOGIN, 404, 404, 404, 404, 302),
    "certificate_bulk_job": OFFICE_ONLY,
    "certificate_bulk_file": OFFICE_ONLY,
    "api:openapi-json": PUBLIC,  # the schema, no data
    "api:me": (401, 200, 200, 200, 200, 200),
    "api:start_attempt": (401, 200, 200, 400, 400, 400),  # others: not_enrolled
    "api:get_attempt": OWNER_ONLY_API,
    "api:save_answer": (401, 409, 404, 404, 404, 404),  # owner: attempt_closed
    "api:submit_attempt": OWNER_ONLY_API,
    "api:verify": PUBLIC,
    "api:api-root": (404, 404, 404, 404, 404, 404),
    "api:unread": (401, 200, 200, 200, 200, 200),  # one's own count
    "api:push_key": (404,) * 6,  # public by nature; 404 push_unavailable: no keys in tests
    "api:subscribe": (401, 400, 400, 400, 400, 400),  # an empty form body: not JSON
    "api:unsubscribe": (401, 200, 200, 200, 200, 200),  # removes only one's own (none here)
    "api:offline_courses": (401, 200, 200, 200, 200, 200),  # one's own enrolments only
    "api:offline_course_pack": (401, 200, 200, 404, 404, 404),  # the course's volunteers
    # owner: the essay quiz's one attempt is submitted, a new one starts; others: not enrolled
    "api:offline_prepare_quiz": (401, 200, 200, 404, 404, 404),
    "api:offline_sync": (401, 400, 400, 400, 400, 400),  # an empty form body: not JSON
    "admin:wagtailadmin_home": (LOGIN, LOGIN, LOGIN, 200, 200, 200),
    "admin:users": (LOGIN, LOGIN, LOGIN, 302, 302, 200),
    "admin:volunteer_register": (LOGIN, LOGIN, LOGIN, 302, 302, 200),
    "admin:page_edit": (LOGIN, LOGIN, LOGIN, 200, 200, 200),
    "admin:password_reset_desk": (LOGIN, LOGIN, LOGIN, 302, 302, 200),
    "admin:password_reset_hand_over": (LOGIN, LOGIN, LOGIN, 302, 302, 302),  # office: handed
    "admin:message_outbox": (LOGIN, LOGIN, LOGIN, 302, 302, 200),
    "admin:announcement_send": (LOGIN, LOGIN, LOGIN, 302, 302, 200),
    "admin:activation_office_issue": (LOGIN, LOGIN, LOGIN, 302, 302, 302),  # office: nobody
    "admin:activation_first_password": (LOGIN, LOGIN, LOGIN, 302, 302, 200),
    "admin:activation_slips_bulk": (LOGIN, LOGIN, LOGIN, 302, 302, 200),
}

# Public by design: the verification record names the holder; the signed link is the file.
PUBLIC_RECORDS = {"verify_certificate", "api:verify", "certificate_file"}
# Routes that cannot be in the table, and why.
NOT_IN_MATRIX = {
    "wagtailcore_authenticate_with_password": "Wagtail's form for password-protected pages",
    "wagtaildocs_authenticate_with_password": "Wagtail's form for password-protected documents",
}


def owner_markers(world) -> list[str]:
    owner = world["users"]["owner"]
    return [
        OWNER_SECRET,
        owner.full_name,
        owner.phone,
        world["evidence"].original_name,
        world["certificate"].number,
        world["cohort"].name,
    ]


def request(client, method, url):
    if method == "GET":
        return client.get(url)
    if method == "DELETE":
        body = {"endpoint": "https://push.example/none"}
        return client.delete(url, body, content_type="application/json")
    if method == "PUT":
        return client.put(url, {"response": "ubah", "seq": 99}, content_type="application/json")
    return client.post(url)


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(ROUTES))
def test_permission_matrix(client, world, name):
    method, build = ROUTES[name]
    url = build(world)
    seen, leaks = {}, []
    for role, expected in zip(ROLES, EXPECTED[name], strict=True):
        client.logout()
        if role != "anon":
            client.force_login(world["users"][role])
        response = request(client, method, url)
        status = response.status_code
        if expected == LOGIN and status == 302 and "login" in response["Location"]:
            status = LOGIN
        seen[role] = status
        may_see_owner = role in ("owner", "trainer", "office") or name in PUBLIC_RECORDS
        if status == 200 and not may_see_owner:
            text = body(response)
            markers = owner_markers(world)
            if role == "other":
                # A member of the owner's cohort too: its name is in their own data download
                # (their membership, not the owner's data).
                markers.remove(world["cohort"].name)
            leaks += [f"{role}: {m!r}" for m in markers if m and m in text]
    assert seen == dict(zip(ROLES, EXPECTED[name], strict=True)), url
    assert leaks == [], url


def site_route_names() -> set[str]:
    """Names of every route outside the Wagtail admin (which has its own permission system;
    a sample of its screens is in the table)."""

    def walk(patterns, prefix="", namespace=""):
        for pattern in patterns:
            route = prefix + str(pattern.pattern)
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, route, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield route, f"{namespace}:{pattern.name}" if namespace else pattern.name

    return {
        name for route, name in walk(get_resolver().url_patterns) if not route.startswith("admin/")
    }


def test_every_route_is_in_the_matrix():
    names = site_route_names()
    assert {"dashboard", "api:me", "wagtail_serve", "trainer_observe"} <= names
    covered = {n.split(":")[0] if n.startswith("wagtail_serve") else n for n in EXPECTED}
    assert names - covered - set(NOT_IN_MATRIX) == set()
    assert set(EXPECTED) == set(ROUTES)
    assert {f"api:{p.name}" for p in api.urls[0]} <= set(EXPECTED)


@pytest.mark.django_db
def test_password_change_works_for_a_volunteer(client, volunteer):
    """Found by the matrix: /accounts/password_change/ answered 500 (Django's default template
    links to the unused django.contrib.admin site)."""
    from demo.factories import PASSWORD

    client.force_login(volunteer)
    response = client.post(
        "/accounts/password_change/",
        {
            "old_password": PASSWORD,
            "new_password1": "Pantai-Manna-2027",
            "new_password2": "Pantai-Manna-2027",
        },
    )
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
    volunteer.refresh_from_db()
    assert volunteer.check_password("Pantai-Manna-2027")


@pytest.mark.django_db
def test_only_the_office_hands_a_reset_code_over(client, world):
    """The matrix's hand-over cell: trainers are refused without a change, the office's POST
    takes the request off the desk."""
    reset = world["reset"]
    for role in ("owner", "trainer_elsewhere", "trainer"):
        client.force_login(world["users"][role])
        client.post(f"/admin/atur-ulang-sandi/{reset.pk}/diserahkan/")
        reset.refresh_from_db()
        assert reset.handed_over_at is None, role
    client.force_login(world["users"]["office"])
    client.post(f"/admin/atur-ulang-sandi/{reset.pk}/diserahkan/")
    reset.refresh_from_db()
    assert reset.handed_over_by == world["users"]["office"]
