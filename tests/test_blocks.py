import pytest
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from modules.blocks import LessonStreamBlock


def test_every_lesson_block_has_an_admin_preview_and_description():
    for name, block in LessonStreamBlock().child_blocks.items():
        assert block.is_previewable, name
        assert block.get_description(), name
        assert block.meta.icon, name


@pytest.mark.django_db
@pytest.mark.parametrize("name", list(LessonStreamBlock().child_blocks))
def test_block_preview_renders_in_the_admin(admin_client, name):
    Image.objects.create(title="contoh", file=get_test_image_file())
    block = LessonStreamBlock().child_blocks[name]
    response = admin_client.get("/admin/block-preview/", {"id": block.definition_prefix})
    assert response.status_code == 200, name


@pytest.mark.django_db
def test_lesson_renders_every_block(client, trainer):
    from demo.factories import lessons_of, make_course
    from modules.models import LessonPage

    image = Image.objects.create(title="contoh", file=get_test_image_file())
    lesson = lessons_of(make_course())[0]
    lesson.body = LessonPage.body.field.stream_block.to_python(
        [
            {"type": "heading", "value": {"text": "Judul Bagian", "level": "h2"}},
            {"type": "paragraph", "value": "<p>Paragraf <b>tebal</b></p>"},
            {
                "type": "image",
                "value": {"image": image.pk, "alt_text": "Foto", "caption": "Keterangan foto"},
            },
            {
                "type": "callout",
                "value": {"kind": "warning", "title": "Awas", "text": "<p>Hati-hati</p>"},
            },
            {"type": "quote", "value": {"text": "Kutipan bijak", "source": "Sumber"}},
            {"type": "glossary", "value": {"term": "DTKS", "definition": "Data Terpadu"}},
            {
                "type": "table",
                "value": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                    "table_caption": "Tabel fungsi",
                    "data": [["A", "B"], ["<script>x</script>", "2"]],
                },
            },
        ]
    )
    lesson.save_revision().publish()
    client.force_login(trainer)
    page = client.get(lesson.url).content.decode()
    for text in [
        "Judul Bagian",
        "<b>tebal</b>",
        "Keterangan foto",
        "Peringatan",
        "Kutipan bijak",
        "DTKS",
        "Tabel fungsi",
    ]:
        assert text in page, text
    assert "<script>x</script>" not in page
