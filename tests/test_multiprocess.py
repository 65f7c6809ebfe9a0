"""Production's shape with real processes: two gunicorn instances of lms.settings.production on
different ports, one `db_worker`, all on the same PostgreSQL and Redis, media in S3 (moto's
standalone server on loopback). A volunteer logs in on one instance and goes on on the other,
answers go to alternating instances, the worker issues the certificate and the volunteer
downloads it from the instance that did not queue the work. No process keeps a file of its own."""

import hashlib
import html
import http.client
import io
import json
import re
import secrets
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from http.cookies import SimpleCookie
from pathlib import Path

import boto3
import pytest
import redis
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.db import connection
from django_tasks_db.models import DBTaskResult
from PIL import Image as PillowImage
from wagtail.images import get_image_model

from assessments.models import AttemptAnswer, Verdict, VerdictStatus
from certificates.models import Certificate, CertificateTemplate
from demo.factories import (
    PASSWORD,
    correct_response,
    make_course,
    make_question,
    make_quiz,
    make_user,
)
from modules.models import LessonPage, ModulePage
from modules.services import enrollment_create

from .processes import ROOT, Children, child_env, free_port, port_open
from .test_certificates import pdf_image_count

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BIN = Path(sys.executable).parent
BUCKET = "psm-media-test"
LOCATION = "psm"  # DJANGO_S3_LOCATION: every key under this prefix
REDIS_DB = 14  # flushed before and after; nothing else of the project uses it
S3_KEYS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
WAIT = 60  # seconds for any one step: start-up, the worker's certificate
WORKER_ID = "multiprocess-worker"


@pytest.fixture(autouse=True)
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("separate processes share the database only on PostgreSQL; CI runs this")


def wait_until(condition, what: str, children: Children, timeout: float = WAIT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        children.check_running()
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def files_under(path: Path) -> list[Path]:
    return sorted(p for p in path.rglob("*") if p.is_file()) if path.exists() else []


class Phone:
    """One browser: a cookie jar, talking HTTP to whichever instance it is pointed at, behind
    what the instances take for a TLS proxy (X-Forwarded-Proto: https)."""

    def __init__(self):
        self.cookies: dict[str, str] = {}
        self.set_cookie_headers: list[str] = []

    def request(self, port: int, method: str, path: str, body=None, headers=None):
        cookie = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        sent = {
            "Host": f"127.0.0.1:{port}",
            "X-Forwarded-Proto": "https",
            "Referer": f"https://127.0.0.1:{port}/",
            **({"Cookie": cookie} if cookie else {}),
            **(headers or {}),
        }
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            self.set_cookie_headers.append(header)
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return response, data

    def get(self, port: int, path: str):
        return self.request(port, "GET", path)

    def post_form(self, port: int, path: str, fields: dict):
        """A form POST; the CSRF token is the cookie's unless `fields` bring the form's own."""
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": self.cookies["csrftoken"], **fields})
        return self.request(
            port, "POST", path, body, {"Content-Type": "application/x-www-form-urlencoded"}
        )

    def api(self, port: int, method: str, path: str, payload=None):
        response, data = self.request(
            port,
            method,
            path,
            json.dumps(payload) if payload is not None else None,
            {"Content-Type": "application/json", "X-CSRFToken": self.cookies["csrftoken"]},
        )
        return response.status, json.loads(data) if data else None


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 60), (200, 30, 30)).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def redis_url():
    url = f"redis://127.0.0.1:6379/{REDIS_DB}"
    client = redis.Redis.from_url(url)
    try:
        client.flushdb()
    except redis.ConnectionError:
        # A failure, not a skip: .ci/run starts Redis, and a skipped run would prove nothing.
        pytest.fail("needs Redis at 127.0.0.1:6379 (sessions and cache shared by the instances)")
    yield url
    client.flushdb()
    client.close()


