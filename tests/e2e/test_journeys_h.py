"""Browser journeys for what volunteers, trainers and the office tripped on (issue [H]).

Each test walks one fix as its user would, at 360 px and 1280 px, on the demo data: the state a
journey needs before its first click is made with the services (the long classroom journey in
test_journeys.py already walks those steps in the browser).
"""

import io
import zipfile

import pytest

from assessments.models import Quiz, QuizRole
from assessments.services import answer_save, attempt_start, attempt_submit
from certificates.models import Certificate
from certificates.services import certificate_reissue, certificate_revoke
from demo.factories import lessons_of, make_user
from demo.kompeten import make_kompeten
from modules.models import CoursePage, ModulePage
from modules.services import enrollment_create, lesson_complete
from people.models import User

from .checks import VIEWPORTS, SiteChecks

DEMO_PASSWORD = "psm-demo-2026"

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def login(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url, page.inner_text("main")


def demo_course() -> CoursePage:
    return Certificate.objects.select_related("course").get(holder__username="lulus").course


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_office_zip_holds_valid_certificates_and_counts_split(demo, viewport, make_context):
    """Item 16: the ZIP holds valid certificates by default, the option adds the others named
    by status, and the desk counts each status apart."""
    base, course = demo, demo_course()
    office = User.objects.get(username="admin")
    # Two more holders: one certificate revoked, one re-issued (the old one superseded).
    trainer = User.objects.get(username="pelatih")
    for name in ("zip.satu", "zip.dua"):
        make_kompeten(volunteer=make_user(name), course=course, trainer=trainer)
    certificate_revoke(
        certificate=Certificate.objects.get(holder__username="zip.satu"),
        by=office,
        reason="Data palsu",
    )
    certificate_reissue(
        certificate=Certificate.objects.get(holder__username="zip.dua"),
        by=office,
        reason="Salah nama",
    )
    checks = SiteChecks(base, viewport, "h16")
    context = make_context(viewport)
    page = context.new_page()
    login(page, base, "admin")
    page.goto(f"{base}/sertifikat/kelola/")
    checks.check(page, "h16-desk-counts")
    counts = " ".join(page.inner_text("main").split())
    assert "2 berlaku · 1 dicabut · 1 digantikan" in counts

    def zip_names(include_all: bool) -> list[str]:
        page.goto(f"{base}/sertifikat/kelola/")
        form = page.locator("form:has(button[value=zip])").first
        if include_all:
            form.locator("input[name=include_all]").check()
        form.locator("button[value=zip]").click()
        page.wait_for_load_state("load")
        checks.check(page, f"h16-job-{'all' if include_all else 'valid'}")
        link = page.locator("a[href*='/berkas/']").first
        response = context.request.get(base + link.get_attribute("href"))
        assert response.ok
        return sorted(zipfile.ZipFile(io.BytesIO(response.body())).namelist())

    valid = zip_names(False)
    assert len(valid) == 2 and all(n.upper().startswith("SERTIFIKAT") for n in valid)
    every = zip_names(True)
    assert sorted(n.split("-")[0].upper() for n in every) == [
        "DICABUT",
        "DIGANTIKAN",
        "SERTIFIKAT",
        "SERTIFIKAT",
    ]
    checks.assert_clean()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_waiting_essay_is_said_to_wait_for_the_trainer(demo, viewport, make_context):
    """Item 3: after submitting a post-test whose essay waits for marking, /kompetensi/ says
    it waits for the trainer, not that it was never taken."""
    base, course = demo, demo_course()
    volunteer = User.objects.get(username="relawan")
    enrollment_create(user=volunteer, course=course)
    for lesson in lessons_of(course):
        lesson_complete(by=volunteer, lesson=lesson)
    quiz = Quiz.objects.get(module__in=ModulePage.objects.child_of(course), role=QuizRole.POST_TEST)
    attempt = attempt_start(by=volunteer, quiz=quiz)
    for n, answer in enumerate(attempt.answers.select_related("question_version"), start=1):
        if answer.question_version.kind == "essay":
            answer_save(
                by=volunteer,
                attempt_id=attempt.pk,
                question_id=answer.question_version_id,
                response="Saya menjaga kerahasiaan warga dan memakai inisial.",
                seq=n,
            )
    attempt_submit(by=volunteer, attempt_id=attempt.pk)
    checks = SiteChecks(base, viewport, "h3")
    page = make_context(viewport).new_page()
    login(page, base, "relawan")
    page.goto(f"{base}/kompetensi/")
    checks.check(page, "h3-waiting-for-marking")
    text = page.inner_text("main")
    assert f"“{quiz.title}” sedang menunggu dinilai oleh pelatih" in text
    assert f"“{quiz.title}” belum dikerjakan" not in text
    checks.assert_clean()


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_a_trainer_previews_every_page_type(demo, viewport, make_context):
    """Item 30: "View draft" of a module shows the course opened at that module; the other
    page types preview as themselves (a module page answered 500)."""
    base, course = demo, demo_course()
    module = ModulePage.objects.child_of(course).order_by("path")[1]
    lesson = module.get_children().first()
    checks = SiteChecks(base, viewport, "h30")
    page = make_context(viewport).new_page()
    login(page, base, "pelatih")
    for target in (course, module, lesson):
        response = page.goto(f"{base}/admin/pages/{target.pk}/view_draft/")
        assert response.status == 200, (target.title, response.status)
        checks.check(page, f"h30-view-draft-{target.specific_class.__name__.lower()}")
        assert target.title in page.inner_text("main")
    page.goto(f"{base}/admin/pages/{module.pk}/view_draft/")
    opened = page.locator(f"#module-{module.pk}")
    assert "module-open" in opened.get_attribute("class")
    assert opened.is_visible()
