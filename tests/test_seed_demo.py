import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from modules.models import CoursePage, Enrollment, LessonPage, ModulePage
from people.models import District


@pytest.mark.django_db
def test_seed_demo_refuses_when_debug_is_off():
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_seed_demo_builds_the_curriculum_and_is_idempotent(client):
    call_command("seed_demo")
    counts = (
        get_user_model().objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        LessonPage.objects.count(),
        Enrollment.objects.count(),
    )
    call_command("seed_demo")
    assert counts == (
        get_user_model().objects.count(),
        CoursePage.objects.count(),
        ModulePage.objects.count(),
        LessonPage.objects.count(),
        Enrollment.objects.count(),
    )
    assert CoursePage.objects.count() >= 3
    basic = CoursePage.objects.get(slug="bimtek-dasar-psm")
    assert basic.jp == 32
    modules = ModulePage.objects.child_of(basic)
    assert modules.count() == 10
    assert sum(m.jp for m in modules) == 32
    assert {m.domain for m in modules} == {"knowledge", "skills", "attitude"}
    assert LessonPage.objects.descendant_of(basic).count() >= 10
    for username in ("relawan", "pelatih", "admin"):
        assert client.login(username=username, password="psm-demo-2026")
    used = set(District.objects.filter(volunteers__isnull=False).values_list("name", flat=True))
    assert len(used) == 11
    assert "lorem" not in LessonPage.objects.first().body.render_as_block().lower()
    from assessments.models import AttitudeInstrument, CompetencyUnit, Question, Quiz, Rubric

    assert set(Quiz.objects.values_list("role", flat=True)) == {"pre_test", "post_test"}
    assert (
        Question.objects.filter(current_version__isnull=False).count() == Question.objects.count()
    )
    assert len({q.kind for q in Question.objects.all()}) == 8
    assert Rubric.objects.get().current_version is not None
    assert AttitudeInstrument.objects.get().statements.filter(reverse_keyed=True).exists()
    assert basic.competency_units.count() == CompetencyUnit.objects.count() == 5
    assert basic.trainers.filter(username="pelatih").exists()
    from cohorts.models import Cohort

    cohort = Cohort.objects.get()  # the second run added no second cohort
    assert cohort.course == basic
    assert list(cohort.trainers.values_list("username", flat=True)) == ["pelatih"]
    enrolled = set(Enrollment.objects.filter(course=basic).values_list("user", flat=True))
    assert set(cohort.members.values_list("pk", flat=True)) == enrolled
    assert cohort.sessions.count() == 2


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_if_empty_skips_a_database_with_users():
    get_user_model().objects.create_user(username="sudah-ada", password="x-Y-z-12345")
    call_command("seed_demo", "--if-empty")
    assert not CoursePage.objects.exists()


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_seed_demo_certifies_lulus_once_and_leaves_relawan_alone(client, commit):
    from django.core.files.storage import default_storage

    from assessments.models import Attempt, ScoreRecord, Verdict, VerdictStatus
    from certificates.models import Certificate, CertificateStatus

    # Run as `manage.py seed_demo` does: on commit, the verdict and certificate tasks run too.
    with commit():
        call_command("seed_demo")
    User = get_user_model()
    basic = CoursePage.objects.get(slug="bimtek-dasar-psm")
    lulus = User.objects.select_related("profile__district").get(username="lulus")
    verdict = Verdict.objects.get(volunteer=lulus, course=basic)
    assert verdict.status == VerdictStatus.KOMPETEN
    assert verdict.reasons == []
    certificate = Certificate.objects.get(holder=lulus)
    assert certificate.course == basic
    assert certificate.status == CertificateStatus.VALID
    assert default_storage.exists(certificate.pdf.name)
    with certificate.pdf.open("rb") as pdf:
        assert pdf.read(5) == b"%PDF-"
    # A believable, distinct person in a kecamatan of Bengkulu Selatan, in the cohort.
    others = User.objects.exclude(pk=lulus.pk)
    assert not others.filter(full_name=lulus.full_name).exists()
    assert not others.filter(phone=lulus.phone).exists()
    assert lulus.profile.district.regency == "Bengkulu Selatan"
    cohort = basic.cohorts.get()
    assert cohort.members.filter(pk=lulus.pk).exists()
    # A member before the issue: the certificate gives the cohort's period and venue ([H] 21).
    assert certificate.data["placeholders"]["place"] == cohort.place
    assert str(cohort.end_date.year) in certificate.data["placeholders"]["dates"]
    assert certificate.data["training"]["source"] == "cohort"
    assert client.login(username="lulus", password="psm-demo-2026")

    with commit():
        call_command("seed_demo")
    assert Certificate.objects.filter(holder=lulus).count() == 1
    assert Certificate.objects.get(holder=lulus).pk == certificate.pk
    assert Attempt.objects.filter(user=lulus).count() == 2  # the pre-test and the post-test

    relawan = User.objects.get(username="relawan")
    assert not Enrollment.objects.filter(user=relawan).exists()
    assert not Attempt.objects.filter(user=relawan).exists()
    assert not Verdict.objects.filter(volunteer=relawan).exists()
    assert not ScoreRecord.objects.filter(volunteer=relawan).exists()
    assert not Certificate.objects.filter(holder=relawan).exists()


