"""Load the demo curriculum and accounts. Idempotent: existing pages and users are left as they
are, so running it twice (or after a trainer edited a demo page) changes nothing."""

import datetime
import io

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from certificates.models import CertificateTemplate
from cohorts.models import Cohort, CohortSession
from cohorts.services import cohort_add_members
from core.errors import DomainError
from demo.assessments import load_demo_assessments
from demo.kompeten import make_kompeten
from demo.loader import load_courses, load_volunteers
from modules.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from modules.services import enrollment_create, lesson_complete
from modules.workflow import office_review_ensure
from people.models import District, VolunteerImportBatch, VolunteerProfile
from people.roles import OFFICE_ADMIN_GROUP, TRAINER_GROUP, VOLUNTEER_GROUP

COVER_SIZE, COVER_MARGIN, COVER_BAND = (1280, 640), 60, 560


def cover_png(title: str, colour: str) -> bytes:
    """A course cover with its title in white, wrapped to fit inside the margins above the
    gold band (one long line ran off the right edge and read cut off in the catalogue)."""
    width, _height = COVER_SIZE
    canvas = PILImage.new("RGB", COVER_SIZE, colour)
    draw = ImageDraw.Draw(canvas)
    draw.rectangle([0, COVER_BAND, width, COVER_SIZE[1]], fill="#f3c14b")
    room = width - 2 * COVER_MARGIN
    for size in (72, 64, 56, 48, 40):
        font = ImageFont.load_default(size=size)
        lines: list[str] = []
        for word in title.split():
            candidate = f"{lines[-1]} {word}" if lines else word
            if lines and draw.textlength(candidate, font=font) <= room:
                lines[-1] = candidate
            else:
                lines.append(word)
        if len(lines) <= 3 and all(draw.textlength(line, font=font) <= room for line in lines):
            break
    step = int(size * 1.25)
    top = (COVER_BAND - step * len(lines)) // 2
    for number, line in enumerate(lines):
        draw.text((COVER_MARGIN, top + number * step), line, fill="#ffffff", font=font)
    buffer = io.BytesIO()
    canvas.save(buffer, "PNG")
    return buffer.getvalue()


DEMO_PASSWORD = "psm-demo-2026"  # noqa: S105 - documented demo password, refused when DEBUG is off
COVER_COLOURS = ["#0b5d4b", "#8a3b12", "#2c4f8a", "#5b3f8c"]
DEMO_ACCOUNTS = [
    # username, full name, group, phone
    ("relawan", "Sari Rahmawati", VOLUNTEER_GROUP, "+6281299000001"),
    ("pelatih", "Darman Saputra", TRAINER_GROUP, "+6281299000002"),
    ("admin", "Admin Dinas Sosial", OFFICE_ADMIN_GROUP, "+6281299000003"),
    ("lulus", "Rina Oktaviani", VOLUNTEER_GROUP, "+6281299000004"),
]
# The volunteer profiles of the demo accounts in VOLUNTEER_GROUP. relawan starts from nothing;
# lulus is taken through Bimtek Dasar PSM to Kompeten with a certificate (demo.kompeten).
DEMO_PROFILES = {
    "relawan": {
        "birth_place": "Manna",
        "birth_date": datetime.date(1990, 5, 17),
        "sex": "P",
        "village": "Desa Suka Maju",
        "district": "Manna",
        "year_appointed": 2021,
        "ipsm_number": "IPSM-BS-0021",
    },
    "lulus": {
        "birth_place": "Seginim",
        "birth_date": datetime.date(1988, 8, 21),
        "sex": "P",
        "village": "Desa Talang Indah",
        "district": "Seginim",
        "year_appointed": 2022,
        "ipsm_number": "IPSM-BS-0020",
    },
}


def stream_value(body: list[tuple[str, object]]):
    """Turn a lesson's (block_type, value) pairs (demo.loader) into LessonPage.body's form."""
    raw = []
    for block_type, value in body:
        if block_type == "heading":
            value = {"text": value, "level": "h2"}
        elif block_type == "table":
            value = {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": value.get("caption", ""),
                "data": [value["header"], *value["rows"]],
            }
        raw.append({"type": block_type, "value": value})
    return LessonPage.body.field.stream_block.to_python(raw)


