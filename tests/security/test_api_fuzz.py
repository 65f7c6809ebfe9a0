"""Part 7: schemathesis fuzzes the JSON API from its own OpenAPI schema, signed in as a
volunteer with a session cookie and a CSRF token: no 5xx, and every response matches the
schema (status codes, content type, body, headers)."""

import json
import os

import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.middleware.csrf import _get_new_csrf_string
from hypothesis import HealthCheck, settings
from schemathesis import checks

from demo.factories import lessons_of, make_course, make_question, make_quiz

# Read through the WSGI app at collection time (pytest-django has set Django up by then); the
# schema view touches no database.
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", WSGIHandler())


@schema.hook
def filter_body(ctx, body) -> bool:
    """A NUL character is refused everywhere before the API sees it (400, tested in
    test_nul_bytes.py); a schema cannot say so of an answer's free-form JSON."""
    if isinstance(body, bytes):
        return b"\x00" not in body
    return "\\u0000" not in json.dumps(body, default=repr)


@pytest.fixture
def signed_in(client, volunteer):
    """Session cookie and CSRF token of a volunteer enrolled in a course with a quiz."""
    from modules.services import enrollment_create

    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    make_quiz(lessons_of(course)[0].get_parent().specific, [make_question("single")])
    client.force_login(volunteer)
    csrf = _get_new_csrf_string()
    cache.clear()  # the public verify route is rate-limited per address
    # Like Django's test client: the WSGI handler must not close the test's connection (on
    # PostgreSQL that would end the test transaction) at the end of each request.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield {
            "cookies": {"sessionid": client.cookies["sessionid"].value, "csrftoken": csrf},
            # The WSGI transport hands the body over as sent: ask for it uncompressed
            # (compression has its own tests, tests/test_compression.py).
            "headers": {"X-CSRFToken": csrf, "Accept-Encoding": "identity"},
        }
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    # A deeper run by hand: FUZZ_EXAMPLES=500 pytest tests/security/test_api_fuzz.py
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "15")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@pytest.mark.django_db
def test_api_conforms_to_its_schema(case, signed_in):
    # Every call carries the volunteer's session, so the checks that drop the credentials to
    # see a 401 cannot apply here; anonymous calls are in the permission matrix.
    excluded = [checks.ignored_auth, checks.negative_data_rejection]
    if case.path == "/api/v1/offline/sync":
        # Its answers' own checks (a whole seq, finite numbers: assessments.api.AnswerIn) are
        # beyond what the schema says, and a list of actions nearly always holds one: a 422.
        excluded.append(checks.positive_data_acceptance)
    case.call_and_validate(
        headers=signed_in["headers"], cookies=signed_in["cookies"], excluded_checks=excluded
    )


@pytest.mark.django_db
def test_api_errors_keep_the_documented_shape(client, volunteer):
    """Found by the fuzzing above: unknown ids, schema refusals and unreadable bodies answered
    with django-ninja's {"detail": ...} instead of the documented {"code", "message"}."""
    assert client.get("/api/v1/me").json()["code"] == "unauthorized"
    client.force_login(volunteer)
    missing = client.post("/api/v1/quizzes/987654/attempts")
    assert missing.status_code == 404 and missing.json()["code"] == "not_found"
    wrong_type = client.put(
        "/api/v1/attempts/1/answers/1", {"seq": "banyak"}, content_type="application/json"
    )
    assert wrong_type.status_code == 422
    assert wrong_type.json()["code"] == "invalid_request" and wrong_type.json()["detail"]
    unreadable = client.put(
        "/api/v1/attempts/1/answers/1", data="\x00", content_type="application/json"
    )
    assert unreadable.status_code == 400 and unreadable.json()["code"] == "invalid_request"
    for reply in (missing, wrong_type, unreadable):
        assert reply.json()["message"]
