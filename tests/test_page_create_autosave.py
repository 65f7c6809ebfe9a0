"""[H] 13: leaving "Add child page" after typing a title left a stray draft lesson.

Wagtail 8 autosaves the editor (WAGTAIL_AUTOSAVE_INTERVAL, 500 ms): on the create form its first
autosave POSTs the form and *creates* the page, then switches the form to the edit URL, so
walking away leaves a draft in the tree. Creating waits for Save; editing keeps autosave (it
writes revisions of a page that exists, nothing new in the tree)."""

import re

import pytest

from demo.factories import lessons_of
from modules.models import LessonPage, ModulePage


def _form_controllers(html: str) -> str:
    return re.search(r'<form\s+id="page-edit-form".*?data-controller="([^"]*)"', html, re.S)[1]


@pytest.mark.django_db
def test_the_create_form_does_not_autosave_but_the_edit_form_does(client, trainer, course):
    course.trainers.add(trainer)
    client.force_login(trainer)
    module = ModulePage.objects.child_of(course).first()
    create = client.get(f"/admin/pages/add/modules/lessonpage/{module.pk}/")
    assert create.status_code == 200
    assert "w-autosave" not in _form_controllers(create.content.decode())
    assert "data-w-autosave-interval-value" not in create.content.decode()
    edit = client.get(f"/admin/pages/{lessons_of(course)[0].pk}/edit/")
    assert "w-autosave" in _form_controllers(edit.content.decode())


@pytest.mark.django_db
def test_saving_the_new_lesson_still_creates_it(client, trainer, course):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    course.trainers.add(trainer)
    client.force_login(trainer)
    module = ModulePage.objects.child_of(course).first()
    before = LessonPage.objects.count()
    response = client.post(
        f"/admin/pages/add/modules/lessonpage/{module.pk}/",
        nested_form_data(
            {
                "title": "Pelajaran baru",
                "slug": "pelajaran-baru",
                "intro": "",
                "body": streamfield([]),
                "comments": {"TOTAL_FORMS": 0, "INITIAL_FORMS": 0},
            }
        ),
    )
    assert response.status_code == 302, response.content[:500]
    assert LessonPage.objects.count() == before + 1
    # Only a person may create pages here: anonymous visitors go to the login page.
    client.logout()
    anonymous = client.get(f"/admin/pages/add/modules/lessonpage/{module.pk}/")
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
