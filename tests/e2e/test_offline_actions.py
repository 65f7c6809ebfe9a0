"""[J] What a volunteer does on a bus without a signal reaches the server once the signal
returns, in Chromium (context.set_offline): lessons marked done, an untimed quiz taken and
submitted, the attitude self-assessment, an evidence photo chosen with the file chooser."""

import pytest
from PIL import Image

from assessments.models import Attempt, AttitudeInstrument, AttitudeRating, Evidence, Quiz, Rubric
from demo.factories import lessons_of
from modules.models import LessonCompletion, ModulePage
from modules.services import enrollment_create, lesson_complete
from offline.models import SyncedAction
from people.models import User

from .checks import VIEWPORTS, SiteChecks
from .test_journeys_h import demo_course, login
from .test_offline import controlled, save_course

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

ANSWER_ALL = """() => {
  document.querySelectorAll('fieldset[data-question]').forEach(box => {
    const kind = box.dataset.kind;
    if (['single', 'true_false'].includes(kind)) { box.querySelector('input[type=radio]').click(); }
    else if (kind === 'multiple') { box.querySelector('input[type=checkbox]').click(); }
    else if (kind === 'ordering') {
      box.querySelectorAll('select[data-item]').forEach((s, i) => {
        s.value = String(i + 1); s.dispatchEvent(new Event('change', {bubbles: true}));
      });
    } else if (kind === 'matching') {
      box.querySelectorAll('.match-item').forEach(g => g.querySelector('input').click());
    } else {
      const f = box.querySelector('input[type=text], textarea');
      f.value = '1'; f.dispatchEvent(new Event('input', {bubbles: true}));
      f.dispatchEvent(new Event('change', {bubbles: true}));
    }
  });
  return document.querySelectorAll('fieldset[data-question]').length;
}"""


