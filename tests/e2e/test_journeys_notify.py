"""Browser journeys for [I] notifications and sharing, at 360 px and 1280 px: a trainer marks a
volunteer's essay in the browser, the volunteer's header bell counts it, the list says what
happened and opening it marks it read; a certified volunteer shares the verification link to
WhatsApp or copies it."""

from urllib.parse import parse_qs, urlsplit

import pytest

from assessments.models import Quiz, QuizRole
from assessments.services import answer_save, attempt_start, attempt_submit
from certificates.models import Certificate
from demo.factories import lessons_of
from modules.models import ModulePage
from modules.services import enrollment_create, lesson_complete
from notifications.models import Notification
from people.models import User

from .checks import VIEWPORTS, SiteChecks
from .test_journeys_h import demo_course, login

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _essay_waiting(volunteer, course):
    """The volunteer's post-test submitted with its essay answered; returns (quiz, essay)."""
    enrollment_create(user=volunteer, course=course)
    for lesson in lessons_of(course):
        lesson_complete(by=volunteer, lesson=lesson)
    quiz = Quiz.objects.get(module__in=ModulePage.objects.child_of(course), role=QuizRole.POST_TEST)
    attempt = attempt_start(by=volunteer, quiz=quiz)
    essay = None
    for n, answer in enumerate(attempt.answers.select_related("question_version"), start=1):
        if answer.question_version.kind == "essay":
            essay = answer
            answer_save(
                by=volunteer,
                attempt_id=attempt.pk,
                question_id=answer.question_version_id,
                response="Saya menjaga kerahasiaan keluarga dan memakai kode, bukan nama.",
                seq=n,
            )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    assert essay is not None, "the demo post-test has an essay"
    return quiz, essay


def _bell_count(page) -> int:
    badge = page.locator("header .bell .bell-count")
    return int(badge.inner_text()) if badge.count() else 0


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_marked_essay_rings_the_bell_and_opening_it_reads_it(demo, viewport, make_context):
    base, course = demo, demo_course()
    volunteer = User.objects.get(username="relawan")
    quiz, essay = _essay_waiting(volunteer, course)
    checks = SiteChecks(base, viewport, "i-bell")

    reader = make_context(viewport).new_page()
    login(reader, base, "relawan")
    reader.goto(f"{base}/dashboard/")
    before = _bell_count(reader)

    desk = make_context(viewport).new_page()
    login(desk, base, "pelatih")
    desk.goto(f"{base}/pelatih/esai/{essay.pk}/")
    desk.fill("input[name=score]", "3")
    desk.locator("main form button[type=submit]").click()
    desk.wait_for_load_state("load")
    assert "/pelatih/" in desk.url

    reader.goto(f"{base}/dashboard/")
    checks.check(reader, "i-bell-dashboard")
    assert _bell_count(reader) > before
    bell = reader.locator("header .bell")
    assert "belum dibaca" in bell.get_attribute("aria-label")
    # In sight without scrolling the menu sideways: beside the brand on a phone.
    box = bell.bounding_box()
    assert box and box["x"] + box["width"] <= VIEWPORTS[viewport]["width"], box
    assert box["y"] + box["height"] <= 60, box
    bell.click()
    reader.wait_for_load_state("load")
    assert urlsplit(reader.url).path == "/notifikasi/"
    checks.check(reader, "i-bell-list")
    item = reader.locator("li.unread", has_text=f"Esai Anda di “{quiz.title}” telah dinilai")
    assert "Nilai: 3 dari" in item.inner_text()
    item.locator("button[type=submit]").click()
    reader.wait_for_load_state("load")
    checks.check(reader, "i-bell-opened")
    marked = Notification.objects.get(recipient=volunteer, kind="essay_marked")
    assert marked.read_at is not None
    reader.goto(f"{base}/notifikasi/")
    assert reader.locator("li.unread", has_text="telah dinilai").count() == 0
    assert reader.locator("li.read", has_text="telah dinilai").count() == 1
    left = Notification.objects.filter(recipient=volunteer, read_at=None).count()
    assert _bell_count(reader) == left

    # "Mark all read" empties the bell.
    if left:
        reader.locator("form[action$='/baca-semua/'] button").click()
        reader.wait_for_load_state("load")
    assert _bell_count(reader) == 0
    checks.assert_clean()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_certified_volunteer_shares_the_verification_link(demo, viewport, make_context):
    base = demo
    certificate = Certificate.objects.get(holder__username="lulus")
    checks = SiteChecks(base, viewport, "i-share")
    context = make_context(viewport)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base)
    page = context.new_page()
    login(page, base, "lulus")
    page.goto(f"{base}/dashboard/")
    checks.check(page, "i-share-dashboard")
    share = page.locator(".share").first
    whatsapp = share.get_by_role("link", name="Bagikan ke WhatsApp")
    href = whatsapp.get_attribute("href")
    assert href.startswith("https://wa.me/?text=")
    text = parse_qs(urlsplit(href).query)["text"][0]
    link = share.locator("input.share-url").input_value()
    assert link in text and link.endswith(f"/verify/{certificate.code}/")
    assert len(link) <= 160  # short enough to go in an SMS with a few words around it
    copy = share.get_by_role("button", name="Salin tautan")
    copy.click()
    page.wait_for_function("() => document.querySelector('button[data-copy]').textContent !== ''")
    assert page.evaluate("() => navigator.clipboard.readText()") == link
    assert page.request.get(link).status == 200
    checks.assert_clean()
