"""`make bench`: the whole benchmark suite, from a fresh clone, printing a table and writing
bench/out/results.json.

Everything runs here, on loopback, in throw-away PostgreSQL databases (psm_bench*) and one
Redis database (BENCH_REDIS_URL, flushed): gunicorn with 2 workers under
lms.settings.production (whitenoise, Redis cache, cached_db sessions, django-tasks-db),
locust in headless mode as the load generator, a real `manage.py db_worker` for the task
worker. Each figure is a ratio to a baseline measured in the same run (a shared machine's
absolute times are noise); p50/p95/p99 and throughput are printed for every scenario.

Scenarios and goals (issue [F]):
  lesson page, logged-in volunteer   throughput >= 50 % of an authenticate-only view, 0 errors
  catalogue page, anonymous          throughput >= 60 % of the same baseline, 0 errors
  200 volunteers take one quiz       0 errors, 0 lost answers (read back from the database)
  certificate issue                  <= 1.25 x WeasyPrint alone on the same HTML
  certificate download               <= 1.5 x a static file of the same size
  district report, 10,000 volunteers <= 3 x the same report at 1,000, same query count
  10,000 in-app notifications        <= 3 x a bare insert of the same rows ([I])
  1,000 web pushes to loopback       <= 8 x plain POSTs of the same size ([I])
  offline ([J], bench/offline.py)    saving Bimtek Dasar PSM <= 1.5 MB, a text lesson <= 30 KB,
                                     one lesson sync <= 1 KB, 20 answers + submit <= 5 KB (bytes
                                     on the wire, headers included); saved lesson offline/online

Knobs (environment): BENCH_SECONDS (15) per load run, BENCH_ROUNDS (3) alternating rounds,
BENCH_USERS (4) concurrent users for throughput runs, BENCH_QUIZ_USERS (200),
BENCH_BULK (50) certificates for the task worker, BENCH_SMALL (1000) and BENCH_LARGE (10000)
volunteers for the report, BENCH_PG (postgres://postgres@127.0.0.1:5432/).
"""

import csv
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import psutil
import psycopg

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
OUT = ROOT / "bench" / "out"
PG = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432/")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/7")
SECONDS = int(os.environ.get("BENCH_SECONDS", "15"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))
USERS = int(os.environ.get("BENCH_USERS", "4"))
QUIZ_USERS = int(os.environ.get("BENCH_QUIZ_USERS", "200"))
BULK = int(os.environ.get("BENCH_BULK", "50"))
SMALL = int(os.environ.get("BENCH_SMALL", "1000"))
LARGE = int(os.environ.get("BENCH_LARGE", "10000"))
REPORT_URL = "/admin/laporan/hasil-pelatihan/?group_by=district"
WORK = Path(tempfile.mkdtemp(prefix="psm-bench-"))


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def env_for(db: str, **extra) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "DJANGO_SECRET_KEY": "bench-only-secret-key-not-for-any-real-site-0123456789",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_HSTS_SECONDS": "0",
        "DJANGO_SECURE_PROXY_SSL_HEADER": "1",  # the offline bench's nginx front (HTTPS)
        "DJANGO_LOG_LEVEL": "WARNING",
        "DATABASE_URL": PG + db,
        "REDIS_URL": REDIS_URL,
        **extra,
    }


def run(args: list[str], db: str, **extra) -> str:
    result = subprocess.run(  # noqa: S603 - our own venv's tools
        args, cwd=ROOT, env=env_for(db, **extra), capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}")
    return result.stdout


def manage(db: str, *args: str, **extra) -> str:
    return run([str(BIN / "python"), "manage.py", *args], db, **extra)


def stage(db: str, *args: str) -> str:
    return run([str(BIN / "python"), "bench/stages.py", *args], db)


