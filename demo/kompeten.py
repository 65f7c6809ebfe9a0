"""Walk one demo volunteer through Bimtek Dasar PSM to Kompeten and a certificate, through the
same services the site uses: enrol, pre-test, every lesson, post-test (the essay marked by the
trainer), an observation, the attitude self-assessment and trainer rating, the verdict, the
certificate. Used by `seed_demo` for the `lulus` account, so the certificate, verification and
report pages have a real graduate to show."""

from __future__ import annotations

from decimal import Decimal

from django.core.management.base import CommandError

from assessments.models import (
    AttitudeInstrument,
    QuestionVersion,
    Quiz,
    QuizRole,
    RaterRole,
    Rubric,
    VerdictStatus,
)
from assessments.services import (
    answer_mark,
    answer_save,
    attempt_start,
    attempt_submit,
    attitude_rate,
    observation_record,
)
from assessments.verdict import reason_text, verdict_recompute
from certificates.models import Certificate
from certificates.services import certificate_issue
from demo.factories import correct_response
from modules.models import CoursePage, Enrollment, LessonPage, ModulePage
from modules.services import enrollment_create, lesson_complete

ESSAY_ANSWER = (
    "Kepada tetangga di warung saya menjawab dengan sopan bahwa saya tidak dapat menceritakan "
    "urusan keluarga yang saya dampingi, lalu mengalihkan pembicaraan. Catatan kasus keluarga "
    "Ibu Yanti saya simpan di map dalam lemari terkunci di rumah, tidak saya foto dan tidak saya "
    "kirim lewat grup percakapan. Dalam laporan kegiatan saya menyebut keluarga itu dengan kode "
    "KK-07, dan di pertemuan IPSM saya hanya berbagi pelajaran dari kasusnya tanpa nama, alamat, "
    "atau ciri yang membuat orang mengenalinya. Kerahasiaan baru boleh dibuka jika ada ancaman "
    "serius terhadap keselamatan, misalnya kekerasan terhadap anak; saya melaporkannya kepada "
    "TKSK atau Dinas Sosial dan menjelaskan alasannya kepada Ibu Yanti."
)
ESSAY_SCORE = Decimal(3)  # of 4: a good answer, a little short on the IPSM meeting
ESSAY_NOTE = "Sudah tepat. Tambahkan meminta izin keluarga sebelum kasusnya dibahas di IPSM."
OBSERVED = [4, 3, 3, 4, 3]  # level points chosen for the rubric's criteria, in turn
OBSERVATION_NOTE = "Kunjungan rumah ke keluarga lansia di Desa Talang Indah, didampingi pelatih."
SELF_RATING, TRAINER_RATING = 5, 4  # on statements that are not reverse-keyed


def _correct(version: QuestionVersion):
    return correct_response(version, essay=ESSAY_ANSWER)


def _wrong(version: QuestionVersion):
    """A wrong answer for a single-choice question (others get the right one)."""
    if version.kind == "single":
        return next(c["id"] for c in version.data["choices"] if not c["correct"])
    return _correct(version)


def _take(volunteer, quiz: Quiz, *, miss_every_other_single: bool = False):
    attempt = attempt_start(by=volunteer, quiz=quiz, seed=volunteer.pk)
    answers = attempt.answers.select_related("question_version").order_by("position")
    singles = 0
    for answer in answers:
        version = answer.question_version
        response = _correct(version)
        if miss_every_other_single and version.kind == "single":
            singles += 1
            response = _wrong(version) if singles % 2 == 0 else response
        answer_save(
            by=volunteer, attempt_id=attempt.pk, question_id=version.pk, response=response, seq=1
        )
    return attempt_submit(by=volunteer, attempt_id=attempt.pk)


def _likert(instrument: AttitudeInstrument, agree: int) -> dict[str, int]:
    return {
        f"s{s.pk}": (6 - agree) if s.reverse_keyed else agree for s in instrument.statements.all()
    }


def make_kompeten(*, volunteer, course: CoursePage, trainer) -> Certificate | None:
    """Take `volunteer` from nothing to Kompeten with a certificate. Does nothing (returns None)
    when the volunteer is already enrolled: a second seed_demo leaves them as they are."""
    if Enrollment.objects.filter(user=volunteer, course=course).exists():
        return None
    modules = ModulePage.objects.child_of(course)
    enrollment_create(user=volunteer, course=course)

    # Knowledge: a modest pre-test first, then every lesson, then the post-test.
    _take(
        volunteer,
        Quiz.objects.get(module__in=modules, role=QuizRole.PRE_TEST),
        miss_every_other_single=True,
    )
    for lesson in LessonPage.objects.live().descendant_of(course).order_by("path"):
        lesson_complete(by=volunteer, lesson=lesson)
    post_test = _take(volunteer, Quiz.objects.get(module__in=modules, role=QuizRole.POST_TEST))
    for essay in post_test.answers.filter(needs_marking=True):
        answer_mark(by=trainer, answer_id=essay.pk, score=ESSAY_SCORE, note=ESSAY_NOTE)

    # Skills: the trainer observes a home visit.
    rubric = Rubric.objects.select_related("current_version").get(module__in=modules)
    data = rubric.current_version.data
    level_by_points = {level["points"]: level["id"] for level in data["levels"]}
    levels = {
        criterion["id"]: level_by_points[OBSERVED[i % len(OBSERVED)]]
        for i, criterion in enumerate(data["criteria"])
    }
    observation_record(
        by=trainer, volunteer=volunteer, rubric=rubric, levels=levels, note=OBSERVATION_NOTE
    )

    # Attitude: the volunteer's own answers and the trainer's.
    instrument = AttitudeInstrument.objects.get(module__in=modules)
    for rater, role, agree in (
        (volunteer, RaterRole.SELF, SELF_RATING),
        (trainer, RaterRole.TRAINER, TRAINER_RATING),
    ):
        answers = _likert(instrument, agree)
        attitude_rate(
            by=rater, volunteer=volunteer, instrument=instrument, role=role, answers=answers
        )

    verdict = verdict_recompute(user=volunteer, course=course)
    if verdict.status != VerdictStatus.KOMPETEN:
        reasons = "; ".join(reason_text(r) for r in verdict.reasons)
        raise CommandError(f"Demo volunteer {volunteer.username} is not Kompeten: {reasons}")
    # Issued here rather than left to the task the verdict change enqueues on commit: that task
    # finds this certificate and issues none (certificate_issue is idempotent).
    holder = type(volunteer).objects.select_related("profile__district").get(pk=volunteer.pk)
    return certificate_issue(holder=holder, course=course, verdict=verdict)
