"""Shared by the report tests (tests/test_report*.py): a small world of districts, courses,
verdicts and certificates with known numbers, the builders it uses, and readers for the
report pages and their CSV/XLSX exports."""

import csv
import datetime
import io
import re
from decimal import Decimal
from types import SimpleNamespace

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.translation import gettext_lazy
from openpyxl import load_workbook

from assessments.models import Domain, Verdict, VerdictStatus
from certificates.models import Certificate, CertificateTemplate
from cohorts.models import Cohort
from demo.factories import PASSWORD, lessons_of, make_course
from modules.models import Enrollment, LessonCompletion
from people.models import District, VolunteerProfile

K, BK = VerdictStatus.KOMPETEN, VerdictStatus.BELUM_KOMPETEN
# Lazy: compared in the language active in the test (the site's, Indonesian).
KNOWLEDGE, SKILLS, ATTITUDE = Domain.KNOWLEDGE.label, Domain.SKILLS.label, Domain.ATTITUDE.label
NO_COHORT = gettext_lazy("No cohort")
TZ = timezone.get_current_timezone()


def at(year, month, day):
    return datetime.datetime(year, month, day, 10, 0, tzinfo=TZ)


def make_volunteer(username, *, district, village="Desa Satu", full_name=None):
    user = get_user_model().objects.create_user(
        username=username, password=PASSWORD, full_name=full_name or username.title()
    )
    user.groups.add(Group.objects.get(name="Relawan"))
    VolunteerProfile.objects.create(
        user=user,
        birth_place="Manna",
        birth_date=datetime.date(1987, 6, 5),
        sex="P",
        village=village,
        district=District.objects.get(name=district),
        year_appointed=2019,
        ipsm_number=f"IPSM-{username}",
        consent_at=timezone.now(),
    )
    return user


def enrol(user, course, when):
    enrolment = Enrollment.objects.create(user=user, course=course)
    Enrollment.objects.filter(pk=enrolment.pk).update(enrolled_at=when)


def unit_entry(unit_code, status, **scores):
    return {
        "id": 1,
        "code": unit_code,
        "title": f"Unit {unit_code}",
        "scores": {domain: str(value) for domain, value in scores.items()},
        "status": status,
        "reasons": [],
    }


def verdict(user, course, status, *, when, units=(), **scores):
    return Verdict.objects.create(
        volunteer=user,
        course=course,
        status=status,
        computed_at=when,
        units=list(units),
        **{domain: Decimal(value) for domain, value in scores.items()},
    )


def certificate(holder, course, number, *, issued, template, **fields):
    return Certificate.objects.create(
        number=number,
        holder=holder,
        course=course,
        template=template,
        data={},
        pdf="certificates/x/test.pdf",
        sha256="0" * 64,
        issued_at=issued,
        **fields,
    )


def report_world() -> SimpleNamespace:
    """2 districts, 2 courses, a cohort, verdicts Kompeten/Belum Kompeten/none, certificates."""
    dasar = make_course(title="Bimtek Dasar", modules=2, lessons=1)
    lanjut = make_course(title="Pendampingan Lanjut", modules=1, lessons=1)
    ani = make_volunteer("ani", district="Manna", village="Desa Satu")
    budi = make_volunteer("budi", district="Manna", village="Desa Satu")
    citra = make_volunteer("citra", district="Manna", village="Desa Dua")
    dedi = make_volunteer("dedi", district="Kedurang", village="Desa Tiga")

    for user in (ani, budi, citra, dedi):
        enrol(user, dasar, at(2026, 1, 10))
    enrol(ani, lanjut, at(2026, 3, 5))
    enrol(dedi, lanjut, at(2026, 3, 5))
    # Ani finishes Bimtek Dasar, Budi one lesson of two, Dedi all of Pendampingan Lanjut.
    for lesson in lessons_of(dasar):
        LessonCompletion.objects.create(user=ani, lesson=lesson)
    LessonCompletion.objects.create(user=budi, lesson=lessons_of(dasar)[0])
    for lesson in lessons_of(lanjut):
        LessonCompletion.objects.create(user=dedi, lesson=lesson)

    verdict(
        ani,
        dasar,
        K,
        when=at(2026, 2, 1),
        knowledge=90,
        skills=80,
        attitude=85,
        units=[unit_entry("PSM.01", K, knowledge=90, skills=80)],
    )
    verdict(
        budi,
        dasar,
        BK,
        when=at(2026, 2, 1),
        knowledge=50,
        skills=75,
        units=[unit_entry("PSM.01", BK, knowledge=50)],
    )
    verdict(
        dedi,
        dasar,
        BK,
        when=at(2026, 2, 20),
        knowledge=60,
        units=[unit_entry("PSM.01", BK)],
    )
    verdict(dedi, lanjut, K, when=at(2026, 4, 2), knowledge=95)

    cohort = Cohort.objects.create(
        name="Angkatan 1",
        course=dasar,
        start_date=datetime.date(2026, 1, 10),
        end_date=datetime.date(2026, 1, 20),
    )
    cohort.members.set([ani, budi])
    cohort.save()  # modelcluster commits ParentalManyToMany changes on save

    template = CertificateTemplate.objects.create(name="Standar", signatory_name="Kepala")
    certificate(ani, dasar, "0001/T/2026", issued=at(2026, 2, 2), template=template)
    certificate(
        dedi,
        lanjut,
        "0002/T/2026",
        issued=at(2026, 4, 3),
        template=template,
        revoked_at=at(2026, 4, 10),
        revoke_reason="Salah data",
    )
    old = certificate(
        budi,
        lanjut,
        "0003/T/2026",
        issued=at(2026, 4, 4),
        template=template,
        superseded_at=at(2026, 4, 5),
    )
    certificate(
        budi,
        lanjut,
        "0004/T/2026",
        issued=at(2026, 4, 5),
        template=template,
        supersedes=old,
        valid_until=datetime.date(2026, 4, 30),  # already expired on any later day
    )
    return SimpleNamespace(
        dasar=dasar, lanjut=lanjut, ani=ani, budi=budi, citra=citra, dedi=dedi, cohort=cohort
    )


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


def xlsx_rows(response) -> list[list]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(body)).active
    return [list(row) for row in sheet.iter_rows(values_only=True)]


def table_rows(response) -> list[list[str]]:
    """The report table's body rows as cell texts."""
    html = response.content.decode()
    html = html[html.index('<table class="listing"') :]
    body = html[html.index("<tbody") : html.index("</tbody>")]
    rows = []
    for row in re.findall(r"<tr.*?</tr>", body, flags=re.S):
        cells = re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)
        rows.append([re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in cells])
    return rows


URL = {
    "summary": "/admin/laporan/ringkasan/",
    "per_area": "/admin/laporan/relawan-per-wilayah/",
    "list": "/admin/laporan/daftar-relawan/",
    "results": "/admin/laporan/hasil-pelatihan/",
    "weakest": "/admin/laporan/area-terlemah/",
    "certificates": "/admin/laporan/sertifikat/",
}