def database(name: str, template: str | None = None) -> None:
    with psycopg.connect(PG + "postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def peak_rss_mib(pid: int) -> float:
    """The process's high-water mark of resident memory (VmHWM), in MiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


class Gunicorn:
    def __init__(self, db: str):
        self.db, self.port = db, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = open(WORK / f"gunicorn-{db}.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [str(BIN / "gunicorn"), "lms.wsgi:application", "--workers", "2",
             "--bind", f"127.0.0.1:{self.port}"],
            cwd=ROOT, env=env_for(db), stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        for _ in range(300):
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:  # noqa: S310
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.1)
        sys.exit(f"gunicorn did not start: see {self.log.name}")

    def worker_peak_mib(self) -> float:
        workers = psutil.Process(self.process.pid).children()
        return max(peak_rss_mib(w.pid) for w in workers)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(30)
        self.log.close()


def locust(
    server: Gunicorn,
    user_class: str,
    *,
    users: int,
    seconds: int,
    fixture: Path,
    spawn_rate: float | None = None,
    **extra,
) -> dict:
    """One headless locust run; its per-request statistics by name."""
    prefix = WORK / f"locust-{user_class}-{time.monotonic_ns()}"
    subprocess.run(  # noqa: S603 - a non-zero exit only says some requests failed: counted below
        [str(BIN / "locust"), "-f", "bench/locustfile.py", "--headless", "--only-summary",
         "-H", server.url, "-u", str(users), "-r", str(spawn_rate or users),
         "-t", f"{seconds}s", "--stop-timeout", "30", "--csv", str(prefix),
         "--loglevel", "WARNING", user_class],
        cwd=ROOT, env={**os.environ, "BENCH_FIXTURE": str(fixture), **extra},
        stdout=subprocess.DEVNULL, stderr=open(WORK / "locust.log", "a"),  # noqa: SIM115
        check=False,
    )  # fmt: skip
    stats = {}
    with open(f"{prefix}_stats.csv") as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                continue
            stats[row["Name"]] = {
                "requests": int(row["Request Count"]),
                "errors": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": float(row["50%"]),
                "p95": float(row["95%"]),
                "p99": float(row["99%"]),
            }
    return stats


def median_stats(runs: list[dict]) -> dict:
    """Across alternating rounds: the median of each figure, errors summed, and each round's
    throughput (a ratio is taken round by round: neighbouring runs share the machine's mood)."""
    return {
        "requests": sum(r["requests"] for r in runs),
        "errors": sum(r["errors"] for r in runs),
        **{k: statistics.median(r[k] for r in runs) for k in ("rps", "p50", "p95", "p99")},
        "rounds_rps": [r["rps"] for r in runs],
    }


def round_ratio(top: dict, bottom: dict) -> float:
    """The median over rounds of top's throughput / bottom's, measured side by side."""
    return statistics.median(
        t / b for t, b in zip(top["rounds_rps"], bottom["rounds_rps"], strict=True)
    )


def throughput(server: Gunicorn, fixture: Path, scenarios: dict[str, str]) -> dict:
    """Alternating rounds of each scenario, after a short warm-up of each."""
    for user_class in scenarios.values():
        locust(server, user_class, users=USERS, seconds=3, fixture=fixture)
    runs = {name: [] for name in scenarios}
    for r in range(ROUNDS):
        for name, user_class in scenarios.items():
            stats = locust(server, user_class, users=USERS, seconds=SECONDS, fixture=fixture)
            runs[name].append(stats[name])
            log(f"  round {r + 1}: {name}: {stats[name]['rps']:.1f}/s")
    return {name: median_stats(values) for name, values in runs.items()}


def main() -> None:
    OUT.mkdir(exist_ok=True)
    started = time.monotonic()
    results: dict = {"settings": {"seconds": SECONDS, "rounds": ROUNDS, "users": USERS}}
    log(f"work files in {WORK}")

    log("database psm_bench_empty: migrate")
    database("psm_bench_empty")
    manage("psm_bench_empty", "migrate", "--noinput")
    database("psm_bench", template="psm_bench_empty")
    flush_redis()
    log("demo curriculum (seed_demo), static files (collectstatic), load-test data")
    manage("psm_bench", "seed_demo", DJANGO_SETTINGS_MODULE="lms.settings.dev")
    manage("psm_bench", "collectstatic", "--noinput", "-v0")
    fixture = WORK / "fixture.json"
    log(stage("psm_bench", "setup", str(fixture)).strip())

    server = Gunicorn("psm_bench")
    log(f"gunicorn, 2 workers, {server.url}")
    results["pages"] = throughput(
        server,
        fixture,
        {
            "baseline: /api/v1/me": "Baseline",
            "lesson page": "Lesson",
            "catalogue page (anonymous)": "Catalogue",
        },
    )
    results["download"] = throughput(
        server,
        fixture,
        {
            "download: certificate file": "Download",
            "static file, same size": "StaticFile",
            "download: permission check": "DownloadCheck",
        },
    )
    log(f"quiz: {QUIZ_USERS} volunteers start within 10 s, 20 questions each, autosave, submit")
    sent = WORK / "quiz-sent.json"
    quiz = locust(
        server,
        "QuizVolunteer",
        users=QUIZ_USERS,
        spawn_rate=QUIZ_USERS / 10,
        seconds=600,
        fixture=fixture,
        BENCH_QUIZ_SENT=str(sent),
    )
    check = json.loads(stage("psm_bench", "check-quiz", str(sent), str(fixture)))
    results["quiz"] = {"requests": quiz, "database": check}
    log("offline app in Chromium: bytes on the wire, saved lesson offline (bench/offline.py)")
    offline_json = WORK / "offline.json"
    run([str(BIN / "python"), "bench/offline.py", server.url], "psm_bench",
        BENCH_JSON=str(offline_json))  # fmt: skip
    results["offline"] = json.loads(offline_json.read_text())
    results["memory"] = {"gunicorn_worker_peak_mib": server.worker_peak_mib()}
    server.stop()

    log("task worker: the quiz's queued verdicts, then a bulk issue, by `manage.py db_worker`")
    results["memory"].update(task_worker("psm_bench"))

    log("certificate issue against WeasyPrint alone (bench/certificates.py)")
    certificate_json = WORK / "certificates.json"
    run(
        [str(BIN / "python"), "bench/certificates.py"],
        "psm_bench",
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        BENCH_BULK="0",
        BENCH_JSON=str(certificate_json),
    )
    results["certificate_issue"] = json.loads(certificate_json.read_text())

    log("notifications: 10,000 in-app by an announcement, 1,000 web pushes (bench/notify.py)")
    notify_json = WORK / "notify.json"
    run(
        [str(BIN / "python"), "bench/notify.py"],
        "psm_bench",
        DJANGO_SETTINGS_MODULE="lms.settings.test",
        BENCH_JSON=str(notify_json),
    )
    results["notify"] = json.loads(notify_json.read_text())

    results["report"] = {}
    for size in (SMALL, LARGE):
        db = f"psm_bench_{size}"
        log(f"district report: generate {size:,} volunteers in {db}")
        database(db, template="psm_bench_empty")
        flush_redis()
        begin = time.monotonic()
        manage(
            db,
            "generate_scale_data",
            f"--volunteers={size}",
            "--questions=5",
            "--attempts=1",
            "--allow-without-debug",
        )
        generated = time.monotonic() - begin
        analyze(db)
        admin = json.loads(stage(db, "admin-session"))["admin"]
        report_fixture = WORK / f"report-{size}.json"
        report_fixture.write_text(json.dumps({**json.loads(fixture.read_text()), "admin": admin}))
        queries = json.loads(stage(db, "queries", REPORT_URL))[REPORT_URL]
        server = Gunicorn(db)
        locust(server, "Report", users=2, seconds=3, fixture=report_fixture)  # warm-up
        runs = [
            locust(server, "Report", users=2, seconds=SECONDS, fixture=report_fixture)[
                "district report"
            ]
            for _ in range(ROUNDS)
        ]
        server.stop()
        results["report"][str(size)] = {
            **median_stats(runs),
            "queries": queries,
            "generated_seconds": round(generated, 1),
        }
    results["seconds"] = round(time.monotonic() - started)
    table = render(results)
    print(table)
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    (OUT / "results.md").write_text(table + "\n")
    log(f"written: {OUT / 'results.json'} and results.md ({results['seconds']} s in all)")
    if not all(row["met"] for row in results["goals"]):
        sys.exit(1)


def analyze(db: str) -> None:
    with psycopg.connect(PG + db, autocommit=True) as conn:
        conn.execute("ANALYZE")  # fresh statistics, as autovacuum would have by now


def task_worker(db: str) -> dict:
    def worker_run() -> tuple[float, float]:
        begin = time.monotonic()
        process = subprocess.Popen(  # noqa: S603
            [str(BIN / "python"), "manage.py", "db_worker", "--batch", "--no-startup-delay"],
            cwd=ROOT, env=env_for(db), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            sys.exit(f"db_worker exited with {process.returncode}")
        return time.monotonic() - begin, usage.ru_maxrss / 1024

    verdict_seconds, verdict_peak = worker_run()
    job = json.loads(stage(db, "bulk", str(BULK)))["job"]
    bulk_seconds, bulk_peak = worker_run()
    status = json.loads(stage(db, "job-status", str(job)))
    if status["status"] != "done" or status["done"] != BULK:
        sys.exit(f"bulk job did not finish: {status}")
    return {
        "task_worker_peak_mib": max(verdict_peak, bulk_peak),
        "task_worker_verdicts_seconds": round(verdict_seconds, 1),
        "task_worker_bulk": {"certificates": BULK, "seconds": round(bulk_seconds, 1)},
    }


def render(results: dict) -> str:
    pages, download, quiz = results["pages"], results["download"], results["quiz"]
    base = pages["baseline: /api/v1/me"]
    cert = results["certificate_issue"]
    small, large = results["report"][str(SMALL)], results["report"][str(LARGE)]
    save = quiz["requests"].get("quiz: autosave", {})
    db = quiz["database"]
    quiz_errors = sum(s["errors"] for s in quiz["requests"].values())
    lost = db["answers_lost"] + db["answers_different"]
    rows = []

    def row(scenario, stats, ratio, goal, met, note=""):
        rows.append(
            {
                "scenario": scenario,
                "rps": stats.get("rps"),
                "p50": stats.get("p50"),
                "p95": stats.get("p95"),
                "p99": stats.get("p99"),
                "errors": stats.get("errors", 0),
                "ratio": ratio,
                "goal": goal,
                "met": bool(met),
                "note": note,
            }
        )

    row("baseline: authenticate only (/api/v1/me)", base, 1.0, "baseline", True)
    for name, goal in (("lesson page", 0.5), ("catalogue page (anonymous)", 0.6)):
        stats = pages[name]
        ratio = round_ratio(stats, base)
        row(name, stats, ratio, f">= {goal:.2f} x throughput, 0 errors",
            ratio >= goal and stats["errors"] == 0)  # fmt: skip
    row(
        f"quiz: autosave, {db['volunteers_finished']} volunteers x 20 questions",
        save,
        None,
        "0 errors, 0 lost answers",
        quiz_errors == 0 and lost == 0 and db["attempts_submitted"] == QUIZ_USERS,
        f"{db['answers_sent']} answers sent, {lost} lost; {db['attempts_submitted']} "
        f"submitted; {quiz_errors} errors over start/save/submit",
    )
    for name in ("quiz: start", "quiz: submit"):
        if name in quiz["requests"]:
            row(name, quiz["requests"][name], None, "reported", True)
    issue_ratio = cert["issue"]["p50"] / cert["weasyprint"]["p50"]
    row("certificate issue (in process)", cert["issue"], issue_ratio,
        "<= 1.25 x WeasyPrint alone", issue_ratio <= 1.25,
        f"WeasyPrint alone p50 {cert['weasyprint']['p50']:.0f} ms")  # fmt: skip
    file_stats, static_stats = (
        download["download: certificate file"],
        download["static file, same size"],
    )
    # Time per download over time per static file, from throughput with the 2 workers busy
    # (locust's percentiles are whole milliseconds, too coarse for 2-4 ms requests).
    dl_ratio = round_ratio(static_stats, file_stats)
    row("certificate download (signed link)", file_stats, dl_ratio,
        "<= 1.5 x static file, same size (time)",
        dl_ratio <= 1.5 and file_stats["errors"] == 0,
        f"static file: p50 {static_stats['p50']:.0f} ms, {static_stats['rps']:.0f}/s")  # fmt: skip
    row("static file, same size (whitenoise)", static_stats, None, "baseline of the row above",
        True)  # fmt: skip
    row("download: permission check and signed link", download["download: permission check"],
        None, "reported", download["download: permission check"]["errors"] == 0)  # fmt: skip
    report_ratio = large["p50"] / small["p50"]
    row(f"district report, {LARGE:,} volunteers", large, report_ratio,
        f"<= 3 x at {SMALL:,}, same queries",
        report_ratio <= 3 and large["queries"] == small["queries"] and large["errors"] == 0,
        f"at {SMALL:,}: p50 {small['p50']:.0f} ms; queries {small['queries']} vs "
        f"{large['queries']}")  # fmt: skip
    for key, goal, what in (
        ("fan_out", 3, "bare insert of the same rows"),
        ("push", 8, "plain POSTs, same size"),
    ):
        figures = results["notify"][key]
        per_item = figures["seconds"] * 1000 / figures["n"]
        stats = {"rps": figures["n"] / figures["seconds"], "p50": per_item, "p95": per_item,
                 "p99": per_item, "errors": 0}  # fmt: skip
        name = (f"{figures['n']:,} in-app notifications (announcement)" if key == "fan_out"
                else f"{figures['n']:,} web pushes, encrypted, to loopback")  # fmt: skip
        row(name, stats, figures["ratio"], f"<= {goal} x {what}", figures["ratio"] <= goal,
            f"{figures['seconds']} s in all")  # fmt: skip
    if "offline" in results:
        offline_rows(results["offline"], row)
    results["goals"] = rows

    lines = [
        "| scenario | req/s | p50 ms | p95 ms | p99 ms | errors | ratio | goal | met |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        ratio = "" if r["ratio"] is None else f"{r['ratio']:.2f}"
        rps = "" if r["rps"] is None else f"{r['rps']:.1f}"
        lines.append(
            f"| {r['scenario']} | {rps} | {ms(r['p50'])} | {ms(r['p95'])} | {ms(r['p99'])} | "
            f"{r['errors']} | {ratio} | {r['goal']} | {'yes' if r['met'] else 'NO'} |"
        )
    notes = [f"- {r['scenario']}: {r['note']}" for r in rows if r["note"]]
    memory = results["memory"]
    notes.append(
        f"- peak memory: gunicorn worker {memory['gunicorn_worker_peak_mib']:.0f} MiB; task "
        f"worker {memory['task_worker_peak_mib']:.0f} MiB (bulk issue of "
        f"{memory['task_worker_bulk']['certificates']} in "
        f"{memory['task_worker_bulk']['seconds']} s)"
    )
    notes.append(f"- whole run: {results['seconds']} s")
    return "\n".join([*lines, "", *notes])


def ms(value) -> str:
    return "" if value is None else f"{value:.0f}"


def offline_rows(figures: dict, row) -> None:
    """[J]: bytes on the wire (headers included; HTTPS + HTTP/2 through nginx when the machine
    has it, as deployed) against the issue's budgets, the lesson sync over plain HTTP/1.1 for
    comparison, and opening a saved lesson offline against the same lesson from the server."""
    budgets = (
        ("save_course_bytes", 1.5e6, "saving Bimtek Dasar PSM (bytes)", "<= 1.5 MB"),
        ("text_lesson_bytes", 30e3, "a text lesson of the pack (bytes)", "<= 30 KB"),
        ("sync_lesson_bytes", 1024, "syncing one lesson completion (bytes)", "<= 1 KB"),
        ("sync_attempt_bytes", 5120, "syncing 20 answers + submit (bytes)", "<= 5 KB"),
    )
    for key, goal, name, goal_text in budgets:
        value = figures[key]
        row(name, {}, value / goal, goal_text, value <= goal, f"{value:,} bytes")
    if "http1_sync_lesson_bytes" in figures:
        value = figures["http1_sync_lesson_bytes"]
        row("the same lesson sync over HTTP/1.1 (bytes)", {}, value / 1024, "reported", True,
            f"{value:,} bytes, every header in full")  # fmt: skip
    ratio = figures["open_offline_ms"] / figures["open_online_ms"]
    offline, online = figures["open_offline_ms"], figures["open_online_ms"]
    note = f"offline p50 {offline} ms, online {online} ms"
    row("open a saved lesson offline / online", {"p50": offline}, ratio,
        "reported (<= 1 x online)", ratio <= 1, note)  # fmt: skip


if __name__ == "__main__":
    main()
