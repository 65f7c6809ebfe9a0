"""Benchmark: start / save / submit of a 50-question quiz through the real API, as SQL query
counts and median server time, each as a ratio to a baseline endpoint that only authenticates
the user (GET /api/v1/me), measured in the same run.

Background tasks go to django-tasks' dummy backend here, as they go to the database queue in
production: the verdict recompute that a submit enqueues is measured on its own, last.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/quiz_api.py

It creates and drops its own test database (test_<name>), so it never touches real data.
"""

import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "30"))
QUESTIONS = 50


def timed(fn):
    start = time.perf_counter()
    response = fn()
    elapsed = time.perf_counter() - start
    assert response.status_code == 200, response.content[:300]
    return elapsed, response


def queries(fn) -> int:
    with CaptureQueriesContext(connection) as captured:
        fn()
    return len(captured)


def main() -> None:
    from assessments.models import QuestionVersion
    from demo.factories import correct_response, make_course, make_question, make_quiz, make_user
    from modules.models import ModulePage
    from modules.services import enrollment_create

    kinds = ["single", "multiple", "true_false", "numeric", "ordering", "matching", "short_text"]
    course = make_course(title="Benchmark", modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    questions = [
        make_question(kinds[i % len(kinds)], accepted_answers="ya", numeric_answer=1)
        for i in range(QUESTIONS)
    ]
    quiz = make_quiz(module, questions, time_limit_minutes=60, shuffle_questions=True)
    user = make_user("bench", phone="+6281200000999")
    enrollment_create(user=user, course=course)
    client = Client()
    client.force_login(user)
    versions = {v.pk: v for v in QuestionVersion.objects.all()}

    times = {"baseline": [], "start": [], "save": [], "submit": []}
    counts = {}
    seq = 0
    for _ in range(ROUNDS):
        for _ in range(5):
            times["baseline"].append(timed(lambda: client.get("/api/v1/me"))[0])
        elapsed, response = timed(lambda: client.post(f"/api/v1/quizzes/{quiz.pk}/attempts"))
        times["start"].append(elapsed)
        body = response.json()
        for question in body["questions"]:
            seq += 1
            payload = json.dumps(
                {"response": correct_response(versions[question["id"]]), "seq": seq}
            )
            url = f"/api/v1/attempts/{body['id']}/answers/{question['id']}"
            times["save"].append(
                timed(lambda u=url, p=payload: client.put(u, p, content_type="application/json"))[0]
            )
        times["submit"].append(
            timed(lambda b=body: client.post(f"/api/v1/attempts/{b['id']}/submit"))[0]
        )

    # Query counts, once each, outside the timed loop.
    counts["baseline"] = queries(lambda: client.get("/api/v1/me"))
    holder = {}
    counts["start"] = queries(
        lambda: holder.update(body=client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json())
    )
    question = holder["body"]["questions"][0]
    seq += 1
    counts["save"] = queries(
        lambda: client.put(
            f"/api/v1/attempts/{holder['body']['id']}/answers/{question['id']}",
            json.dumps({"response": correct_response(versions[question["id"]]), "seq": seq}),
            content_type="application/json",
        )
    )
    counts["submit"] = queries(
        lambda: client.post(f"/api/v1/attempts/{holder['body']['id']}/submit")
    )

    from assessments.verdict import verdict_recompute

    recompute = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        verdict_recompute(user=user, course=course)
        recompute.append(time.perf_counter() - start)
    counts["recompute"] = queries(lambda: verdict_recompute(user=user, course=course))
    times["recompute"] = recompute

    base = statistics.median(times["baseline"])
    print(f"database: {connection.vendor}, {QUESTIONS} questions, {ROUNDS} rounds")
    print(f"{'request':<10}{'median ms':>10}{'x baseline':>12}{'queries':>9}{'x baseline':>12}")
    for name in ("baseline", "start", "save", "submit", "recompute"):
        median = statistics.median(times[name])
        print(
            f"{name:<10}{median * 1000:>10.2f}{median / base:>12.2f}{counts[name]:>9}"
            f"{counts[name] / counts['baseline']:>12.2f}"
        )


if __name__ == "__main__":
    from django.test.utils import override_settings

    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ).enable()
    setup_test_environment()
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
