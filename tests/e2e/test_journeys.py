"""Journeys of a volunteer, a trainer, an office admin and a verifier in a real browser.

One test per viewport (360x740 phone, 1280x800 desktop) walks the chain whose steps depend on
each other: (1) a new volunteer registers, enrols, studies, takes the post-test with the
connection cut halfway, self-assesses and uploads evidence; (2) the trainer authors a lesson and a
question in the Wagtail admin, marks the essay, observes and rates the volunteer, who then
finishes the new lesson and becomes Kompeten; (3) the volunteer downloads the certificate, its
QR code is read from the PDF and opened anonymously (valid), an admin revokes it (revoked);
(4) the language switch goes to English and back. Every public page is checked with axe-core
and, in Indonesian, for English UI words.
"""

import io
import re

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.test import override_settings

from assessments.models import (
    Attempt,
    AttemptAnswer,
    AttitudeInstrument,
    AttitudeRating,
    Evidence,
    Observation,
    Question,
    QuestionVersion,
    Quiz,
    Verdict,
    VerdictStatus,
)
from certificates.models import Certificate
from demo.loader import load_assessments
from modules.models import CoursePage, LessonCompletion, LessonPage, ModulePage
from people.models import User

from .checks import ENGLISH_RE, VIEWPORTS, SiteChecks

PASSWORD = "Belajar-PSM-2026"
DEMO_PASSWORD = "psm-demo-2026"
VOLUNTEER_NAME = "Nur Aisyah Putri"
VOLUNTEER_PHONE = "0812 7700 4321"
ONLINE_ANSWERS = 4  # answered before the connection is cut; the rest are answered offline

# A small real PNG (1x1, red) for the evidence upload.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc000000301010018dd8db00000000049454e44ae426082"
)

# True when the first n questions show "saved" and the page's offline queue is empty.
ALL_SENT_JS = """(n) => {
  const form = document.getElementById("quiz-form");
  const queue = JSON.parse(localStorage.getItem("psm-quiz-" + form.dataset.attempt) || "{}");
  const states = [...document.querySelectorAll("fieldset[data-question] .q-state")].slice(0, n);
  return Object.keys(queue).length === 0 && states.every((e) => e.classList.contains("saved"));
}"""

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def demo(settings, live_server):
    cache.clear()  # rate limits are kept in the local-memory cache between tests
    with override_settings(DEBUG=True):
        call_command("seed_demo", verbosity=0)
    # The QR code must point at this live server so the test can open what it decodes.
    settings.CERTIFICATE_SITE_URL = live_server.url
    return live_server.url


