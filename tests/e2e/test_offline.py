"""[J] Study without a signal, in Chromium at 360 px and 1280 px: the app installs; a saved
course opens offline at its normal URLs (lessons never visited, a reload); a page not saved
shows /luring/; logging out leaves nothing readable; a second person on the phone finds
nothing of the first."""

import time

import pytest
from playwright.sync_api import Error as PlaywrightError

from demo.factories import lessons_of
from modules.services import enrollment_create
from people.models import User

from .checks import VIEWPORTS, SiteChecks
from .test_journeys_h import demo_course, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

STORAGE = """async () => ({
  caches: await caches.keys(),
  databases: (await indexedDB.databases()).map(d => d.name),
})"""


def eventually(check, timeout: float = 30.0) -> None:
    """Poll a check that reads the browser: Playwright's wait_for_function does not await an
    async predicate (its Promise is truthy at once)."""
    deadline = time.monotonic() + timeout
    while not check():
        assert time.monotonic() < deadline, "the phone did not catch up with the server"
        time.sleep(0.25)


def controlled(page) -> None:
    """Wait until the service worker runs and controls the page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    if not page.evaluate("!!navigator.serviceWorker.controller"):
        page.reload()
    page.wait_for_function("!!navigator.serviceWorker.controller")


def save_course(page, base, course) -> None:
    page.goto(f"{base}{course.url}")
    controlled(page)
    box = page.locator("#offline-save")
    box.locator("button").first.click()  # "Simpan untuk dibaca tanpa sinyal"
    page.wait_for_selector("#offline-save .offline-status:has-text('MB')")
    box.locator("button").first.click()  # "Simpan sekarang"
    page.wait_for_selector("#offline-save .offline-status:has-text('✓')", timeout=60_000)


def user_storage(page) -> tuple[list[str], list[str]]:
    found = page.evaluate(STORAGE)
    mine = lambda names: [n for n in names if n and n.startswith("psm-u-")]  # noqa: E731
    return mine(found["caches"]), mine(found["databases"])


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_installable(demo, viewport, chromium, tmp_path):
    """Chromium's own installability check (what Lighthouse reports), in a normal profile: a
    Playwright context is incognito, where Chromium never offers to install."""
    from .conftest import CHROMIUM, CHROMIUM_ARGS

    context = chromium.browser_type.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        args=CHROMIUM_ARGS,
        headless=True,
        viewport=VIEWPORTS[viewport],
        locale="id-ID",
    )
    try:
        page = context.new_page()
        login(page, demo, "relawan")
        page.goto(f"{demo}/dashboard/")
        controlled(page)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/manifest.webmanifest")
        assert not manifest["errors"], manifest["errors"]
        errors = cdp.send("Page.getInstallabilityErrors")["installabilityErrors"]
        assert errors == [], errors
    finally:
        context.close()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_saved_course_opens_offline_and_logout_leaves_nothing(demo, viewport, make_context):
    base, course = demo, demo_course()
    volunteer = User.objects.get(username="relawan")
    enrollment_create(user=volunteer, course=course)
    lessons = lessons_of(course)
    checks = SiteChecks(base, viewport, "j-offline")
    context = make_context(viewport)
    page = context.new_page()
    login(page, base, "relawan")
    save_course(page, base, course)
    checks.check(page, "j-course-saved")
    caches_, databases = user_storage(page)
    assert len(caches_) == 1 and databases == caches_

    context.set_offline(True)
    never_visited = lessons[2]
    page.goto(f"{base}{never_visited.url}")
    assert page.locator("h1").inner_text().strip() == never_visited.title
    page.reload()
    assert page.locator("h1").inner_text().strip() == never_visited.title
    page.screenshot(path=str(checks.folder / "90-lesson-offline.png"), full_page=True)

    page.goto(f"{base}/notifikasi/")  # never saved: the offline page, listing the course
    assert "/notifikasi/" in page.url
    page.wait_for_selector("#luring-list .luring-course")
    assert course.title in page.locator("#luring-list").inner_text()
    assert never_visited.title in page.locator("#luring-list").inner_text()
    page.screenshot(path=str(checks.folder / "91-luring.png"), full_page=True)

    context.set_offline(False)
    page.goto(f"{base}/dashboard/")
    with page.expect_navigation():
        page.locator("form[action='/accounts/logout/'] button").click()
    page.wait_for_load_state("load")
    assert user_storage(page) == ([], [])
    context.set_offline(True)
    try:  # the worker is gone too (Clear-Site-Data), or it shows the empty /luring/
        page.goto(f"{base}{never_visited.url}")
        assert never_visited.title not in page.locator("main").inner_text()
    except PlaywrightError as error:
        assert "ERR_INTERNET_DISCONNECTED" in str(error)
    checks.assert_clean()


def test_a_second_person_finds_nothing_of_the_first(demo, make_context):
    base, course = demo, demo_course()
    enrollment_create(user=User.objects.get(username="relawan"), course=course)
    lesson = lessons_of(course)[1]
    context = make_context("phone")
    page = context.new_page()
    login(page, base, "relawan")
    save_course(page, base, course)
    first = user_storage(page)
    # The session ends without logging out (cookies gone); someone else signs in.
    context.clear_cookies()
    login(page, base, "lulus")
    page.goto(f"{base}/dashboard/")
    eventually(lambda: first[0][0] not in page.evaluate("caches.keys()"))
    second = user_storage(page)
    assert first[0][0] not in second[0] and first[1][0] not in second[1]
    context.set_offline(True)
    page.goto(f"{base}{lesson.url}")
    assert "luring-list" in page.content()
    assert lesson.title not in page.locator("main").inner_text()
