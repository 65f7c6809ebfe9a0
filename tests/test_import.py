"""Bulk import of volunteers from the office's CSV/XLSX registers: upload → preview → confirm."""

import csv
import datetime
import io
import zipfile

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import ModelLogEntry

from cohorts.models import Cohort
from core.errors import DomainError
from demo.factories import make_user
from modules.models import Enrollment
from people.imports import (
    HEADERS,
    MAX_ROWS,
    ImportFileError,
    ImportRejected,
    clean_rows,
    read_sheet,
    template_csv,
    template_xlsx,
)
from people.models import VolunteerImportBatch, VolunteerProfile
from people.services import volunteer_import_confirm, volunteer_import_preview

User = get_user_model()
URL = "/admin/impor-relawan/"


def person(i: int = 1, **overrides) -> dict:
    row = {
        "nama_lengkap": f"Relawan Nomor {i}",
        "no_hp": f"0813 {i:04d} {i:04d}",
        "tempat_lahir": "Manna",
        "tanggal_lahir": "1985-06-15",
        "jenis_kelamin": "P",
        "desa": "Desa Suka Maju",
        "kecamatan": "Pino Raya",
        "tahun_pengangkatan": "2015",
        "no_anggota_ipsm": "",
    }
    row.update(overrides)
    return row


def csv_bytes(rows, *, header=HEADERS, delimiter=",", encoding="utf-8") -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([row.get(key, "") for key in HEADERS])
    return out.getvalue().encode(encoding)


