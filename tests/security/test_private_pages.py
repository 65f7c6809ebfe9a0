"""Pages with personal data are never stored by a shared cache or left in a shared phone's
browser cache: `Cache-Control: private, no-store` (DESIGN.md, privacy). Public verification
is never indexed by search engines."""

import pytest

from assessments.services import attempt_start, attempt_submit
from certificates.models import CertificateTemplate
from certificates.services import certificate_issue
from demo.factories import make_course, make_kompeten, make_question, make_quiz
from modules.models import ModulePage
from modules.services import enrollment_create


@pytest.fixture
def world(db, volunteer):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = make_quiz(module, [make_question("single")])
    enrollment_create(user=volunteer, course=course)
    attempt = attempt_submit(by=volunteer, attempt_id=attempt_start(by=volunteer, quiz=quiz).pk)
    make_kompeten(volunteer, course)
    CertificateTemplate.objects.create(name="Standar", is_default=True)
    certificate = certificate_issue(holder=volunteer, course=course)
    return {"course": course, "quiz": quiz, "attempt": attempt, "certificate": certificate}


def private_urls(world) -> list[str]:
    return [
        "/dashboard/",
        "/dashboard/data-saya.json",
        "/kompetensi/",
        f"/kuis/{world['quiz'].pk}/",
        f"/kuis/percobaan/{world['attempt'].pk}/hasil/",
        world["course"].url,
    ]


@pytest.mark.django_db
def test_pages_with_personal_data_are_private_and_not_stored(client, volunteer, world):
    client.force_login(volunteer)
    for url in private_urls(world):
        response = client.get(url)
        assert response.status_code == 200, url
        directives = {d.strip() for d in response["Cache-Control"].split(",")}
        assert {"private", "no-store"} <= directives, (url, response["Cache-Control"])


@pytest.mark.django_db
def test_anonymous_public_pages_keep_their_own_caching(client, world):
    response = client.get("/pelatihan/")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
def test_the_verification_json_is_not_indexed(client, world):
    code = world["certificate"].code
    response = client.get(f"/api/v1/certificates/{code}/verify")
    assert response.status_code == 200
    assert "noindex" in response["X-Robots-Tag"]
    missing = client.get("/api/v1/certificates/ZZZZZZZZZZZZ/verify")
    assert missing.status_code == 404
    assert "noindex" in missing["X-Robots-Tag"]
