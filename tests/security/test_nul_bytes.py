"""A NUL character in any input is refused in one place (core.middleware.RefuseNulMiddleware)
with a clear 400 in Indonesian, before any view or database sees it: PostgreSQL refuses NUL in
text columns, so search, filters, verification, the admin's searches and quiz answers used to
answer 500 there."""

import json

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from assessments.models import AttemptAnswer
from assessments.services import attempt_start
from demo.factories import make_course, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create

MESSAGE = "karakter NUL"  # part of the Indonesian message

GET_URLS = [
    "/search/?q=rujuk%00an",
    "/pelatihan/?topic=a%00b",
    "/pelatihan/?q=%00",
    "/verify/ABC%00DEF/",
    "/api/v1/certificates/AB%00C/verify",
    "/pelatihan/?%00=1",
]


@pytest.mark.parametrize("url", GET_URLS)
@pytest.mark.django_db
def test_nul_in_a_url_or_query_is_a_clear_400(client, url):
    response = client.get(url)
    assert response.status_code == 400, url
    if url.startswith("/api/"):
        assert response.json()["code"] == "invalid_request"
        assert MESSAGE in response.json()["message"]
    else:
        assert MESSAGE in response.content.decode()


@pytest.mark.django_db
def test_nul_in_admin_searches_is_refused(client, office_admin):
    client.force_login(office_admin)
    for url in ["/admin/users/?q=a%00", "/admin/pages/search/?q=%00", "/sertifikat/kelola/?q=%00"]:
        assert client.get(url).status_code == 400, url


@pytest.mark.django_db
def test_nul_in_a_form_post_is_refused_and_nothing_is_saved(client):
    response = client.post("/verify/", {"code": "ABC\x00DEF"})
    assert response.status_code == 400
    assert MESSAGE in response.content.decode()
    response = client.post("/accounts/register/", {"full_name": "Sari\x00", "phone": "0812"})
    assert response.status_code == 400
    assert not get_user_model().objects.filter(full_name__startswith="Sari").exists()


@pytest.mark.django_db
def test_nul_in_a_json_answer_is_refused_and_not_saved(client, volunteer):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = make_quiz(module, [make_question("short_text", accepted_answers="Manna")])
    enrollment_create(user=volunteer, course=course)
    attempt = attempt_start(by=volunteer, quiz=quiz)
    answer = attempt.answers.get()
    client.force_login(volunteer)
    url = f"/api/v1/attempts/{attempt.pk}/answers/{answer.question_version_id}"
    for body in [
        json.dumps({"response": "Man\x00na", "seq": 1}),
        '{"response": "a\\u0000", "seq": 1}',
    ]:
        response = client.put(url, data=body, content_type="application/json")
        assert response.status_code == 400, body
        assert response.json()["code"] == "invalid_request"
    assert AttemptAnswer.objects.get(pk=answer.pk).seq == 0
    ok = client.put(
        url, data=json.dumps({"response": "Manna", "seq": 1}), content_type="application/json"
    )
    assert ok.status_code == 200


@pytest.mark.django_db
def test_files_may_hold_nul_bytes(client, volunteer):
    """Only typed text is checked: an uploaded file's bytes are not."""
    client.force_login(volunteer)

    upload = SimpleUploadedFile(
        "bukti.pdf", b"%PDF-1.4\x00\x00binary", content_type="application/pdf"
    )
    response = client.post("/verify/", {"file": upload})
    assert response.status_code == 200  # the verification page's own answer: not in the register
    assert MESSAGE not in response.content.decode()
