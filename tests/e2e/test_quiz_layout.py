"""Issue H, in a real browser at 360 and 1280 px: "Kirim" asks first and names the unanswered
questions (item 1); matching options read whole (item 2); question titles stay inside their
cards, radios are 44 px targets, the consent error leaves its label alone, the trainer's
header keeps to two rows and nothing runs off the page (item 10)."""

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from assessments.models import Attempt, AttitudeInstrument, Quiz
from assessments.services import attempt_start
from modules.models import CoursePage
from modules.services import enrollment_create
from people.models import User

from .test_journeys import DEMO_PASSWORD, login

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TAP = 44  # the smallest tap target, in CSS pixels

# Boxes that leave their container (by more than a pixel of rounding), as readable strings.
OUTSIDE_JS = """([inner, outer]) => {
  const bad = [];
  for (const el of document.querySelectorAll(inner)) {
    const box = el.closest(outer).getBoundingClientRect(), r = el.getBoundingClientRect();
    if (r.top < box.top + 1 || r.left < box.left - 1 || r.right > box.right + 1)
      bad.push(el.textContent.trim().slice(0, 40) + ` (${r.top}/${box.top})`);
  }
  return bad;
}"""
SMALL_JS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.getClientRects().length)
  .map((el) => [el.textContent.trim().slice(0, 30), el.getBoundingClientRect()])
  .filter(([, r]) => r.width < 44 || r.height < 44)
  .map(([text, r]) => `${text} ${Math.round(r.width)}x${Math.round(r.height)}`)"""
CUT_JS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.scrollWidth > el.clientWidth + 1)
  .map((el) => el.textContent.trim().slice(0, 40))"""
PAGE_WIDER_JS = "() => document.documentElement.scrollWidth > window.innerWidth"


@pytest.fixture
def demo(live_server):
    cache.clear()
    with override_settings(DEBUG=True):
        call_command("seed_demo", verbosity=0)
    return live_server.url


def assert_fits(page, where: str) -> None:
    assert not page.evaluate(PAGE_WIDER_JS), f"{where}: the page scrolls sideways"


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_quiz_confirms_and_reads_whole(demo, make_context, viewport):
    volunteer = User.objects.get(username="relawan")
    course = CoursePage.objects.get(slug="bimtek-dasar-psm")
    enrollment_create(user=volunteer, course=course)
    quiz = Quiz.objects.get(title__startswith="Pre-test")
    attempt = attempt_start(by=volunteer, quiz=quiz)
    page = make_context(viewport).new_page()
    login(page, demo, "relawan", DEMO_PASSWORD)
    page.goto(f"{demo}/kuis/percobaan/{attempt.pk}/")
    assert_fits(page, "quiz")
    assert page.evaluate(OUTSIDE_JS, [".question > legend", ".question"]) == []
    assert page.evaluate(SMALL_JS, ".question .option") == []
    # Matching: no select cuts an option short; every option is a whole, wrapped label.
    matching = page.locator("fieldset[data-kind=matching]")
    assert matching.locator("select").count() == 0
    assert matching.locator(".match-item").count() == 4
    assert page.evaluate(CUT_JS, "fieldset[data-kind=matching] .option span") == []
    options = "fieldset[data-kind=matching] .option span"
    assert page.evaluate(OUTSIDE_JS, [options, ".question"]) == []
    assert "(1 poin)" in page.inner_text("main")

    # Answer the first question only, then "Kirim": the dialog names the other five.
    page.locator("fieldset[data-question]").first.locator("input[type=radio]").first.check()
    page.wait_for_function("() => document.querySelector('fieldset[data-question] .q-state.saved')")
    page.locator("#submit-attempt").click()
    dialog = page.locator("#submit-confirm")
    dialog.wait_for(state="visible")
    listed = dialog.locator("li[data-question]:visible").all_inner_texts()
    assert listed == [f"Soal {n}" for n in range(2, 7)]
    assert page.evaluate(SMALL_JS, "#submit-confirm button, #submit-confirm a") == []
    # "Kembali menjawab" (like "Simpan jawaban") is the outlined button, not a second "Kirim".
    fills = page.evaluate(
        "() => ['[data-action=back]', '[data-action=submit]', 'button[name=save]']"
        ".map((s) => getComputedStyle(document.querySelector(s)).backgroundColor)"
    )
    assert fills[0] == fills[2] != fills[1], fills
    dialog.locator("[data-action=back]").click()
    dialog.wait_for(state="hidden")
    attempt.refresh_from_db()
    assert attempt.status == "in_progress"  # going back sent nothing

    page.locator("#submit-attempt").click()
    dialog.locator("[data-action=submit]").click()
    page.wait_for_url(f"{demo}/kuis/percobaan/{attempt.pk}/hasil/")
    text = page.inner_text("main")
    assert text.count("Tidak dijawab") == 5
    assert "Pasangan yang benar" in text and "Motivator → Mendorong keluarga" in text
    assert_fits(page, "result")
    assert Attempt.objects.get(pk=attempt.pk).answers.exclude(response=None).count() == 1


@pytest.mark.parametrize("viewport", ["phone", "desktop"])
def test_likert_consent_header_and_catalogue_layout(demo, make_context, viewport):
    volunteer = User.objects.get(username="relawan")
    enrollment_create(user=volunteer, course=CoursePage.objects.get(slug="bimtek-dasar-psm"))
    context = make_context(viewport)
    page = context.new_page()

    page.goto(f"{demo}/pelatihan/")
    assert_fits(page, "catalogue")
    assert page.evaluate(CUT_JS, ".card h3, .card h3 a") == []

    page.goto(f"{demo}/accounts/register/")
    page.locator("main form button[type=submit]").click()
    page.wait_for_selector("#form-errors")
    consent = page.locator(".field-checkbox").first
    label = consent.locator("label").bounding_box()
    error = consent.locator(".error").bounding_box()
    field = consent.bounding_box()
    # The label keeps the row beside its box; the error goes under both, full width.
    assert label["width"] > field["width"] * 0.7, (label, field)
    assert error["y"] >= label["y"] + label["height"] - 1, (error, label)
    assert_fits(page, "registration")

    login(page, demo, "relawan", DEMO_PASSWORD)
    instrument = AttitudeInstrument.objects.get()
    page.goto(f"{demo}/sikap/{instrument.pk}/")
    assert page.evaluate(SMALL_JS, ".likert-row .radio") == []
    assert page.evaluate(OUTSIDE_JS, [".likert-row > legend", ".likert-row"]) == []
    assert_fits(page, "self-assessment")

    trainer = make_context(viewport).new_page()
    login(trainer, demo, "pelatih", DEMO_PASSWORD)
    trainer.goto(f"{demo}/pelatih/")
    rows = trainer.evaluate(
        "(s) => new Set([...document.querySelectorAll(s)]"
        ".map((el) => Math.round(el.getBoundingClientRect().top))).size",
        ".site-header .brand, .main-nav > a, .main-nav .link",
    )
    assert rows <= 2, f"the trainer's header takes {rows} rows"
    assert trainer.evaluate(SMALL_JS, ".main-nav > a, .main-nav .link") == []
    assert trainer.evaluate(CUT_JS, ".main-nav > a, .main-nav .link") == []  # none squeezed
    # Every menu item can be reached: the row scrolls to the last one.
    trainer.locator(".main-nav .link").scroll_into_view_if_needed()
    assert trainer.locator(".main-nav .link").is_visible()
    assert_fits(trainer, "trainer desk")
