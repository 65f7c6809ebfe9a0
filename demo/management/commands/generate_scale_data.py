"""Generate a large synthetic data set for benchmarks: by default 10,000 volunteers, 20 courses
with a 25-question quiz each, two submitted attempts per enrolment (1,000,000 saved answers),
verdicts, certificates and cohorts. Fictional people only; refused when DEBUG is off unless
--allow-without-debug is given (the benchmarks run it in a throw-away test database).

Answers follow a simple item-response model (each volunteer has an ability, each question a
difficulty) so that item analysis and reports see realistic, not uniform, numbers."""

import datetime
import math
import random
import time
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from assessments.models import (
    Attempt,
    AttemptAnswer,
    AttemptStatus,
    Question,
    QuestionChoice,
    QuestionType,
    Quiz,
    QuizQuestion,
    Verdict,
    VerdictStatus,
)
from assessments.services import question_version_publish
from certificates.models import Certificate, CertificateTemplate, new_verification_code
from cohorts.models import Cohort
from modules.models import CourseIndexPage, CoursePage, Enrollment, ModulePage
from people.models import District, VolunteerProfile
from people.roles import VOLUNTEER_GROUP

BATCH = 10_000
FIRST_NAMES = ["Siti", "Nur", "Dewi", "Rina", "Agus", "Budi", "Hendra", "Yanti", "Rudi", "Eka"]
LAST_NAMES = ["Aminah", "Saputra", "Rahmawati", "Pratama", "Wulandari", "Hidayat", "Lestari"]