def login(page, base: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "/accounts/login/" not in page.url, page.inner_text("main")


def answer_question(box, version: QuestionVersion) -> object:
    """Give the right answer to one question on the attempt page; return what the server
    should store as the response."""
    data, kind, qid = version.data, version.kind, version.pk
    choices = data.get("choices", [])
    if kind in ("single", "true_false"):
        right = next(c["id"] for c in choices if c["correct"])
        box.locator(f"input[value='{right}']").check()
        return right
    if kind == "multiple":
        right = [c["id"] for c in choices if c["correct"]]
        for cid in right:
            box.locator(f"input[value='{cid}']").check()
        return sorted(right)
    if kind == "short_text":
        box.locator(f"#q{qid}").fill(data["accepted"][0])
        return data["accepted"][0]
    if kind == "numeric":
        box.locator(f"#q{qid}").fill(data["numeric"]["value"].replace(".", ","))
        return data["numeric"]["value"].replace(".", ",")
    if kind == "essay":
        text = (
            "Saya menolak bercerita kepada tetangga dengan sopan, menyimpan catatan kasus di "
            "lemari terkunci, memakai inisial dalam laporan dan di pertemuan IPSM, dan hanya "
            "membuka kerahasiaan bila keselamatan terancam, setelah menjelaskannya kepada warga."
        )
        box.locator(f"#q{qid}").fill(text)
        return text
    if kind == "ordering":
        for rank, choice in enumerate(choices, start=1):
            box.locator(f"#q{qid}_{choice['id']}").select_option(str(rank))
        return [c["id"] for c in choices]
    if kind == "matching":
        for choice in choices:
            box.locator(f"input[name='q{qid}_{choice['id']}'][value='{choice['id']}']").check()
        return {c["id"]: c["id"] for c in choices}
    raise AssertionError(f"unknown kind {kind}")


def canonical(kind: str, response):
    """Multiple choice is a set of ids: compare it without order."""
    return sorted(response) if kind == "multiple" and isinstance(response, list) else response


def read_all_lessons(page, checks, course_url: str) -> None:
    """Open the next lesson from the course page and mark it done, until none is left."""
    for _ in range(60):
        page.goto(course_url)
        checks.check(page)
        next_link = page.locator(".progress-block a.button")
        if next_link.count() == 0:
            return
        next_link.click()
        page.wait_for_load_state("load")
        checks.check(page)
        # The offline script checks the signal before it lets the form go: wait for the post.
        with page.expect_navigation():
            page.locator("form[action*='/selesai/'] button[type=submit]").click()
        page.wait_for_load_state("load")
    raise AssertionError("lessons never ran out")


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
def test_volunteer_trainer_certificate_journey(demo, viewport, make_context, tmp_upload_dir):
    base = demo
    checks = SiteChecks(base, viewport)
    course = CoursePage.objects.get(slug="bimtek-dasar-psm")

    # -- 1. A new volunteer registers ------------------------------------------------------
    volunteer_ctx = make_context(viewport)
    page = volunteer_ctx.new_page()
    page.goto(f"{base}/")
    checks.check(page, "home")
    page.goto(f"{base}/accounts/register/")
    checks.check(page, "register")
    page.fill("#id_full_name", VOLUNTEER_NAME)
    page.fill("#id_phone", VOLUNTEER_PHONE)
    page.fill("#id_birth_place", "Manna")
    page.fill("#id_birth_date", "1994-08-17")
    page.locator("input[name=sex]").first.check()
    page.select_option("#id_district", index=1)
    page.fill("#id_village", "Desa Padang Kedondong")
    page.fill("#id_year_appointed", "2022")
    page.fill("#id_password1", PASSWORD)
    page.fill("#id_password2", PASSWORD)
    page.check("#id_consent")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"{base}/dashboard/")
    checks.check(page, "dashboard-new")
    volunteer = User.objects.get(phone="+6281277004321")
    assert volunteer.full_name == VOLUNTEER_NAME
    assert volunteer.profile.consent_at is not None

    # Enrol from the catalogue.
    page.goto(f"{base}/pelatihan/")
    checks.check(page, "catalogue")
    page.get_by_role("link", name="Bimtek Dasar PSM").first.click()
    page.wait_for_load_state("load")
    checks.check(page, "course-before-enrol")
    course_url = page.url
    page.locator("form[action*='/daftar/'] button[type=submit]").click()
    page.wait_for_load_state("load")
    checks.check(page, "course-enrolled")
    assert course.enrollments.filter(user=volunteer).exists()

    # Read every lesson and mark it done (locked modules open as the previous ones finish).
    read_all_lessons(page, checks, course_url)
    lessons = LessonPage.objects.live().descendant_of(course)
    assert LessonCompletion.objects.filter(user=volunteer).count() == lessons.count() == 19
    page.goto(course_url)
    checks.check(page, "course-all-lessons-done")

    # -- the post-test, with the connection cut halfway ------------------------------------
    quiz = Quiz.objects.get(role="post_test")
    page.get_by_role("link", name=quiz.title, exact=True).click()
    page.wait_for_load_state("load")
    checks.check(page, "quiz-detail")
    page.locator("form[action*='/mulai/'] button[type=submit]").click()
    page.wait_for_url(re.compile(r"/kuis/percobaan/\d+/$"))
    checks.check(page, "quiz-attempt")
    attempt = Attempt.objects.get(user=volunteer, quiz=quiz)
    boxes = page.locator("fieldset[data-question]")
    count = boxes.count()
    assert count == attempt.answers.count() == 14
    expected: dict[int, object] = {}
    kinds: dict[int, str] = {}
    offline_ids: list[int] = []
    for index in range(count):
        box = boxes.nth(index)
        version = QuestionVersion.objects.get(pk=int(box.get_attribute("data-question")))
        if index == ONLINE_ANSWERS:
            # Wait until the online answers are on the server (nothing queued on the phone),
            # then cut the connection.
            page.wait_for_function(ALL_SENT_JS, arg=ONLINE_ANSWERS)
            online = AttemptAnswer.objects.filter(attempt=attempt, saved_at__isnull=False)
            assert set(online.values_list("question_version_id", flat=True)) == set(expected)
            volunteer_ctx.set_offline(True)
        expected[version.pk] = answer_question(box, version)
        kinds[version.pk] = version.kind
        if index >= ONLINE_ANSWERS:
            offline_ids.append(version.pk)
    # Offline: the page keeps accepting answers and says they are queued.
    page.wait_for_function(
        f"() => document.querySelectorAll('.q-state.pending').length >= {len(offline_ids)}"
    )
    for qid in offline_ids:
        state = page.locator(f"#question-{qid} .q-state")
        assert "Belum terkirim" in state.inner_text()
    assert page.locator("#sync-status").inner_text().startswith("Tidak ada koneksi")
    checks.check(page, "quiz-offline-queued")
    unsent = AttemptAnswer.objects.filter(
        attempt=attempt, question_version_id__in=offline_ids, response__isnull=False
    )
    assert not unsent.exists(), "answers given offline reached the server while offline"
    # The connection returns: everything queued is sent, nothing is lost.
    volunteer_ctx.set_offline(False)
    page.wait_for_function(ALL_SENT_JS, arg=count, timeout=30_000)
    page.wait_for_function(
        "() => document.getElementById('sync-status').textContent"
        " === 'Semua jawaban sudah tersimpan.'"
    )
    checks.check(page, "quiz-back-online")
    saved = {
        a.question_version_id: a.response
        for a in AttemptAnswer.objects.filter(attempt=attempt, saved_at__isnull=False)
    }
    for qid in offline_ids:
        assert saved.get(qid) is not None, f"offline answer to question {qid} was lost"
    assert set(saved) == set(expected)
    for qid, want in expected.items():
        assert canonical(kinds[qid], saved[qid]) == canonical(kinds[qid], want), qid
    # A last edit of the essay, then "Kirim" at once (its save is still on its way): the
    # submit must wait for it, and the edited text is what gets marked.
    essay_id = next(qid for qid, kind in kinds.items() if kind == "essay")
    final_essay = expected[essay_id] + " Terima kasih."
    page.locator(f"#q{essay_id}").fill(final_essay)
    with page.expect_response(lambda r: r.url.endswith("/submit")) as submitted:
        page.locator("#submit-attempt").click()
        # "Kirim" asks first; every question is answered, so it names none.
        assert page.locator("#submit-confirm li[data-question]:visible").count() == 0
        page.locator("#submit-confirm [data-action=submit]").click()
    response = submitted.value
    assert response.ok, (response.status, response.text())
    page.wait_for_url(re.compile(r"/kuis/percobaan/\d+/hasil/$"))
    checks.check(page, "quiz-result")
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.needs_marking  # the essay waits
    assert attempt.answers.get(question_version_id=essay_id).response == final_essay

    # -- attitude self-assessment and evidence ---------------------------------------------
    instrument = AttitudeInstrument.objects.get(title=load_assessments().attitude["title"])
    page.goto(course_url)
    page.get_by_role("link", name=instrument.title, exact=True).click()
    page.wait_for_load_state("load")
    checks.check(page, "attitude-self")
    for statement in instrument.statements.all():
        value = "1" if statement.reverse_keyed else "5"
        page.locator(f"input[name='s{statement.pk}'][value='{value}']").check()
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    checks.check(page)
    assert AttitudeRating.objects.filter(volunteer=volunteer, role="self").exists()

    rubric_title = "Observasi kunjungan rumah dan asesmen sederhana"
    page.goto(course_url)
    page.locator(".module-tasks a[href*='/bukti/']").first.click()
    page.wait_for_load_state("load")
    checks.check(page, "evidence-form")
    evidence_file = tmp_upload_dir / "catatan-kunjungan.png"
    evidence_file.write_bytes(PNG)
    page.set_input_files("input[type=file]", str(evidence_file))
    page.locator("textarea, input[name=description]").first.fill("Foto catatan kunjungan rumah")
    with page.expect_navigation():
        page.locator("main form button[type=submit]").click()
    page.wait_for_load_state("load")
    checks.check(page, "evidence-uploaded")
    assert Evidence.objects.filter(volunteer=volunteer, rubric__title=rubric_title).exists()
    assert "catatan-kunjungan.png" in page.inner_text("main")

    page.goto(f"{base}/kompetensi/")
    checks.check(page, "competency-waiting")
    assert "Belum Kompeten" in page.inner_text("main")

    # -- 2. The trainer authors content in the Wagtail admin --------------------------------
    trainer_ctx = make_context(viewport)
    tpage = trainer_ctx.new_page()
    tpage.goto(f"{base}/admin/login/")
    tpage.fill("#id_username", "pelatih")
    tpage.fill("#id_password", DEMO_PASSWORD)
    tpage.locator("form button[type=submit]").first.click()
    tpage.wait_for_url(f"{base}/admin/")
    checks.check(tpage, "admin-dashboard")

    module = ModulePage.objects.child_of(course).get(slug="pencatatan-dan-pelaporan")
    tpage.goto(f"{base}/admin/pages/{module.pk}/add_subpage/")
    tpage.wait_for_url(re.compile(r"/add/modules/lessonpage/"))
    new_title = "Menulis laporan bulanan PSM"
    tpage.fill("#id_title", new_title)
    tpage.fill("#id_intro", "Cara menyusun laporan kegiatan bulanan untuk Dinas Sosial.")
    checks.check(tpage, "admin-new-lesson")
    publish = tpage.locator("button[name=action-publish]")
    if not publish.is_visible():
        tpage.locator(
            "footer [data-w-dropdown-target=toggle], footer .w-dropdown__toggle"
        ).first.click()
    publish.click()
    tpage.wait_for_load_state("load")
    checks.check(tpage, "admin-lesson-published")
    new_lesson = LessonPage.objects.get(title=new_title)
    assert new_lesson.live and new_lesson.get_parent().pk == module.pk

    tpage.goto(f"{base}/admin/snippets/assessments/question/add/")
    tpage.select_option("#id_kind", "true_false")
    question_text = "Laporan kegiatan PSM menyebut warga dengan kode atau inisial."
    tpage.fill("#id_text", question_text)
    tpage.check("#id_true_false_answer")
    checks.check(tpage, "admin-new-question")
    tpage.locator("button.action-save").first.click()
    tpage.wait_for_load_state("load")
    question = Question.objects.get(text=question_text)
    assert question.kind == "true_false" and question.current_version is not None
    assert question.current_version.data["choices"][0]["correct"] is True

    # -- the trainer's pages: essay, observation, attitude rating ---------------------------
    tpage.goto(f"{base}/pelatih/")
    checks.check(tpage, "trainer-queue")
    tpage.locator("a[href*='/pelatih/esai/']", has_text=VOLUNTEER_NAME).first.click()
    tpage.wait_for_load_state("load")
    checks.check(tpage, "trainer-essay")
    tpage.fill("#id_score", "4")
    tpage.locator("main form button[type=submit]").click()
    tpage.wait_for_load_state("load")
    attempt.refresh_from_db()
    assert not attempt.needs_marking and attempt.percent == 100

    tpage.goto(f"{base}/pelatih/")
    tpage.locator("a[href*='/pelatih/observasi/']", has_text=VOLUNTEER_NAME).first.click()
    tpage.wait_for_load_state("load")
    checks.check(tpage, "trainer-observe")
    assert "catatan-kunjungan.png" in tpage.inner_text("main")  # the evidence is shown
    groups = tpage.locator("fieldset")
    for index in range(groups.count()):
        radios = groups.nth(index).locator("input[type=radio]")
        if radios.count():
            radios.last.check()  # the highest level
    tpage.locator("main form button[type=submit]").click()
    tpage.wait_for_load_state("load")
    checks.check(tpage)
    assert Observation.objects.filter(volunteer=volunteer).exists()

    tpage.goto(f"{base}/pelatih/")
    tpage.locator("a[href*='/pelatih/sikap/']", has_text=VOLUNTEER_NAME).first.click()
    tpage.wait_for_load_state("load")
    checks.check(tpage, "trainer-attitude")
    for statement in instrument.statements.all():
        value = "1" if statement.reverse_keyed else "5"
        tpage.locator(f"input[name='s{statement.pk}'][value='{value}']").check()
    tpage.locator("main form button[type=submit]").click()
    tpage.wait_for_load_state("load")
    checks.check(tpage, "trainer-volunteer-page")
    assert re.search(rf"/pelatih/kompetensi/{course.pk}/{volunteer.pk}/$", tpage.url)
    # Everything is assessed, but the lesson the trainer just published is not read yet.
    verdict = Verdict.objects.get(volunteer=volunteer, course=course)
    assert verdict.status == VerdictStatus.BELUM_KOMPETEN
    assert [r["code"] for r in verdict.reasons] == ["module_incomplete"], verdict.reasons
    assert "Belum Kompeten" in tpage.inner_text("main")

    # The volunteer finds the new lesson on the site and finishes it.
    page.goto(course_url)
    page.locator("ol.modules").get_by_role("link", name=new_title, exact=True).click()
    page.wait_for_load_state("load")
    checks.check(page, "new-lesson")
    # As in read_all_lessons: the offline script checks the signal, then lets the post go.
    with page.expect_navigation():
        page.locator("form[action*='/selesai/'] button[type=submit]").click()
    page.wait_for_load_state("load")
    verdict.refresh_from_db()
    assert verdict.status == VerdictStatus.KOMPETEN, verdict.reasons
    tpage.reload()
    checks.check(tpage, "trainer-volunteer-kompeten")
    assert "Kompeten" in tpage.inner_text(".verdict-status")
    assert "Belum" not in tpage.inner_text(".verdict-status")
    page.goto(f"{base}/kompetensi/")
    checks.check(page, "competency-kompeten")
    assert "Belum Kompeten" not in page.inner_text(".verdict-status")

    # -- 3. The certificate: download, QR, verify, revoke ----------------------------------
    certificate = Certificate.objects.get(holder=volunteer, course=course)
    page.goto(f"{base}/dashboard/")
    checks.check(page, "dashboard-certificate")
    link = page.locator("a[href*='/unduh/']").first
    response = volunteer_ctx.request.get(base + link.get_attribute("href"))
    assert response.ok and response.headers["content-type"] == "application/pdf"
    pdf_bytes = response.body()
    (checks.folder / "certificate.pdf").write_bytes(pdf_bytes)
    verify_url = qr_url_from_pdf(pdf_bytes, expected_number=certificate.number)
    assert verify_url == f"{base}/verify/{certificate.code}/"

    visitor_ctx = make_context(viewport)
    vpage = visitor_ctx.new_page()
    vpage.goto(verify_url)
    checks.check(vpage, "verify-valid")
    status = vpage.inner_text(".verify-status")
    assert "Berlaku" in status and "Dicabut" not in status
    assert VOLUNTEER_NAME in vpage.inner_text("main")

    admin_ctx = make_context(viewport)
    apage = admin_ctx.new_page()
    login(apage, base, "admin")
    apage.goto(f"{base}/sertifikat/kelola/")
    checks.check(apage, "certificates-desk")
    apage.fill("#q", certificate.number)
    apage.locator("form.filters button[type=submit]").click()
    apage.wait_for_load_state("load")
    apage.get_by_role("link", name=certificate.number).click()
    apage.wait_for_load_state("load")
    checks.check(apage, "certificate-admin")
    # Revoking asks first: a confirmation page naming the certificate, with a required reason.
    apage.locator(f"a[href='/sertifikat/{certificate.pk}/cabut/']").click()
    apage.wait_for_load_state("load")
    checks.check(apage, "certificate-revoke-confirm")
    confirm = apage.inner_text("main")
    assert certificate.number in confirm and VOLUNTEER_NAME in confirm
    apage.locator("main form button[type=submit]").click()  # no reason yet
    apage.wait_for_load_state("load")
    assert "Tuliskan alasan pencabutan." in apage.inner_text("main")
    certificate.refresh_from_db()
    assert certificate.revoked_at is None
    apage.fill("#revoke-reason", "Data peserta keliru")
    apage.locator("main form button[type=submit]").click()
    apage.wait_for_load_state("load")
    checks.check(apage)
    certificate.refresh_from_db()
    assert certificate.revoked_at is not None
    # Revoked: the office can issue a new one from here.
    assert apage.locator("form[action*='/terbitkan-ulang/'] button").inner_text() == (
        "Terbitkan ulang"
    )

    vpage.reload()
    checks.check(vpage, "verify-revoked")
    assert "Dicabut" in vpage.inner_text(".verify-status")
    assert "Data peserta keliru" in vpage.inner_text("main")

    # -- 4. Language switch: English and back -------------------------------------------------
    vpage.select_option("#language", "en")
    vpage.locator("form.lang-switch button[type=submit]").click()
    vpage.wait_for_load_state("load")
    assert vpage.get_attribute("html", "lang") == "en"
    assert "Revoked" in vpage.inner_text(".verify-status")
    # The word list does catch an English page (the check can fail).
    assert ENGLISH_RE.findall(vpage.inner_text("body"))
    checks.check(vpage, "verify-english", indonesian=False)
    vpage.goto(f"{base}/pelatihan/")
    checks.check(vpage, "catalogue-english", indonesian=False)
    vpage.select_option("#language", "id")
    vpage.locator("form.lang-switch button[type=submit]").click()
    vpage.wait_for_load_state("load")
    assert vpage.get_attribute("html", "lang") == "id"
    checks.checked.discard("/pelatihan/ [id]")
    checks.check(vpage, "catalogue-back-to-indonesian")

    checks.assert_clean()


def qr_url_from_pdf(pdf_bytes: bytes, *, expected_number: str) -> str:
    """Open the PDF (pypdf), then rasterise it (pdfium) and read the QR code (zxing)."""
    import pypdf
    import pypdfium2
    import zxingcpp

    reader = pypdf.PdfReader(io.BytesIO(pdf_bytes))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert VOLUNTEER_NAME in text and expected_number in text
    image = pypdfium2.PdfDocument(pdf_bytes)[0].render(scale=3).to_pil()
    codes = [r.text for r in zxingcpp.read_barcodes(image)]
    assert len(codes) == 1, codes
    return codes[0]
