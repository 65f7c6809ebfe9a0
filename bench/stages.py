"""The Django side of `make bench` (bench/run.py runs each stage as its own process, with the
same production settings and database as the app servers under test).

    python bench/stages.py setup FIXTURE.json     data, sessions and links for the load tests
    python bench/stages.py check-quiz EXPECTED.json FIXTURE.json
                                                  every answer the load test sent, in the database
    python bench/stages.py queries URL [URL ...]  SQL queries of each page, as the office admin
    python bench/stages.py bulk N                 N Kompeten volunteers and a queued bulk issue
    python bench/stages.py job-status JOB_ID      the bulk job's status, done and total
    python bench/stages.py admin-session          an office admin's session (scale databases)

Sessions are made here, not by logging in under load: a login's password hashing would be the
benchmark. They live where the app keeps them (cached_db: Redis with the database behind it).
"""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.production")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

QUIZ_VOLUNTEERS = int(os.environ.get("BENCH_QUIZ_USERS", "200"))
QUIZ_QUESTIONS = 20


def volunteer_create(username: str, phone: str, group: str = "Relawan"):
    """A user as the tests make them (demo.factories.make_user), with no password to hash:
    hundreds of PBKDF2 hashes would take minutes and these people never log in by form."""
    from demo.factories import make_user

    return make_user(username, group, phone=phone, password=None)


def session_for(user) -> str:
    from importlib import import_module

    store = import_module(settings.SESSION_ENGINE).SessionStore()
    store[SESSION_KEY] = str(user.pk)
    store[BACKEND_SESSION_KEY] = "people.backends.UsernameOrPhoneBackend"  # as a login records
    store[HASH_SESSION_KEY] = user.get_session_auth_hash()
    store.create()
    return store.session_key


def setup(fixture_path: str) -> None:
    from django.contrib.auth import get_user_model

    from assessments.models import Verdict, VerdictStatus
    from certificates.models import CertificateTemplate
    from certificates.services import certificate_issue
    from demo.factories import make_question, make_quiz
    from modules.models import CoursePage, LessonPage, ModulePage
    from modules.services import enrollment_create

    User = get_user_model()
    course = CoursePage.objects.live().order_by("path").first()  # seed_demo's Bimtek Dasar
    lesson = LessonPage.objects.live().descendant_of(course).order_by("path").first()
    volunteer = User.objects.get(username="relawan")
    admin = User.objects.get(username="admin")
    enrollment_create(user=volunteer, course=course)

    # The quiz: 20 questions of the three kinds a knowledge test mostly uses.
    module = ModulePage.objects.live().descendant_of(course).order_by("path").first()
    kinds = ["single", "multiple", "true_false", "single"]
    questions = [make_question(kinds[i % len(kinds)]) for i in range(QUIZ_QUESTIONS)]
    quiz = make_quiz(
        module, questions, title="Kuis beban", time_limit_minutes=60, shuffle_questions=True
    )
    people = []
    for i in range(QUIZ_VOLUNTEERS):
        person = volunteer_create(f"beban{i:03d}", f"+62812777{i:05d}")
        enrollment_create(user=person, course=course)
        people.append(person)

    # One issued certificate to download, and a static file of exactly its size.
    if not CertificateTemplate.objects.exists():
        CertificateTemplate.objects.create(
            name="Bench", is_default=True, signatory_name="Kepala Dinas", validity_years=5
        )
    Verdict.objects.update_or_create(
        volunteer=volunteer,
        course=course,
        defaults={
            "status": VerdictStatus.KOMPETEN,
            "predicate": "Baik",
            "computed_at": timezone.now(),
        },
    )
    certificate = certificate_issue(holder=volunteer, course=course)
    size = certificate.pdf.size
    static_file = Path(settings.STATIC_ROOT) / "bench" / "same-size.pdf"
    static_file.parent.mkdir(parents=True, exist_ok=True)
    static_file.write_bytes(os.urandom(size))  # incompressible, as a PDF's streams are

    fixture = {
        "lesson_url": lesson.get_url(),
        "catalogue_url": course.get_parent().get_url(),
        "quiz_id": quiz.pk,
        "certificate_id": certificate.pk,
        "certificate_bytes": size,
        "static_url": settings.STATIC_URL + "bench/same-size.pdf",
        "volunteer": session_for(volunteer),
        "admin": session_for(admin),
        "quiz_users": [session_for(p) for p in people],
    }
    Path(fixture_path).write_text(json.dumps(fixture))
    print(
        f"fixture: lesson {fixture['lesson_url']}, {len(people)} quiz volunteers, "
        f"certificate {size} bytes"
    )