def xlsx_bytes(rows, *, header=HEADERS, above=()) -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for line in above:
        sheet.append(line)
    sheet.append(list(header))
    for row in rows:
        sheet.append([row.get(key) for key in HEADERS] if isinstance(row, dict) else row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def preview(content: bytes, name: str = "register.csv", *, by, cohort=None):
    return volunteer_import_preview(filename=name, content=content, by=by, cohort=cohort)


def upload(client, content: bytes, name: str = "register.csv", **extra):
    return client.post(URL, {"file": _file(content, name), **extra})


def _file(content: bytes, name: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(name, content)


def codes(errors) -> set[tuple[int, str, str]]:
    return {(e.row, e.column, e.code) for e in errors}


@pytest.fixture
def admin_client(client, office_admin):
    client.force_login(office_admin)
    return client


# The whole flow through the admin ---------------------------------------------------------


@pytest.mark.django_db
def test_good_csv_is_checked_first_and_written_only_on_confirm(admin_client, office_admin):
    rows = [
        person(1, tanggal_lahir="1985-06-15", jenis_kelamin="Perempuan"),
        person(2, tanggal_lahir="15/06/1985", jenis_kelamin="Laki-laki", no_hp="+62 813-0002-0002"),
        person(3, tanggal_lahir="15-06-1985", jenis_kelamin="l", kecamatan="  pino RAYA "),
    ]
    header = [
        "Nama Lengkap",
        " NO HP ",
        "Tempat Lahir",
        "tanggal_lahir",
        "JENIS KELAMIN",
        "Desa",
        "Kecamatan",
        "Tahun Pengangkatan",
        "No Anggota IPSM",
    ]
    before = User.objects.count()

    response = upload(admin_client, csv_bytes(rows, header=header))

    assert response.status_code == 302
    batch = VolunteerImportBatch.objects.get()
    assert response.url == f"{URL}{batch.pk}/"
    assert User.objects.count() == before  # nothing written by the preview
    assert (batch.new_count, batch.existing_count, batch.error_rows) == (3, 0, 0)
    page = admin_client.get(response.url)
    assert page.status_code == 200
    assert f'action="{URL}{batch.pk}/impor/"' in page.content.decode()

    response = admin_client.post(f"{URL}{batch.pk}/impor/")

    assert response.status_code == 302
    assert User.objects.count() == before + 3
    user = User.objects.get(phone="+6281300020002")
    assert user.username == "6281300020002"
    assert user.full_name == "Relawan Nomor 2"
    assert not user.has_usable_password()
    assert list(user.groups.values_list("name", flat=True)) == ["Relawan"]
    profile = user.profile
    assert profile.birth_date == datetime.date(1985, 6, 15)
    assert profile.sex == "L"
    assert profile.district.name == "Pino Raya"
    assert profile.year_appointed == 2015
    assert timezone.now() - profile.consent_at < datetime.timedelta(minutes=1)
    first, third = (
        VolunteerProfile.objects.get(user__phone=phone)
        for phone in ("+6281300010001", "+6281300030003")
    )
    assert (first.sex, third.sex, third.district.name) == ("P", "L", "Pino Raya")
    batch.refresh_from_db()
    assert batch.status == "done" and batch.new_count == 3 and batch.confirmed_by == office_admin
    assert batch.rows == []  # the personal data now lives in the register only


@pytest.mark.django_db
def test_good_xlsx_with_real_date_cells_numbers_and_a_title_row(office_admin):
    rows = [
        # Excel keeps typed phones and years as numbers, dates as date cells.
        [
            "Ani",
            81300010001,
            "Manna",
            datetime.datetime(1990, 1, 2),
            "P",
            "Desa A",
            "Manna",
            2018,
            12345,
        ],
        [],  # a blank line in the middle is not a person
        [
            "Budi",
            "0813-0002-0002",
            "Seginim",
            datetime.date(1980, 12, 31),
            "L",
            "Desa B",
            "Seginim",
            2020.0,
            None,
        ],
    ]
    content = xlsx_bytes(rows, above=[["DAFTAR PSM KABUPATEN BENGKULU SELATAN"], []])

    batch = preview(content, "daftar.xlsx", by=office_admin)
    assert (batch.total_rows, batch.new_count, batch.error_count) == (2, 2, 0)
    assert [row["row"] for row in batch.rows] == [4, 6]  # row numbers as Excel shows them
    volunteer_import_confirm(batch=batch, by=office_admin)

    ani = User.objects.get(phone="+6281300010001")
    assert ani.profile.birth_date == datetime.date(1990, 1, 2)
    assert ani.profile.ipsm_number == "12345"
    assert User.objects.get(phone="+6281300020002").profile.year_appointed == 2020


@pytest.mark.django_db
def test_errors_in_several_rows_are_listed_by_row_and_column_and_nothing_is_written(
    admin_client, office_admin
):
    this_year = timezone.localdate().year
    rows = [
        person(1),  # row 2 fine
        person(2, nama_lengkap="  ", no_hp="0213456789"),  # row 3
        person(3, tanggal_lahir="31/02/1990", jenis_kelamin="X"),  # row 4
        person(4, tanggal_lahir=f"01/01/{this_year - 10}", kecamatan="Atlantis"),  # row 5
        person(5, tanggal_lahir="1990/01/01", tahun_pengangkatan=str(this_year + 1)),  # row 6
        person(6, tanggal_lahir=f"{this_year + 1}-01-01", desa=""),  # row 7
        person(7, tanggal_lahir="01-01-1900", no_anggota_ipsm="9" * 51),  # row 8
    ]
    before = User.objects.count()

    batch = preview(csv_bytes(rows), by=office_admin)

    from people.services import volunteer_import_errors

    assert codes(volunteer_import_errors(batch=batch)) == {
        (3, "nama_lengkap", "required"),
        (3, "no_hp", "invalid_phone"),
        (4, "tanggal_lahir", "impossible_date"),
        (4, "jenis_kelamin", "bad_sex"),
        (5, "tanggal_lahir", "too_young"),
        (6, "tanggal_lahir", "bad_date"),
        (6, "tahun_pengangkatan", "bad_year"),
        (7, "tanggal_lahir", "future_date"),
        (7, "desa", "required"),
        (8, "tanggal_lahir", "too_old"),
        (8, "no_anggota_ipsm", "too_long"),
    }
    # Atlantis is checked against the database only for rows that pass the cell checks; row 5
    # already failed on its age.
    assert batch.error_rows == 6 and batch.new_count == 1
    page = admin_client.get(f"{URL}{batch.pk}/").content.decode()
    assert f"{URL}{batch.pk}/impor/" not in page  # no confirm button while there are errors
    assert "<td>8</td>" in page and "no_anggota_ipsm (I)" in page

    response = admin_client.post(f"{URL}{batch.pk}/impor/")

    assert response.status_code == 302
    assert User.objects.count() == before
    assert VolunteerImportBatch.objects.get().status == "preview"


@pytest.mark.django_db
def test_an_unknown_district_is_an_error(office_admin):
    batch = preview(csv_bytes([person(1, kecamatan="Atlantis"), person(2)]), by=office_admin)
    assert [(e["row"], e["column"], e["code"]) for e in batch.errors] == [
        (2, "kecamatan", "unknown_district")
    ]


@pytest.mark.django_db
def test_district_prefix_kec_is_understood(office_admin):
    batch = preview(csv_bytes([person(1, kecamatan="Kec. Kota Manna")]), by=office_admin)
    volunteer_import_confirm(batch=batch, by=office_admin)
    assert User.objects.get(full_name="Relawan Nomor 1").profile.district.name == "Kota Manna"


@pytest.mark.django_db
def test_duplicate_phone_within_the_file_names_both_rows(office_admin):
    rows = [person(1), person(2, no_hp="081300030003"), person(3, no_hp="+62 813 0003 0003")]
    batch = preview(csv_bytes(rows), by=office_admin)
    errors = [(e["row"], e["column"], e["code"], e["params"]) for e in batch.errors]
    assert errors == [
        (3, "no_hp", "duplicate_in_file", {"rows": "4"}),
        (4, "no_hp", "duplicate_in_file", {"rows": "3"}),
    ]
    with pytest.raises(DomainError) as refused:
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert refused.value.code == "import_has_errors"
    assert not User.objects.filter(phone__startswith="+62813").exists()


@pytest.mark.django_db
def test_reimporting_the_same_file_creates_nobody_twice(office_admin):
    content = csv_bytes([person(1), person(2)])
    volunteer_import_confirm(batch=preview(content, by=office_admin), by=office_admin)
    count = User.objects.count()
    # Same people typed a little differently the second time: same phone, same name.
    again = csv_bytes([person(1, nama_lengkap="  relawan   NOMOR 1 "), person(2)])

    batch = preview(again, by=office_admin)
    assert (batch.new_count, batch.existing_count, batch.error_count) == (0, 2, 0)
    batch = volunteer_import_confirm(batch=batch, by=office_admin)

    assert User.objects.count() == count
    assert (batch.new_count, batch.existing_count) == (0, 2)


@pytest.mark.django_db
def test_phone_of_a_different_person_is_an_error(office_admin):
    make_user("lain", phone="+6281300010001")  # full name "Lain"
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    assert [(e["row"], e["column"], e["code"]) for e in batch.errors] == [
        (2, "no_hp", "phone_taken")
    ]
    assert batch.errors[0]["params"] == {"name": "Lain", "username": "lain"}


@pytest.mark.django_db
def test_username_held_by_an_account_whose_number_changed_gets_the_fallback(office_admin):
    User.objects.create_user(username="6281300010001", full_name="Nomor Lama", phone=None)
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    volunteer_import_confirm(batch=batch, by=office_admin)
    assert User.objects.get(phone="+6281300010001").username == "psm-6281300010001"


# Bad files --------------------------------------------------------------------------------


@pytest.mark.django_db
def test_cp1252_csv_is_refused_with_a_clear_message_and_nothing_is_written(admin_client):
    content = csv_bytes([person(1, nama_lengkap="José Müller", desa="Désa Ñ")], encoding="cp1252")
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="register.csv", content=content)
    assert refused.value.code == "not_utf8"
    assert "CSV UTF-8" in str(refused.value.message)

    response = upload(admin_client, content)

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [refused.value.message]
    assert not VolunteerImportBatch.objects.exists()
    assert not User.objects.filter(full_name__startswith="Jos").exists()


@pytest.mark.django_db
def test_random_bytes_named_xlsx_and_a_truncated_workbook_are_refused(admin_client):
    good = xlsx_bytes([person(1)])
    for content in [bytes(range(256)) * 20, good[: len(good) // 2]]:
        with pytest.raises(ImportFileError) as refused:
            read_sheet(filename="register.xlsx", content=content)
        assert refused.value.code == "bad_xlsx"
        response = upload(admin_client, content, "register.xlsx")
        assert response.status_code == 200
        assert response.context["form"].errors["file"] == [refused.value.message]
    assert not VolunteerImportBatch.objects.exists()


def test_a_zip_that_is_not_a_workbook_is_refused():
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="register.xlsx", content=out.getvalue())
    assert refused.value.code == "bad_xlsx"


@pytest.mark.django_db
def test_semicolon_csv_from_indonesian_excel(office_admin):
    rows = [person(1, nama_lengkap="Siti Aminah, S.Pd"), person(2)]
    content = csv_bytes(rows, delimiter=";")
    batch = preview(content, by=office_admin)
    assert (batch.new_count, batch.error_count) == (2, 0)
    assert batch.rows[0]["nama_lengkap"] == "Siti Aminah, S.Pd"


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("register.csv", b"", "empty_file"),
        ("register.csv", b"\xef\xbb\xbf\r\n\r\n", "empty_file"),
        ("register.csv", b"nama_lengkap,no_hp\r\nAni,0813\r\n", "missing_columns"),
        ("register.csv", ",".join(HEADERS).encode() + b"\r\n", "no_rows"),
        ("register.xls", b"\xd0\xcf\x11\xe0" + b"\0" * 100, "old_xls"),
        ("register.pdf", b"%PDF-1.4", "wrong_type"),
        ("register.csv", b"a" * (2 * 1024 * 1024 + 1), "too_large"),
    ],
)
def test_unusable_files_get_one_clear_message(name, content, code):
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename=name, content=content)
    assert refused.value.code == code


