"""What survives when things break, on PostgreSQL with real processes: an app server killed
with SIGKILL in the middle of a quiz, a task worker killed in the middle of a bulk issue, and a
database connection dropped during a request."""

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection
from django.middleware.csrf import _get_new_csrf_string
from django.test import Client, override_settings

from assessments.models import Attempt, AttemptAnswer, AttemptStatus, ScoreRecord
from assessments.services import answer_save, attempt_start
from certificates.models import BulkJob, Certificate
from demo.factories import correct_response, make_course, make_question, make_quiz, make_user
from modules.models import ModulePage
from modules.services import enrollment_create

from .processes import ROOT, child_env, free_port
from .test_certificates import make_kompeten, template  # noqa: F401 - fixture

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("separate processes share the database only on PostgreSQL; CI runs this")


class Server:
    """gunicorn on loopback in its own process group, so SIGKILL takes master and worker."""

    def __init__(self):
        self.port = free_port()
        self.process = None

    def start(self):
        self.process = subprocess.Popen(  # noqa: S603 - our own venv's gunicorn
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "lms.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
            ],
            cwd=ROOT,
            env=child_env(),
            start_new_session=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for _ in range(200):
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("gunicorn did not start")

    def kill(self):
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(10)


class Browser:
    """A phone's session: the session cookie of a logged-in volunteer and a CSRF token."""

    def __init__(self, server, user):
        client = Client()
        client.force_login(user)
        self.server, self.csrf = server, _get_new_csrf_string()
        self.cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.csrf}"

    def call(self, method: str, path: str, body: str | None = None):
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.server.port}{path}",
            data=body.encode() if body is not None else None,
            method=method,
            headers={
                "Cookie": self.cookie,
                "X-CSRFToken": self.csrf,
                "Content-Type": "application/json",
                "Referer": f"http://127.0.0.1:{self.server.port}/",
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def test_answers_saved_before_the_app_server_is_killed_survive_its_restart(volunteer):
    import json

    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    questions = [make_question("single") for _ in range(6)]
    quiz = make_quiz(module, questions)
    enrollment_create(user=volunteer, course=course)
    server = Server()
    server.start()
    phone = Browser(server, volunteer)
    try:
        status, body = phone.call("POST", f"/api/v1/quizzes/{quiz.pk}/attempts")
        assert status == 200, body
        attempt_id = json.loads(body)["id"]
        # The API names a question by the id of the version shown in this attempt.
        versions = {
            a.question_version_id: a.question_version
            for a in AttemptAnswer.objects.filter(attempt_id=attempt_id).select_related(
                "question_version"
            )
        }
        given = {}
        for seq, (question_id, version) in enumerate(list(versions.items())[:4], start=1):
            given[question_id] = correct_response(version)
            payload = json.dumps({"response": given[question_id], "seq": seq})
            status, body = phone.call(
                "PUT", f"/api/v1/attempts/{attempt_id}/answers/{question_id}", payload
            )
            assert status == 200, body
        server.kill()  # mid-quiz: four answers saved, two to go
        with pytest.raises(OSError):  # refused or reset: nobody serves
            urllib.request.urlopen(f"http://127.0.0.1:{server.port}/", timeout=2)
        server.start()
        status, body = phone.call("GET", f"/api/v1/attempts/{attempt_id}")
        assert status == 200, body
        saved = {
            a.question_version_id: a.response
            for a in AttemptAnswer.objects.filter(attempt_id=attempt_id).select_related(
                "question_version"
            )
            if a.response is not None
        }
        assert saved == given  # every answer saved before the kill is still there
        for seq, (question_id, version) in enumerate(list(versions.items())[4:], start=5):
            payload = json.dumps({"response": correct_response(version), "seq": seq})
            status, _ = phone.call(
                "PUT", f"/api/v1/attempts/{attempt_id}/answers/{question_id}", payload
            )
            assert status == 200
        status, body = phone.call("POST", f"/api/v1/attempts/{attempt_id}/submit")
        assert status == 200, body
    finally:
        server.kill()
    attempt = Attempt.objects.get(pk=attempt_id)
    assert attempt.status == AttemptStatus.SUBMITTED
    assert attempt.score == attempt.max_score  # all six right: none lost


def test_a_worker_killed_in_a_bulk_issue_leaves_no_duplicates_and_a_rerun_finishes(
    template,  # noqa: F811
):
    from certificates.tasks import run_bulk_job

    course = make_course(title="Angkatan Besar", modules=1, lessons=1)
    people = [make_user(f"massal{i}", phone=f"+62812777{i:05d}") for i in range(16)]
    for person in people:
        make_kompeten(person, course)
    admin = make_user("admin-massal", "Admin Dinsos")
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    job = BulkJob.objects.create(kind="issue", course=course, requested_by=admin)
    with override_settings(TASKS=database):
        run_bulk_job.enqueue(job.pk)
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", "--no-startup-delay"],
        cwd=ROOT,
        env=child_env(DJANGO_TASKS_DATABASE="1"),
        start_new_session=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 120
        while Certificate.objects.count() < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        os.killpg(worker.pid, signal.SIGKILL)
        worker.wait(10)
    issued_before = Certificate.objects.count()
    assert 3 <= issued_before < len(people), "the worker was killed mid-way"
    # The office starts the job again; the worker runs it to the end.
    again = BulkJob.objects.create(kind="issue", course=course, requested_by=admin)
    with override_settings(TASKS=database):
        run_bulk_job.enqueue(again.pk)
    subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=ROOT,
        env=child_env(DJANGO_TASKS_DATABASE="1"),
        check=True,
        capture_output=True,
        timeout=300,
    )
    certificates = Certificate.objects.filter(course=course)
    assert certificates.count() == len(people)
    assert set(certificates.values_list("holder", flat=True)) == {p.pk for p in people}
    sequence = sorted(
        int(number.split("/")[0]) for number in certificates.values_list("number", flat=True)
    )
    assert sequence == list(range(1, len(people) + 1))  # no gap, no duplicate
    again.refresh_from_db()
    assert again.status == BulkJob.Status.DONE
    for certificate in certificates:
        assert Path(certificate.pdf.path).read_bytes()[:5] == b"%PDF-"


