"""The issue's data budgets for a sync, counted byte by byte as HTTP/2 carries them: every
request header a phone's Chrome sends on the site's own fetch, the JSON
body, the status line, every response header the server sends, and the answer's body.

Request headers the browser adds by itself are those of Chrome on Android over HTTPS (client
hints included), kept-alive connection, `referrerPolicy: "no-referrer"` on the fetch (the
client's choice; Django's CSRF check reads Origin). The cookies are the real ones of the test
session. Response headers and bodies are the real ones."""

import datetime
import json
import uuid

import hpack
import pytest
from django.conf import settings
from django.middleware.csrf import get_token

from assessments.services import attempt_start
from demo.factories import correct_response, lessons_of, make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create

pytestmark = pytest.mark.django_db

HOST = "psm.bengkuluselatankab.go.id"
BROWSER_HEADERS = [
    ("Host", HOST),
    ("Connection", "keep-alive"),
    ("sec-ch-ua-platform", '"Android"'),
    (
        "User-Agent",
        "Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/131.0.0.0 Mobile Safari/537.36",
    ),
    ("sec-ch-ua", '"Google Chrome";v="131", "Chromium";v="131", "Not_A Brand";v="24"'),
    ("sec-ch-ua-mobile", "?1"),
    ("Accept", "application/json"),
    ("Origin", f"https://{HOST}"),
    ("Sec-Fetch-Site", "same-origin"),
    ("Sec-Fetch-Mode", "cors"),
    ("Sec-Fetch-Dest", "empty"),
    ("Accept-Encoding", "gzip, deflate, br, zstd"),
    ("Accept-Language", "id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7"),
]
LESSON_BUDGET = 1024
ATTEMPT_BUDGET = 5 * 1024


def wire_bytes(client, body: bytes) -> tuple[int, dict]:
    """POST the sync as a phone does; returns (bytes both ways, the parts)."""
    csrf = get_token(client.get("/api/v1/me").wsgi_request)
    client.cookies[settings.CSRF_COOKIE_NAME] = csrf
    cookie = "; ".join(f"{k}={v.value}" for k, v in client.cookies.items())
    headers = [
        *BROWSER_HEADERS,
        ("Content-Length", str(len(body))),
        ("Content-Type", "application/json"),
        ("X-CSRFToken", csrf),
        ("Cookie", cookie),
    ]
    request_head = "POST /api/v1/offline/sync HTTP/1.1\r\n" + "".join(
        f"{name}: {value}\r\n" for name, value in headers
    )
    request_head += "\r\n"
    extra = {
        "HTTP_" + name.upper().replace("-", "_"): value
        for name, value in headers
        if name not in ("Host", "Content-Length", "Content-Type", "Cookie")
    }
    response = client.generic(
        "POST", "/api/v1/offline/sync", body, content_type="application/json", **extra
    )
    assert response.status_code == 200, response.content
    response_head = f"HTTP/1.1 {response.status_code} {response.reason_phrase}\r\n"
    response_head += "".join(f"{name}: {value}\r\n" for name, value in response.items())
    for morsel in response.cookies.values():  # a cookie set on the way (none expected)
        response_head += f"Set-Cookie: {morsel.OutputString()}\r\n"
    response_head += "\r\n"
    # HTTP/2 (what a phone's Chrome speaks to an HTTPS server): each side's headers HPACK-coded
    # on a fresh connection (the worst case: nothing indexed yet), each frame with its 9-byte
    # frame header. The HTTP/1.1 text is printed for comparison.
    pseudo = [(":method", "POST"), (":scheme", "https"), (":authority", HOST)]
    pseudo.append((":path", "/api/v1/offline/sync"))
    h2_request = pseudo + [(n.lower(), v) for n, v in headers if n not in ("Host", "Connection")]
    h2_response = [(":status", str(response.status_code))]
    h2_response += [(n.lower(), v) for n, v in response.items()]
    frame = 9
    parts = {
        "request headers": frame + len(hpack.Encoder().encode(h2_request)),
        "request body": frame + len(body),
        "response headers": frame + len(hpack.Encoder().encode(h2_response)),
        "response body": frame + len(response.content),
    }
    print("HTTP/1.1:", len(request_head) + len(body) + len(response_head) + len(response.content))
    return sum(parts.values()), parts


def compact(actions) -> bytes:
    return json.dumps({"actions": actions}, separators=(",", ":")).encode()


AT = (datetime.datetime(2026, 12, 2, 9, 30, tzinfo=datetime.UTC)).isoformat()


def test_one_lesson_completion_fits_in_1_kb(client, volunteer):
    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    lesson = lessons_of(course)[0]
    body = compact(
        [
            {
                "key": str(uuid.uuid4()),
                "kind": "lesson_done",
                "at": AT,
                "payload": {"lesson_id": lesson.pk},
            }
        ]
    )
    total, parts = wire_bytes(client, body)
    print(total, parts)
    assert total <= LESSON_BUDGET, parts


def test_a_twenty_answer_attempt_fits_in_5_kb(client, volunteer):
    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    quiz = make_quiz(
        ModulePage.objects.child_of(course).get(), [make_question("single") for _ in range(20)]
    )
    attempt = attempt_start(by=volunteer, quiz=quiz)
    client.force_login(volunteer)
    actions = [
        {
            "key": str(uuid.uuid4()),
            "kind": "answer",
            "at": AT,
            "payload": {
                "attempt_id": attempt.pk,
                "question_id": answer.question_version_id,
                "response": correct_response(answer.question_version),
                "seq": 1733131800000 + i,  # the client's seq: a millisecond clock
            },
        }
        for i, answer in enumerate(attempt.answers.select_related("question_version"))
    ]
    actions.append(
        {
            "key": str(uuid.uuid4()),
            "kind": "submit",
            "at": AT,
            "payload": {"attempt_id": attempt.pk},
        }
    )
    total, parts = wire_bytes(client, compact(actions))
    print(total, parts)
    assert total <= ATTEMPT_BUDGET, parts
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.score == 20