def test_missing_columns_are_named():
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="r.csv", content=b"nama,no_hp,desa\r\nAni,0813,Desa\r\n")
    assert refused.value.params == {
        "columns": "tempat_lahir, tanggal_lahir, jenis_kelamin, kecamatan, tahun_pengangkatan"
    }


def test_more_than_ten_thousand_rows_is_refused():
    content = csv_bytes([person(i % 9000 + 1) for i in range(MAX_ROWS + 1)])
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="r.csv", content=content)
    assert refused.value.code == "too_many_rows"


def test_rows_with_only_a_row_number_are_not_people():
    header = ["No", *HEADERS]
    lines = [header, ["1", *person(1).values()], ["2"], ["3"]]
    content = "\r\n".join(",".join(line) for line in lines).encode()
    sheet = read_sheet(filename="r.csv", content=content)
    rows, errors = clean_rows(sheet, today=datetime.date(2026, 1, 1))
    assert len(rows) == 1 and errors == []


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1985-06-15", datetime.date(1985, 6, 15)),
        ("15/06/1985", datetime.date(1985, 6, 15)),
        ("5-6-1985", datetime.date(1985, 6, 5)),
        ("1985-06-15 00:00:00", datetime.date(1985, 6, 15)),
        ("15/06-1985", None),
        ("06/15/1985", None),
        ("15/06/85", None),
        ("29/02/2001", None),
    ],
)
def test_birth_date_formats(value, expected):
    sheet = read_sheet(filename="r.csv", content=csv_bytes([person(1, tanggal_lahir=value)]))
    rows, _errors = clean_rows(sheet, today=datetime.date(2026, 1, 1))
    assert (datetime.date.fromisoformat(rows[0]["tanggal_lahir"]) if rows else None) == expected


