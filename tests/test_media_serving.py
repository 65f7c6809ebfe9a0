"""Without object storage and DEBUG off, the app serves Wagtail's image renditions (public) from
local disk, and nothing else under /media/ (certificates, evidence, original uploads)."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file


@pytest.mark.django_db
def test_renditions_are_served_and_private_files_are_not(client, settings):
    assert settings.DEBUG is False
    image = Image.objects.create(title="Sampul", file=get_test_image_file())
    rendition = image.get_rendition("width-100|format-webp")
    assert rendition.url.startswith("/media/images/")
    response = client.get(rendition.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[8:12] == b"WEBP"
    # Content-addressed (a new image is a new file name): phones keep it a year.
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert {"public", "max-age=31536000", "immutable"} <= directives

    private = default_storage.save("certificates/rahasia/sertifikat.pdf", ContentFile(b"%PDF-1"))
    assert client.get(f"/media/{private}").status_code == 404
    assert client.get(f"/media/{image.file.name}").status_code == 404  # the original upload
    assert client.get("/media/images/../certificates/x.pdf").status_code == 404
