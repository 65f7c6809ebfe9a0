"""Locust users for `make bench` (bench/run.py starts them headless, one class per run).

BENCH_FIXTURE names the JSON that `bench/stages.py setup` wrote: page addresses and session
keys. Every user sends its session cookie itself: production cookies are Secure, and this is
plain HTTP on loopback.
"""

import itertools
import json
import os
import random
import secrets

import gevent
from locust import FastHttpUser, constant, events, task
from locust.exception import StopUser

FIXTURE = json.loads(open(os.environ["BENCH_FIXTURE"]).read())  # noqa: SIM115
REPORT_URL = os.environ.get("BENCH_REPORT_URL", "/admin/laporan/hasil-pelatihan/")
THINK = (0.3, 1.0)  # seconds a volunteer takes over a question, between autosaves


def headers(session_key: str | None) -> dict:
    if session_key is None:
        return {}
    token = secrets.token_hex(16)
    return {"Cookie": f"sessionid={session_key}; csrftoken={token}", "X-CSRFToken": token}


class Baseline(FastHttpUser):
    """A view that only authenticates the user."""

    wait_time = constant(0)

    def on_start(self):
        self.h = headers(FIXTURE["volunteer"])

    @task
    def me(self):
        self.client.get("/api/v1/me", headers=self.h, name="baseline: /api/v1/me")


class Lesson(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.h = headers(FIXTURE["volunteer"])

    @task
    def lesson(self):
        with self.client.get(
            FIXTURE["lesson_url"],
            headers=self.h,
            allow_redirects=False,
            name="lesson page",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")


class Catalogue(FastHttpUser):
    wait_time = constant(0)

    @task
    def catalogue(self):
        self.client.get(FIXTURE["catalogue_url"], name="catalogue page (anonymous)")


class DownloadCheck(FastHttpUser):
    """The holder asks for their certificate: who may (holder, trainers, office) and a link
    signed for five minutes."""

    wait_time = constant(0)

    def on_start(self):
        self.h = headers(FIXTURE["volunteer"])

    @task
    def check(self):
        with self.client.get(
            f"/sertifikat/{FIXTURE['certificate_id']}/unduh/",
            headers=self.h,
            allow_redirects=False,
            name="download: permission check",
            catch_response=True,
        ) as response:
            if response.status_code != 302:
                response.failure(f"status {response.status_code}")


class Download(FastHttpUser):
    """The stored file by its signed link (taken once, as a browser follows it once), compared
    with a static file of the same size."""

    wait_time = constant(0)

    def on_start(self):
        response = self.client.get(
            f"/sertifikat/{FIXTURE['certificate_id']}/unduh/",
            headers=headers(FIXTURE["volunteer"]),
            allow_redirects=False,
            name="download: link for the run",
        )
        self.link = response.headers["Location"]

    @task
    def download(self):
        with self.client.get(
            self.link, name="download: certificate file", catch_response=True
        ) as response:
            if len(response.content or b"") != FIXTURE["certificate_bytes"]:
                response.failure("wrong size")


class StaticFile(FastHttpUser):
    wait_time = constant(0)

    @task
    def static(self):
        with self.client.get(
            FIXTURE["static_url"], name="static file, same size", catch_response=True
        ) as response:
            if len(response.content or b"") != FIXTURE["certificate_bytes"]:
                response.failure("wrong size")


class Report(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.h = headers(FIXTURE["admin"])

    @task
    def report(self):
        with self.client.get(
            REPORT_URL, headers=self.h, name="district report", catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"status {response.status_code}")


# The quiz: each user is one volunteer who starts the quiz, answers every question with
# autosave (changing their mind on every fifth, as people do), submits and stops.
QUIZ_SESSIONS = iter(FIXTURE["quiz_users"])
SENT: dict[str, dict[str, object]] = {}
DONE = itertools.count(1)
FINISHED = [0]


def pick(question: dict, n: int):
    ids = [c["id"] for c in question["choices"]]
    if question["kind"] == "multiple":
        return sorted({ids[n % len(ids)], ids[(n + 1) % len(ids)]})
    return ids[n % len(ids)]


class QuizVolunteer(FastHttpUser):
    wait_time = constant(0)

    def on_start(self):
        self.h = headers(next(QUIZ_SESSIONS))

    @task
    def take_quiz(self):
        try:
            self._take_quiz()
        except Exception as error:
            self.environment.events.request.fire(
                request_type="JOURNEY",
                name="quiz: whole journey",
                response_time=0,
                response_length=0,
                exception=error,
                context={},
            )
        FINISHED[0] = next(DONE)
        raise StopUser

    def _take_quiz(self):
        start = self.client.post(
            f"/api/v1/quizzes/{FIXTURE['quiz_id']}/attempts", headers=self.h, name="quiz: start"
        )
        attempt = start.json()
        sent = SENT.setdefault(str(attempt["id"]), {})
        seq = 0
        for position, question in enumerate(attempt["questions"]):
            gevent.sleep(random.uniform(*THINK))  # noqa: S311 - think time, not a secret
            tries = [pick(question, position + 1)] if position % 5 == 0 else []
            tries.append(pick(question, position))
            for response in tries:
                seq += 1
                sent[str(question["id"])] = response
                with self.client.put(
                    f"/api/v1/attempts/{attempt['id']}/answers/{question['id']}",
                    json={"response": response, "seq": seq},
                    headers=self.h,
                    name="quiz: autosave",
                    catch_response=True,
                ) as saved:
                    if saved.status_code != 200 or saved.json().get("stale"):
                        saved.failure(f"status {saved.status_code}")
        self.client.post(
            f"/api/v1/attempts/{attempt['id']}/submit", headers=self.h, name="quiz: submit"
        )


@events.test_start.add_listener
def stop_when_everyone_is_done(environment, **kwargs):
    total = environment.parsed_options.num_users if environment.parsed_options else 0

    def watch():
        while FINISHED[0] < total or not SENT:
            gevent.sleep(0.5)
        environment.runner.quit()

    if QuizVolunteer in environment.user_classes and len(environment.user_classes) == 1:
        gevent.spawn(watch)


@events.quitting.add_listener
def write_sent(environment, **kwargs):
    out = os.environ.get("BENCH_QUIZ_SENT")
    if out and SENT:
        with open(out, "w") as handle:
            json.dump({"answers": SENT}, handle)