def check_quiz(expected_path: str, fixture_path: str) -> None:
    """Every answer the load test sent is in the database, as the last one sent for it, and
    every attempt is submitted and graded. Prints JSON for bench/run.py."""
    from assessments.models import Attempt, AttemptAnswer, AttemptStatus

    expected = json.loads(Path(expected_path).read_text())
    fixture = json.loads(Path(fixture_path).read_text())
    attempts = {
        a.pk: a for a in Attempt.objects.filter(quiz_id=fixture["quiz_id"]).select_related("user")
    }
    stored = {}
    rows = AttemptAnswer.objects.filter(attempt_id__in=attempts).values_list(
        "attempt_id", "question_version_id", "response"
    )
    for attempt_id, version_id, response in rows:
        stored[(attempt_id, version_id)] = response
    sent = lost = wrong = 0
    for attempt_id, answers in expected["answers"].items():
        for question_id, response in answers.items():
            sent += 1
            key = (int(attempt_id), int(question_id))
            if key not in stored:
                lost += 1
            elif stored[key] != response:
                wrong += 1
    submitted = sum(1 for a in attempts.values() if a.status != AttemptStatus.IN_PROGRESS)
    print(
        json.dumps(
            {
                "attempts": len(attempts),
                "attempts_submitted": submitted,
                "answers_sent": sent,
                "answers_lost": lost,
                "answers_different": wrong,
                "volunteers_finished": len(expected["answers"]),
            }
        )
    )


def queries(urls: list[str]) -> None:
    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    admin = get_user_model().objects.get(username="admin")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    counts = {}
    for url in urls:
        client.get(url)  # warm, as a running server is
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[url] = len(captured)
    print(json.dumps(counts))


def bulk(count: int) -> None:
    from django.contrib.auth import get_user_model

    from certificates.models import BulkJob
    from certificates.tasks import run_bulk_job
    from demo.factories import kompeten_volunteer, make_course

    course = make_course(title="Angkatan Massal", modules=10, lessons=1)
    for i in range(count):
        kompeten_volunteer(course=course, username=f"massal{i:04d}", phone=f"+62813888{i:05d}")
    admin = get_user_model().objects.get(username="admin")
    job = BulkJob.objects.create(kind="issue", course=course, requested_by=admin)
    run_bulk_job.enqueue(job.pk)  # into the database queue, for a real db_worker
    print(json.dumps({"job": job.pk}))


def admin_session() -> None:
    """An office admin in a generated (scale) database, and a session for the load test."""
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.filter(username="admin").first()
    admin = admin or volunteer_create("admin", "+6281299999999", group="Admin Dinsos")
    print(json.dumps({"admin": session_for(admin)}))


def job_status(job_id: int) -> None:
    from certificates.models import BulkJob

    job = BulkJob.objects.get(pk=job_id)
    print(json.dumps({"status": job.status, "done": job.done, "total": job.total}))


if __name__ == "__main__":
    stage, *args = sys.argv[1:]
    if stage == "setup":
        setup(args[0])
    elif stage == "check-quiz":
        check_quiz(args[0], args[1])
    elif stage == "queries":
        queries(args)
    elif stage == "bulk":
        bulk(int(args[0]))
    elif stage == "admin-session":
        admin_session()
    elif stage == "job-status":
        job_status(int(args[0]))
    else:
        sys.exit(f"unknown stage {stage}")
