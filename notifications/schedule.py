"""Scheduled notices (session tomorrow, the trainers' digest): the apps above register a job in
their AppConfig.ready(); `send_due_notifications` runs every job, then sends what is due. A job
must be idempotent (notify() with an event_key of its day or slot): cron runs it every few
minutes."""

import datetime
from collections.abc import Callable

JOBS: dict[str, Callable[..., int]] = {}


def register(name: str, job: Callable[..., int]) -> None:
    """job(now=aware datetime) -> how many notifications it made or found."""
    JOBS[name] = job


def run_scheduled(*, now: datetime.datetime) -> dict[str, int]:
    return {name: job(now=now) for name, job in sorted(JOBS.items())}
