"""[J] A saved course follows the server: a lesson changed there is refreshed on the phone at
the next sync, a course the volunteer was taken out of disappears from it, and a phone without
room says so and keeps nothing half-saved (Chromium, context.set_offline)."""

import pytest

from demo.factories import lessons_of
from modules.models import Enrollment
from modules.services import enrollment_create
from people.models import User

from .test_journeys_h import demo_course, login
from .test_offline import controlled, eventually, save_course, user_storage

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CACHED_TEXT = """async ([name, url]) => {
  const hit = await (await caches.open(name)).match(url);
  return hit ? await hit.text() : null;
}"""


def saved_course(make_context, base):
    course = demo_course()
    enrollment_create(user=User.objects.get(username="relawan"), course=course)
    context = make_context("phone")
    page = context.new_page()
    login(page, base, "relawan")
    save_course(page, base, course)
    (cache,), _ = user_storage(page)
    return course, context, page, cache


def test_a_lesson_changed_on_the_server_is_refreshed_on_the_phone(demo, make_context):
    base = demo
    course, context, page, cache = saved_course(make_context, base)
    lesson = lessons_of(course)[3]
    url = f"{base}{lesson.url}"
    assert lesson.title in page.evaluate(CACHED_TEXT, [cache, url])

    lesson.title = f"{lesson.title} (edisi baru)"
    lesson.save_revision().publish()
    page.goto(f"{base}/dashboard/")  # online: the page load compares versions
    eventually(lambda: "edisi baru" in (page.evaluate(CACHED_TEXT, [cache, url]) or ""))
    context.set_offline(True)
    page.goto(url)
    assert page.locator("h1").inner_text().strip() == lesson.title


def test_a_course_the_volunteer_left_disappears_from_the_phone(demo, make_context):
    base = demo
    course, context, page, cache = saved_course(make_context, base)
    lesson = lessons_of(course)[1]
    url = f"{base}{lesson.url}"
    assert page.evaluate(CACHED_TEXT, [cache, url])

    Enrollment.objects.filter(user__username="relawan", course=course).delete()
    page.goto(f"{base}/dashboard/")
    eventually(lambda: page.evaluate(CACHED_TEXT, [cache, url]) is None)
    context.set_offline(True)
    page.goto(f"{base}/luring/")
    page.wait_for_load_state("load")
    assert course.title not in page.locator("main").inner_text()
    page.goto(url)  # not saved any more: the offline page, not the lesson
    assert lesson.title not in page.locator("main").inner_text()


def test_a_full_phone_says_so_and_keeps_nothing_half_saved(demo, make_context):
    base, course = demo, demo_course()
    enrollment_create(user=User.objects.get(username="relawan"), course=course)
    context = make_context("phone")
    page = context.new_page()
    login(page, base, "relawan")
    page.goto(f"{base}{course.url}")
    controlled(page)
    cdp = context.new_cdp_session(page)
    cdp.send("Storage.overrideQuotaForOrigin", {"origin": base, "quotaSize": 20_000})
    box = page.locator("#offline-save")
    box.locator("button").first.click()  # "Simpan untuk dibaca tanpa sinyal": the size first
    page.wait_for_selector("#offline-save .offline-status:has-text('MB')")
    box.locator("button").first.click()  # "Simpan sekarang": the room is checked here
    # The override is enforced when the files are written (estimate() still reports the disk):
    # the write fails with QuotaExceededError and the page says the phone is full.
    message = page.locator("#psm-offline").get_attribute("data-msg-quota")
    status = box.locator(".offline-status")
    status.filter(has_text=message).wait_for(timeout=30_000)
    page.screenshot(path="tests/e2e/artifacts/phone/j-offline-full.png")
    lesson = lessons_of(course)[0]
    caches_, _ = user_storage(page)
    for name in caches_:
        assert page.evaluate(CACHED_TEXT, [name, f"{base}{lesson.url}"]) is None
    page.goto(f"{base}/luring/")
    page.wait_for_load_state("load")
    assert course.title not in page.locator("main").inner_text()
