"""The district office's reports: numbers checked against a small world built here, in the page
and in the CSV/XLSX exports; office admins only; a fixed number of queries however many
volunteers there are; charts drawn as escaped, labelled SVG."""

import csv
import datetime
import io
import re
from decimal import Decimal
from types import SimpleNamespace

import pytest
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
from reports import selectors

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


@pytest.fixture
def world(db):
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


@pytest.fixture
def admin_client(client, office_admin):
    client.force_login(office_admin)
    return client


def page_text(response) -> str:
    return re.sub(r"\s+", " ", response.content.decode())


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(body.decode("utf-8"))))


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


# --- Selectors: exact numbers --------------------------------------------------------------


def test_volunteers_per_district_and_village(world):
    rows = selectors.volunteers_per_area()
    assert [(r["district"], r["village"], r["volunteers"]) for r in rows] == [
        ("Kedurang", "Desa Tiga", 1),
        ("Manna", "Desa Dua", 1),
        ("Manna", "Desa Satu", 2),
    ]
    manna = District.objects.get(name="Manna").pk
    by_district = selectors.volunteers_per_area(district_id=manna, by_village=False)
    assert [(r["district"], r["volunteers"]) for r in by_district] == [("Manna", 3)]


def results(rows):
    return [
        (
            r["course"],
            r["group"],
            r["enrolments"],
            r["completed"],
            r["kompeten"],
            r["belum_kompeten"],
            r["no_verdict"],
        )
        for r in rows
    ]


def test_results_per_course(world):
    assert results(selectors.course_results(scope=selectors.Scope())) == [
        ("Bimtek Dasar", "", 4, 1, 1, 2, 1),
        ("Pendampingan Lanjut", "", 2, 1, 1, 0, 1),
    ]


def test_results_per_course_and_district(world):
    rows = selectors.course_results(scope=selectors.Scope(), group_by=selectors.GROUP_DISTRICT)
    assert results(rows) == [
        ("Bimtek Dasar", "Kedurang", 1, 0, 0, 1, 0),
        ("Bimtek Dasar", "Manna", 3, 1, 1, 1, 1),
        ("Pendampingan Lanjut", "Kedurang", 1, 1, 1, 0, 0),
        ("Pendampingan Lanjut", "Manna", 1, 0, 0, 0, 1),
    ]


def test_results_per_course_and_cohort(world):
    rows = selectors.course_results(scope=selectors.Scope(), group_by=selectors.GROUP_COHORT)
    assert results(rows) == [
        ("Bimtek Dasar", "Angkatan 1", 2, 1, 1, 1, 0),
        ("Bimtek Dasar", NO_COHORT, 2, 0, 0, 1, 1),
        ("Pendampingan Lanjut", NO_COHORT, 2, 1, 1, 0, 1),
    ]


def test_results_filters(world):
    manna = District.objects.get(name="Manna").pk
    march = selectors.Scope(since=at(2026, 3, 1), until=at(2026, 3, 31))
    assert results(selectors.course_results(scope=march)) == [
        ("Pendampingan Lanjut", "", 2, 1, 1, 0, 1)
    ]
    # By verdict date: only Dedi's Bimtek Dasar verdict was computed in February after the 10th.
    late_feb = selectors.Scope(since=at(2026, 2, 10), until=at(2026, 2, 28), basis="verdict")
    assert results(selectors.course_results(scope=late_feb)) == [
        ("Bimtek Dasar", "", 1, 0, 0, 1, 0)
    ]
    in_manna = selectors.Scope(district_id=manna, course_id=world.dasar.pk)
    assert results(selectors.course_results(scope=in_manna)) == [
        ("Bimtek Dasar", "", 3, 1, 1, 1, 1)
    ]
    cohort = selectors.Scope(cohort_id=world.cohort.pk)
    assert results(selectors.course_results(scope=cohort)) == [("Bimtek Dasar", "", 2, 1, 1, 1, 0)]


def test_completion_ignores_optional_modules_and_needs_every_required_lesson(world):
    from modules.models import ModulePage

    # Budi did the first module's lesson only; once the second module is optional, he is done.
    second = ModulePage.objects.child_of(world.dasar).order_by("path").last()
    ModulePage.objects.filter(pk=second.pk).update(required=False)
    rows = selectors.course_results(scope=selectors.Scope(course_id=world.dasar.pk))
    assert rows[0]["completed"] == 2


