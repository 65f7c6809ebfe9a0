"""Images reach phones as WebP renditions at phone widths: a srcset with sizes, so a 360 px
phone downloads a small file, with width/height (no layout shift) and lazy loading below the
fold. Every file the srcset names is really WebP and as wide as the srcset says."""

import io
import re

import pytest
from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images.models import Image

from demo.factories import lessons_of, make_course
from modules.models import LessonPage

IMG = re.compile(r"<img\b[^>]*>")
ATTR = re.compile(r'([a-z-]+)="([^"]*)"')


def photo(width=1600, height=1000) -> Image:
    """A photo-like JPEG (detail, gradients, noise), as a trainer would upload from a phone."""
    picture = PILImage.effect_mandelbrot((width, height), (-2.2, -1.2, 1.0, 1.2), 60)
    picture = PILImage.merge(
        "RGB",
        [
            picture,
            PILImage.linear_gradient("L").resize((width, height)),
            PILImage.effect_noise((width, height), 40),
        ],
    )
    draw = ImageDraw.Draw(picture)
    for i in range(0, width, 97):
        draw.ellipse((i, (i * 7) % height, i + 180, (i * 7) % height + 120), outline=(250, 80, 20))
    data = io.BytesIO()
    picture.save(data, "JPEG", quality=90)
    return Image.objects.create(title="Kunjungan rumah", file=ImageFile(data, name="foto.jpg"))


def img_tags(html: str) -> list[dict[str, str]]:
    return [dict(ATTR.findall(tag)) for tag in IMG.findall(html)]


def srcset(attrs: dict[str, str]) -> dict[str, int]:
    """url → width claimed by the srcset's w descriptor."""
    entries = [entry.strip().rsplit(" ", 1) for entry in attrs["srcset"].split(",")]
    return {url: int(descriptor.removesuffix("w")) for url, descriptor in entries}


def rendition_files(image: Image) -> dict[str, bytes]:
    files = {}
    for rendition in image.renditions.all():
        with rendition.file.open("rb") as handle:
            files[rendition.url] = handle.read()
    return files


def assert_webp_of_claimed_width(claimed: dict[str, int], files: dict[str, bytes]):
    for url, width in claimed.items():
        data = files[url]
        assert data[:4] == b"RIFF" and data[8:12] == b"WEBP", url
        with PILImage.open(io.BytesIO(data)) as decoded:
            assert decoded.format == "WEBP"
            assert decoded.width == width, (url, decoded.width, width)


@pytest.mark.django_db
def test_lesson_image_is_a_webp_srcset_at_phone_widths(client, trainer):
    image = photo()
    lesson = lessons_of(make_course(modules=1, lessons=1))[0]
    lesson.body = LessonPage.body.field.stream_block.to_python(
        [{"type": "image", "value": {"image": image.pk, "alt_text": "Foto", "caption": "Ket"}}]
    )
    lesson.save_revision().publish()
    client.force_login(trainer)
    html = client.get(lesson.url).content.decode()

    [attrs] = [a for a in img_tags(html) if "srcset" in a]
    claimed = srcset(attrs)
    assert sorted(claimed.values()) == [360, 480, 720]
    assert attrs["sizes"] == "(min-width: 786px) 720px, calc(100vw - 66px)"
    assert attrs["loading"] == "lazy"
    assert attrs["alt"] == "Foto"
    # The fallback src is the widest (the size shown before srcset); width/height keep the
    # page from jumping while it loads.
    assert claimed[attrs["src"]] == 720
    assert (attrs["width"], attrs["height"]) == ("720", "450")

    files = rendition_files(image)
    assert_webp_of_claimed_width(claimed, files)
    with image.file.open("rb") as handle:
        original = len(handle.read())
    by_width = {width: len(files[url]) for url, width in claimed.items()}
    print(f"original JPEG 1600x1000: {original} bytes; WebP renditions: {by_width}")
    assert by_width[360] < by_width[480] < by_width[720] < original
    assert by_width[360] * 10 < original


@pytest.mark.django_db
def test_course_cover_and_cards_are_webp_srcsets(client):
    image = photo()
    course = make_course(title="Bimtek Bergambar", modules=1, lessons=1)
    course.cover = image
    course.save_revision().publish()

    # The cover is at the top of the course page: not lazy, fetched first.
    html = client.get(course.url).content.decode()
    [cover] = [a for a in img_tags(html) if "cover" in a.get("class", "")]
    assert sorted(srcset(cover).values()) == [360, 480, 720, 960]
    assert "loading" not in cover and cover["fetchpriority"] == "high"
    assert (cover["width"], cover["height"]) == ("960", "400")
    assert cover["alt"] == ""

    # The catalogue's cards are lazy, one or two columns wide.
    html = client.get("/pelatihan/").content.decode()
    [card] = [a for a in img_tags(html) if "card-img" in a.get("class", "")]
    assert sorted(srcset(card).values()) == [360, 480, 640]
    assert card["loading"] == "lazy"
    assert card["sizes"].endswith("calc(100vw - 34px)")
    assert (card["width"], card["height"]) == ("640", "320")

    files = rendition_files(image)
    assert_webp_of_claimed_width(srcset(cover) | srcset(card), files)
    with PILImage.open(io.BytesIO(files[min(srcset(card), key=srcset(card).get)])) as small:
        assert small.size == (360, 180)


@pytest.mark.django_db
def test_question_images_are_webp_renditions_not_the_original(client, volunteer):
    from demo.factories import make_question, make_quiz
    from modules.models import ModulePage
    from modules.services import enrollment_create

    image = photo()
    course = make_course(modules=1, lessons=1)
    quiz = make_quiz(
        ModulePage.objects.child_of(course).get(), [make_question("single", image=image)]
    )
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    body = client.post(f"/api/v1/quizzes/{quiz.pk}/attempts").json()
    url = body["questions"][0]["image_url"]
    assert url != image.file.url
    data = rendition_files(image)[url]
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    with PILImage.open(io.BytesIO(data)) as decoded:
        assert decoded.size == (720, 450)
    # The quiz page shows the same file.
    page = client.get(f"/kuis/percobaan/{body['id']}/").content.decode()
    assert f'src="{url}"' in page
