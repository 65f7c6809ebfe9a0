"""Course packs: only what the volunteer may open, versions that change with the content, and
a fixed number of queries however many lessons."""

import io

import pytest
from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model

from demo.factories import (
    lessons_of,
    make_course,
    make_instrument,
    make_question,
    make_quiz,
    make_rubric,
)
from modules.models import LessonPage, ModulePage
from modules.services import enrollment_create, lesson_complete

pytestmark = pytest.mark.django_db


def pack_url(course):
    return f"/api/v1/offline/courses/{course.pk}/pack"


def urls(response, kind=None):
    return [i["url"] for i in response.json()["items"] if kind is None or i["kind"] == kind]


def make_image(name="foto.png"):
    buffer = io.BytesIO()
    Image.new("RGB", (1200, 800), (200, 120, 40)).save(buffer, "PNG")
    return get_image_model().objects.create(
        title=name, file=ImageFile(io.BytesIO(buffer.getvalue()), name=name)
    )


def put_image(lesson, image):
    lesson.body = LessonPage.body.field.stream_block.to_python(
        [
            {"type": "paragraph", "value": "<p>Teks.</p>"},
            {"type": "image", "value": {"image": image.pk, "alt_text": "", "caption": ""}},
        ]
    )
    lesson.save_revision().publish()


def test_enrolled_volunteer_gets_every_open_page(client, volunteer):
    course = make_course(modules=2, lessons=2)
    first, second = ModulePage.objects.child_of(course).order_by("path")
    quiz = make_quiz(first, [make_question("single")])
    rubric = make_rubric(second)
    instrument = make_instrument(second)
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    response = client.get(pack_url(course))
    assert response.status_code == 200
    body = response.json()
    assert body["course"] == course.pk and body["title"] == course.title
    pages = urls(response, "page")
    assert pages[0] == course.url
    assert pages[1:5] == [lesson.url for lesson in lessons_of(course)]
    assert set(pages[5:]) == {
        f"/kuis/{quiz.pk}/",
        f"/bukti/{rubric.pk}/",
        f"/sikap/{instrument.pk}/",
    }
    assert body["total_bytes"] == sum(i["bytes"] for i in body["items"] if not i["optional"])
    assert all(i["etag"] and i["bytes"] > 0 for i in body["items"])


@pytest.mark.parametrize("who", ["anonymous", "not_enrolled"])
def test_nobody_else_gets_a_pack(client, volunteer, who):
    course = make_course()
    if who == "not_enrolled":
        client.force_login(volunteer)
    response = client.get(pack_url(course))
    assert response.status_code == (401 if who == "anonymous" else 404)
    assert response.json()["code"] in {"unauthorized", "not_found"}


def test_another_users_enrolment_gives_nothing(client, volunteer, other_volunteer):
    course = make_course()
    enrollment_create(user=other_volunteer, course=course)
    client.force_login(volunteer)
    assert client.get(pack_url(course)).status_code == 404
    assert client.get("/api/v1/offline/courses").json() == {"courses": []}


def test_unpublished_course_is_not_found_and_leaves_the_list(client, volunteer):
    course = make_course()
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    listed = client.get("/api/v1/offline/courses").json()["courses"]
    assert [c["id"] for c in listed] == [course.pk]
    assert listed[0]["url"] == course.url
    assert listed[0]["version"] == client.get(pack_url(course)).json()["version"]
    course.unpublish()
    response = client.get(pack_url(course))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    assert client.get("/api/v1/offline/courses").json() == {"courses": []}
    assert client.get("/api/v1/offline/courses/999999/pack").status_code == 404


def test_locked_module_is_left_out_until_it_opens(client, volunteer):
    course = make_course(modules=2, lessons=1, requires_previous=True)
    _first, second = ModulePage.objects.child_of(course).order_by("path")
    quiz = make_quiz(second, [make_question("single")])
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    lesson_one, lesson_two = lessons_of(course)
    pages = urls(client.get(pack_url(course)))
    assert lesson_one.url in pages
    assert lesson_two.url not in pages
    assert f"/kuis/{quiz.pk}/" not in pages
    lesson_complete(by=volunteer, lesson=lesson_one)
    pages = urls(client.get(pack_url(course)))
    assert lesson_two.url in pages and f"/kuis/{quiz.pk}/" in pages