@pytest.fixture
def cluster(tmp_path, redis_url):
    """moto_server, collected static files, two gunicorn instances and one db_worker."""
    children = Children(tmp_path)
    s3_port, port_a, port_b = free_port(), free_port(), free_port()
    endpoint = f"http://127.0.0.1:{s3_port}"
    static_root = tmp_path / "static"
    media = {name: tmp_path / f"media-{name}" for name in ("a", "b", "worker")}
    for folder in media.values():
        folder.mkdir()
    env = child_env(
        settings_module="lms.settings.production",
        REDIS_URL=redis_url,
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1",
        DJANGO_CSRF_TRUSTED_ORIGINS=f"https://127.0.0.1:{port_a},https://127.0.0.1:{port_b}",
        DJANGO_SECURE_PROXY_SSL_HEADER="1",  # the Phone's X-Forwarded-Proto: https
        DJANGO_HSTS_SECONDS="0",
        DJANGO_SITE_URL=f"https://127.0.0.1:{port_a}",
        DJANGO_STATIC_ROOT=str(static_root),
        DJANGO_LOG_LEVEL="WARNING",
        DJANGO_S3_BUCKET=BUCKET,
        DJANGO_S3_ENDPOINT_URL=endpoint,
        DJANGO_S3_REGION="us-east-1",
        DJANGO_S3_ACCESS_KEY_ID=S3_KEYS["aws_access_key_id"],
        DJANGO_S3_SECRET_ACCESS_KEY=S3_KEYS["aws_secret_access_key"],
        DJANGO_S3_LOCATION=LOCATION,
        DJANGO_CSP_IMG_SRC=endpoint,
    )
    try:
        children.start(
            "moto_server", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(s3_port)], env
        )
        children.start(  # needs no static files: starts while they are collected
            "db_worker",
            [
                sys.executable,
                "manage.py",
                "db_worker",
                "--no-startup-delay",
                "--interval",
                "0.1",
                "--worker-id",
                WORKER_ID,
            ],
            {**env, "DJANGO_MEDIA_ROOT": str(media["worker"])},
        )
        # Production's CompressedManifestStaticFilesStorage needs the manifest that
        # collectstatic writes. Collected here with Django's ManifestStaticFilesStorage: the
        # same manifest and hashed names in 3 s, without whitenoise's gzip/brotli copies
        # (55 s); the instances themselves run with whitenoise's storage as configured.
        collect = subprocess.run(
            [
                sys.executable,
                "-c",
                "import django; django.setup();"
                "from django.conf import settings;"
                "from django.core.management import call_command;"
                "from django.test.utils import override_settings;"
                "manifest = {'BACKEND':"
                " 'django.contrib.staticfiles.storage.ManifestStaticFilesStorage'};"
                "with_manifest = override_settings("
                "STORAGES={**settings.STORAGES, 'staticfiles': manifest});"
                "with_manifest.enable(); call_command('collectstatic', '--noinput', verbosity=0)",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            timeout=WAIT,
        )
        assert collect.returncode == 0, collect.stderr
        wait_until(lambda: port_open(s3_port), "moto_server", children)
        s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **S3_KEYS)
        s3.create_bucket(Bucket=BUCKET)

        def gunicorn(name: str, port: int):
            children.start(
                f"gunicorn-{name}",
                [
                    str(BIN / "gunicorn"),
                    "lms.wsgi:application",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                ],
                {**env, "DJANGO_MEDIA_ROOT": str(media[name])},
            )

        gunicorn("a", port_a)
        gunicorn("b", port_b)
        probe = Phone()

        def healthy(port):
            if not port_open(port):
                return False
            response, _body = probe.get(port, "/healthz")
            return response.status == 200

        wait_until(lambda: healthy(port_a) and healthy(port_b), "both instances", children)
        yield {"a": port_a, "b": port_b, "s3": s3, "media": media, "children": children}
    finally:
        children.stop()
        print(children.logs())  # shown by pytest only when the test fails


