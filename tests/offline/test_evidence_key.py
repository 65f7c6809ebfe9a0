"""Evidence photos queued offline: retried with an Idempotency-Key, stored once, JSON answers."""

import io
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from assessments.models import Evidence
from demo.factories import make_course, make_rubric
from modules.models import ModulePage
from modules.services import enrollment_create

pytestmark = pytest.mark.django_db


def png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (10, 200, 30)).save(buffer, "PNG")
    return SimpleUploadedFile("foto.png", buffer.getvalue(), content_type="image/png")


@pytest.fixture
def rubric(volunteer):
    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    return make_rubric(ModulePage.objects.child_of(course).get())


def upload(client, rubric, key, **headers):
    return client.post(
        f"/bukti/{rubric.pk}/",
        {"file": png(), "description": "Kunjungan"},
        headers={"Idempotency-Key": str(key), "Accept": "application/json", **headers},
    )


def test_the_same_key_twice_stores_one_file(client, volunteer, rubric):
    client.force_login(volunteer)
    key = uuid.uuid4()
    first = upload(client, rubric, key)
    assert first.status_code == 201
    assert first.json()["status"] == "applied"
    second = upload(client, rubric, key)
    assert second.status_code == 200
    assert second.json() == {"status": "duplicate", "evidence": first.json()["evidence"]}
    assert Evidence.objects.count() == 1
    assert Evidence.objects.get().upload_key == key
    assert upload(client, rubric, uuid.uuid4()).status_code == 201  # another photo
    assert Evidence.objects.count() == 2


def test_refusals_answer_json(client, volunteer, other_volunteer, rubric):
    client.force_login(volunteer)
    response = upload(client, rubric, "not-a-uuid")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_request"
    client.force_login(other_volunteer)  # not enrolled
    response = upload(client, rubric, uuid.uuid4())
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert not Evidence.objects.exists()


def test_without_json_the_page_still_redirects(client, volunteer, rubric):
    client.force_login(volunteer)
    response = client.post(f"/bukti/{rubric.pk}/", {"file": png()})
    assert response.status_code == 302
    assert Evidence.objects.get().upload_key is None
