import pytest
from django.urls import reverse

from demo.factories import PASSWORD, lessons_of, make_course
from modules.models import Enrollment, LessonCompletion
from modules.selectors import course_outline


def enrol_url(course):
    return reverse("course_enrol", args=[course.pk])


def done_url(lesson):
    return reverse("lesson_mark_done", args=[lesson.pk])


@pytest.mark.django_db
def test_enrolment_is_a_post_never_a_get(client, volunteer, course):
    client.force_login(volunteer)
    assert client.get(enrol_url(course)).status_code == 405
    assert not Enrollment.objects.exists()
    response = client.post(enrol_url(course))
    assert response.status_code == 302
    assert Enrollment.objects.filter(user=volunteer, course=course).count() == 1
    client.post(enrol_url(course))  # a double tap enrols once
    assert Enrollment.objects.filter(user=volunteer, course=course).count() == 1


@pytest.mark.django_db
def test_enrolment_needs_csrf(volunteer, course):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(volunteer)
    assert strict.post(enrol_url(course)).status_code == 403
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_anonymous_enrolment_goes_to_login(client, course):
    response = client.post(enrol_url(course))
    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_closed_course_refuses_self_enrolment(client, volunteer):
    closed = make_course(title="Tertutup", self_enrol=False)
    client.force_login(volunteer)
    response = client.post(enrol_url(closed), follow=True)
    assert "tidak dibuka untuk pendaftaran mandiri" in response.content.decode()
    assert not Enrollment.objects.exists()


@pytest.mark.django_db
def test_unenrolled_and_anonymous_see_the_course_not_its_lessons(client, volunteer, course):
    lesson = lessons_of(course)[0]
    page = client.get(course.url).content.decode()
    assert course.summary in page
    assert lesson.url not in page
    assert client.get(lesson.url).url.startswith("/accounts/login/")

    client.force_login(volunteer)
    page = client.get(course.url).content.decode()
    assert lesson.url not in page
    response = client.get(lesson.url)
    assert response.status_code == 302
    assert response.url == course.url
    assert client.post(done_url(lesson)).status_code == 302
    assert not LessonCompletion.objects.exists()


@pytest.mark.django_db
def test_marking_lessons_done_raises_progress(client, volunteer, course):
    lessons = lessons_of(course)
    client.force_login(volunteer)
    client.post(enrol_url(course))
    assert course_outline(course=course, user=volunteer).percent == 0

    response = client.get(lessons[0].url)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Tandai selesai" in body
    assert lessons[1].url in body  # next-lesson link

    response = client.post(done_url(lessons[0]), {"next_lesson": lessons[1].pk})
    assert response.url == lessons[1].url
    outline = course_outline(course=course, user=volunteer)
    assert outline.done_count == 1
    assert outline.percent == 25
    assert outline.modules[0].percent == 50
    assert outline.next_lesson.id == lessons[1].pk

    for lesson in lessons:
        client.post(done_url(lesson))
    assert course_outline(course=course, user=volunteer).percent == 100
    page = client.get(course.url).content.decode()
    assert 'value="100"' in page


@pytest.mark.django_db
def test_prerequisite_is_enforced_on_the_server(client, volunteer):
    course = make_course(title="Berurutan", requires_previous=True)
    first_module, second_module = (lessons_of(course)[:2], lessons_of(course)[2:])
    client.force_login(volunteer)
    client.post(enrol_url(course))

    locked = second_module[0]
    response = client.get(locked.url)
    assert response.status_code == 302
    assert response.url == course.url
    client.post(done_url(locked))
    assert not LessonCompletion.objects.filter(lesson=locked).exists()

    for lesson in first_module:
        client.post(done_url(lesson))
    assert client.get(locked.url).status_code == 200
    client.post(done_url(locked))
    assert LessonCompletion.objects.filter(user=volunteer, lesson=locked).exists()


@pytest.mark.django_db
def test_dashboard_shows_own_courses_and_next_step(client, volunteer, other_volunteer, course):
    other_course = make_course(title="Kursus Orang Lain")
    client.force_login(other_volunteer)
    client.post(enrol_url(other_course))
    client.force_login(volunteer)
    client.post(enrol_url(course))
    page = client.get("/dashboard/").content.decode()
    assert course.title in page
    assert other_course.title not in page
    assert lessons_of(course)[0].title in page


@pytest.mark.django_db
def test_dashboard_and_data_export_need_login(client):
    for url in ("/dashboard/", "/dashboard/data-saya.json"):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_data_export_is_own_data_only(client, volunteer, other_volunteer, course):
    client.force_login(volunteer)
    client.post(enrol_url(course))
    client.post(done_url(lessons_of(course)[0]))
    response = client.get("/dashboard/data-saya.json")
    assert response["Content-Disposition"].startswith("attachment")
    data = response.json()
    assert data["account"]["username"] == volunteer.username
    assert data["profile"]["district"] == "Manna"
    assert data["enrolments"][0]["course"] == course.title
    assert len(data["lessons_completed"]) == 1
    for key in ("quiz_attempts", "scores", "attitude_ratings", "evidence", "certificates"):
        assert data[key] == [], key
    assert other_volunteer.username not in response.content.decode()


@pytest.mark.django_db
def test_login_form_accepts_phone(client, volunteer):
    response = client.post("/accounts/login/", {"username": "0812 1111 0001", "password": PASSWORD})
    assert response.status_code == 302