def test_weakest_areas_lowest_first(world):
    rows = [
        (r["course"], r["area"], r["assessed"], r["average"], r["belum_kompeten"])
        for r in selectors.weakest_areas(scope=selectors.Scope())
    ]
    assert rows == [
        ("Bimtek Dasar", KNOWLEDGE, 3, Decimal("66.67"), 2),
        ("Bimtek Dasar", "PSM.01 Unit PSM.01", 3, Decimal("67.50"), 2),
        ("Bimtek Dasar", SKILLS, 2, Decimal("77.50"), 0),
        ("Bimtek Dasar", ATTITUDE, 1, Decimal("85.00"), 0),
        ("Pendampingan Lanjut", KNOWLEDGE, 1, Decimal("95.00"), 0),
    ]
    kedurang = District.objects.get(name="Kedurang").pk
    only_dedi = selectors.weakest_areas(
        scope=selectors.Scope(district_id=kedurang, course_id=world.dasar.pk)
    )
    assert [(r["area"], r["average"], r["belum_kompeten_percent"]) for r in only_dedi] == [
        (KNOWLEDGE, Decimal("60.00"), Decimal("100.0")),
        ("PSM.01 Unit PSM.01", None, Decimal("100.0")),
    ]


def test_certificates_per_course_and_month(world):
    keys = ["month", "course", "issued", "valid", "revoked", "expired", "superseded"]
    rows = [tuple(r[key] for key in keys) for r in selectors.certificate_counts()]
    assert rows == [
        ("2026-04", "Pendampingan Lanjut", 3, 0, 1, 1, 1),
        ("2026-02", "Bimtek Dasar", 1, 1, 0, 0, 0),
    ]
    february = selectors.certificate_counts(since=at(2026, 2, 1), until=at(2026, 2, 28))
    assert [(r["course"], r["issued"]) for r in february] == [("Bimtek Dasar", 1)]
    assert selectors.certificate_counts(course_id=world.dasar.pk)[0]["issued"] == 1


def test_district_summary_lists_every_district(world):
    rows = {r["district"]: (r["volunteers"], r["kompeten"]) for r in selectors.district_summary()}
    assert len(rows) == District.objects.count()
    assert rows["Manna"] == (3, 1)
    assert rows["Kedurang"] == (1, 1)
    assert rows["Pino"] == (0, 0)


# --- Pages and exports ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(URL))
def test_office_admin_opens_every_report(admin_client, world, name):
    response = admin_client.get(URL[name])
    assert response.status_code == 200
    if name != "summary":
        for export in ("csv", "xlsx"):
            assert admin_client.get(URL[name], {"export": export}).status_code == 200
        # The fragment Wagtail's filter drawer reloads.
        assert admin_client.get(URL[name] + "results/").status_code == 200


def test_results_page_and_exports_show_the_same_numbers(admin_client, world):
    params = {"group_by": "district"}
    expected = [
        ["Bimtek Dasar", "Kedurang", "1", "0", "0", "1", "0", "0.0"],
        ["Bimtek Dasar", "Manna", "3", "1", "1", "1", "1", "33.3"],
        ["Pendampingan Lanjut", "Kedurang", "1", "1", "1", "0", "0", "100.0"],
        ["Pendampingan Lanjut", "Manna", "1", "0", "0", "0", "1", "0.0"],
    ]
    page = admin_client.get(URL["results"], params)
    # The page localises decimals (Indonesian: comma).
    assert table_rows(page) == [[*row[:-1], row[-1].replace(".", ",")] for row in expected]

    exported = csv_rows(admin_client.get(URL["results"], {**params, "export": "csv"}))
    assert len(exported[0]) == 8 and exported[0][1] == "Kecamatan"  # the site speaks Indonesian
    assert exported[1:] == expected

    sheet = xlsx_rows(admin_client.get(URL["results"], {**params, "export": "xlsx"}))
    assert sheet[1:] == [[*row[:2], *(int(v) for v in row[2:7]), float(row[7])] for row in expected]