def test_two_instances_one_worker_shared_sessions_and_media_in_s3(cluster):
    a, b, s3, children = cluster["a"], cluster["b"], cluster["s3"], cluster["children"]
    repo_media_before = files_under(ROOT / "media")

    # The office's data, committed so the other processes see it: a logo that exists only in
    # the bucket, the default certificate template using it, a course (knowledge only) with
    # one lesson and a quiz, and a volunteer enrolled in it.
    logo_name = "original_images/logo-dinsos.png"
    logo = png_bytes()
    s3.put_object(Bucket=BUCKET, Key=f"{LOCATION}/{logo_name}", Body=logo)
    image = get_image_model().objects.create(
        title="Logo Dinsos",
        file=logo_name,
        width=120,
        height=60,
        file_size=len(logo),
        file_hash=hashlib.sha1(logo).hexdigest(),  # noqa: S324 - Wagtail's own cache key
    )
    CertificateTemplate.objects.create(
        name="Standar", is_default=True, signatory_name="Drs. Contoh Kepala", logo=image
    )
    course = make_course(title="Bimtek Banyak Server", modules=1, lessons=1, domains=["knowledge"])
    course.cover = image
    course.save()
    module = ModulePage.objects.child_of(course).get()
    lesson = LessonPage.objects.child_of(module).get()
    quiz = make_quiz(module, [make_question("single") for _ in range(4)])
    volunteer = make_user("relawan-server", phone="+6281233330001")
    # Production checks passwords with its own hashers, not the test settings' fast MD5.
    hasher = PBKDF2PasswordHasher()
    volunteer.password = hasher.encode(PASSWORD, hasher.salt())
    volunteer.save(update_fields=["password"])
    enrollment_create(user=volunteer, course=course)

    # Log in on A through the real form (CSRF from the form first) ...
    phone = Phone()
    response, page = phone.get(a, "/accounts/login/")
    assert response.status == 200
    token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1).decode()
    response, _ = phone.post_form(
        a,
        "/accounts/login/",
        {"csrfmiddlewaretoken": token, "username": volunteer.username, "password": PASSWORD},
    )
    assert response.status == 302, phone.set_cookie_headers
    assert response.headers["Location"] == "/dashboard/"
    session_cookie = next(h for h in phone.set_cookie_headers if h.startswith("sessionid="))
    assert "Secure" in session_cookie and "HttpOnly" in session_cookie
    # ... the session is in Redis (cached_db) ...
    cache = redis.Redis.from_url(f"redis://127.0.0.1:6379/{REDIS_DB}")
    assert cache.exists(f":1:django.contrib.sessions.cached_db{phone.cookies['sessionid']}")
    # ... and B knows who this is.
    response, page = phone.get(b, "/dashboard/")
    assert response.status == 200
    assert volunteer.get_full_name() in page.decode()

    # Static files from whitenoise under their hashed names (the manifest), on either instance.
    css = re.search(rb'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page).group(1).decode()
    response, body = phone.get(a, css)
    assert response.status == 200 and body

    # The course page on B: Wagtail makes the cover's rendition from the original in S3 and
    # writes it to S3; the page links it with a signed URL that works.
    response, page = phone.get(b, course.url)
    assert response.status == 200
    cover = html.unescape(re.search(rb'<img[^>]*class="cover"[^>]*>', page).group(0).decode())
    src = re.search(r'\bsrc="([^"]+)"', cover).group(1)
    assert src.startswith(f"http://127.0.0.1:{s3.meta.endpoint_url.rsplit(':', 1)[1]}/")
    assert "X-Amz-Signature=" in src  # private objects, signed links only
    with urllib.request.urlopen(src, timeout=10) as rendition:  # noqa: S310 - loopback moto
        assert rendition.read(12)[8:12] == b"WEBP"
    keys = [o["Key"] for o in s3.list_objects_v2(Bucket=BUCKET)["Contents"]]
    assert any(k.startswith(f"{LOCATION}/images/") for k in keys), keys

    # Read the lesson on A (a form POST with CSRF), then the quiz: start on B, answers
    # alternate A, B, A, B through the autosave API, submit on B.
    response, _ = phone.post_form(a, f"/belajar/pelajaran/{lesson.pk}/selesai/", {})
    assert response.status == 302
    status, attempt = phone.api(b, "POST", f"/api/v1/quizzes/{quiz.pk}/attempts")
    assert status == 200, attempt
    versions = {
        answer.question_version_id: answer.question_version
        for answer in AttemptAnswer.objects.filter(attempt_id=attempt["id"]).select_related(
            "question_version"
        )
    }
    assert [q["id"] for q in attempt["questions"]] and set(versions) == {
        q["id"] for q in attempt["questions"]
    }
    for seq, question in enumerate(attempt["questions"], start=1):
        port = a if seq % 2 else b
        status, saved = phone.api(
            port,
            "PUT",
            f"/api/v1/attempts/{attempt['id']}/answers/{question['id']}",
            {"response": correct_response(versions[question["id"]]), "seq": seq},
        )
        assert status == 200 and not saved.get("stale"), saved
    status, result = phone.api(b, "POST", f"/api/v1/attempts/{attempt['id']}/submit")
    assert status == 200, result
    assert result["result"]["score"] == result["result"]["max_score"], result

    # B queued the verdict in the database; the worker recomputes it (Kompeten), queues the
    # certificate and issues it.
    wait_until(
        lambda: Certificate.objects.filter(holder=volunteer, course=course).exists(),
        "the worker's certificate",
        children,
    )
    assert Verdict.objects.get(volunteer=volunteer, course=course).status == (
        VerdictStatus.KOMPETEN
    )
    certificate = Certificate.objects.get(holder=volunteer, course=course)
    ran = dict(
        DBTaskResult.objects.filter(status="SUCCESSFUL").values_list("task_path", "worker_ids")
    )
    assert ran["assessments.tasks.recompute_verdict"] == [WORKER_ID]
    assert ran["certificates.tasks.issue_certificate"] == [WORKER_ID]
    assert certificate.data["images"]["logo"] == f"media:{logo_name}"

    # Downloaded from A, which queued nothing; the signed link works on B as well.
    response, _ = phone.get(a, f"/sertifikat/{certificate.pk}/unduh/")
    assert response.status == 302
    link = response.headers["Location"]
    response, pdf = phone.get(a, link)
    assert response.status == 200 and response.headers["Content-Type"] == "application/pdf"
    assert pdf.startswith(b"%PDF")
    assert phone.get(b, link)[1] == pdf
    stored = s3.get_object(Bucket=BUCKET, Key=f"{LOCATION}/{certificate.pdf.name}")
    assert stored["Body"].read() == pdf
    assert hashlib.sha256(pdf).hexdigest() == certificate.sha256
    assert pdf_image_count(pdf) >= 1  # the logo, read by the worker from the bucket

    # Nothing was written to any process's own disk, nor to the repository's media folder.
    for name, folder in cluster["media"].items():
        assert files_under(folder) == [], name
    assert files_under(ROOT / "media") == repo_media_before
