"""Bad input gets a clear 4xx in the user's language and leaves nothing half-written: broken and
wrong-typed JSON, oversize bodies, unknown ids, invisible and hostile characters in names, very
long strings, and uploads that lie about what they are."""

import io
import json
import struct
import unicodedata
import zlib

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from assessments.models import AttemptAnswer, Evidence
from assessments.services import attempt_start
from demo.factories import make_course, make_question, make_quiz, make_rubric
from modules.models import ModulePage
from modules.services import enrollment_create

from ..test_registration import form_data

User = get_user_model()


@pytest.fixture
def attempt(db, volunteer):
    course = make_course(modules=1, lessons=1)
    module = ModulePage.objects.child_of(course).get()
    quiz = make_quiz(module, [make_question("short_text", accepted_answers="Manna")])
    enrollment_create(user=volunteer, course=course)
    return attempt_start(by=volunteer, quiz=quiz)


def answer_url(attempt):
    question_id = attempt.answers.get().question_version.question_id
    return f"/api/v1/attempts/{attempt.pk}/answers/{question_id}"


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ("{not json", 400),
        ('{"response": "Manna", "seq": "satu"}', 422),
        ('{"response": "Manna"}', 422),
        ("[]", 422),
        ('"Manna"', 422),
    ],
)
def test_broken_or_wrong_typed_json_gets_a_clear_error_and_saves_nothing(
    client, volunteer, attempt, body, status
):
    client.force_login(volunteer)
    response = client.put(answer_url(attempt), body, content_type="application/json")
    assert response.status_code == status
    error = response.json()
    assert error["code"] and error["message"]
    assert AttemptAnswer.objects.get(attempt=attempt).response is None


def test_an_oversize_body_is_refused_and_saves_nothing(client, volunteer, attempt, settings):
    client.force_login(volunteer)
    huge = json.dumps({"response": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 10), "seq": 1})
    response = client.put(answer_url(attempt), huge, content_type="application/json")
    assert response.status_code == 400
    assert AttemptAnswer.objects.get(attempt=attempt).response is None


def test_unknown_ids_answer_404_with_the_error_shape(client, volunteer, attempt):
    client.force_login(volunteer)
    response = client.put(
        f"/api/v1/attempts/{attempt.pk + 999}/answers/1",
        '{"response": "Manna", "seq": 1}',
        content_type="application/json",
    )
    assert response.status_code == 404
    assert set(response.json()) >= {"code", "message"}


registration = form_data  # the valid registration of tests/test_registration.py


@pytest.mark.django_db
def test_invisible_characters_are_removed_from_names_and_emoji_kept(client):
    typed = "Siti\u200b Ami\u202enah\u2066  \u00e9\u0301 \U0001f642"
    response = client.post("/accounts/register/", registration(full_name=typed))
    assert response.status_code == 302
    user = User.objects.get(phone="+6281234567890")
    assert user.full_name == unicodedata.normalize("NFC", "Siti Aminah \u00e9\u0301 \U0001f642")
    assert not any(unicodedata.category(ch) == "Cf" for ch in user.full_name)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("full_name", "\u200b\u202e\u2066"),  # only invisible characters
        ("full_name", "A" * 1000),
        ("village", "\u200d"),
        ("birth_place", "B" * 5000),
        ("phone", "0812" + "9" * 500),
    ],
)
def test_empty_after_cleaning_or_too_long_is_a_form_error_not_a_500(client, field, value):
    response = client.post("/accounts/register/", registration(**{field: value}))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not User.objects.filter(phone="+6281234567890").exists()


@pytest.mark.django_db
def test_markup_in_a_name_is_shown_as_text(client):
    name = '<img src=x onerror="alert(1)"> Rina'
    assert client.post("/accounts/register/", registration(full_name=name)).status_code == 302
    page = client.get("/dashboard/").content.decode()
    assert "&lt;img src=x" in page
    assert '<img src=x onerror="alert(1)">' not in page


def png_claiming(width: int, height: int) -> bytes:
    """A tiny, valid-looking PNG whose header claims the given size."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b""))
        + chunk(b"IEND", b"")
    )


def real_png(size=(4, 4)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, "PNG")
    return buffer.getvalue()


@pytest.fixture
def rubric(db, volunteer):
    course = make_course(modules=1, lessons=1, domains=("skills",))
    module = ModulePage.objects.child_of(course).get()
    enrollment_create(user=volunteer, course=course)
    return make_rubric(module)


@pytest.mark.parametrize(
    ("name", "content", "content_type", "message"),
    [
        ("bom.png", png_claiming(100_000, 100_000), "image/png", "terlalu besar"),
        ("bom2.png", png_claiming(8_000, 6_000), "image/png", "terlalu besar"),
        ("rusak.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png", "tidak dapat dibaca"),
        ("foto.png", b"<html><script>alert(1)</script></html>", "image/png", "Hanya berkas"),
        ("foto.jpg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "image/jpeg", "Hanya berkas"),
    ],
)
def test_uploads_that_lie_are_refused_with_a_clear_message(
    client, volunteer, rubric, name, content, content_type, message
):
    client.force_login(volunteer)
    upload = SimpleUploadedFile(name, content, content_type)
    response = client.post(f"/bukti/{rubric.pk}/", {"file": upload})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Evidence.objects.exists()


def test_a_large_but_real_photo_is_accepted(client, volunteer, rubric):
    client.force_login(volunteer)
    upload = SimpleUploadedFile("foto.png", real_png((2000, 1500)), "image/png")
    assert client.post(f"/bukti/{rubric.pk}/", {"file": upload}).status_code == 302
    assert Evidence.objects.get().content_type == "image/png"
