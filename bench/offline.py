"""Benchmark the offline app in Chromium against a running server ([J]).

    python bench/offline.py http://127.0.0.1:PORT          (bench/run.py calls it)

Bytes are counted on the wire by a TCP proxy on loopback between Chromium and the server (both
directions, headers included, after gzip), so they are what a volunteer's data plan pays. The
site is reached as deployed, HTTPS with HTTP/2 through nginx (bench/h2front.py; TLS records
counted), when nginx is installed; the lesson sync is measured over plain HTTP/1.1 as well:
1. saving the demo course "Bimtek Dasar PSM" (the real "Simpan" button) <= 1.5 MB;
2. one text lesson as the saver fetches it <= 30 KB;
3. syncing one lesson completion <= 1 KB, and a 20-answer attempt with its submit <= 5 KB,
   sent by the page's own queue (PSMStore.flush);
4. opening a saved lesson offline / the same lesson online from the server (median of N each).
Prints JSON (or writes it to BENCH_JSON). Uses the demo account relawan (seed_demo).
"""

import contextlib
import datetime
import json
import os
import socket
import statistics
import sys
import threading
import time
import uuid
from urllib.parse import urlsplit

import h2front
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
COURSE = os.environ.get("BENCH_OFFLINE_COURSE", "Bimtek Dasar PSM")
OPENS = int(os.environ.get("BENCH_OFFLINE_OPENS", "15"))
PASSWORD = "psm-demo-2026"  # noqa: S105 - the demo accounts' published password


class CountingProxy:
    """Forwards every connection to the server and counts the bytes both ways."""

    def __init__(self, upstream: str):
        parts = urlsplit(upstream)
        self.target = (parts.hostname, parts.port)
        self.bytes = 0
        self.up = 0  # browser -> server
        self.seen = b""  # the server's bytes since reset (BENCH_OFFLINE_DEBUG)
        self.lock = threading.Lock()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def reset(self) -> None:
        with self.lock:
            self.bytes = self.up = 0
            self.seen = b""

    def read(self) -> int:
        time.sleep(0.3)  # let the last packets through
        with self.lock:
            return self.bytes

    def _accept(self) -> None:
        while True:
            client, _ = self.listener.accept()
            server = socket.create_connection(self.target)
            for a, b, upward in ((client, server, True), (server, client, False)):
                threading.Thread(target=self._pipe, args=(a, b, upward), daemon=True).start()

    def _pipe(self, source, sink, upward: bool) -> None:
        try:
            while data := source.recv(65536):
                with self.lock:
                    self.bytes += len(data)
                    if upward:
                        self.up += len(data)
                    self.seen += data
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, sink):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)


