"""Browser journeys for [H] items 4, 5 and 12: a post-test below its pass mark keeps the
verdict Belum Kompeten on every page that speaks of it; a volunteer whose lessons are done sees
what is left before Kompeten, each item linked; a trainer's lesson goes to the office for review
and comes back published. (Items 1, 2 and 11 walk in test_quiz_layout.py and
test_admin_editor.py; 3, 16 and 30 in test_journeys_h.py.)"""

import pytest
from wagtail.models import TaskState

from assessments.models import AttitudeInstrument, Quiz, QuizRole, RaterRole, Rubric
from assessments.services import (
    answer_mark,
    answer_save,
    attempt_start,
    attempt_submit,
    attitude_rate,
    observation_record,
)
from demo.factories import correct_response, lessons_of
from modules.models import ModulePage
from modules.services import enrollment_create, lesson_complete
from people.models import User

from .checks import VIEWPORTS, SiteChecks
from .test_journeys_h import demo_course, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _lessons_done(volunteer, course) -> None:
    enrollment_create(user=volunteer, course=course)
    for lesson in lessons_of(course):
        lesson_complete(by=volunteer, lesson=lesson)


def _post_test_half_right(volunteer, quiz, trainer):
    """Right answers to the first half of the questions, none to the rest; the essay (if any)
    marked low. Returns the submitted attempt."""
    attempt = attempt_start(by=volunteer, quiz=quiz)
    answers = list(attempt.answers.select_related("question_version").order_by("position"))
    for n, answer in enumerate(answers[: len(answers) // 2], start=1):
        version = answer.question_version
        response = correct_response(version, essay="Saya menjaga kerahasiaan keluarga dampingan.")
        answer_save(
            by=volunteer,
            attempt_id=attempt.pk,
            question_id=version.pk,
            response=response,
            seq=n,
        )
    attempt = attempt_submit(by=volunteer, attempt_id=attempt.pk)
    for essay in attempt.answers.filter(needs_marking=True):
        answer_mark(by=trainer, answer_id=essay.pk, score=1, note="Kurang lengkap.")
    attempt.refresh_from_db()
    return attempt


def _skills_and_attitude(volunteer, course, trainer) -> None:
    """Everything outside the knowledge domain done well, so the post-test alone decides."""
    modules = ModulePage.objects.child_of(course)
    rubric = Rubric.objects.select_related("current_version").get(module__in=modules)
    data = rubric.current_version.data
    best = max(data["levels"], key=lambda level: level["points"])["id"]
    observation_record(
        by=trainer,
        volunteer=volunteer,
        rubric=rubric,
        levels={criterion["id"]: best for criterion in data["criteria"]},
        note="Kunjungan rumah, didampingi pelatih.",
    )
    instrument = AttitudeInstrument.objects.get(module__in=modules)
    for rater, role in ((volunteer, RaterRole.SELF), (trainer, RaterRole.TRAINER)):
        answers = {f"s{s.pk}": 1 if s.reverse_keyed else 5 for s in instrument.statements.all()}
        attitude_rate(
            by=rater, volunteer=volunteer, instrument=instrument, role=role, answers=answers
        )


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_post_test_below_its_pass_mark_keeps_belum_kompeten(demo, viewport, make_context):
    """Item 4: the result page says "Belum lulus", and /kompetensi/ agrees: Belum Kompeten
    with the pass-mark reason, linked to the quiz; the trainer's page says the same."""
    base, course = demo, demo_course()
    volunteer = User.objects.get(username="relawan")
    trainer = User.objects.get(username="pelatih")
    _lessons_done(volunteer, course)
    modules = ModulePage.objects.child_of(course)
    quiz = Quiz.objects.get(module__in=modules, role=QuizRole.POST_TEST)
    attempt = _post_test_half_right(volunteer, quiz, trainer)
    assert attempt.percent is not None and attempt.percent < quiz.pass_percent
    _skills_and_attitude(volunteer, course, trainer)

    checks = SiteChecks(base, viewport, "h4")
    context = make_context(viewport)
    page = context.new_page()
    login(page, base, "relawan")
    page.goto(f"{base}/kuis/percobaan/{attempt.pk}/hasil/")
    checks.check(page, "h4-result-not-passed")
    assert "Belum lulus" in page.inner_text("main")

    page.goto(f"{base}/kompetensi/")
    checks.check(page, "h4-kompetensi")
    text = page.inner_text("main")
    assert "Belum Kompeten" in text
    reason = page.locator("main a", has_text=f"Kuis “{quiz.title}”: nilai")
    assert "belum mencapai nilai lulus" in reason.first.inner_text()
    reason.first.click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/").endswith(f"/kuis/{quiz.pk}"), page.url
    checks.check(page, "h4-quiz-from-reason")

    desk = make_context(viewport).new_page()
    login(desk, base, "pelatih")
    desk.goto(f"{base}/pelatih/kompetensi/{course.pk}/{volunteer.pk}/")
    checks.check(desk, "h4-trainer-view")
    trainer_text = desk.inner_text("main")
    assert "Belum Kompeten" in trainer_text and f"Kuis “{quiz.title}”: nilai" in trainer_text
    checks.assert_clean()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_lessons_done_shows_what_is_left_before_kompeten(demo, viewport, make_context):
    """Item 5: with every lesson done and nothing assessed, the dashboard and the course page
    list what is left (post-test, self-assessment, the trainer's observation), each linked, and
    each reason on /kompetensi/ opens where it is resolved."""
    base, course = demo, demo_course()
    volunteer = User.objects.get(username="relawan")
    _lessons_done(volunteer, course)
    modules = ModulePage.objects.child_of(course)
    post_test = Quiz.objects.get(module__in=modules, role=QuizRole.POST_TEST)

    checks = SiteChecks(base, viewport, "h5")
    page = make_context(viewport).new_page()
    login(page, base, "relawan")
    page.goto(f"{base}/dashboard/")
    checks.check(page, "h5-dashboard")
    left = page.locator(".before-kompeten").first
    assert "Sebelum Kompeten" in left.inner_text()
    items = left.locator("li")
    assert items.count() >= 3
    assert left.locator("li a").count() == items.count(), left.inner_text()
    assert f"“{post_test.title}” belum dikerjakan" in left.inner_text()

    page.goto(course.url if course.url.startswith("http") else base + course.url)
    checks.check(page, "h5-course-page")
    assert "Sebelum Kompeten" in page.inner_text("main")

    page.goto(f"{base}/dashboard/")
    page.locator(".before-kompeten li a", has_text=post_test.title).first.click()
    page.wait_for_load_state("load")
    assert page.url.rstrip("/").endswith(f"/kuis/{post_test.pk}"), page.url

    page.goto(f"{base}/kompetensi/")
    checks.check(page, "h5-kompetensi")
    links = page.locator("main li a[href*='/kuis/'], main li a[href*='/sikap/']")
    assert links.count() >= 2
    for href in {links.nth(i).get_attribute("href") for i in range(links.count())}:
        response = page.request.get(base + href if href.startswith("/") else href)
        assert response.status == 200, (href, response.status)
    checks.assert_clean()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_trainers_lesson_goes_to_the_office_and_back_published(demo, viewport, make_context):
    """Item 12: the trainer submits an edited lesson for review ("Ajukan ke Tinjauan Dinas
    Sosial"); Admin Dinsos finds it on the admin home, approves it, and the volunteer reads the
    new version. (Before, the task had no reviewer group and the lesson stayed locked.)"""
    base, course = demo, demo_course()
    lesson = lessons_of(course)[0]
    new_title = f"{lesson.title} (revisi {viewport})"
    checks = SiteChecks(base, viewport, "h12")

    desk = make_context(viewport).new_page()
    login(desk, base, "pelatih")
    desk.goto(f"{base}/admin/pages/{lesson.pk}/edit/")
    desk.fill("#id_title", new_title)
    footer = desk.locator("footer")
    footer.locator("[data-w-dropdown-target='toggle']").first.click()
    submit = footer.locator("button[name='action-submit']")
    assert "Ajukan ke Tinjauan Dinas Sosial" in submit.inner_text()
    submit.click()
    desk.wait_for_load_state("load")
    checks.check(desk, "h12-trainer-submitted")
    lesson.refresh_from_db()
    assert lesson.current_workflow_task_state is not None
    assert lesson.title != new_title  # not live until the office approves

    office = make_context(viewport).new_page()
    login(office, base, "admin")
    office.goto(f"{base}/admin/")
    panel = office.locator("section, div").filter(has_text="Menunggu tinjauan anda").last
    row = office.locator("tr", has_text=new_title).first
    assert panel.is_visible() and row.is_visible()
    checks.check(office, "h12-office-home")
    row.locator("[data-w-dropdown-target='toggle']").first.click()
    row.get_by_role("button", name="Setujui dengan komentar").click()
    dialog = office.locator(".modal-dialog, [role=dialog]").filter(has=office.locator("textarea"))
    dialog.locator("textarea").first.fill("Sudah sesuai, terima kasih.")
    checks.check(office, "h12-office-approve-comment")
    dialog.locator("button[type='submit']").first.click()
    office.wait_for_load_state("load")
    office.wait_for_function(
        "(title) => ![...document.querySelectorAll('tr')].some((r) => r.innerText.includes(title))",
        arg=new_title,
    )
    checks.check(office, "h12-office-approved")
    lesson.refresh_from_db()
    assert lesson.live and lesson.title == new_title
    assert lesson.current_workflow_state is None and lesson.get_lock() is None
    assert TaskState.objects.get(comment="Sudah sesuai, terima kasih.").status == "approved"

    volunteer = User.objects.get(username="relawan")
    enrollment_create(user=volunteer, course=course)
    reader = make_context(viewport).new_page()
    login(reader, base, "relawan")
    reader.goto(base + lesson.get_url())
    checks.check(reader, "h12-volunteer-reads")
    assert new_title in reader.inner_text("main h1")
    checks.assert_clean()