LESSON = """---
title: Judul
intro: Pengantar
---

## Bagian pertama

<p>Satu paragraf
yang dibungkus.</p>

```quote
text: Berat sama dipikul.
source: Peribahasa
```
"""


def test_loader_reads_a_lesson_file(tmp_path):
    from demo.loader import read_lesson

    path = tmp_path / "pelajaran-uji.md"
    path.write_text(LESSON, encoding="utf-8")
    assert read_lesson(path) == {
        "slug": "pelajaran-uji",
        "title": "Judul",
        "intro": "Pengantar",
        "body": [
            ("heading", "Bagian pertama"),
            ("paragraph", "<p>Satu paragraf yang dibungkus.</p>"),
            ("quote", {"text": "Berat sama dipikul.", "source": "Peribahasa"}),
        ],
    }


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("## Tanpa front matter\n", "front matter"),
        ("---\ntitle: [tidak ditutup\n---\n", "not valid YAML"),
        ("---\ntitle: Judul\n---\n", "lacks intro"),
        (LESSON.replace("```quote", "```kutipan"), "unknown block 'kutipan'"),
        (LESSON.rstrip().removesuffix("```"), "no closing"),
        (LESSON.replace("source: Peribahasa", "- bukan mapping"), "not valid YAML"),
    ],
)
def test_loader_names_the_malformed_lesson_file(tmp_path, text, problem):
    from demo.loader import DemoDataError, read_lesson

    path = tmp_path / "rusak.md"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DemoDataError, match=problem) as error:
        read_lesson(path)
    assert str(error.value).startswith(f"{path}: ")
    assert error.value.path == path


def test_loader_names_a_malformed_data_file(tmp_path):
    from demo.loader import DemoDataError, load_assessments, load_courses, load_volunteers

    (tmp_path / "catalogue.yaml").write_text("courses: [a, b\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"catalogue\.yaml: not valid YAML"):
        load_courses(tmp_path)
    (tmp_path / "catalogue.yaml").write_text("courses: [uji]\n", encoding="utf-8")
    course = tmp_path / "courses" / "uji"
    course.mkdir(parents=True)
    (course / "course.yaml").write_text("slug: uji\ntitle: Uji\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"uji/course\.yaml: the course lacks summary"):
        load_courses(tmp_path)
    (tmp_path / "volunteers.yaml").write_text("username: bukan-daftar\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"volunteers\.yaml: the file must be a YAML list"):
        load_volunteers(tmp_path)
    with pytest.raises(DemoDataError, match=r"quizzes\.yaml: cannot be read"):
        load_assessments(tmp_path)


def test_demo_people_have_distinct_names_and_ipsm_numbers():
    """A trainer and a volunteer who share a name, or two volunteers with one IPSM number,
    confuse anyone walking the demo (and an IPSM number identifies one member)."""
    from demo.loader import load_volunteers
    from demo.management.commands.seed_demo import DEMO_ACCOUNTS, DEMO_PROFILES

    volunteers = load_volunteers()
    names = [name for _user, name, _group, _phone in DEMO_ACCOUNTS]
    names += [v["full_name"] for v in volunteers]
    assert len(names) == len(set(names)), sorted(n for n in names if names.count(n) > 1)
    numbers = [p["ipsm_number"] for p in DEMO_PROFILES.values()]
    numbers += [v["ipsm_number"] for v in volunteers]
    numbers = [n for n in numbers if n]
    assert len(numbers) == len(set(numbers)), sorted(n for n in numbers if numbers.count(n) > 1)
    usernames = [u for u, *_ in DEMO_ACCOUNTS] + [v["username"] for v in volunteers]
    assert len(usernames) == len(set(usernames))


def test_every_demo_cover_keeps_its_title_inside_the_picture():
    """Issue H item 10: a long course title ran off the cover's right edge ("...Bantua")."""
    import io

    from PIL import Image

    from demo.loader import load_courses
    from demo.management.commands.seed_demo import (
        COVER_BAND,
        COVER_MARGIN,
        COVER_SIZE,
        cover_png,
    )

    titles = [course["title"] for course in load_courses()]
    assert any(len(title) > 40 for title in titles)  # the long one is among them
    for title in titles:
        picture = Image.open(io.BytesIO(cover_png(title, "#8a3b12"))).convert("RGB")
        white = picture.point(lambda v: 255 if v > 200 else 0).convert("L")
        # white text only (the band is gold, the ground dark): its box stays inside the margins
        left, top, right, bottom = white.crop((0, 0, COVER_SIZE[0], COVER_BAND)).getbbox()
        assert left >= COVER_MARGIN - 2 and right <= COVER_SIZE[0] - COVER_MARGIN + 2, title
        assert top > 0 and bottom < COVER_BAND, title


@pytest.mark.django_db
@override_settings(DEBUG=True)
def test_seed_demo_gives_the_office_the_review_task_again():
    """[H] 12: a database made before migration modules/0006 ran, or whose task lost its group."""
    from wagtail.models import GroupApprovalTask

    from modules.workflow import TASK_NAME

    task = GroupApprovalTask.objects.get()
    task.groups.clear()
    GroupApprovalTask.objects.filter(pk=task.pk).update(name="Moderators approval")
    call_command("seed_demo")
    task = GroupApprovalTask.objects.get()
    assert task.name == TASK_NAME
    assert list(task.groups.values_list("name", flat=True)) == ["Admin Dinsos"]