def test_results_filters_arrive_from_the_query_string(admin_client, world):
    march = {"period_from": "2026-03-01", "period_to": "2026-03-31"}
    assert table_rows(admin_client.get(URL["results"], march)) == [
        ["Pendampingan Lanjut", "2", "1", "1", "0", "1", "50,0"]
    ]
    cohort = {"cohort": world.cohort.pk, "group_by": "cohort"}
    exported = csv_rows(admin_client.get(URL["results"], {**cohort, "export": "csv"}))
    assert exported[1:] == [["Bimtek Dasar", "Angkatan 1", "2", "1", "1", "1", "0", "50.0"]]
    # An invalid value is ignored, as in Wagtail's own listings, instead of failing.
    assert admin_client.get(URL["results"], {"course": "nope"}).status_code == 200


def test_volunteers_per_area_page_and_export(admin_client, world):
    assert table_rows(admin_client.get(URL["per_area"])) == [
        ["Kedurang", "Desa Tiga", "1"],
        ["Manna", "Desa Dua", "1"],
        ["Manna", "Desa Satu", "2"],
    ]
    exported = csv_rows(admin_client.get(URL["per_area"], {"by": "district", "export": "csv"}))
    assert exported[1:] == [["Kedurang", "1"], ["Manna", "3"]]


def test_weakest_areas_page_and_export(admin_client, world):
    rows = table_rows(admin_client.get(URL["weakest"], {"course": world.dasar.pk}))
    assert [row[2:5] for row in rows] == [
        [str(KNOWLEDGE), "3", "66,67"],
        ["PSM.01 Unit PSM.01", "3", "67,50"],
        [str(SKILLS), "2", "77,50"],
        [str(ATTITUDE), "1", "85,00"],
    ]
    sheet = xlsx_rows(admin_client.get(URL["weakest"], {"export": "xlsx"}))
    first = sheet[1]
    assert first[0] == "Bimtek Dasar" and first[2] == str(KNOWLEDGE)
    assert first[3:] == [3, 66.67, 2, 66.7]
    assert len(sheet) == 6  # heading and five areas


def test_certificates_page_and_export(admin_client, world):
    assert table_rows(admin_client.get(URL["certificates"])) == [
        ["2026-04", "Pendampingan Lanjut", "3", "0", "1", "1", "1"],
        ["2026-02", "Bimtek Dasar", "1", "1", "0", "0", "0"],
    ]
    sheet = xlsx_rows(
        admin_client.get(
            URL["certificates"],
            {"period_from": "2026-04-01", "period_to": "2026-04-30", "export": "xlsx"},
        )
    )
    assert sheet[1:] == [["2026-04", "Pendampingan Lanjut", 3, 0, 1, 1, 1]]


# --- Privacy and formula injection -----------------------------------------------------------

PRIVATE = ["1987-06-05", "05/06/1987", "1987", "+6281299990001", "rahasia@example.org"]
PRIVATE += ["Kampung Rahasia"]  # place of birth


def test_volunteer_list_never_exports_private_fields(admin_client, world):
    get_user_model().objects.filter(pk=world.ani.pk).update(
        phone="+6281299990001", email="rahasia@example.org"
    )
    VolunteerProfile.objects.update(birth_place="Kampung Rahasia")
    exported = csv_rows(admin_client.get(URL["list"], {"export": "csv"}))
    sheet = xlsx_rows(admin_client.get(URL["list"], {"export": "xlsx"}))
    page = page_text(admin_client.get(URL["list"]))
    assert len(exported[0]) == len(selectors.VOLUNTEER_LIST_FIELDS) + 2  # + two counts
    assert ["Ani", "Manna", "Desa Satu", "2019", "IPSM-ani", "2", "1"] in exported
    assert ["Ani", "Manna", "Desa Satu", 2019, "IPSM-ani", 2, 1] in sheet
    for text in (str(exported), str(sheet), page[page.index('<table class="listing"') :]):
        for private in PRIVATE:
            assert private not in text, private
    # The selector itself never reads those columns.
    assert set(selectors.volunteer_list()[0]) == {
        *selectors.VOLUNTEER_LIST_FIELDS,
        "enrolments",
        "kompeten",
    }