def test_a_dropped_database_connection_gives_an_error_page_and_no_half_submit(volunteer):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = make_quiz(module, [make_question("single") for _ in range(3)])
    enrollment_create(user=volunteer, course=course)
    attempt = attempt_start(by=volunteer, quiz=quiz)
    for answer in attempt.answers.select_related("question_version"):
        answer_save(
            by=volunteer,
            attempt_id=attempt.pk,
            question_id=answer.question_version_id,
            response=correct_response(answer.question_version),
            seq=1,
        )
    db = connection.settings_dict
    locker = psycopg.connect(
        dbname=db["NAME"], user=db["USER"], host=db["HOST"] or "127.0.0.1", autocommit=False
    )
    locker.execute("SELECT id FROM assessments_attempt WHERE id = %s FOR UPDATE", [attempt.pk])
    result = {}

    def submit():
        client = Client(raise_request_exception=False)
        client.force_login(volunteer)
        result["response"] = client.post(
            f"/api/v1/attempts/{attempt.pk}/submit", content_type="application/json"
        )

    thread = threading.Thread(target=submit)
    thread.start()
    try:
        with psycopg.connect(
            dbname=db["NAME"], user=db["USER"], host=db["HOST"] or "127.0.0.1", autocommit=True
        ) as admin:
            for _ in range(200):  # the submit is now waiting for the row lock: cut it off
                killed = admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                ).fetchall()
                if killed:
                    break
                time.sleep(0.05)
            assert killed, "the submit never waited for the lock"
        thread.join(30)
    finally:
        locker.rollback()
        locker.close()
    assert result["response"].status_code == 500
    assert "<html" in result["response"].content.decode().lower()  # the site's error page
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.IN_PROGRESS  # nothing half-written
    assert not ScoreRecord.objects.filter(attempt=attempt).exists()
    assert attempt.answers.exclude(response=None).count() == 3
    # The phone retries once the database is back: graded once, all answers there.
    client = Client()
    client.force_login(volunteer)
    retry = client.post(f"/api/v1/attempts/{attempt.pk}/submit", content_type="application/json")
    assert retry.status_code == 200
    attempt.refresh_from_db()
    assert attempt.status == AttemptStatus.SUBMITTED and attempt.score == attempt.max_score
    assert ScoreRecord.objects.filter(attempt=attempt).count() == 1
    assert settings.DEBUG is False