def test_age_limits_are_18_and_100():
    today = datetime.date(2026, 6, 15)
    cases = ["16/06/2008", "15/06/2008", "15/06/1926", "14/06/1925"]
    sheet = read_sheet(
        filename="r.csv",
        content=csv_bytes([person(i, tanggal_lahir=d) for i, d in enumerate(cases, 1)]),
    )
    rows, errors = clean_rows(sheet, today=today)
    assert [row["row"] for row in rows] == [3, 4]
    assert codes(errors) == {(2, "tanggal_lahir", "too_young"), (5, "tanggal_lahir", "too_old")}


# Confirm checks again ---------------------------------------------------------------------


@pytest.mark.django_db
def test_confirm_checks_again_and_writes_nothing_when_someone_registered_meanwhile(
    admin_client, office_admin
):
    batch = preview(csv_bytes([person(1), person(2), person(3)]), by=office_admin)
    assert batch.new_count == 3
    before = User.objects.count()
    make_user("tetangga", phone="+6281300020002")  # registered between preview and confirm

    response = admin_client.post(f"{URL}{batch.pk}/impor/")

    assert response.status_code == 409
    assert User.objects.count() == before + 1  # only the one who registered themselves
    assert not User.objects.filter(phone="+6281300010001").exists()
    assert [(e.row, e.column, e.code) for e in response.context["errors"]] == [
        (3, "no_hp", "phone_taken")
    ]
    with pytest.raises(ImportRejected):
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert VolunteerImportBatch.objects.get().status == "preview"
    assert not ModelLogEntry.objects.filter(action="psm.volunteer_import").exists()


