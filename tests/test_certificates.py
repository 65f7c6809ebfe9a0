import hashlib
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from assessments.models import Verdict, VerdictStatus
from certificates.models import Certificate, CertificateTemplate
from certificates.render import LockedFetcher, certificate_html
from certificates.services import (
    certificate_issue,
    certificate_reissue,
    certificate_revoke,
)
from core.errors import DomainError
from demo.factories import make_course, make_user
from modules.services import enrollment_create


@pytest.fixture
def template(db):
    return CertificateTemplate.objects.create(
        name="Standar",
        is_default=True,
        signatory_name="Drs. Contoh Kepala",
        signatory_nip="19700101 199503 1 001",
        validity_years=5,
    )


def make_kompeten(user, course):
    enrollment_create(user=user, course=course)
    return Verdict.objects.create(
        volunteer=user,
        course=course,
        status=VerdictStatus.KOMPETEN,
        final_score=88,
        predicate="Baik",
        computed_at=timezone.now(),
    )


@pytest.fixture
def issued(template, volunteer):
    course = make_course(title="Bimtek Dasar PSM", modules=2, lessons=1)
    make_kompeten(volunteer, course)
    return certificate_issue(holder=volunteer, course=course)


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() for page in reader.pages), len(reader.pages)


def test_issued_pdf_holds_the_certificate_fields(issued, volunteer):
    with issued.pdf.open("rb") as handle:
        data = handle.read()
    assert data.startswith(b"%PDF")
    text, pages = pdf_text(data)
    assert pages == 2  # front and the back page with subjects and JP
    flat = " ".join(text.split())
    for expected in [
        issued.number,
        issued.code,
        volunteer.get_full_name(),
        "Bimtek Dasar PSM (8 JP)",
        "DINAS SOSIAL KABUPATEN BENGKULU SELATAN",
        "Drs. Contoh Kepala",
        "19700101 199503 1 001",
        "Manna",
        "Desa Contoh",
        "Baik",
        "Daftar Mata Pelatihan",
    ]:
        assert expected in flat, expected
    assert re.fullmatch(r"0001/PSM/DINSOS-BS/\d{4}", issued.number)
    assert hashlib.sha256(data).hexdigest() == issued.sha256
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert "/OutputIntents" in root and "/Metadata" in root  # what PDF/A requires


def test_qr_in_the_pdf_decodes_to_the_verification_url(issued):
    """Rasterise the stored PDF (pdfium) and read its QR code (zxing), as a phone would."""
    import pypdfium2
    import zxingcpp

    pdf = pypdfium2.PdfDocument(issued.pdf.open("rb").read())
    image = pdf[0].render(scale=3).to_pil()
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [issued.data["verify_url"]]
    assert issued.data["verify_url"].endswith(f"/verify/{issued.code}/")


@pytest.mark.django_db
def test_verify_page_shows_public_fields_and_the_file_hash(client, issued, volunteer):
    profile = volunteer.profile
    response = client.get(f"/verify/{issued.code}/")
    page = response.content.decode()
    assert response.status_code == 200
    assert response["X-Robots-Tag"].startswith("noindex")
    assert 'name="robots" content="noindex' in page
    assert issued.sha256 in page and issued.number in page and "Berlaku" in page
    for private in [volunteer.phone, profile.birth_place + ",", "1990", profile.village]:
        assert private not in page, private
    api = client.get(f"/api/v1/certificates/{issued.code}/verify").json()
    assert api["status"] == "valid" and api["sha256"] == issued.sha256
    assert set(api) == {
        "number",
        "holder_name",
        "course",
        "jp",
        "predicate",
        "issued_at",
        "issuer",
        "status",
        "revoked_at",
        "revoke_reason",
        "valid_until",
        "superseded_by",
        "supersedes",
        "sha256",
    }
    assert client.get("/verify/ZZZZZZZZZZZZ/").status_code == 404
    assert client.get("/api/v1/certificates/ZZZZZZZZZZZZ/verify").status_code == 404


@pytest.mark.django_db
def test_pdf_upload_is_checked_against_the_register(client, issued):
    with issued.pdf.open("rb") as handle:
        data = handle.read()
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post("/verify/", {"pdf": SimpleUploadedFile("s.pdf", data)})
    assert response.status_code == 302 and response.url == f"/verify/{issued.code}/"
    forged = SimpleUploadedFile("s.pdf", data + b"%tampered")
    assert "tidak ada dalam daftar" in client.post("/verify/", {"pdf": forged}).content.decode()