def queued(page) -> int:
    return page.evaluate("async () => (await PSMStore.queued(PSMOffline.key)).length")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_bus_ride_without_signal_reaches_the_server_once(
    demo, viewport, make_context, tmp_upload_dir
):
    base, course = demo, demo_course()
    volunteer = User.objects.get(username="relawan")
    enrollment_create(user=volunteer, course=course)
    lessons = lessons_of(course)
    first_module = ModulePage.objects.child_of(course).order_by("path").first()
    offline_lessons = [lesson for lesson in lessons if lesson.get_parent().pk == first_module.pk]
    for lesson in lessons:  # everything else done: the evidence module opens
        if lesson not in offline_lessons:
            lesson_complete(by=volunteer, lesson=lesson)
    quiz = Quiz.objects.filter(module=first_module, time_limit_minutes__isnull=True).first()
    instrument = AttitudeInstrument.objects.filter(
        module__in=ModulePage.objects.child_of(course)
    ).first()
    rubric = Rubric.objects.filter(module__in=ModulePage.objects.child_of(course)).first()
    assert quiz and instrument and rubric, (
        "the demo course has an untimed quiz, an instrument, a rubric"
    )
    checks = SiteChecks(base, viewport, "j-offline-actions")
    context = make_context(viewport)
    page = context.new_page()
    login(page, base, "relawan")
    save_course(page, base, course)

    # Online: prepare the untimed quiz for taking offline.
    page.goto(f"{base}/kuis/{quiz.pk}/")
    controlled(page)
    page.locator("#offline-quiz").click()
    page.wait_for_selector("#offline-quiz + p a")
    checks.check(page, "j-quiz-prepared")
    attempt = Attempt.objects.get(user=volunteer, quiz=quiz)
    attempt_url = page.locator("#offline-quiz + p a").get_attribute("href")

    context.set_offline(True)
    # Lessons never visited, marked done without a signal.
    for lesson in offline_lessons:
        page.goto(f"{base}{lesson.url}")
        page.locator(".lesson-actions form button[type=submit]").click()
        page.wait_for_selector(".lesson-actions .done-note")
    page.screenshot(path=str(checks.folder / "90-lesson-done-offline.png"), full_page=True)
    assert not LessonCompletion.objects.filter(user=volunteer, lesson__in=offline_lessons).exists()

    # The quiz, from the phone, answered and submitted.
    page.goto(f"{base}{attempt_url}")
    page.reload()  # a reload offline keeps the attempt
    count = page.evaluate(ANSWER_ALL)
    assert count > 0
    page.locator("#submit-attempt").click()
    page.locator("#submit-confirm [data-action=submit]").click()
    page.wait_for_function(
        "() => document.getElementById('sync-status').textContent.includes('dinilai')"
    )
    page.screenshot(path=str(checks.folder / "91-quiz-queued.png"), full_page=True)

    # The attitude self-assessment.
    page.goto(f"{base}/sikap/{instrument.pk}/")
    for fieldset in page.locator("form.likert fieldset").all():
        fieldset.locator("input[value='4']").check()
    page.locator("form.likert button[type=submit]").click()
    page.wait_for_selector("#offline-notice .message-success")

    # An evidence photo, chosen with the file chooser.
    photo = tmp_upload_dir / "kunjungan.jpg"
    Image.new("RGB", (64, 48), (20, 120, 90)).save(photo, "JPEG")
    page.goto(f"{base}/bukti/{rubric.pk}/")
    with page.expect_file_chooser() as chooser:
        page.locator("input[type=file]").click()
    chooser.value.set_files(str(photo))
    page.fill("textarea[name=description]", "Kunjungan rumah keluarga binaan")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#offline-notice .message-success")
    waiting = queued(page)
    assert waiting >= len(offline_lessons) + 3
    assert page.locator("#offline-queue").is_visible()
    assert f"({waiting})" in page.locator("#offline-queue").inner_text()
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(checks.folder / "92-badge.png"), full_page=False)
    box = page.locator("#offline-queue").bounding_box()
    brand = page.locator(".brand").bounding_box()
    middle = lambda b: b["y"] + b["height"] / 2  # noqa: E731
    if viewport == "phone":  # a desktop header may give it a second row beside the menu
        assert abs(middle(box) - middle(brand)) < 12, "the badge sits on the brand's row"
    assert box["x"] + box["width"] <= VIEWPORTS[viewport]["width"]
    assert not Evidence.objects.filter(volunteer=volunteer, rubric=rubric).exists()

    # The signal returns: "Kirim sekarang" sends everything, once.
    context.set_offline(False)
    page.locator("#offline-queue button").click()
    page.wait_for_function("() => document.getElementById('offline-queue').hidden", timeout=30_000)
    assert LessonCompletion.objects.filter(
        user=volunteer, lesson__in=offline_lessons
    ).count() == len(offline_lessons)
    attempt.refresh_from_db()
    assert attempt.status != "in_progress"
    assert AttitudeRating.objects.filter(volunteer=volunteer, instrument=instrument).count() == 1
    assert Evidence.objects.filter(volunteer=volunteer, rubric=rubric).count() == 1
    assert not SyncedAction.objects.filter(user=volunteer, status="rejected").exists()
    # Sending again sends nothing twice.
    page.reload()
    assert queued(page) == 0
    assert Evidence.objects.filter(volunteer=volunteer, rubric=rubric).count() == 1
    checks.check(page, "j-all-sent")
    # The trainer finds the photo sent from the bus waiting to be checked.
    trainer = make_context(viewport).new_page()
    login(trainer, base, "pelatih")
    trainer.goto(f"{base}/pelatih/")
    trainer.wait_for_load_state("load")
    waiting = trainer.locator("a[href*='/pelatih/observasi/']", has_text=volunteer.full_name)
    assert waiting.count() >= 1, trainer.inner_text("main")
    checks.check(trainer, "j-trainer-sees-it")
    checks.assert_clean()