@pytest.mark.django_db
def test_confirming_twice_imports_once(admin_client, office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    assert admin_client.post(f"{URL}{batch.pk}/impor/").status_code == 302
    count = User.objects.count()
    with pytest.raises(DomainError) as refused:
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert refused.value.code == "import_done"
    assert admin_client.post(f"{URL}{batch.pk}/impor/").status_code == 302
    assert User.objects.count() == count


@pytest.mark.django_db
def test_a_stale_preview_cannot_be_confirmed(office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    VolunteerImportBatch.objects.filter(pk=batch.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    batch.refresh_from_db()
    with pytest.raises(DomainError) as refused:
        volunteer_import_confirm(batch=batch, by=office_admin)
    assert refused.value.code == "import_expired"
    assert not User.objects.filter(phone="+6281300010001").exists()


@pytest.mark.django_db
def test_rows_reposted_by_the_browser_are_ignored(admin_client, office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    admin_client.post(
        f"{URL}{batch.pk}/impor/",
        {"rows": '[{"nama_lengkap": "Penyusup", "no_hp": "081399999999"}]'},
    )
    assert User.objects.filter(phone="+6281300010001").exists()
    assert not User.objects.filter(phone="+6281399999999").exists()


# Cohort, audit, speed ---------------------------------------------------------------------


@pytest.mark.django_db
def test_everyone_in_the_file_joins_the_chosen_cohort_and_its_course(
    admin_client, office_admin, course
):
    cohort = Cohort.objects.create(
        name="Angkatan 1",
        course=course,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 9),
    )
    first = preview(csv_bytes([person(1)]), by=office_admin)
    volunteer_import_confirm(batch=first, by=office_admin)
    response = upload(admin_client, csv_bytes([person(1), person(2)]), cohort=cohort.pk)
    batch = VolunteerImportBatch.objects.get(pk=response.url.rstrip("/").rsplit("/", 1)[1])
    assert batch.cohort == cohort

    admin_client.post(f"{URL}{batch.pk}/impor/")

    people = set(User.objects.filter(phone__in=["+6281300010001", "+6281300020002"]))
    assert set(cohort.members.all()) == people
    assert {e.user for e in Enrollment.objects.filter(course=course)} == people


@pytest.mark.django_db
def test_the_import_is_in_the_audit_trail(office_admin):
    content = csv_bytes([person(1), person(2)])
    volunteer_import_confirm(batch=preview(content, by=office_admin), by=office_admin)
    batch = volunteer_import_confirm(
        batch=preview(csv_bytes([person(1), person(3)]), by=office_admin), by=office_admin
    )
    entry = ModelLogEntry.objects.filter(action="psm.volunteer_import").latest("timestamp")
    assert entry.user == office_admin
    assert entry.object_id == str(batch.pk)
    assert entry.data["created"] == 1 and entry.data["skipped"] == 1
    assert entry.data["file_sha256"] == batch.file_sha256
    assert len(batch.file_sha256) == 64


@pytest.mark.django_db
def test_confirm_does_a_fixed_number_of_queries(office_admin, course):
    cohort = Cohort.objects.create(
        name="Angkatan Q",
        course=course,
        start_date=datetime.date(2026, 1, 5),
        end_date=datetime.date(2026, 1, 9),
    )
    counts = []
    for start, size in [(1, 10), (100, 50)]:
        rows = [person(i) for i in range(start, start + size)]
        rows[0]["nama_lengkap"] = "Sudah Terdaftar"
        already = make_user(f"ada{start}", phone=f"+62813{start:04d}{start:04d}")
        already.full_name = "Sudah Terdaftar"
        already.save()
        batch = preview(csv_bytes(rows), by=office_admin, cohort=cohort)
        assert batch.existing_count == 1 and batch.new_count == size - 1
        # Content types are cached per process: whether an earlier test in this process (with
        # pytest-xdist, any test) filled the cache must not change the count.
        ContentType.objects.clear_cache()
        with CaptureQueriesContext(connection) as queries:
            volunteer_import_confirm(batch=batch, by=office_admin)
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
    assert cohort.members.count() == 60


# Templates and access ---------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["csv", "xlsx"])
def test_the_downloaded_template_imports_as_it_is(admin_client, office_admin, kind):
    response = admin_client.get(f"{URL}templat.{kind}")
    assert response.status_code == 200
    assert f"templat-relawan.{kind}" in response["Content-Disposition"]

    batch = preview(response.content, f"templat-relawan.{kind}", by=office_admin)

    assert (batch.total_rows, batch.new_count, batch.error_count) == (1, 1, 0)


def test_templates_start_with_the_header():
    assert template_csv().decode("utf-8-sig").splitlines()[0] == ",".join(HEADERS)
    sheet = openpyxl.load_workbook(io.BytesIO(template_xlsx(districts=["Manna"]))).worksheets[0]
    assert [cell.value for cell in sheet[1]] == HEADERS


@pytest.mark.django_db
@pytest.mark.parametrize("url", [URL, f"{URL}templat.csv"])
def test_anonymous_visitors_are_sent_to_log_in(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")


@pytest.mark.django_db
def test_trainers_and_volunteers_are_refused(client, trainer, volunteer, office_admin):
    batch = preview(csv_bytes([person(1)]), by=office_admin)
    for user in (trainer, volunteer):
        client.force_login(user)
        for url in [URL, f"{URL}{batch.pk}/", f"{URL}templat.xlsx"]:
            response = client.get(url)
            assert response.status_code == 302, (user, url)
            assert response.url == "/admin/" or response.url.startswith("/admin/login/")
        response = client.post(f"{URL}{batch.pk}/impor/")
        assert response.status_code == 302
        response = upload(client, csv_bytes([person(5)]))
        assert response.status_code == 302
    assert not User.objects.filter(phone__startswith="+62813").exists()
    assert VolunteerImportBatch.objects.count() == 1


@pytest.mark.django_db
def test_menu_item_is_shown_to_office_admins_only(client, trainer, office_admin):
    client.force_login(office_admin)
    assert client.get(URL).status_code == 200
    assert URL in client.get("/admin/").content.decode()
    client.force_login(trainer)
    assert URL not in client.get("/admin/").content.decode()


@pytest.mark.django_db
def test_a_zip_bomb_posing_as_a_workbook_is_refused_before_it_is_unpacked(admin_client):
    """60 MB of zeros pack into a few kilobytes; the size inside the zip is checked first."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (60 * 1024 * 1024))
    content = out.getvalue()
    assert len(content) < 200 * 1024
    with pytest.raises(ImportFileError) as refused:
        read_sheet(filename="register.xlsx", content=content)
    assert refused.value.code == "too_large"
    response = upload(admin_client, content, "register.xlsx")
    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [refused.value.message]
    assert not VolunteerImportBatch.objects.exists()
