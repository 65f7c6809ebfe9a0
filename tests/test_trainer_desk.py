"""[H] 14: the trainer's desk filters by cohort, course and "ready to assess" (every lesson of
the observed module done), and says how far each volunteer is."""

import pytest

from demo.factories import make_course, make_rubric, make_user
from modules.models import Enrollment, LessonPage, ModulePage
from modules.services import lesson_complete

from .cohort_helpers import make_cohort


@pytest.fixture
def desk(trainer, volunteer, other_volunteer):
    """Course A (two lessons in its rubric's module) with a cohort of `volunteer`, who finished
    both lessons, and `other_volunteer`, who finished none; course B with one enrolled
    volunteer and its own rubric."""
    course = make_course(title="Kursus A", modules=1, lessons=2)
    other_course = make_course(title="Kursus B", modules=1, lessons=1)
    for c in (course, other_course):
        c.trainers.add(trainer)
        c.save()  # a ParentalManyToManyField is written on save
    module = ModulePage.objects.child_of(course).get()
    rubric = make_rubric(module)
    other_rubric = make_rubric(ModulePage.objects.child_of(other_course).get())
    third = make_user("relawan3", phone="+6281211110003")
    for person, c in ((volunteer, course), (other_volunteer, course), (third, other_course)):
        Enrollment.objects.create(user=person, course=c)
    for lesson in LessonPage.objects.child_of(module):
        lesson_complete(by=volunteer, lesson=lesson)
    cohort = make_cohort(course, name="Angkatan A", trainers=[trainer], members=[volunteer])
    return {
        "course": course,
        "other_course": other_course,
        "rubric": rubric,
        "other_rubric": other_rubric,
        "cohort": cohort,
        "third": third,
    }


def _observations(client, query=""):
    page = client.get("/pelatih/" + query)
    assert page.status_code == 200
    html = page.content.decode()
    section = html.split("Observasi yang perlu dicatat", 1)[1].split("<h2>", 1)[0]
    return html, section


@pytest.mark.django_db
def test_the_desk_shows_lessons_done_and_filters_ready_ones(client, trainer, volunteer, desk):
    from django.contrib.auth import get_user_model

    other = get_user_model().objects.get(username="relawan2")
    client.force_login(trainer)
    _, section = _observations(client)
    assert volunteer.get_full_name() in section and other.get_full_name() in section
    assert "2/2 pelajaran" in section and "0/2 pelajaran" in section
    assert "siap dinilai" in section
    _, ready = _observations(client, "?siap=on")
    assert volunteer.get_full_name() in ready and other.get_full_name() not in ready


@pytest.mark.django_db
def test_the_desk_filters_by_cohort_and_by_course(client, trainer, volunteer, desk):
    client.force_login(trainer)
    _, by_cohort = _observations(client, f"?angkatan={desk['cohort'].pk}")
    assert volunteer.get_full_name() in by_cohort
    assert "Relawan2" not in by_cohort and "Relawan3" not in by_cohort
    _, by_course = _observations(client, f"?kursus={desk['other_course'].pk}")
    assert "Relawan3" in by_course and volunteer.get_full_name() not in by_course


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?angkatan=abc", "?kursus=99999", "?angkatan=-1&siap=x"])
def test_bad_or_foreign_filters_show_an_error_never_a_500(client, trainer, desk, query):
    client.force_login(trainer)
    html, section = _observations(client, query)
    assert 'class="error"' in html
    assert "Relawan3" in section  # unfiltered


@pytest.mark.django_db
def test_another_trainers_cohort_is_not_a_filter_choice(client, trainer, desk):
    elsewhere = make_user("pelatih2", "Pelatih")
    foreign = make_cohort(desk["other_course"], name="Angkatan Lain", trainers=[elsewhere])
    client.force_login(trainer)
    html, _ = _observations(client, f"?angkatan={foreign.pk}")
    assert 'class="error"' in html
    assert f'<option value="{foreign.pk}"' not in html