@pytest.mark.django_db
def test_frozen_at_issue(issued, template, volunteer):
    with issued.pdf.open("rb") as handle:
        before = handle.read()
    template.body = "Teks baru {holder_name}"
    template.institution_name = "Instansi Lain"
    template.save()
    volunteer.full_name = "Nama Diganti"
    volunteer.save()
    issued.refresh_from_db()
    with issued.pdf.open("rb") as handle:
        assert handle.read() == before
    assert issued.data["holder"]["name"] != "Nama Diganti"


@pytest.mark.django_db
def test_issue_is_idempotent_and_needs_kompeten(template, volunteer, other_volunteer, issued):
    assert certificate_issue(holder=volunteer, course=issued.course).pk == issued.pk
    with pytest.raises(DomainError) as error:
        certificate_issue(holder=other_volunteer, course=issued.course)
    assert error.value.code == "not_kompeten"
    assert Certificate.objects.count() == 1


@pytest.mark.django_db
def test_revoke_reissue_and_expiry(client, issued, office_admin):
    new = certificate_reissue(certificate=issued, by=office_admin, reason="Nama diperbaiki")
    issued.refresh_from_db()
    assert issued.status == "superseded" and new.supersedes_id == issued.pk
    assert new.number != issued.number and new.status == "valid"
    assert (
        client.get(f"/api/v1/certificates/{issued.code}/verify").json()["superseded_by"]
        == new.number
    )
    with pytest.raises(DomainError):
        certificate_revoke(certificate=new, by=office_admin, reason=" ")
    certificate_revoke(certificate=new, by=office_admin, reason="Data palsu")
    api = client.get(f"/api/v1/certificates/{new.code}/verify").json()
    assert api["status"] == "revoked" and api["revoke_reason"] == "Data palsu"
    Certificate.objects.filter(pk=new.pk).update(revoked_at=None, valid_until="2020-01-01")
    assert client.get(f"/api/v1/certificates/{new.code}/verify").json()["status"] == "expired"
    assert list(new.events.values_list("action", flat=True)) == ["revoke", "reissue"]


@pytest.mark.django_db
def test_downloads_serve_the_stored_file_to_the_right_people(
    client, issued, volunteer, other_volunteer, office_admin, trainer
):
    url = f"/sertifikat/{issued.pk}/unduh/"
    client.force_login(volunteer)
    link = client.get(url)
    assert link.status_code == 302 and link.url.startswith("/sertifikat/berkas/")
    response = client.get(link.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == issued.pdf.open("rb").read()
    assert issued.filename in response["Content-Disposition"]
    assert client.get(link.url[:-3] + "xx/").status_code == 404  # tampered signature
    client.force_login(other_volunteer)
    assert client.get(url).status_code == 404
    client.force_login(trainer)  # not a trainer of this course
    assert client.get(url).status_code == 404
    issued.course.trainers.add(trainer)
    issued.course.save()
    assert client.get(url).status_code == 302
    client.force_login(office_admin)
    assert client.get(url).status_code == 302
    client.logout()
    assert client.get(url).url.startswith("/accounts/login/")


@pytest.mark.django_db
def test_file_links_expire(client, issued, volunteer, monkeypatch):
    import time

    from certificates import views

    client.force_login(volunteer)
    link = client.get(f"/sertifikat/{issued.pk}/unduh/").url
    later = time.time() + views.FILE_LINK_SECONDS + 5
    monkeypatch.setattr(time, "time", lambda: later)
    assert client.get(link).status_code == 404


@pytest.mark.django_db
def test_only_office_admins_revoke(client, issued, volunteer, trainer):
    for user in (volunteer, trainer):
        client.force_login(user)
        assert client.post(f"/sertifikat/{issued.pk}/cabut/", {"reason": "x"}).status_code == 404
    issued.refresh_from_db()
    assert issued.status == "valid"


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "file:///dev/urandom",
        "http://127.0.0.1/",
        "http://169.254.169.254/latest/meta-data/",
        "https://example.org/x.png",
        "data:image/png;base64,AAAA",
        "file://remotehost/etc/passwd",
    ],
)
def test_fetcher_refuses_everything_outside_static_and_media(url):
    with pytest.raises(ValueError):
        LockedFetcher().fetch(url)


@pytest.mark.django_db
def test_fetcher_allows_the_shipped_fonts():
    from pathlib import Path

    from django.contrib.staticfiles import finders

    font = Path(finders.find("fonts/DejaVuSerif.ttf")).resolve()
    assert LockedFetcher().fetch(font.as_uri()).read(4) == b"\x00\x01\x00\x00"
    with pytest.raises(ValueError):
        LockedFetcher().fetch((font.parent / ".." / ".." / ".." / "etc" / "passwd").as_uri())


