"""The lesson page, the course page, the catalogue and the dashboard run the same number of
queries whether a course has 5 or 50 lessons, or the catalogue 5 or 50 courses."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from modules.models import CourseIndexPage
from modules.services import enrollment_create, lesson_complete

from .conftest import lessons_of, make_course


def count_queries(client, url: str) -> int:
    cache.clear()
    client.get(url)  # warm per-process caches (site root paths), as a running server has
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


def studying_counts(client, user, n_lessons: int) -> dict[str, int]:
    course = make_course(title=f"Kursus {n_lessons}", modules=5, lessons=n_lessons // 5)
    enrollment_create(user=user, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[: n_lessons // 2]:
        lesson_complete(user=user, lesson=lesson)
    client.force_login(user)
    return {
        "lesson": count_queries(client, lessons[n_lessons // 2].url),
        "course": count_queries(client, course.url),
        "dashboard": count_queries(client, "/dashboard/"),
    }


@pytest.mark.django_db
def test_studying_pages_queries_do_not_grow_with_lessons(client, volunteer, other_volunteer):
    small = studying_counts(client, volunteer, 5)
    large = studying_counts(client, other_volunteer, 50)
    assert small == large
    assert small["lesson"] <= 21 and small["course"] <= 19 and small["dashboard"] <= 9, small


@pytest.mark.django_db
def test_catalogue_queries_do_not_grow_with_courses(client):
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    def add(n):
        for i in range(n):
            course = make_course(title=f"Kursus {i} {n}", modules=1, lessons=1)
            course.cover = Image.objects.create(title=f"c{i}{n}", file=get_test_image_file())
            course.tags.add("dasar", f"t{i % 3}")
            course.save_revision().publish()

    add(5)
    small = count_queries(client, "/pelatihan/")
    home_small = count_queries(client, "/")
    add(45)
    assert CourseIndexPage.objects.get().get_children().count() == 50
    assert count_queries(client, "/pelatihan/") == small
    assert count_queries(client, "/") == home_small
    assert small <= 12, small
