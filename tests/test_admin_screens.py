"""The admin screens trainers and office admins use every day render (a bad panel definition
would only show up as a 500 in the admin)."""

import pytest

TRAINER_URLS = [
    "/admin/snippets/assessments/question/",
    "/admin/snippets/assessments/question/add/",
    "/admin/snippets/assessments/quiz/add/",
    "/admin/snippets/assessments/rubric/add/",
    "/admin/snippets/assessments/attitudeinstrument/add/",
    "/admin/snippets/assessments/competencyunit/add/",
]
OFFICE_URLS = [
    *TRAINER_URLS,
    "/admin/snippets/assessments/predicateband/",
    "/admin/snippets/certificates/certificatetemplate/add/",
    "/sertifikat/kelola/",
]


@pytest.mark.django_db
@pytest.mark.parametrize("url", TRAINER_URLS)
def test_trainer_admin_screens_render(client, trainer, url):
    client.force_login(trainer)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("url", OFFICE_URLS)
def test_office_admin_screens_render(client, office_admin, url):
    client.force_login(office_admin)
    assert client.get(url).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    [
        "/admin/snippets/assessments/predicateband/",
        "/admin/snippets/certificates/certificatetemplate/add/",
        "/sertifikat/kelola/",
    ],
)
def test_trainers_do_not_manage_bands_templates_or_certificates(client, trainer, url):
    client.force_login(trainer)
    assert client.get(url).status_code in (302, 403, 404)


@pytest.mark.django_db
def test_trainer_adds_a_question_through_the_admin(client, trainer):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    from assessments.models import Question

    client.force_login(trainer)
    data = nested_form_data(
        {
            "kind": "single",
            "points": "1",
            "text": "Siapa yang menetapkan PSM?",
            "choices": inline_formset(
                [
                    {"text": "Dinas Sosial", "is_correct": "on", "match_text": "", "feedback": ""},
                    {"text": "Pedagang", "match_text": "", "feedback": ""},
                ]
            ),
            "true_false_answer": "on",
            "accepted_answers": "",
            "numeric_tolerance": "0",
            "feedback": "",
            "tags": "kebijakan",
        }
    )
    response = client.post("/admin/snippets/assessments/question/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    question = Question.objects.get()
    assert question.current_version is not None  # the hook froze version 1
    assert question.current_version.data["choices"][0]["correct"] is True


@pytest.mark.django_db
def test_course_and_module_edit_screens_render(client, trainer, course):
    from modules.models import ModulePage

    client.force_login(trainer)
    module = ModulePage.objects.child_of(course).first()
    for page in (course, module):
        assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{course.pk}/edit/preview/").status_code in (200, 405)