def png_image(title: str = "Logo"):
    """A Wagtail image saved through the default storage (S3 in production when configured)."""
    from django.core.files.images import ImageFile
    from PIL import Image as PillowImage
    from wagtail.images import get_image_model

    buffer = io.BytesIO()
    PillowImage.new("RGB", (120, 60), (200, 30, 30)).save(buffer, "PNG")
    return get_image_model().objects.create(title=title, file=ImageFile(buffer, name="logo.png"))


def pdf_image_count(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        objects = page.get("/Resources", {}).get("/XObject", {}) or {}
        count += sum(1 for ref in objects.values() if ref.get_object()["/Subtype"] == "/Image")
    return count


@pytest.mark.django_db
def test_template_images_are_read_through_the_storage_by_name(template, volunteer):
    """No file path is stored or needed: `media:<name>` works on local disk and on S3 alike."""
    template.logo = png_image()
    template.save()
    course = make_course(title="Dengan Logo", modules=1, lessons=1)
    make_kompeten(volunteer, course)
    certificate = certificate_issue(holder=volunteer, course=course)
    assert certificate.data["images"]["logo"] == f"media:{template.logo.file.name}"
    assert certificate.data["images"]["logo"].startswith("media:original_images/")
    assert pdf_image_count(certificate.pdf.open("rb").read()) >= 1  # none without a logo
    fetched = LockedFetcher().fetch(certificate.data["images"]["logo"])
    assert fetched.read(8) == b"\x89PNG\r\n\x1a\n" and fetched.content_type == "image/png"


@pytest.mark.django_db
def test_media_urls_reach_template_images_only(issued):
    """Certificates and evidence are media too; a render may read neither, nor leave media."""
    assert pdf_image_count(issued.pdf.open("rb").read()) == 0  # no logo: no image at all
    for url in [
        f"media:{issued.pdf.name}",
        "media:original_images/../" + issued.pdf.name,
        "media:original_images/%2E%2E/" + issued.pdf.name,
        "media:original_images//etc/passwd",
        "media:/etc/passwd",
        "media:../../etc/passwd",
        "media:original_images/nothing-here.png",
        "media:original_images/a%00.png",
    ]:
        with pytest.raises(ValueError):
            LockedFetcher().fetch(url)


@pytest.mark.django_db
def test_a_storage_that_does_not_answer_stops_the_issue(template, volunteer, monkeypatch):
    """Frozen at issue: a certificate is never issued without its logo because the object
    storage failed for a moment; the issue fails whole (no certificate, no number used)."""
    from django.core.files.storage import default_storage

    template.logo = png_image()
    template.save()
    course = make_course(title="Penyimpanan Putus", modules=1, lessons=1)
    make_kompeten(volunteer, course)

    def unreachable(name, mode="rb"):
        raise ConnectionError("object storage unreachable")

    monkeypatch.setattr(default_storage, "open", unreachable)
    with pytest.raises(OSError, match="media storage"):
        certificate_issue(holder=volunteer, course=course)
    assert not Certificate.objects.exists()
    monkeypatch.undo()
    assert certificate_issue(holder=volunteer, course=course).number.startswith("0001/")


ATTACKS = [
    '<img src="file:///etc/passwd">',
    '<link rel="attachment" href="file:///etc/passwd">',
    "<style>@import url(http://169.254.169.254/);</style>",
    "<style>@font-face { font-family: x; src: url(file:///dev/urandom); }</style>",
    '<svg><image href="http://127.0.0.1/x.png"/></svg>',
    "<style>body { font-size: 1e9px } @page { size: 100000cm }</style>",
]


@pytest.mark.django_db
@pytest.mark.parametrize("attack", ATTACKS)
def test_hostile_template_text_and_names_stay_text(attack, template, volunteer, caplog):
    template.body = "Untuk {holder_name} " + attack
    template.save()
    volunteer.full_name = "Siti " + attack
    volunteer.save()
    course = make_course(title="Uji Keamanan", modules=1, lessons=1)
    make_kompeten(volunteer, course)
    certificate = certificate_issue(holder=volunteer, course=course)
    html = certificate_html(certificate.data)
    assert attack not in html  # escaped, so never markup or CSS
    text, pages = pdf_text(certificate.pdf.open("rb").read())
    assert pages <= 2  # absurd sizes never reach layout
    flat = " ".join(text.split())
    assert "Siti <" in flat and "&lt;" not in flat  # shown as typed, escaped once only
    assert "root:x:0:0" not in text


@pytest.mark.django_db
def test_kompeten_verdict_issues_a_certificate_after_commit(template, volunteer, trainer, commit):
    from assessments.verdict import verdict_recompute

    course = make_course(title="Tanpa Penilaian", modules=1, lessons=1)
    enrollment_create(user=volunteer, course=course)
    from modules.models import LessonPage
    from modules.services import lesson_complete

    for lesson in LessonPage.objects.descendant_of(course):
        lesson_complete(by=volunteer, lesson=lesson)
    from assessments.services import score_override

    with commit():
        for domain in ("knowledge", "skills", "attitude"):
            score_override(
                by=trainer,
                volunteer=volunteer,
                course=course,
                domain=domain,
                value=90,
                reason="Dinilai langsung di lapangan",
            )
        assert not Certificate.objects.exists()  # nothing before the verdict commits
    verdict = Verdict.objects.get(volunteer=volunteer, course=course)
    assert verdict.status == VerdictStatus.KOMPETEN
    certificate = Certificate.objects.get(holder=volunteer, course=course)
    assert certificate.data["predicate"] == "Sangat Baik"
    with commit():
        verdict_recompute(user=volunteer, course=course)  # no change: no second certificate
    assert Certificate.objects.filter(holder=volunteer).count() == 1


@pytest.mark.django_db
def test_bulk_issue_and_zip_jobs(client, template, office_admin, commit):
    import zipfile

    from certificates.models import BulkJob

    course = make_course(title="Angkatan", modules=1, lessons=1)
    people = [make_user(f"massal{i}", phone=f"+62812555000{i}") for i in range(3)]
    for person in people:
        make_kompeten(person, course)
    client.force_login(office_admin)
    with commit():
        response = client.post("/sertifikat/kelola/", {"action": "issue", "course": course.pk})
    job = BulkJob.objects.get(kind="issue")
    assert response.url == f"/sertifikat/tugas/{job.pk}/"
    job.refresh_from_db()
    assert (job.status, job.done, job.total) == ("done", 3, 3)
    numbers = sorted(Certificate.objects.values_list("number", flat=True))
    assert [n[:4] for n in numbers] == ["0001", "0002", "0003"]
    with commit():
        client.post("/sertifikat/kelola/", {"action": "zip", "course": course.pk})
    job = BulkJob.objects.get(kind="zip")
    job.refresh_from_db()
    assert job.status == "done"
    response = client.get(f"/sertifikat/tugas/{job.pk}/berkas/")
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert len(archive.namelist()) == 3
    assert client.get(f"/sertifikat/tugas/{job.pk}/").status_code == 200


@pytest.mark.django_db
def test_template_preview_renders_a_real_pdf_and_issues_nothing(
    client, template, office_admin, volunteer
):
    client.force_login(office_admin)
    response = client.get(f"/sertifikat/templat/{template.pk}/pratinjau/")
    text, _pages = pdf_text(response.content)
    assert "CONTOH" in text
    assert not Certificate.objects.exists()
    client.force_login(volunteer)
    assert client.get(f"/sertifikat/templat/{template.pk}/pratinjau/").status_code == 404


@pytest.mark.django_db
def test_verification_is_rate_limited_by_address_not_forwarded_header(client, issued):
    from django.core.cache import cache

    cache.clear()
    statuses = [
        client.get(f"/verify/{issued.code}/", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}").status_code
        for i in range(35)
    ]
    assert statuses[:30] == [200] * 30
    assert statuses[30:] == [429] * 5
    cache.clear()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_queue_and_db_worker_issue_in_the_background(template):
    """Production's path: the verdict enqueues into the database; `db_worker` issues."""
    from django.core.management import call_command
    from django.test import override_settings

    from certificates.tasks import issue_certificate

    volunteer = make_user("antre", phone="+6281288880001")
    course = make_course(title="Antrean", modules=1, lessons=1)
    make_kompeten(volunteer, course)
    database = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with override_settings(TASKS=database):
        result = issue_certificate.enqueue(volunteer.pk, course.pk)
        assert not Certificate.objects.exists()  # queued, not run in the request
        call_command("db_worker", "--batch", "--no-startup-delay")
        result.refresh()
    assert result.status == "SUCCESSFUL"
    assert Certificate.objects.get(holder=volunteer).number == result.return_value
