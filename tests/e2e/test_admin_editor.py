"""The trainer's page editor in a real browser ([H] 11, 13): the preview panel shows the page
being edited (its iframe was refused: frame-ancestors 'none'), and typing a title into "Add child
page" and walking away leaves no page behind (Wagtail 8's autosave created it)."""

import pytest

from demo.factories import PASSWORD, lessons_of, make_course, make_user
from modules.models import LessonPage, ModulePage

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")


def test_preview_panel_renders_and_leaving_a_new_page_leaves_nothing(live_server, make_context):
    trainer = make_user("pelatih9", "Pelatih")
    course = make_course(modules=1, lessons=1)
    course.trainers.add(trainer)
    course.save()
    lesson = lessons_of(course)[0]
    module = ModulePage.objects.child_of(course).get()
    page = make_context("desktop").new_page()
    refused = []
    page.on("console", lambda m: refused.append(m.text) if "frame-ancestors" in m.text else None)
    login(page, live_server.url, "pelatih9")

    page.goto(f"{live_server.url}/admin/pages/{lesson.pk}/edit/")
    page.click("button[data-side-panel-toggle='preview']")
    frame = page.frame_locator("iframe[data-w-preview-target='iframe']").first
    assert frame.locator("h1").first.inner_text(timeout=20_000) == lesson.title
    assert refused == []

    lessons = LessonPage.objects.count()
    page.goto(f"{live_server.url}/admin/pages/add/modules/lessonpage/{module.pk}/")
    page.wait_for_timeout(2500)  # Wagtail notes the form's first state 2 s after loading
    page.click("#id_title")
    page.keyboard.type("Judul yang ditinggalkan", delay=20)
    page.wait_for_timeout(2500)  # several autosave intervals (500 ms)
    page.goto(f"{live_server.url}/admin/pages/{module.pk}/")
    assert LessonPage.objects.count() == lessons