def test_unpublished_lesson_is_left_out(client, volunteer):
    course = make_course(modules=1, lessons=2)
    kept, gone = lessons_of(course)
    gone.unpublish()
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    pages = urls(client.get(pack_url(course)))
    assert kept.url in pages
    assert gone.url not in pages


def test_images_at_the_phone_rendition_and_documents_optional(client, volunteer):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    course = make_course(modules=1, lessons=2)
    lesson, other = lessons_of(course)
    image = make_image()
    put_image(lesson, image)
    put_image(other, image)  # the same image twice: saved once
    document = get_document_model().objects.create(
        title="Panduan", file=ContentFile(b"x" * 1234, name="panduan.pdf")
    )
    lesson = LessonPage.objects.get(pk=lesson.pk)
    lesson.body = LessonPage.body.field.stream_block.to_python(
        [
            *lesson.body.raw_data,
            {"type": "document", "value": {"document": document.pk, "title": ""}},
        ]
    )
    lesson.save_revision().publish()
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    body = client.get(pack_url(course)).json()
    images = [i for i in body["items"] if i["kind"] == "image"]
    rendition = image.get_rendition("width-720|format-webp")
    assert [i["url"] for i in images] == [rendition.url]
    assert images[0]["bytes"] == rendition.file.size
    assert rendition.url in client.get(lesson.url).content.decode()  # what the page shows
    documents = [i for i in body["items"] if i["kind"] == "document"]
    assert documents == [
        {
            "url": document.url,
            "bytes": 1234,
            "etag": documents[0]["etag"],
            "kind": "document",
            "title": "Panduan",
            "optional": True,
        }
    ]
    assert body["total_bytes"] == sum(i["bytes"] for i in body["items"] if i["kind"] != "document")


def test_republishing_a_lesson_changes_its_etag_and_the_version_only(client, volunteer):
    course = make_course(modules=2, lessons=3)
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    before = client.get(pack_url(course)).json()
    again = client.get(pack_url(course)).json()
    assert again == before  # nothing changed: same etags, same version
    lesson = lessons_of(course)[-1]  # the last lesson: its only neighbour is before it
    page = LessonPage.objects.get(pk=lesson.pk)
    page.intro = "Pengantar yang baru"
    page.save_revision().publish()
    after = client.get(pack_url(course)).json()
    assert after["version"] != before["version"]
    old = {i["url"]: i["etag"] for i in before["items"]}
    new = {i["url"]: i["etag"] for i in after["items"]}
    changed = {url for url in new if new[url] != old[url]}
    neighbour = lessons_of(course)[-2].url  # its "next" link names the republished lesson
    assert lesson.url in changed
    assert changed <= {lesson.url, neighbour, course.url}
    assert len([u for u in new if u not in changed]) >= 3


@pytest.mark.parametrize("lessons", [3, 10])
def test_pack_queries_do_not_grow_with_lessons(
    client, volunteer, django_assert_num_queries, lessons
):
    course = make_course(modules=1, lessons=lessons)
    module = ModulePage.objects.child_of(course).get()
    make_quiz(module, [make_question("single")])
    make_rubric(module)
    make_instrument(module)
    image = make_image()
    for lesson in lessons_of(course):
        put_image(lesson, make_image(f"foto{lesson.pk}.png") if lessons else image)
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    client.get(pack_url(course))  # renditions made once; the cache warm
    with django_assert_num_queries(PACK_QUERIES):
        response = client.get(pack_url(course))
    assert len(urls(response, "page")) == 1 + lessons + 3
    assert len(urls(response, "image")) == lessons


PACK_QUERIES = 16


@pytest.mark.django_db
@pytest.mark.parametrize("course_id", ["0", "6936372222583610802176"])
def test_an_impossible_course_id_is_not_found(client, volunteer, course_id):
    client.force_login(volunteer)
    response = client.get(f"/api/v1/offline/courses/{course_id}/pack")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
