"""Child processes for the tests that run the app as real servers and workers on the test's
PostgreSQL database (tests/test_reliability.py, tests/test_multiprocess.py)."""

import contextlib
import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def database_url() -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def child_env(*, settings_module: str = "lms.settings.test", **extra) -> dict:
    """The environment of a child process that uses this test's database."""
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "DJANGO_SETTINGS_MODULE": settings_module,
        **extra,
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_open(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return True
    except OSError:
        return False


class Children:
    """Processes started in their own process groups (a gunicorn master and its worker stop
    together), each with its output in a log file, stopped with SIGTERM and then SIGKILL."""

    def __init__(self, log_dir: Path):
        self.log_dir = log_dir
        self.started: list[tuple[str, subprocess.Popen, Path]] = []

    def start(self, name: str, args: list[str], env: dict) -> subprocess.Popen:
        log = self.log_dir / f"{name}.log"
        with log.open("wb") as handle:
            process = subprocess.Popen(  # noqa: S603 - our own venv's programs
                args,
                cwd=ROOT,
                env=env,
                start_new_session=True,
                stdout=handle,
                stderr=subprocess.STDOUT,
            )
        self.started.append((name, process, log))
        return process

    def check_running(self):
        for name, process, _log in self.started:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited with {process.returncode}\n{self.logs()}")

    def stop(self, grace: float = 10):
        for _name, process, _log in self.started:
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGTERM)
        deadline = time.monotonic() + grace
        for _name, process, _log in self.started:
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(max(0.1, deadline - time.monotonic()))
            with contextlib.suppress(ProcessLookupError):  # the whole group, stragglers too
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    def logs(self, tail: int = 6000) -> str:
        parts = []
        for name, process, log in self.started:
            text = log.read_text(errors="replace") if log.exists() else ""
            parts.append(f"----- {name} (exit {process.poll()}) -----\n{text[-tail:]}")
        return "\n".join(parts)