HOSTILE = ['=HYPERLINK("http://x")', "+1", "-2", "@SUM(A1)", "\tX", "\rX"]


@pytest.fixture
def hostile(world):
    for index, text in enumerate(HOSTILE):
        make_volunteer(f"jahat{index}", district="Pino", village=text, full_name=text)


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_formula_injection_is_neutralised_in_exports(admin_client, hostile, export):
    pino = District.objects.get(name="Pino").pk
    response = admin_client.get(URL["list"], {"district": pino, "export": export})
    rows = (csv_rows if export == "csv" else xlsx_rows)(response)
    expected = sorted("'" + text for text in HOSTILE)
    if export == "xlsx":
        # XML parsing turns a stored CR into LF; what matters is the quote in front.
        expected = sorted(text.replace("\r", "\n") for text in expected)
    assert sorted(row[0] for row in rows[1:]) == expected  # names
    assert sorted(row[2] for row in rows[1:]) == expected  # villages
    assert all(isinstance(row[3], int if export == "xlsx" else str) for row in rows[1:])

    per_area = admin_client.get(URL["per_area"], {"district": pino, "export": export})
    rows = (csv_rows if export == "csv" else xlsx_rows)(per_area)
    assert sorted(row[1] for row in rows[1:]) == expected


def test_xlsx_cells_are_text_never_formulas(admin_client, hostile):
    response = admin_client.get(URL["list"], {"export": "xlsx"})
    body = b"".join(response.streaming_content)
    sheet = load_workbook(io.BytesIO(body)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f"
            if isinstance(cell.value, str):
                assert not cell.value.startswith(("=", "+", "-", "@", "\t", "\r"))


# --- Who may see the reports --------------------------------------------------------------


@pytest.mark.parametrize("name", list(URL))
def test_trainers_and_volunteers_are_refused(client, world, trainer, name):
    for user in (trainer, world.ani):
        client.force_login(user)
        for params in ({}, {"export": "csv"}):
            response = client.get(URL[name], params)
            assert response.status_code in (302, 403)
            assert not response.get("Location", "").startswith("/admin/laporan/")
            assert "Content-Disposition" not in response


@pytest.mark.parametrize("name", list(URL))
def test_anonymous_is_sent_to_log_in(client, world, name):
    response = client.get(URL[name], {"export": "csv"})
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_reports_menu_lists_the_reports_for_office_admins_only(client, office_admin, trainer):
    client.force_login(office_admin)
    assert "psm-report-course-results" in client.get("/admin/").content.decode()
    client.force_login(trainer)
    assert "psm-report-" not in client.get("/admin/").content.decode()


# --- A fixed number of queries, however many volunteers -------------------------------------


def add_volunteers(world, count, start):
    """More volunteers of every kind: enrolled, done, verdicts, cohort, certificates."""
    template = CertificateTemplate.objects.get()
    lessons = lessons_of(world.dasar)
    for n in range(start, start + count):
        user = make_volunteer(f"extra{n}", district=("Manna", "Pino")[n % 2], village=f"Desa {n}")
        enrol(user, world.dasar, at(2026, 1, 11))
        LessonCompletion.objects.create(user=user, lesson=lessons[0])
        if n % 3:
            verdict(
                user,
                world.dasar,
                (K, BK)[n % 2],
                when=at(2026, 2, 3),
                knowledge=70 + n % 20,
                units=[unit_entry("PSM.02", (K, BK)[n % 2], skills=60 + n % 30)],
            )
        if n % 3 == 1:
            certificate(user, world.dasar, f"X{n}/2026", issued=at(2026, 2, 4), template=template)
        world.cohort.members.add(user)
    world.cohort.save()


# Each report and export, and the exact number of queries it runs (a new query fails CI;
# change a number only with the reason): the same with 5 and with 40 volunteers.
REPORT_REQUESTS = [
    ("summary", {}, 15),
    ("per_area", {}, 12),
    ("list", {}, 12),
    ("list", {"export": "xlsx"}, 7),
    ("results", {"group_by": "cohort"}, 18),
    ("results", {"group_by": "district", "export": "csv"}, 10),
    ("weakest", {}, 15),
    ("weakest", {"export": "csv"}, 8),
    ("certificates", {"period_from": "2026-01-01"}, 12),
]


@pytest.mark.parametrize(("name", "params", "queries"), REPORT_REQUESTS)
def test_report_queries_do_not_grow_with_volunteers(
    admin_client, world, django_assert_num_queries, name, params, queries
):
    def fetch():
        response = admin_client.get(URL[name], params)
        if response.streaming:
            b"".join(response.streaming_content)  # a streamed CSV queries as it is read
        assert response.status_code == 200

    fetch()  # warm the per-process caches (content types, site root paths)
    add_volunteers(world, 1, start=0)  # 5 volunteers
    with django_assert_num_queries(queries):
        fetch()
    add_volunteers(world, 35, start=1)  # 40 volunteers
    with django_assert_num_queries(queries):
        fetch()


def test_selectors_query_counts(world, django_assert_num_queries):
    add_volunteers(world, 20, start=0)
    scope = selectors.Scope(since=at(2026, 1, 1), district_id=District.objects.first().pk)
    for call, queries in [
        (lambda: selectors.volunteers_per_area(), 1),
        (lambda: selectors.volunteer_list(), 1),
        # 3 small reads of the page tree (required lessons per course) + the count
        (lambda: selectors.course_results(scope=scope), 4),
        (lambda: selectors.course_results(scope=scope, group_by="district"), 4),
        (lambda: selectors.course_results(scope=selectors.Scope(), group_by="cohort"), 5),
        (lambda: selectors.weakest_areas(scope=scope), 2),
        (lambda: selectors.certificate_counts(since=at(2026, 1, 1)), 1),
        (lambda: selectors.district_summary(), 1),
    ]:
        with django_assert_num_queries(queries):
            call()


# --- Summary charts ------------------------------------------------------------------------


def test_summary_draws_labelled_svg_charts_with_a_table(admin_client, world):
    District.objects.create(name='<script>alert("x")</script> & Co')
    html = admin_client.get(URL["summary"]).content.decode()
    charts_html = html[html.index('id="chart-districts-heading"') :]
    svgs = re.findall(r"<svg [^>]*class=\"psm-chart\".*?</svg>", charts_html, flags=re.S)
    assert len(svgs) == 2
    for svg, chart_id in zip(svgs, ["chart-districts", "chart-verdicts"], strict=True):
        assert 'role="img"' in svg
        assert f'aria-labelledby="{chart_id}-title {chart_id}-desc"' in svg
        assert f'<title id="{chart_id}-title">' in svg
        assert "var(--w-color-" in svg  # the admin's palette
    # Names are escaped in the SVG and in the table.
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co" in charts_html
    # The table fallback carries the same figures: Manna has 3 volunteers, 1 Kompeten.
    table = charts_html[charts_html.index('<table class="w-sr-only">') :]
    manna = re.search(r"<th scope=\"row\">Manna</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>", table)
    assert manna.groups() == ("3", "1")
    dasar = re.search(
        r"<th scope=\"row\">Bimtek Dasar</th>\s*<td>(\d+)</td>\s*<td>(\d+)</td>\s*<td>(\d+)</td>",
        charts_html,
    )
    assert dasar.groups() == ("1", "2", "1")
    # Bars are as long as their values: Manna's volunteers bar is the longest.
    widths = [float(w) for w in re.findall(r'<rect x="210" y="\d+" width="([\d.]+)"', svgs[0])]
    assert max(widths) == 440.0 and widths.count(440.0) == 1


def test_share_chart_splits_each_bar_by_its_total():
    from reports import charts

    chart = charts.share_chart(
        chart_id="c",
        title="T",
        rows=[("A", (1, 2, 1)), ("Kosong", (0, 0, 0))],
        series=(charts.KOMPETEN, charts.BELUM_KOMPETEN, charts.NO_VERDICT),
    )
    widths = re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="18"', chart.svg)
    assert widths == ["110.0", "220.0", "110.0"]  # 25 %, 50 %, 25 % of 440
    assert "50%" in chart.svg and "n = 0" in chart.svg
