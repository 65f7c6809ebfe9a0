"""Benchmark: bulk import of ROWS volunteers (default 5,000) from an XLSX and from a CSV file,
preview (read + check every row + one batch row) and confirm (check again + write), as time
per row and SQL query counts.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/test .venv/bin/python bench/import_volunteers.py

The XLSX run also adds everyone to a cohort (membership and enrolment). It creates and drops
its own test database (test_<name>_import_bench), so it never touches real data.
"""

import csv
import datetime
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.test")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import (  # noqa: E402
    CaptureQueriesContext,
    setup_test_environment,
    teardown_test_environment,
)

ROWS = int(os.environ.get("BENCH_ROWS", "5000"))


def people(first: int, count: int, districts: list[str]):
    for i in range(first, first + count):
        yield [
            f"Relawan Uji {i}",
            f"0815{i:08d}",
            "Manna",
            datetime.date(1960 + i % 40, 1 + i % 12, 1 + i % 28),
            "LP"[i % 2],
            f"Desa {i % 140}",
            districts[i % len(districts)],
            2000 + i % 25,
            "" if i % 3 else f"IPSM-{i}",
        ]


def xlsx_file(rows) -> bytes:
    import openpyxl

    from people.imports import HEADERS

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def csv_file(rows) -> bytes:
    from people.imports import HEADERS

    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")  # as Indonesian Excel saves
    writer.writerow(HEADERS)
    for row in rows:
        writer.writerow(
            [value.strftime("%d/%m/%Y") if hasattr(value, "year") else value for value in row]
        )
    return out.getvalue().encode("utf-8-sig")


def run(label: str, name: str, content: bytes, *, by, cohort=None) -> None:
    from django.utils import timezone

    from people.imports import clean_rows, read_sheet
    from people.services import volunteer_import_confirm, volunteer_import_preview

    # Reading and checking alone (no database), then the real preview and confirm.
    start = time.perf_counter()
    sheet = read_sheet(filename=name, content=content)
    read_s = time.perf_counter() - start
    start = time.perf_counter()
    clean_rows(sheet, today=timezone.localdate())
    check_s = time.perf_counter() - start

    start = time.perf_counter()
    with CaptureQueriesContext(connection) as preview_queries:
        batch = volunteer_import_preview(filename=name, content=content, by=by, cohort=cohort)
    preview_s = time.perf_counter() - start
    assert batch.error_count == 0 and batch.new_count == ROWS, batch.errors[:3]
    start = time.perf_counter()
    with CaptureQueriesContext(connection) as confirm_queries:
        batch = volunteer_import_confirm(batch=batch, by=by)
    confirm_s = time.perf_counter() - start
    assert batch.new_count == ROWS
    per_row = [seconds * 1000 / ROWS for seconds in (read_s, check_s, preview_s, confirm_s)]
    print(
        f"{label:<6}{len(content) / 1024:>7.0f}"
        + "".join(f"{value:>10.3f}" for value in per_row[:3])
        + f"{len(preview_queries):>9}{per_row[3]:>10.3f}{len(confirm_queries):>9}"
        + f"{preview_s + confirm_s:>9.2f}"
    )


def main() -> None:
    from cohorts.models import Cohort
    from demo.factories import make_course, make_user
    from people.models import District

    admin = make_user("bench-admin", "Admin Dinsos")
    districts = list(District.objects.values_list("name", flat=True))
    course = make_course(title="Benchmark", modules=1, lessons=1)
    cohort = Cohort.objects.create(
        name="Angkatan bench",
        course=course,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 9),
    )
    xlsx = xlsx_file(people(1, ROWS, districts))
    semicolon_csv = csv_file(people(ROWS + 1, ROWS, districts))

    print(f"database: {connection.vendor}, {ROWS} rows per file")
    print("milliseconds per row; preview = read + check + database; total in seconds")
    print(
        f"{'file':<6}{'KB':>7}{'read':>10}{'check':>10}{'preview':>10}{'queries':>9}"
        f"{'confirm':>10}{'queries':>9}{'total s':>9}"
    )
    run("xlsx", "bench.xlsx", xlsx, by=admin, cohort=cohort)
    run("csv", "bench.csv", semicolon_csv, by=admin)


if __name__ == "__main__":
    from django.test.utils import override_settings

    override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    ).enable()
    setup_test_environment()
    # Its own database name, so it never clobbers a test run or another benchmark's database.
    test_settings = connection.settings_dict.setdefault("TEST", {})
    test_settings["NAME"] = f"test_{connection.settings_dict['NAME']}_import_bench"
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        main()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
