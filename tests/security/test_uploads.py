"""Part 5: Wagtail images and documents: no SVG images, only office/PDF/text documents, and
documents are served through Django so collection privacy applies."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

SVG = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script><rect width='10' height='10'/></svg>"
)
HTML = b"<html><body><script>fetch('/dashboard/data-saya.json')</script></body></html>"


def png() -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "red").save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def editor(client, trainer):
    client.force_login(trainer)
    return client


def post_image(client, name, content, content_type):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def post_document(client, name, content, content_type):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type=content_type),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
def test_png_image_upload_is_accepted(editor):
    response = post_image(editor, "foto.png", png(), "image/png")
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="foto.png").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content"),
    [("gambar.svg", SVG), ("gambar.png", SVG), ("halaman.html", HTML)],
)
def test_svg_and_html_images_are_refused(editor, name, content):
    response = post_image(editor, name, content, "image/svg+xml")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("halaman.html", HTML, "text/html"),
        ("halaman.htm", HTML, "text/html"),
        ("gambar.svg", SVG, "image/svg+xml"),
        ("skrip.js", b"alert(1)", "text/javascript"),
        ("data.csv", b"=cmd|' /C calc'!A0", "text/csv"),
    ],
)
def test_dangerous_document_types_are_refused(editor, name, content, content_type):
    response = post_document(editor, name, content, content_type)
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["modul.pdf", "catatan.txt"])
def test_allowed_document_types_are_accepted(editor, name):
    response = post_document(editor, name, b"%PDF-1.4 isi", "application/pdf")
    assert response.status_code == 302
    assert get_document_model().objects.filter(title=name).exists()


@pytest.mark.django_db
def test_documents_are_served_by_django_so_privacy_applies(client, volunteer, settings):
    from wagtail.models import CollectionViewRestriction

    assert settings.WAGTAILDOCS_SERVE_METHOD == "serve_view"
    root = Collection.get_first_root_node()
    private = root.add_child(name="Khusus relawan")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    document = get_document_model().objects.create(
        title="Panduan",
        file=SimpleUploadedFile("panduan.txt", b"isi panduan rahasia"),
        collection=private,
    )
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/" in response.url
    client.force_login(volunteer)
    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"isi panduan rahasia"
    assert response["X-Content-Type-Options"] == "nosniff"
    # The stored file itself is not published under MEDIA_URL by the project.
    assert client.get("/media/" + document.file.name).status_code == 404
