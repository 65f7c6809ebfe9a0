import datetime

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from modules.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from people.models import District, VolunteerProfile

PASSWORD = "Rahasia-Kuat-2026"


def make_user(
    username: str,
    group: str = "Relawan",
    *,
    phone: str | None = None,
    profile=True,
    password: str | None = PASSWORD,
):
    """A user in a group, a volunteer with a profile. `password=None` leaves the password
    unusable and skips hashing it (bench/stages.py makes hundreds of users)."""
    user = get_user_model().objects.create_user(
        username=username, password=password, full_name=username.title(), phone=phone
    )
    user.groups.add(Group.objects.get(name=group))
    if profile and group == "Relawan":
        VolunteerProfile.objects.create(
            user=user,
            birth_place="Manna",
            birth_date=datetime.date(1990, 1, 1),
            sex="P",
            village="Desa Contoh",
            district=District.objects.get(name="Manna"),
            year_appointed=2020,
            consent_at=timezone.now(),
        )
    return user


def make_course(
    *,
    title: str = "Bimtek Uji",
    modules: int = 2,
    lessons: int = 2,
    self_enrol: bool = True,
    requires_previous: bool = False,
    domains=("knowledge", "skills", "attitude"),
) -> CoursePage:
    catalogue = CourseIndexPage.objects.get()
    course = CoursePage(title=title, summary=f"Ringkasan {title}", jp=8, self_enrol=self_enrol)
    catalogue.add_child(instance=course)
    course.save_revision().publish()
    for m in range(modules):
        module = ModulePage(
            title=f"{title} modul {m + 1}",
            domain=domains[m % len(domains)],
            requires_previous=requires_previous and m > 0,
        )
        course.add_child(instance=module)
        module.save_revision().publish()
        for n in range(lessons):
            lesson = LessonPage(
                title=f"{title} modul {m + 1} pelajaran {n + 1}",
                intro="Pengantar",
                body=LessonPage.body.field.stream_block.to_python(
                    [{"type": "paragraph", "value": "<p>Isi pelajaran tentang pendampingan.</p>"}]
                ),
            )
            module.add_child(instance=lesson)
            lesson.save_revision().publish()
    return CoursePage.objects.get(pk=course.pk)


@pytest.fixture(autouse=True)
def _fresh_version_cache():
    # Test databases roll back and reuse ids; a real database never reuses a version id.
    from django.core.cache import cache, caches

    from assessments.services import _FROZEN_VERSIONS
    from core.cache import clear_local

    _FROZEN_VERSIONS.clear()
    cache.clear()  # cached routes, course structures and permissions of a rolled-back test
    clear_local()
    caches["chrome"].clear()  # the page chrome, in case a test changes languages or URLs


@pytest.fixture
def volunteer(db):
    return make_user("relawan1", phone="+6281211110001")


@pytest.fixture
def other_volunteer(db):
    return make_user("relawan2", phone="+6281211110002")


@pytest.fixture
def trainer(db):
    return make_user("pelatih1", "Pelatih")


@pytest.fixture
def office_admin(db):
    return make_user("admin1", "Admin Dinsos")


@pytest.fixture
def course(db):
    return make_course()


def lessons_of(course) -> list[LessonPage]:
    return list(LessonPage.objects.live().descendant_of(course).order_by("path"))


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs on_commit work (verdict recompute, certificates) as a real
    commit would, inside the test's transaction."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
