"""Production logs one JSON object per line on stdout; with Redis, sessions are shared."""

import json
import logging
import subprocess
import sys

from django.test import RequestFactory

from core.logging import JSONFormatter

from .security.test_deploy import ROOT, production_env, production_setting


def test_a_log_line_is_one_json_object_with_the_request_and_the_error():
    request = RequestFactory().get("/pelatihan/")
    try:
        raise ValueError("rusak")
    except ValueError:
        record = logging.LogRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Gagal: %s",
            ("/pelatihan/",),
            sys.exc_info(),
        )
    record.request, record.status_code = request, 500
    entry = json.loads(JSONFormatter().format(record))
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert entry["message"] == "Gagal: /pelatihan/"
    assert (entry["method"], entry["path"], entry["status"]) == ("GET", "/pelatihan/", 500)
    assert "ValueError: rusak" in entry["exception"]


def test_production_writes_json_lines_to_stdout():
    script = (
        "import django, logging; django.setup(); "
        "logging.getLogger('lms').warning('Sertifikat %s', 'siap')"
    )
    result = subprocess.run(  # noqa: S603 - our own interpreter
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=production_env(),
        capture_output=True,
        text=True,
        check=True,
    )
    entry = json.loads(result.stdout.strip().splitlines()[-1])
    assert entry["message"] == "Sertifikat siap" and entry["level"] == "WARNING"


def test_sessions_go_to_redis_when_it_is_configured():
    redis = production_setting("s.SESSION_ENGINE", REDIS_URL="redis://127.0.0.1:6379/0")
    assert redis == "django.contrib.sessions.backends.cached_db"
    assert production_setting("s.SESSION_ENGINE") == "django.contrib.sessions.backends.db"