def login(page, base: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", "relawan")
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("main button[type=submit]")


def controlled(page) -> None:
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.reload()
    page.wait_for_function("!!navigator.serviceWorker.controller")


def open_median(page, url: str, offline: bool, context) -> float:
    context.set_offline(offline)
    times = []
    for _ in range(OPENS):
        begin = time.perf_counter()
        page.goto(url, wait_until="load")
        times.append((time.perf_counter() - begin) * 1000)
    context.set_offline(False)
    return statistics.median(times)


# The page's own requests, as static/js/offline/packs.js and store.js make them.
FETCH_TEXT = (
    "url => fetch(url, {credentials: 'same-origin'}).then(r => r.text()).then(t => t.length)"
)
CSRF = "document.cookie.match(/(?:^|; )csrftoken=([^;]+)/)[1]"
SYNC = (
    "actions => fetch('/api/v1/offline/sync', {method: 'POST', credentials: 'same-origin', "
    "referrerPolicy: 'no-referrer', "
    "headers: {'Content-Type': 'application/json', 'Accept': 'application/json', "
    f"'X-CSRFToken': {CSRF}}}, body: JSON.stringify({{actions: actions}})}}).then(r => r.json())"
)
PREPARE = (
    "url => fetch(url, {method: 'POST', credentials: 'same-origin', "
    f"headers: {{'Accept': 'application/json', 'X-CSRFToken': {CSRF}}}}}).then(r => r.json())"
)
QUIZ_LINKS = "Array.from(document.querySelectorAll('a[href^=\"/kuis/\"]')).map(a => a.pathname)"


def action(kind: str, payload: dict) -> dict:
    at = datetime.datetime.now(datetime.UTC).isoformat(timespec="milliseconds")
    return {
        "key": str(uuid.uuid4()),
        "kind": kind,
        "at": at.replace("+00:00", "Z"),
        "payload": payload,
    }


def response_for(question: dict):
    if question["kind"] in ("single", "true_false"):
        return question["choices"][0]["id"]
    if question["kind"] == "multiple":
        return [question["choices"][0]["id"]]
    if question["kind"] == "ordering":
        return [c["id"] for c in question["choices"]]
    if question["kind"] == "matching":
        return {c["id"]: question["match_options"][0]["id"] for c in question["choices"]}
    if question["kind"] == "numeric":
        return "1"
    return "jawaban"


def untimed_quiz(page, base: str, course_url: str) -> int:
    """The course's untimed quiz: the one whose page carries the prepare button."""
    page.goto(course_url)
    for path in dict.fromkeys(page.evaluate(QUIZ_LINKS)):
        page.goto(base + path)
        if page.locator("#offline-quiz").count():
            return int(path.strip("/").split("/")[1])
    raise SystemExit("no untimed quiz on the course page")


def save_course(page, base: str, proxy) -> tuple[str, dict, int]:
    page.goto(f"{base}/pelatihan/")
    page.click(f"a:has-text('{COURSE}')")
    enrol = page.locator("form[action*='/daftar/'] button")
    if enrol.count():
        with page.expect_navigation():
            enrol.first.click()
    course_url = page.url
    controlled(page)
    pack_url = page.locator("#offline-save").get_attribute("data-pack")
    pack = page.evaluate(
        "url => fetch(url, {credentials: 'same-origin'}).then(r => r.json())", base + pack_url
    )
    box = page.locator("#offline-save")
    box.locator("button").first.click()  # "Simpan untuk dibaca tanpa sinyal": the size first
    page.wait_for_selector("#offline-save .offline-status:has-text('MB')")
    proxy.reset()
    box.locator("button").first.click()  # "Simpan sekarang"
    page.wait_for_selector("#offline-save .offline-status:has-text('✓')", timeout=120_000)
    return course_url, pack, proxy.read()


def sync_one_lesson(page, base: str, lessons: list, proxy) -> dict:
    """Sync one lesson not done yet (its page has the "Tandai selesai" form)."""
    for lesson in lessons:
        page.goto(base + lesson["url"])
        page.wait_for_load_state("networkidle")
        form = page.locator("form[action*='/selesai/']")
        if form.count():
            lesson_id = int(form.first.get_attribute("action").rstrip("/").split("/")[-2])
            break
    else:
        raise SystemExit("every lesson is done already: run on a fresh seed_demo")
    proxy.reset()
    answer = page.evaluate(SYNC, [action("lesson_done", {"lesson_id": lesson_id})])
    figures = {"bytes": proxy.read(), "up_bytes": proxy.up}
    figures["status"] = answer["results"][0]["status"]
    if os.environ.get("BENCH_OFFLINE_DEBUG"):
        print(proxy.seen.decode(errors="replace"), file=sys.stderr)
    return figures


def main() -> None:
    upstream = sys.argv[1]
    # As deployed: HTTPS with HTTP/2 through nginx, when this machine has it (make bench
    # installs it); BENCH_OFFLINE_HTTP1=1 measures plain HTTP/1.1 to gunicorn only.
    front = None
    if h2front.available() and not os.environ.get("BENCH_OFFLINE_HTTP1"):
        front = h2front.TlsFront(upstream)
    plain_proxy = CountingProxy(upstream)
    proxy = CountingProxy(front.url) if front else plain_proxy
    # localhost: a secure context for the service worker and the site's Secure cookies.
    base = f"{'https' if front else 'http'}://localhost:{proxy.port}"
    result = {"transport": "HTTP/2 over TLS (nginx)" if front else "HTTP/1.1"}
    args = ["--no-sandbox", *(front.chromium_args() if front else [])]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=args)
        context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
        page = context.new_page()
        login(page, base)
        course_url, pack, saved = save_course(page, base, proxy)
        result.update(save_course_bytes=saved, pack_total_bytes=pack["total_bytes"])
        result["pack_items"] = len(pack["items"])

        course_path = urlsplit(course_url).path
        pages = [i for i in pack["items"] if i["kind"] == "page" and i["url"] != course_path]
        lessons = [i for i in pages if not i["url"].startswith(("/kuis/", "/sikap/", "/bukti/"))]
        text_lesson = min(lessons, key=lambda i: i["bytes"])
        # As the saver fetches it, from a page the worker does not answer for (the saved copy
        # would cost nothing).
        plain = browser.new_context(locale="id-ID", service_workers="block")
        other = plain.new_page()
        login(other, base)
        other.wait_for_load_state("networkidle")
        proxy.reset()
        other.evaluate(FETCH_TEXT, base + text_lesson["url"])
        result["text_lesson_bytes"] = proxy.read()
        plain.close()
        result["text_lesson_url"] = text_lesson["url"]

        lesson_sync = sync_one_lesson(page, base, lessons, proxy)
        result["sync_lesson_bytes"] = lesson_sync["bytes"]
        result["sync_lesson_up_bytes"] = lesson_sync["up_bytes"]
        result["sync_lesson_status"] = lesson_sync["status"]
        if front:  # the same act over plain HTTP/1.1, for comparison
            http1 = browser.new_context(locale="id-ID")
            http1_page = http1.new_page()
            http1_base = f"http://localhost:{plain_proxy.port}"
            login(http1_page, http1_base)
            http1_sync = sync_one_lesson(http1_page, http1_base, lessons, plain_proxy)
            result["http1_sync_lesson_bytes"] = http1_sync["bytes"]
            result["http1_sync_lesson_status"] = http1_sync["status"]
            http1.close()

        quiz = untimed_quiz(page, base, course_url)
        prepared = page.evaluate(PREPARE, f"{base}/api/v1/offline/quizzes/{quiz}/prepare")
        questions, attempt = prepared["questions"], prepared["attempt"]
        seq = int(time.time() * 1e6)
        actions = [
            action(
                "answer",
                {
                    "attempt_id": attempt,
                    "question_id": q["id"],
                    "response": response_for(q),
                    "seq": seq + n,
                },
            )
            for n, q in enumerate(questions[n % len(questions)] for n in range(20))
        ]
        actions.append(action("submit", {"attempt_id": attempt}))
        page.wait_for_load_state("networkidle")
        proxy.reset()
        answer = page.evaluate(SYNC, actions)
        result["sync_attempt_bytes"] = proxy.read()
        result["sync_attempt_questions"] = len(questions)
        result["sync_attempt_statuses"] = sorted({r["status"] for r in answer["results"]})
        result["sync_attempt_up_bytes"] = proxy.up
        result["sync_attempt_rejected"] = [r for r in answer["results"] if r["status"] != "applied"]

        lesson_url = base + text_lesson["url"]
        result["open_online_ms"] = round(open_median(page, lesson_url, False, context), 1)
        result["open_offline_ms"] = round(open_median(page, lesson_url, True, context), 1)
        browser.close()
    if front:
        front.stop()
    out = json.dumps(result, indent=2)
    if os.environ.get("BENCH_JSON"):
        with open(os.environ["BENCH_JSON"], "w") as f:
            f.write(out)
    print(out)


if __name__ == "__main__":
    main()
