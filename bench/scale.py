"""Benchmark the office's reports and the quiz item analysis on a large data set.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/scale.py

Generates (manage.py generate_scale_data) BENCH_VOLUNTEERS volunteers (default 10,000) in 20
courses with 1,000,000 saved answers, then requests, as an office admin, the district results
report, the summary with charts and the item analysis of one quiz, ROUNDS times each: the
median time of the whole request and its SQL query count, each beside a baseline measured in
the same run (the admin's home page), since absolute times on a shared machine are noise.
Creates and drops its own test database; with BENCH_EXISTING=1 it uses the DATABASE_URL
database as it is (already filled by `manage.py generate_scale_data`), to measure again quickly.
"""

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "7"))
VOLUNTEERS = int(os.environ.get("BENCH_VOLUNTEERS", "10000"))
EXISTING = os.environ.get("BENCH_EXISTING") == "1"


def measure(client, url: str) -> tuple[float, int]:
    client.get(url)  # warm: templates, caches, the database's buffers
    times, queries = [], 0
    for _ in range(ROUNDS):
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
        queries = len(captured)
    return statistics.median(times) * 1000, queries


def main() -> None:
    from django.test import Client

    from assessments.models import AttemptAnswer, Quiz
    from demo.factories import make_user

    start = time.perf_counter()
    if not EXISTING:
        call_command(
            "generate_scale_data", volunteers=VOLUNTEERS, courses=20, allow_without_debug=True
        )
    generated = time.perf_counter() - start
    answers = AttemptAnswer.objects.count()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # fresh statistics, as autovacuum would have by now
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.filter(username="bench-admin").first()
    admin = admin or make_user("bench-admin", "Admin Dinsos")
    client = Client()
    client.force_login(admin)
    quiz = Quiz.objects.order_by("pk").first()
    rows = [
        ("baseline: admin home", "/admin/"),
        ("results per district", "/admin/laporan/hasil-pelatihan/?group_by=district"),
        ("results per course", "/admin/laporan/hasil-pelatihan/"),
        ("weakest areas", "/admin/laporan/area-terlemah/"),
        ("summary with charts", "/admin/laporan/ringkasan/"),
        ("certificates", "/admin/laporan/sertifikat/"),
        (f"item analysis ({quiz.attempts.count()} attempts)", f"/pelatih/kuis/{quiz.pk}/analisis/"),
    ]
    volunteers = get_user_model().objects.filter(username__startswith="gen-").count()
    print(f"database: {connection.vendor}; {volunteers} volunteers, {answers} answers")
    print(f"generated in {generated:.0f} s; median of {ROUNDS} requests each\n")
    baseline = None
    for label, url in rows:
        ms, queries = measure(client, url)
        baseline = baseline or ms
        print(f"{label:42s} {ms:9.1f} ms  {ms / baseline:6.1f}x  {queries:3d} queries")


if __name__ == "__main__":
    setup_test_environment()
    if EXISTING:
        main()
    else:
        old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
        try:
            main()
        finally:
            connection.creation.destroy_test_db(old_name, verbosity=0)
    teardown_test_environment()
