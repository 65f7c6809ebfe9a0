"""What a certificate says about when and where the training took place (issue 22 item 21):
the holder's cohort (its dates and place), else enrolment to verdict at the template's training
place; the issue date and place only where it was signed."""

import datetime
import io

import pytest
from django.utils import timezone
from django.utils.translation import override
from pypdf import PdfReader

from certificates.models import CertificateTemplate
from certificates.period import period_text
from certificates.services import certificate_issue, date_text
from cohorts.models import Cohort
from demo.factories import make_course
from modules.models import Enrollment

from .test_certificates import make_kompeten, template  # noqa: F401 - fixture

pytestmark = pytest.mark.usefixtures("template")
VENUE = "Aula Kantor Camat Pino Raya"


@pytest.mark.parametrize(
    "start, end, text",
    [
        ((2026, 8, 3), (2026, 8, 3), "3 Agustus 2026"),
        ((2026, 8, 3), (2026, 8, 7), "3\u20137 Agustus 2026"),
        ((2026, 7, 28), (2026, 8, 2), "28 Juli \u2013 2 Agustus 2026"),
        ((2026, 12, 29), (2027, 1, 2), "29 Desember 2026 \u2013 2 Januari 2027"),
    ],
)
def test_periods_read_as_indonesian_print_writes_them(start, end, text):
    with override("en"):  # whatever the reader's language: the certificate is Indonesian
        assert period_text(datetime.date(*start), datetime.date(*end)) == text


def pdf_words(certificate) -> str:
    with certificate.pdf.open("rb") as handle:
        reader = PdfReader(io.BytesIO(handle.read()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def cohort_of(course, member, *, place=VENUE):
    cohort = Cohort.objects.create(
        name="Angkatan I",
        course=course,
        start_date=datetime.date(2026, 8, 3),
        end_date=datetime.date(2026, 8, 7),
        place=place,
    )
    cohort.members.add(member)
    cohort.save()  # a ParentalManyToManyField writes its members on save
    return cohort


@pytest.fixture
def course(db):
    return make_course(title="Bimtek Dasar PSM", modules=1, lessons=1)


@pytest.mark.django_db
def test_the_pdf_gives_the_cohort_period_and_venue_not_the_issue_date(course, volunteer):
    make_kompeten(volunteer, course)
    cohort = cohort_of(course, volunteer)
    certificate = certificate_issue(holder=volunteer, course=course)
    words = pdf_words(certificate)
    issue_date = date_text(timezone.localdate(certificate.issued_at))
    assert f"pada 3\u20137 Agustus 2026 di {VENUE} selama" in words
    assert f"3\u20137 Agustus 2026, {VENUE}" in words  # the "Waktu dan tempat" row
    assert f"pada {issue_date}" not in words
    assert f"Manna, {issue_date}" in words  # where and when it was signed
    assert certificate.data["training"]["source"] == "cohort"
    # Frozen at issue: a later change to the cohort leaves the certificate as it was.
    Cohort.objects.filter(pk=cohort.pk).update(place="Tempat Lain")
    certificate.refresh_from_db()
    assert certificate.data["placeholders"]["place"] == VENUE


@pytest.mark.django_db
def test_without_a_cohort_the_period_runs_from_enrolment_to_the_verdict(course, volunteer):
    verdict = make_kompeten(volunteer, course)
    tz = timezone.get_current_timezone()
    Enrollment.objects.filter(user=volunteer, course=course).update(
        enrolled_at=datetime.datetime(2026, 7, 28, 9, tzinfo=tz)
    )
    verdict.computed_at = datetime.datetime(2026, 8, 2, 15, tzinfo=tz)
    verdict.save(update_fields=["computed_at"])
    CertificateTemplate.objects.update(training_place="Balai Pelatihan Dinas Sosial")
    words = pdf_words(certificate_issue(holder=volunteer, course=course))
    assert "pada 28 Juli \u2013 2 Agustus 2026 di Balai Pelatihan Dinas Sosial" in words


@pytest.mark.django_db
def test_a_cohort_without_a_place_falls_back_to_the_template_then_the_place_of_issue(
    course, volunteer, other_volunteer
):
    for person in (volunteer, other_volunteer):
        make_kompeten(person, course)
    cohort_of(course, volunteer, place="")
    first = certificate_issue(holder=volunteer, course=course)
    assert first.data["placeholders"]["place"] == "Manna"  # no training place: place of issue
    CertificateTemplate.objects.update(training_place="Gedung Serba Guna Manna")
    second = certificate_issue(holder=other_volunteer, course=course)
    assert second.data["placeholders"]["place"] == "Gedung Serba Guna Manna"
    assert second.data["training"]["source"] == "enrolment"


@pytest.mark.django_db
def test_bulk_issue_uses_each_holders_cohort(client, course, volunteer, office_admin, commit):
    from certificates.models import Certificate

    make_kompeten(volunteer, course)
    cohort_of(course, volunteer)
    client.force_login(office_admin)
    with commit():
        client.post("/sertifikat/kelola/", {"action": "issue", "course": course.pk})
    certificate = Certificate.objects.get(holder=volunteer)
    assert certificate.data["placeholders"]["dates"] == "3\u20137 Agustus 2026"
    assert certificate.data["placeholders"]["place"] == VENUE


def test_the_placeholder_help_says_where_dates_and_place_come_from():
    field = CertificateTemplate._meta.get_field("body")
    with override("id"):
        help_text = str(field.help_text)
    assert "{dates}" in help_text and "{issue_place}" in help_text
    assert "angkatan" in help_text and "pendaftaran" in help_text
