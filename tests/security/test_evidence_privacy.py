"""Evidence photos lose their metadata on upload (a phone's EXIF holds the GPS position of where
it was taken: a beneficiary's home), keeping the way they stand; each volunteer's uploads
together have a quota."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image, PngImagePlugin

from assessments.models import Evidence
from demo.factories import make_course, make_rubric
from modules.models import ModulePage
from modules.services import enrollment_create


@pytest.fixture
def rubric(db, volunteer):
    course = make_course(modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    return make_rubric(ModulePage.objects.child_of(course).get())


def phone_photo() -> bytes:
    """40 x 20 pixels, stored sideways with orientation 6 (the phone was held upright), with
    the phone's make and a GPS position in its EXIF."""
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "HP Murah"
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S"
    gps[ExifTags.GPS.GPSLatitude] = (4.0, 26.0, 3.0)
    out = io.BytesIO()
    Image.new("RGB", (40, 20), "red").save(out, "JPEG", exif=exif.tobytes(), quality=95)
    return out.getvalue()


def stored(evidence: Evidence) -> bytes:
    with evidence.file.open("rb") as handle:
        return handle.read()


@pytest.mark.django_db
def test_a_photo_loses_gps_and_phone_but_stands_upright(client, volunteer, rubric):
    client.force_login(volunteer)
    photo = SimpleUploadedFile("kunjungan.jpg", phone_photo(), "image/jpeg")
    assert client.post(f"/bukti/{rubric.pk}/", {"file": photo}).status_code == 302
    evidence = Evidence.objects.get()
    data = stored(evidence)
    assert b"HP Murah" not in data and b"Exif" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.size == (20, 40)  # the orientation is now in the pixels
        exif = image.getexif()
        assert ExifTags.Base.Orientation not in exif
        assert not exif.get_ifd(ExifTags.IFD.GPSInfo)
    assert evidence.size == len(data)


@pytest.mark.django_db
def test_png_text_chunks_are_dropped(client, volunteer, rubric):
    info = PngImagePlugin.PngInfo()
    info.add_text("Comment", "Rumah Ibu S., RT 02, -4.43, 102.9")
    out = io.BytesIO()
    Image.new("RGB", (8, 8), "blue").save(out, "PNG", pnginfo=info)
    client.force_login(volunteer)
    upload = SimpleUploadedFile("peta.png", out.getvalue(), "image/png")
    assert client.post(f"/bukti/{rubric.pk}/", {"file": upload}).status_code == 302
    data = stored(Evidence.objects.get())
    assert b"Rumah Ibu" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (8, 8) and "Comment" not in image.info


@pytest.mark.django_db
def test_uploads_beyond_the_quota_are_refused(client, volunteer, rubric, settings):
    client.force_login(volunteer)
    first = SimpleUploadedFile("a.jpg", phone_photo(), "image/jpeg")
    assert client.post(f"/bukti/{rubric.pk}/", {"file": first}).status_code == 302
    settings.EVIDENCE_QUOTA_BYTES = Evidence.objects.get().size + 10
    second = SimpleUploadedFile("b.jpg", phone_photo(), "image/jpeg")
    page = client.post(f"/bukti/{rubric.pk}/", {"file": second}).content.decode()
    assert "batas" in page  # Indonesian: the limit
    assert Evidence.objects.count() == 1