class Command(BaseCommand):
    help = "Generate a large synthetic data set (fictional people) for benchmarks."

    def add_arguments(self, parser):
        parser.add_argument("--volunteers", type=int, default=10_000)
        parser.add_argument("--courses", type=int, default=20)
        parser.add_argument("--questions", type=int, default=25)
        parser.add_argument("--courses-per-volunteer", type=int, default=2)
        parser.add_argument("--attempts", type=int, default=2)
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--allow-without-debug", action="store_true")

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["allow_without_debug"]:
            raise CommandError("Refused: DEBUG is off (this writes 10,000 fictional people).")
        if VolunteerProfile.objects.filter(user__username__startswith="gen-").exists():
            raise CommandError("Generated data is already here.")
        rng = random.Random(options["seed"])  # noqa: S311 - repeatable fake data, not secrets
        started = time.perf_counter()
        with transaction.atomic():
            people = self._volunteers(rng, options["volunteers"])
            courses = self._courses(options["courses"], options["questions"])
        answers = self._results(rng, people, courses, options)
        self.stdout.write(
            f"{len(people)} volunteers, {len(courses)} courses, {answers} answers "
            f"in {time.perf_counter() - started:.0f} s"
        )

    def _volunteers(self, rng, count: int) -> list[tuple[int, float]]:
        User = get_user_model()
        districts = list(District.objects.values_list("pk", flat=True))
        unusable = make_password(None)
        now = timezone.now()
        people = []
        for start in range(0, count, BATCH):
            users = User.objects.bulk_create(
                [
                    User(
                        username=f"gen-{i:06d}",
                        full_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)} {i}",
                        phone=f"+62857{i:08d}",
                        password=unusable,
                    )
                    for i in range(start, min(start + BATCH, count))
                ]
            )
            VolunteerProfile.objects.bulk_create(
                [
                    VolunteerProfile(
                        user=user,
                        birth_place="Manna",
                        birth_date=datetime.date(
                            1965 + rng.randrange(40), 1 + rng.randrange(12), 2
                        ),
                        sex=rng.choice("LP"),
                        village=f"Desa {1 + rng.randrange(150)}",
                        district_id=rng.choice(districts),
                        year_appointed=2005 + rng.randrange(20),
                        consent_at=now,
                    )
                    for user in users
                ]
            )
            group = Group.objects.get(name=VOLUNTEER_GROUP)
            User.groups.through.objects.bulk_create(
                [User.groups.through(user_id=user.pk, group_id=group.pk) for user in users]
            )
            people += [(user.pk, rng.gauss(0, 1)) for user in users]
        return people

    def _courses(self, count: int, questions: int) -> list[dict]:
        catalogue = CourseIndexPage.objects.first()
        if catalogue is None:
            raise CommandError("No catalogue page: run migrations first.")
        template = CertificateTemplate.objects.filter(is_default=True).first()
        if template is None:
            template = CertificateTemplate.objects.create(name="Standar", is_default=True)
        courses = []
        for c in range(count):
            course = catalogue.add_child(
                instance=CoursePage(title=f"Pelatihan Skala {c + 1}", summary="Data uji", jp=16)
            )
            modules = [
                course.add_child(instance=ModulePage(title=f"Modul {d}", domain=d))
                for d in ("knowledge", "skills", "attitude")
            ]
            quiz = Quiz.objects.create(title=f"Post-test {c + 1}", module=modules[0])
            versions = []
            for q in range(questions):
                question = Question(kind=QuestionType.SINGLE, text=f"Soal {c + 1}.{q + 1}")
                question.save()
                QuestionChoice.objects.bulk_create(
                    [
                        QuestionChoice(
                            question=question, text=f"Pilihan {k}", is_correct=k == 0, sort_order=k
                        )
                        for k in range(4)
                    ]
                )
                QuizQuestion.objects.create(quiz=quiz, question=question, sort_order=q)
                version = question_version_publish(question=question)
                difficulty = (q - questions / 2) / (questions / 4)  # easy ... hard
                versions.append((version, difficulty))
            courses.append({"course": course, "quiz": quiz, "versions": versions})
        self.template = template
        return courses

    def _results(self, rng, people, courses, options) -> int:
        now = timezone.now()
        answers = 0
        per_person = options["courses_per_volunteer"]
        pending: list[tuple[Attempt, float, dict]] = []
        enrollments, verdicts, certificates = [], [], []
        cohort_members: dict[int, list[int]] = {}
        for index, (user_id, ability) in enumerate(people):
            for k in range(per_person):
                course = courses[(index + k * 7) % len(courses)]
                enrollments.append(Enrollment(user_id=user_id, course=course["course"]))
                cohort_members.setdefault(course["course"].pk, []).append(user_id)
                for number in range(1, options["attempts"] + 1):
                    attempt = Attempt(
                        quiz=course["quiz"],
                        user_id=user_id,
                        number=number,
                        status=AttemptStatus.SUBMITTED,
                        started_at=now,
                        finished_at=now,
                        max_score=Decimal(len(course["versions"])),
                    )
                    pending.append((attempt, ability + 0.3 * (number - 1), course))
                roll = rng.random()
                if roll < 0.9:
                    status = VerdictStatus.KOMPETEN if roll < 0.6 else VerdictStatus.BELUM_KOMPETEN
                    scores = [min(100, max(0, round(70 + 12 * ability + rng.gauss(0, 8))))] * 3
                    verdicts.append(
                        Verdict(
                            volunteer_id=user_id,
                            course=course["course"],
                            status=status,
                            knowledge=scores[0],
                            skills=scores[1],
                            attitude=scores[2],
                            final_score=scores[0],
                            predicate="Baik",
                            computed_at=now,
                        )
                    )
                    if status == VerdictStatus.KOMPETEN:
                        certificates.append((user_id, course["course"]))
            if len(pending) >= 2_000:
                answers += self._attempts(rng, pending)
                pending = []
        answers += self._attempts(rng, pending)
        Enrollment.objects.bulk_create(enrollments, batch_size=BATCH)
        Verdict.objects.bulk_create(verdicts, batch_size=BATCH)
        self._certificates(certificates, now)
        for course in courses:
            members = cohort_members.get(course["course"].pk, [])
            halves = (members[: len(members) // 2], members[len(members) // 2 :])
            for half, chunk in enumerate(halves):
                cohort = Cohort.objects.create(
                    name=f"Angkatan {half + 1} {course['course'].title}",
                    course=course["course"],
                    start_date=datetime.date(2026, 1 + half * 6, 1),
                    end_date=datetime.date(2026, 2 + half * 6, 1),
                )
                Cohort.members.through.objects.bulk_create(
                    [Cohort.members.through(cohort_id=cohort.pk, user_id=u) for u in chunk],
                    batch_size=BATCH,
                )
        return answers

    def _attempts(self, rng, pending) -> int:
        if not pending:
            return 0
        with transaction.atomic():
            attempts = Attempt.objects.bulk_create([a for a, _ability, _course in pending])
            rows = []
            for attempt, (_a, ability, course) in zip(attempts, pending, strict=True):
                right_count = 0
                for position, (version, difficulty) in enumerate(course["versions"]):
                    right = rng.random() < 1 / (1 + math.exp(difficulty - ability))
                    right_count += right
                    choice_ids = [c["id"] for c in version.data["choices"]]
                    picked = choice_ids[0] if right else rng.choice(choice_ids[1:])
                    rows.append(
                        AttemptAnswer(
                            attempt=attempt,
                            question_version=version,
                            position=position,
                            response=picked,
                            seq=1,
                            score=Decimal(1 if right else 0),
                            correct=right,
                        )
                    )
                attempt.score = Decimal(right_count)
                attempt.percent = (Decimal(100) * right_count / len(course["versions"])).quantize(
                    Decimal("0.01")
                )
            AttemptAnswer.objects.bulk_create(rows, batch_size=BATCH)
            Attempt.objects.bulk_update(attempts, ["score", "percent"], batch_size=BATCH)
        return len(rows)

    def _certificates(self, pairs, now) -> None:
        year = timezone.localdate(now).year
        Certificate.objects.bulk_create(
            [
                Certificate(
                    number=f"{i + 1:05d}/PSM/GEN/{year}",
                    code=new_verification_code(),
                    holder_id=user_id,
                    course=course,
                    template=self.template,
                    data={"generated": True},
                    pdf=f"generated/{i}.pdf",  # counted by reports; no file is rendered
                    sha256="0" * 64,
                    issued_at=now,
                )
                for i, (user_id, course) in enumerate(pairs)
            ],
            batch_size=BATCH,
        )
