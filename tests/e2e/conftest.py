"""Real-browser journeys: Playwright for Python driving Debian's Chromium against a live server.

Run with `make e2e`. Playwright's own browser download cannot work on these machines, so the
tests launch /usr/bin/chromium; without it they fail (never skip) with a clear message.
"""

import os
import tempfile
from pathlib import Path

import pytest

from .checks import VIEWPORTS

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix, tmp_path_factory):
    """On SQLite use a file for the test database, not the shared in-memory one: the live
    server then opens a connection per request thread, as a real server does, and the quiz
    page's parallel autosaves do not share one connection."""
    from django.conf import settings

    db = settings.DATABASES["default"]
    if db["ENGINE"].endswith("sqlite3"):
        db.setdefault("TEST", {})["NAME"] = str(tmp_path_factory.mktemp("e2e-db") / "e2e.sqlite3")


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop in the main thread; the test's own ORM reads
    # and writes are still synchronous, so tell Django they are safe (browser tests only).
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (see .ci/run)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
        )
        yield browser
        browser.close()
    if previous is None:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    else:
        os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def make_context(chromium):
    """New browser contexts (separate cookies and storage: one per person) at a viewport."""
    contexts = []

    def make(viewport: str):
        context = chromium.new_context(
            viewport=VIEWPORTS[viewport],
            is_mobile=viewport == "phone",
            has_touch=viewport == "phone",
            locale="id-ID",
            timezone_id="Asia/Jakarta",
        )
        context.set_default_timeout(20_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def tmp_upload_dir():
    with tempfile.TemporaryDirectory(prefix="psm-e2e-") as folder:
        yield Path(folder)


@pytest.fixture
def demo(settings, live_server):
    """The demo data (seed_demo) behind a live server; certificates link to it. Returns its URL."""
    from django.core.cache import cache
    from django.core.management import call_command
    from django.test import override_settings

    cache.clear()
    with override_settings(DEBUG=True):
        call_command("seed_demo", verbosity=0)
    settings.CERTIFICATE_SITE_URL = live_server.url
    return live_server.url
