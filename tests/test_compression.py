"""Pages and JSON go out gzip-compressed when the phone accepts it (Django's GZipMiddleware,
text only); PDFs, photos and the certificate file links are left as they are."""

import gzip

import pytest

from certificates.models import CertificateTemplate
from certificates.services import certificate_issue
from demo.factories import lessons_of, make_kompeten
from modules.services import enrollment_create

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.django_db
def test_a_lesson_page_is_compressed_and_reads_back_the_same(client, volunteer, course):
    enrollment_create(user=volunteer, course=course)
    client.force_login(volunteer)
    url = lessons_of(course)[0].url
    plain = client.get(url)
    packed = client.get(url, **GZIP)
    assert "Content-Encoding" not in plain
    assert packed["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in packed["Vary"]
    html = gzip.decompress(packed.content).decode()
    assert course.title in html and "Isi pelajaran" in html
    assert len(packed.content) < len(plain.content) / 2


@pytest.mark.django_db
def test_the_catalogue_and_the_api_are_compressed(client, course):
    assert client.get("/pelatihan/", **GZIP)["Content-Encoding"] == "gzip"
    api = client.get("/api/v1/openapi.json", **GZIP)
    assert api["Content-Encoding"] == "gzip"


@pytest.mark.django_db
def test_pdfs_are_not_compressed_again(client, volunteer, course):
    make_kompeten(volunteer, course)
    CertificateTemplate.objects.create(name="Standar", is_default=True)
    certificate = certificate_issue(holder=volunteer, course=course)
    client.force_login(volunteer)
    link = client.get(f"/sertifikat/{certificate.pk}/unduh/", **GZIP)
    assert link.status_code == 302
    pdf = client.get(link.url, **GZIP)
    assert pdf.status_code == 200
    assert "Content-Encoding" not in pdf
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
