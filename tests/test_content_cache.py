"""The shared caches behind page views (core/cache.py, modules/cache.py, people/backends.py): a
page view reads routes, privacy settings, course structures, lesson bodies and permissions from
them, and no change an editor or an office admin makes may be served stale."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from core import cache as lms_cache
from demo.factories import lessons_of, make_course
from modules.models import LessonPage
from modules.services import enrollment_create
from people.roles import TRAINER_GROUP


@pytest.fixture
def studying(client, volunteer, course):
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    return lessons_of(course)[0]


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), response.content.decode()


@pytest.mark.django_db
def test_a_second_lesson_view_runs_only_the_readers_own_queries(client, studying):
    first, _ = queries(client, studying.url)
    second, page = queries(client, studying.url)
    assert studying.title in page
    # The session and the user: routing, privacy, the course's structure, the body, the
    # reader's progress and permissions all come from the cache.
    assert second == 2, second
    assert first > second


@pytest.mark.django_db
def test_a_published_change_shows_at_once(client, studying):
    client.get(studying.url)
    lesson = LessonPage.objects.get(pk=studying.pk)
    lesson.title = "Judul yang diperbarui"
    lesson.body = LessonPage.body.field.stream_block.to_python(
        [{"type": "paragraph", "value": "<p>Isi yang baru sama sekali.</p>"}]
    )
    lesson.save_revision().publish()
    page = client.get(studying.url).content.decode()
    assert "Judul yang diperbarui" in page
    assert "Isi yang baru sama sekali." in page


@pytest.mark.django_db
def test_a_draft_is_not_served_and_an_unpublished_page_is_gone(client, studying):
    client.get(studying.url)
    lesson = LessonPage.objects.get(pk=studying.pk)
    lesson.title = "Draf belum terbit"
    lesson.save_revision()  # a draft only
    assert "Draf belum terbit" not in client.get(studying.url).content.decode()
    lesson.unpublish()
    assert client.get(studying.url).status_code == 404


@pytest.mark.django_db
def test_a_moved_slug_answers_at_the_new_address_only(client, studying):
    old_url = studying.url
    client.get(old_url)
    lesson = LessonPage.objects.get(pk=studying.pk)
    lesson.slug = "alamat-baru"
    lesson.save_revision().publish()
    assert client.get(old_url).status_code == 404
    assert client.get(LessonPage.objects.get(pk=studying.pk).url).status_code == 200


@pytest.mark.django_db
def test_a_new_privacy_setting_applies_to_the_next_view(client, course):
    client.get(course.url)
    PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="rahasia"
    )
    response = client.get(course.url)
    assert "password" in response.content.decode().lower()
    assert course.summary not in response.content.decode()
    # Wagtail's own password view (under /_util/, not a page) lets the reader in.
    restriction = PageViewRestriction.objects.get(page=course)
    client.post(
        f"/_util/authenticate_with_password/{restriction.pk}/{course.pk}/",
        {"password": "rahasia", "return_url": course.url},
    )
    assert course.summary in client.get(course.url).content.decode()


@pytest.mark.django_db
def test_lesson_body_is_cached_per_language(client, studying):
    client.get(studying.url)
    client.cookies["django_language"] = "en"
    english = client.get(studying.url)
    assert english["Content-Language"] == "en"
    keys = [k for k in lms_cache._local if ":lesson-body:" in k]
    assert sorted(k.rsplit(":", 1)[1] for k in keys) == ["en", "id"]


@pytest.mark.django_db
def test_revoked_permissions_are_gone_at_the_next_request(client, volunteer):
    client.force_login(volunteer)
    assert "/admin/" not in client.get("/dashboard/").content.decode()
    trainers = Group.objects.get(name=TRAINER_GROUP)
    volunteer.groups.add(trainers)
    assert "/admin/" in client.get("/dashboard/").content.decode()
    # The group loses the permission: every member loses it at once.
    access = Permission.objects.get(codename="access_admin")
    trainers.permissions.remove(access)
    assert "/admin/" not in client.get("/dashboard/").content.decode()
    trainers.permissions.add(access)
    assert "/admin/" in client.get("/dashboard/").content.decode()
    volunteer.groups.remove(trainers)
    assert "/admin/" not in client.get("/dashboard/").content.decode()


def test_a_version_bump_reaches_other_processes_through_the_shared_cache():
    """Another app server's bump is a new version in the shared cache: this process's local
    copies are under the old version's keys and are never read again."""
    key = lms_cache.versioned_key("content", "probe")
    assert lms_cache.cached(key, lambda: "old") == "old"
    assert lms_cache.cached(key, lambda: "never computed") == "old"  # local copy
    cache.set("psm:version:content", 1)  # what another server's bump writes
    new_key = lms_cache.versioned_key("content", "probe")
    assert new_key != key
    assert lms_cache.cached(new_key, lambda: "new") == "new"


def test_none_is_not_cached():
    key = lms_cache.versioned_key("content", "missing")
    assert lms_cache.cached(key, lambda: None) is None
    assert lms_cache.cached(key, lambda: "found") == "found"


def test_the_redis_backend_reuses_one_client_against_the_real_redis():
    from core.cache import SharedClientRedisCache

    redis_cache = SharedClientRedisCache("redis://127.0.0.1:6379/9", {})
    redis_cache.set("psm-test", {"a": 1})
    redis_cache.set("psm-test-2", 2)
    assert redis_cache.get("psm-test") == {"a": 1}
    assert redis_cache.get_many(["psm-test", "psm-test-2"]) == {
        "psm-test": {"a": 1},
        "psm-test-2": 2,
    }
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client() is client
    redis_cache.delete_many(["psm-test", "psm-test-2"])
    assert redis_cache.get("psm-test") is None


def test_without_a_shared_cache_nothing_is_kept(settings):
    settings.VERSIONED_CACHE = False  # production with local memory: several workers
    key = lms_cache.versioned_key("content", "off")
    assert lms_cache.cached(key, lambda: "first") == "first"
    assert lms_cache.cached(key, lambda: "second") == "second"


@pytest.mark.django_db
def test_a_change_sets_a_new_version_again_when_it_commits(django_capture_on_commit_callbacks):
    before = lms_cache.version("content")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        lms_cache.bump("content")
        during = lms_cache.version("content")
    assert len(callbacks) == 1
    after = lms_cache.version("content")
    assert before != during != after


@pytest.mark.django_db
def test_progress_is_cached_per_reader_and_every_write_shows_at_once(
    client, volunteer, office_admin
):
    from cohorts.services import cohort_add_members
    from modules.models import Enrollment

    from .test_cohorts import make_cohort

    course = make_course(title="Kursus Angkatan")
    lesson = lessons_of(course)[0]
    client.force_login(volunteer)
    assert client.get(lesson.url).status_code == 302  # not enrolled: back to the course
    # The cohort enrols with bulk_create (no signals): the service says so itself.
    cohort_add_members(cohort=make_cohort(course), users=[volunteer], by=office_admin)
    assert client.get(lesson.url).status_code == 200
    page = client.get(course.url).content.decode()
    assert "0%" in page or "0 %" in page
    client.post(f"/belajar/pelajaran/{lesson.pk}/selesai/")
    assert "✓" in client.get(lesson.url).content.decode()
    # An enrolment deleted in the admin (a signal) closes the lessons at once.
    Enrollment.objects.filter(user=volunteer, course=course).delete()
    assert client.get(lesson.url).status_code == 302
