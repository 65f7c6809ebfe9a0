import pytest

from demo.factories import lessons_of
from modules.models import HomePage


@pytest.mark.django_db
def test_volunteer_cannot_open_the_admin(client, volunteer):
    client.force_login(volunteer)
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.django_db
def test_trainer_can_edit_and_add_lessons_but_not_the_home_page(client, trainer, course):
    lesson = lessons_of(course)[0]
    module = lesson.get_parent()
    client.force_login(trainer)
    assert client.get("/admin/").status_code == 200
    assert client.get(f"/admin/pages/{lesson.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/modules/lessonpage/{module.pk}/").status_code == 200
    assert lesson.permissions_for_user(trainer).can_publish()
    home = HomePage.objects.get()
    assert not home.permissions_for_user(trainer).can_edit()
    assert client.get(f"/admin/pages/{home.pk}/edit/").status_code in (302, 403)


@pytest.mark.django_db
def test_trainer_reads_lessons_without_enrolling(client, trainer, course):
    client.force_login(trainer)
    assert client.get(lessons_of(course)[0].url).status_code == 200


@pytest.mark.django_db
def test_office_admin_manages_districts_and_volunteers(client, office_admin, volunteer):
    client.force_login(office_admin)
    assert client.get("/admin/snippets/lms/district/").status_code == 200
    assert client.get("/admin/snippets/lms/volunteerprofile/").status_code == 200
    assert client.get("/admin/users/").status_code == 200
    assert HomePage.objects.get().permissions_for_user(office_admin).can_publish()


@pytest.mark.django_db
def test_trainer_cannot_manage_users(client, trainer):
    client.force_login(trainer)
    assert client.get("/admin/users/").status_code in (302, 403)


@pytest.mark.django_db
def test_admin_adds_a_district(client, office_admin):
    from people.models import District

    client.force_login(office_admin)
    response = client.post(
        "/admin/snippets/lms/district/add/",
        {"name": "Kecamatan Baru", "bps_code": "1701099", "regency": "Bengkulu Selatan"},
    )
    assert response.status_code == 302
    assert District.objects.filter(name="Kecamatan Baru").exists()
    assert District.objects.count() == 12


@pytest.mark.django_db
def test_trainer_publishes_a_lesson_that_appears_on_the_site(client, trainer, volunteer, course):
    from wagtail.test.utils.form_data import (
        inline_formset,
        nested_form_data,
        rich_text,
        streamfield,
    )

    from modules.models import LessonPage

    module = lessons_of(course)[0].get_parent()
    client.force_login(trainer)
    data = nested_form_data(
        {
            "title": "Pelajaran Baru dari Pelatih",
            "slug": "pelajaran-baru",
            "intro": "Pengantar singkat.",
            "body": streamfield(
                [
                    ("heading", {"text": "Bagian pertama", "level": "h2"}),
                    ("paragraph", rich_text("<p>Isi yang ditulis pelatih.</p>")),
                ]
            ),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )
    response = client.post(f"/admin/pages/add/modules/lessonpage/{module.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    lesson = LessonPage.objects.get(slug="pelajaran-baru")
    assert lesson.live
    assert lesson.get_parent().pk == module.pk

    client.force_login(volunteer)
    client.post(f"/belajar/kursus/{course.pk}/daftar/")
    assert "Pelajaran Baru dari Pelatih" in client.get(course.url).content.decode()
    assert "Isi yang ditulis pelatih." in client.get(lesson.url).content.decode()