# Imported by the office and not activated yet (fictional; phones +62 812 9901 000n).
IMPORTED = [("Rina Marlina", "P"), ("Joko Susilo", "L"), ("Yuliana Sari", "P")]


class Command(BaseCommand):
    help = "Load the demo PSM curriculum and the demo accounts (relawan, pelatih, admin, lulus)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="Do nothing when the database already has users (used by `make run`).",
        )

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError(
                "seed_demo refuses to run with DEBUG off: demo accounts have a public password."
            )
        if options["if_empty"] and get_user_model().objects.exists():
            self.stdout.write("Database already has users; demo data not loaded.")
            return
        with transaction.atomic():
            catalogue = CourseIndexPage.objects.first()
            if catalogue is None:
                raise CommandError("The catalogue page is missing: run `manage.py migrate` first.")
            courses = [self.course(catalogue, data, i) for i, data in enumerate(load_courses())]
            accounts = self.accounts()
            # Migration modules/0006 did this; again here for a database whose workflow was
            # changed since, so the demo's "submit for review" always reaches the office.
            office_review_ensure(apps=apps)
            self.volunteers(courses[0])
            self.imported(accounts["admin"])
            load_demo_assessments(course=courses[0], trainer=accounts["pelatih"])
            CertificateTemplate.objects.get_or_create(
                name="Sertifikat Bimtek PSM",
                defaults={
                    "is_default": True,
                    "signatory_name": "Contoh Nama Kepala Dinas, S.Sos., M.Si.",
                    "signatory_nip": "19700101 199503 1 001",
                    "validity_years": 5,
                },
            )
            # After the template (the certificate needs it) and the cohort: lulus is a member
            # before the certificate is issued, so it gives the cohort's dates and place.
            cohort = self.cohort(courses[0], trainer=accounts["pelatih"])
            Cohort.members.through.objects.get_or_create(cohort=cohort, user=accounts["lulus"])
            make_kompeten(
                volunteer=accounts["lulus"], course=courses[0], trainer=accounts["pelatih"]
            )
        self.stdout.write(self.style.SUCCESS(f"Demo data ready: {len(courses)} courses."))
        self.stdout.write("Demo logins (password psm-demo-2026):")
        for username, _name, group, _phone in DEMO_ACCOUNTS:
            self.stdout.write(f"  {username:<8} {group}")

    def cohort(self, course: CoursePage, *, trainer) -> Cohort:
        """One batch of the basic course, run by the demo trainer, with its enrolled volunteers
        and two sessions (one held, one to come), so the cohort pages have something to show."""
        existing = Cohort.objects.filter(name="Angkatan I 2026").first()
        if existing:
            return existing
        today = timezone.localdate()
        cohort = Cohort(
            name="Angkatan I 2026",
            course=course,
            start_date=today - datetime.timedelta(days=14),
            end_date=today + datetime.timedelta(days=14),
            place="Aula Dinas Sosial Kabupaten Bengkulu Selatan, Manna",
        )
        cohort.sessions = [
            CohortSession(date=today - datetime.timedelta(days=7), topic="Pembukaan dan kebijakan"),
            CohortSession(date=today + datetime.timedelta(days=7), topic="Praktik pendampingan"),
        ]
        cohort.trainers.set([trainer])  # a ClusterableModel keeps it until save()
        cohort.full_clean()
        cohort.save()
        members = get_user_model().objects.filter(enrollments__course=course)
        cohort_add_members(cohort=cohort, users=list(members), by=None)
        return cohort

    # -- content ---------------------------------------------------------------------------
    def cover(self, title: str, colour: str):
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        buffer = io.BytesIO(cover_png(title, colour))
        image = Image(title=title)
        image.file = ImageFile(buffer, name=f"cover-{len(title)}-{colour[1:]}.png")
        image.save()
        return image

    def course(self, catalogue, data: dict, position: int) -> CoursePage:
        course = CoursePage.objects.child_of(catalogue).filter(slug=data["slug"]).first()
        if course is None:
            course = CoursePage(
                title=data["title"],
                slug=data["slug"],
                summary=data["summary"],
                jp=data["jp"],
                objectives="\n".join(data["objectives"]),
                self_enrol=data["self_enrol"],
                cover=self.cover(data["title"], COVER_COLOURS[position % len(COVER_COLOURS)]),
            )
            catalogue.add_child(instance=course)
            course.tags.add(*data["tags"])
            course.save_revision().publish()
        for module_data in data["modules"]:
            self.module(course, module_data)
        return course

    def module(self, course, data: dict) -> ModulePage:
        module = ModulePage.objects.child_of(course).filter(slug=data["slug"]).first()
        if module is None:
            module = ModulePage(
                title=data["title"],
                slug=data["slug"],
                domain=data["domain"],
                jp=data["jp"],
                required=data["required"],
                requires_previous=data["requires_previous"],
                objectives="\n".join(data["objectives"]),
            )
            course.add_child(instance=module)
            module.tags.add(*data["tags"])
            module.save_revision().publish()
        for lesson_data in data["lessons"]:
            if not LessonPage.objects.child_of(module).filter(slug=lesson_data["slug"]).exists():
                lesson = LessonPage(
                    title=lesson_data["title"],
                    slug=lesson_data["slug"],
                    intro=lesson_data["intro"],
                    body=stream_value(lesson_data["body"]),
                )
                module.add_child(instance=lesson)
                lesson.save_revision().publish()
        return module

    # -- people ----------------------------------------------------------------------------
    def accounts(self) -> dict:
        User = get_user_model()
        users = {}
        for username, full_name, group_name, phone in DEMO_ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(username=username, full_name=full_name, phone=phone)
                user.set_password(DEMO_PASSWORD)
                user.full_clean()
                user.save()
                user.groups.add(Group.objects.get(name=group_name))
                if group_name == VOLUNTEER_GROUP:
                    self.profile(user, **DEMO_PROFILES[username])
            users[username] = user
        return users

    def profile(self, user, *, district: str, **fields) -> VolunteerProfile:
        return VolunteerProfile.objects.get_or_create(
            user=user,
            defaults={
                **fields,
                "district": District.objects.get(name=district),
                "consent_at": timezone.now(),
            },
        )[0]

    def imported(self, office) -> None:
        """Three people as an import leaves them, not activated yet: the office prints their
        slips from the import's result page (or Admin -> Users)."""
        User = get_user_model()
        if VolunteerImportBatch.objects.filter(filename="contoh-impor-kantor.xlsx").exists():
            return
        created = []
        for n, (name, sex) in enumerate(IMPORTED, start=1):
            user = User(username=f"impor{n}", full_name=name, phone=f"+628129901000{n}")
            user.set_unusable_password()
            user.full_clean()
            user.save()
            user.groups.add(Group.objects.get(name=VOLUNTEER_GROUP))
            self.profile(
                user,
                birth_place="Manna",
                birth_date=datetime.date(1986, n, 10),
                sex=sex,
                village="Desa Tanjung Aur",
                district="Pino Raya",
                year_appointed=2018,
            )
            created.append(user.pk)
        now = timezone.now()
        VolunteerImportBatch.objects.create(
            filename="contoh-impor-kantor.xlsx",
            file_sha256="0" * 64,
            status=VolunteerImportBatch.Status.DONE,
            total_rows=len(created),
            new_count=len(created),
            created_user_ids=created,
            created_by=office,
            confirmed_by=office,
            confirmed_at=now,
        )

    def volunteers(self, first_course: CoursePage) -> None:
        User = get_user_model()
        group = Group.objects.get(name=VOLUNTEER_GROUP)
        lessons = list(LessonPage.objects.live().descendant_of(first_course).order_by("path"))
        for index, data in enumerate(load_volunteers()):
            if User.objects.filter(username=data["username"]).exists():
                continue
            user = User(
                username=data["username"],
                full_name=data["full_name"],
                phone="+62" + data["phone"][1:],
                email=data["email"],
            )
            user.set_password(DEMO_PASSWORD)
            user.full_clean()
            user.save()
            user.groups.add(group)
            self.profile(
                user,
                birth_place=data["birth_place"],
                birth_date=datetime.date.fromisoformat(data["birth_date"]),
                sex=data["sex"],
                village=data["village"],
                district=data["district"],
                year_appointed=data["year_appointed"],
                ipsm_number=data["ipsm_number"],
            )
            # Two in three volunteers have started the basic course, at different paces.
            if index % 3 != 2:
                enrollment_create(user=user, course=first_course)
                for lesson in lessons[: (index * 3) % (len(lessons) + 1)]:
                    try:
                        lesson_complete(by=user, lesson=lesson)
                    except DomainError:  # a locked module ends this volunteer's run
                        break
